// The incremental scan behind `bulwark watch`: one full scan, then, for each batch of changed files, a scan of
// only what the change affects (the Terraform root modules that read a changed file, and the changed files
// themselves), and the findings that appeared and disappeared since, by fingerprint.
//
// Findings are kept per "unit": a Terraform root module (`tf:<dir>`) owns the findings its evaluation reached,
// a file (`file:<path>`) owns the rest (other formats, secrets, syntax errors). A re-scan replaces the units it
// covers; a finding is present while any unit owns it, so a module's finding reached from two roots stays until
// neither reaches it.

import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { dirOf } from '../core/dir-of.js';
import { readRegularFileSync } from '../core/regular-file.js';
import type { ScanResult } from '../core/result.js';
import type { Finding } from '../core/types.js';
import { PARSE_ERROR_RULE_ID } from '../analyze/rules/parse-error.js';
import { discover } from '../discover/walk.js';
import { MAX_FILE_BYTES, prepareScan, rulesFor, scanPrepared, type PreparedScan, type ScanCallOptions } from '../scan.js';
import { claimFiles, readHead } from '../scanners/claim.js';
import { BUILTIN_SCANNERS } from '../scanners/registry.js';
import { isTerraformFile, ModuleGraph } from './module-graph.js';

type DiscoveredFile = PreparedScan['files'][number];

/** What one batch of changes did. */
export interface ChangeOutcome {
  /** Project-relative paths of the files that changed, appeared or disappeared. */
  changed: string[];
  removed: string[];
  /** Root modules re-evaluated. */
  roots: string[];
  /** Files scanned again. */
  scanned: string[];
  /** Findings present now that were not before, and those gone. */
  added: Finding[];
  fixed: Finding[];
  /** All findings present now. */
  total: Finding[];
  durationMs: number;
}

export class IncrementalScan {
  private readonly files = new Map<string, DiscoveredFile>();
  private readonly graph = new ModuleGraph();
  private readonly units = new Map<string, Finding[]>();
  private readonly owners = new Map<string, number>();
  private readonly latest = new Map<string, Finding>();
  private readonly secretRules: ReadonlySet<string>;

  private constructor(
    private readonly targets: readonly string[],
    private readonly options: ScanCallOptions,
    readonly root: string,
  ) {
    this.secretRules = new Set(rulesFor(options).filter((r) => r.secrets !== undefined).map((r) => r.meta.id));
  }

  /** Scans `paths` in full; the engine then keeps up with changes given to `update`. */
  static async start(paths: readonly string[], options: ScanCallOptions = {}): Promise<{ engine: IncrementalScan; result: ScanResult }> {
    const targets = (paths.length ? paths : ['.']).map((p) => resolve(p));
    const prepared = await prepareScan(targets, options);
    const result = await scanPrepared(prepared, options);
    const engine = new IncrementalScan(targets, options, prepared.root);
    for (const file of prepared.files) engine.addFile(file);
    engine.graph.refresh();
    engine.ingest(result.findings, () => undefined);
    return { engine, result };
  }

  /** Every finding present now. */
  findings(): Finding[] {
    return [...this.latest.values()];
  }

  /** Project-relative path of an absolute one, or undefined outside the project. */
  relativePath(abs: string): string | undefined {
    const rel = relative(this.root, abs);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  }

  /**
   * Catches up with changes to these absolute paths (files or folders, created, edited or removed): scans what
   * they affect. Undefined when none of them is a file the scan reads.
   */
  async update(paths: readonly string[]): Promise<ChangeOutcome | undefined> {
    const started = performance.now();
    const modified = new Set<string>();
    const removed = new Set<string>();
    let rediscover = false;
    for (const abs of new Set(paths)) {
      const rel = this.relativePath(abs);
      if (rel === undefined) continue;
      const info = statOrUndefined(abs);
      const known = this.files.get(rel);
      if (known && info?.isFile()) {
        modified.add(rel);
        known.size = info.size;
      } else if (known) removed.add(rel);
      else if (info) rediscover = true; // a new file or folder, or an ignore file: discovery decides
      else for (const gone of this.filesUnder(rel)) removed.add(gone);
    }
    let added: string[] = [];
    if (rediscover) {
      const found = await this.discoverAgain();
      added = [...found.keys()].filter((rel) => !this.files.has(rel));
      for (const rel of this.files.keys()) if (!found.has(rel)) removed.add(rel);
      for (const rel of added) this.files.set(rel, found.get(rel)!);
    }
    for (const rel of removed) {
      modified.delete(rel);
      this.files.delete(rel);
    }
    const changed = [...new Set([...modified, ...added, ...removed])].sort();
    if (!changed.length) return undefined;

    // The roots that read a changed Terraform directory, before and after the change (a removed call frees a module).
    const tfDirs = new Set(changed.filter(isTerraformFile).map(dirOf));
    const oldRoots = new Set(this.graph.roots());
    const oldAffected = new Set([...tfDirs].flatMap((dir) => this.graph.rootsUsing(dir)));
    for (const rel of removed) if (isTerraformFile(rel)) this.graph.removeFile(rel);
    for (const rel of [...modified, ...added]) if (isTerraformFile(rel)) this.graph.setFile(rel, () => this.readText(rel));
    if (tfDirs.size) this.graph.refresh();
    const newRoots = new Set(this.graph.roots());
    const rescan = new Set([...tfDirs].flatMap((dir) => this.graph.rootsUsing(dir)));
    for (const root of oldAffected) if (newRoots.has(root)) rescan.add(root);
    for (const root of newRoots) if (!oldRoots.has(root)) rescan.add(root);

    const subset = new Set<string>([...modified, ...added]);
    const clearedUnits = new Set<string>();
    for (const root of [...oldAffected, ...[...oldRoots].filter((r) => !newRoots.has(r))]) clearedUnits.add(rootUnit(root));
    for (const root of rescan) {
      for (const dir of this.graph.closure(root)) {
        clearedUnits.add(rootUnit(dir));
        for (const rel of this.graph.filesOf(dir)) subset.add(rel);
      }
    }
    for (const rel of [...subset, ...removed]) clearedUnits.add(fileUnit(rel));

    const before = new Map<string, Finding>();
    for (const unit of clearedUnits) this.clearUnit(unit, before);
    const scanned = [...subset].filter((rel) => this.files.has(rel)).sort();
    if (scanned.length) {
      const files = scanned.map((rel) => this.files.get(rel)!);
      const { claimed, unclaimed } = claimFiles(files, this.options.scanners ?? BUILTIN_SCANNERS, (f) => readHead(f.abs));
      const prepared: PreparedScan = { started: performance.now(), root: this.root, files, claimed, unclaimed, diagnostics: [] };
      const result = await scanPrepared(prepared, this.options);
      this.ingest(result.findings, (fp) => {
        if (!before.has(fp)) before.set(fp, this.latest.get(fp) ?? PRESENT_NEVER);
      });
    }
    const addedFindings: Finding[] = [];
    const fixed: Finding[] = [];
    for (const [fp, was] of before) {
      const now = this.latest.get(fp);
      if (was !== PRESENT_NEVER && !now) fixed.push(was);
      else if (was === PRESENT_NEVER && now) addedFindings.push(now);
    }
    return {
      changed,
      removed: [...removed].sort(),
      roots: [...rescan].sort(),
      scanned,
      added: addedFindings,
      fixed,
      total: this.findings(),
      durationMs: Math.round(performance.now() - started),
    };
  }

  private addFile(file: DiscoveredFile): void {
    this.files.set(file.rel, file);
    if (isTerraformFile(file.rel)) this.graph.setFile(file.rel, () => this.readText(file.rel));
  }

  private readText(rel: string): string {
    return readRegularFileSync(this.files.get(rel)!.abs, { display: rel, maxBytes: MAX_FILE_BYTES });
  }

  private filesUnder(rel: string): string[] {
    const prefix = `${rel}/`;
    return [...this.files.keys()].filter((f) => f.startsWith(prefix));
  }

  /** The files discovery finds now, with the same rules as the first scan. */
  private async discoverAgain(): Promise<Map<string, DiscoveredFile>> {
    const scanners = this.options.scanners ?? BUILTIN_SCANNERS;
    const found = await discover([...this.targets], {
      exclude: this.options.exclude ?? [],
      accept: (name) => scanners.some((s) => s.mayClaim(name)),
      keepIfTracked: (name) => scanners.some((s) => s.keepIfTracked?.(name) === true),
      base: this.root,
    });
    return new Map(found.files.map((f) => [f.rel, f]));
  }

  /** Records findings under the units that own them; `touch` hears each fingerprint before it is added. */
  private ingest(findings: readonly Finding[], touch: (fingerprint: string) => void): void {
    for (const finding of findings) {
      // A suppressed finding is accepted: watch reports it gone, like the text report leaves it out.
      if (finding.suppression) continue;
      touch(finding.fingerprint);
      for (const unit of this.unitsOf(finding)) {
        let list = this.units.get(unit);
        if (!list) this.units.set(unit, (list = []));
        list.push(finding);
        this.owners.set(finding.fingerprint, (this.owners.get(finding.fingerprint) ?? 0) + 1);
      }
      this.latest.set(finding.fingerprint, finding);
    }
  }

  /** Forgets a unit's findings, noting in `before` what each fingerprint was before this change. */
  private clearUnit(unit: string, before: Map<string, Finding>): void {
    const list = this.units.get(unit);
    if (!list) return;
    this.units.delete(unit);
    for (const finding of list) {
      const fp = finding.fingerprint;
      if (!before.has(fp)) before.set(fp, this.latest.get(fp) ?? PRESENT_NEVER);
      const left = (this.owners.get(fp) ?? 1) - 1;
      if (left > 0) this.owners.set(fp, left);
      else {
        this.owners.delete(fp);
        this.latest.delete(fp);
      }
    }
  }

  /**
   * Which units own a finding: the roots that reached it for what Terraform's evaluation found (named by its
   * occurrences, else by the first module call on its path, else its own directory), its file for the rest.
   */
  private unitsOf(finding: Finding): string[] {
    const file = finding.location.file;
    if (!isTerraformFile(file) || finding.ruleId === PARSE_ERROR_RULE_ID || this.secretRules.has(finding.ruleId)) return [fileUnit(file)];
    if (finding.occurrences?.length) return [...new Set(finding.occurrences.map((o) => rootUnit(o.root === '.' ? '' : o.root)))];
    const call = finding.callPath?.[0];
    return [rootUnit(dirOf(call ? call.location.file : file))];
  }
}

/** Marks a fingerprint that was not present before a change. */
const PRESENT_NEVER: Finding = Object.freeze({}) as Finding;

const rootUnit = (dir: string) => `tf:${dir}`;
const fileUnit = (rel: string) => `file:${rel}`;

function statOrUndefined(abs: string) {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}
