// Terraform from files to findings: plan the root modules, evaluate each root (with its tfvars and
// the local modules it calls), run the rules. Pure over its inputs: reading files is the caller's.
// The same steps run in-process or spread over worker threads (see parallel.ts).

import { posix } from 'node:path';
import { pushAll } from '../core/arrays.js';
import { fingerprint, normaliseContent } from '../core/fingerprint.js';
import type { Diagnostic, Finding } from '../core/types.js';
import type { HclFile } from '../parse/hcl/ast.js';
import type { TfResource } from '../evaluate/terraform/view.js';
import { autoVarFileNames, evaluateProject, maskSensitive, type ModuleSource } from '../evaluate/terraform/index.js';
import { runTerraformRules, type PassedCheck, type RuleIndex } from '../analyze/engine.js';
import { proposeFixes, type FixProposalData } from '../analyze/propose.js';
import { SUPPRESSION_HINT } from '../suppress/inline.js';
import parseErrorRule, { PARSE_ERROR_RULE_ID } from '../analyze/rules/parse-error.js';
import { planTerraform, type TerraformPlan } from './terraform-plan.js';
import type { OutsideFiles } from './outside.js';
import { collectYoungGeneration } from './young-gc.js';

export { dirOf } from './terraform-plan.js';

export interface TerraformOptions {
  /** Extra var files (already parsed), applied after the automatic ones, in order. */
  varFiles?: readonly HclFile[];
  vars?: Readonly<Record<string, string>>;
  /** Module directories discovery did not list (above the scanned folder, or installed by `terraform init`). */
  outside?: OutsideFiles;
  /** Record the checks that found nothing (`--show-passed`). */
  showPassed?: boolean;
  /** Propose fixes for each root's findings while its syntax trees are at hand (`bulwark fix`). */
  proposeFixes?: { only?: readonly string[] };
}

export interface TerraformOutcome {
  findings: Finding[];
  /** The root module (directory, `.` for the top) that reached each finding, by index; '' for parse errors. */
  findingRoots: string[];
  diagnostics: Diagnostic[];
  /** What was evaluated and what the rules covered. */
  coverage: TerraformCoverage;
  rootModules: number;
  /** With `proposeFixes`: each fixable finding's proposal, by fingerprint. */
  proposals: [string, FixProposalData][];
  /** Files with a comment that may be a suppression (the only ones suppressions are then read from). */
  commented: string[];
  /** With `showPassed`: the checks that found nothing. */
  passed: PassedCheck[];
}

export interface TerraformCoverage {
  /** Managed resource instances evaluated. */
  resources: number;
  dataSources: number;
  /** Managed resources of a type some rule checks. */
  checked: number;
  /** Managed resources of types no rule checks, by type. */
  uncovered: [string, number][];
  /** Rules that had at least one resource to check. */
  applied: string[];
}

/** What evaluating some roots produced, plus what it touched, so the caller can catch up on the rest. */
export interface RootsOutcome extends TerraformOutcome {
  parseErrors: Finding[];
  /** Files read in part or not at all for reasons other than syntax (a limit, a read error): warnings. */
  fileWarnings: Diagnostic[];
  /** Directories loaded as a root or as a module. */
  loadedDirs: string[];
  /** Files parsed. */
  parsedPaths: string[];
}

/**
 * Source text of parsed module directories kept for reuse by later roots. A syntax tree takes about 25 times
 * its text, so 4 MB of text is about 100 MB of heap: enough for the shared modules of a monorepo, bounded
 * when every directory is a module.
 */
const MODULE_CACHE_BYTES = 4 * 1024 * 1024;

/** Evaluates the given roots one by one; a root's syntax trees are released after it. */
export function analyzeRoots(
  plan: TerraformPlan,
  roots: readonly string[],
  parse: (path: string) => HclFile,
  index: RuleIndex,
  options: TerraformOptions,
  onRootDone?: () => void,
): RootsOutcome {
  return rootAnalyzer(plan, parse, index, options)(roots, onRootDone);
}

/**
 * A reusable `analyzeRoots`: module directories parsed for one call stay cached (bounded by size) for
 * the next, so a thread that analyses many small batches parses shared modules once.
 */
export function rootAnalyzer(
  plan: TerraformPlan,
  parse: (path: string) => HclFile,
  index: RuleIndex,
  options: TerraformOptions,
): (roots: readonly string[], onRootDone?: () => void) => RootsOutcome {
  const rootSet = new Set(plan.roots);
  const moduleCache = new BoundedCache<HclFile[]>(MODULE_CACHE_BYTES);
  const configurationSeen = new Set<string>();
  return (roots, onRootDone) => analyzeWith(plan, roots, parse, index, options, rootSet, moduleCache, configurationSeen, onRootDone);
}

function analyzeWith(
  plan: TerraformPlan,
  roots: readonly string[],
  parse: (path: string) => HclFile,
  index: RuleIndex,
  options: TerraformOptions,
  rootSet: ReadonlySet<string>,
  moduleCache: BoundedCache<HclFile[]>,
  configurationSeen: Set<string>,
  onRootDone?: () => void,
): RootsOutcome {
  const parseErrors: Finding[] = [];
  const fileWarnings: Diagnostic[] = [];
  const commented: string[] = [];
  const parsedPaths = new Set<string>();
  const loadedDirs = new Set<string>();
  // The syntax trees of the root being analysed, for fix proposals; dropped with the root.
  let rootFiles = new Map<string, HclFile>();
  const proposeOnly = options.proposeFixes?.only ? new Set(options.proposeFixes.only) : undefined;
  const noteParsed = (file: HclFile): HclFile => {
    if (options.proposeFixes) rootFiles.set(file.path, file);
    if (!parsedPaths.has(file.path)) {
      parsedPaths.add(file.path);
      if (mayHoldSuppressions(file)) commented.push(file.path);
      if (file.errors.length) parseErrors.push(parseErrorFinding(file));
      pushAll(fileWarnings, fileWarningDiagnostics(file));
    }
    return file;
  };
  const parseChecked = (path: string): HclFile => noteParsed(parse(path));
  const modules: ModuleSource = {
    readModule: (dir) => {
      const paths = plan.tfByDir.get(dir) ?? options.outside?.tfFiles(dir);
      if (!paths) return undefined;
      loadedDirs.add(dir);
      if (rootSet.has(dir)) return paths.map(parseChecked);
      const cached = moduleCache.get(dir);
      if (cached) {
        // Still counted as parsed by this call, so syntax errors are reported however roots are batched.
        cached.forEach(noteParsed);
        return cached;
      }
      const files = paths.map(parseChecked);
      moduleCache.set(dir, files, files.reduce((n, f) => n + f.text.length, 0));
      return files;
    },
    installedModule: (root, key) => options.outside?.installedModules(root).get(key),
  };

  const findings: Finding[] = [];
  const findingRoots: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const proposals: [string, FixProposalData][] = [];
  const passed: PassedCheck[] = [];
  const coverage = new CoverageCounter(index);
  const analyzeRoot = (root: string): void => {
    rootFiles = new Map();
    const rootFindings = evaluateRoot(root);
    if (options.proposeFixes) {
      const propose = { rules: index.byId, parse: (rel: string) => rootFiles.get(rel), dirFiles: (dir: string) => plan.tfByDir.get(dir) ?? [], defaults: index.defaults, ...(proposeOnly ? { only: proposeOnly } : {}) };
      pushAll(proposals, proposeFixes(rootFindings, propose));
    }
    rootFiles = new Map();
    // Which root reached each finding: the same problem reached from several is merged into one afterwards.
    const occurrenceRoot = root === '' ? '.' : root;
    for (const f of rootFindings) {
      findings.push(f);
      findingRoots.push(occurrenceRoot);
    }
  };
  /** Evaluates a root and runs the rules: its findings (its diagnostics and coverage are recorded). */
  const evaluateRoot = (root: string): Finding[] => {
    const names = autoVarFileNames((plan.varsByDir.get(root) ?? []).map((p) => posix.basename(p)));
    const varFiles = [...names.map((name) => parseChecked(root ? `${root}/${name}` : name)), ...(options.varFiles ?? [])];
    const result = evaluateProject({ root, modules, varFiles, configurationSeen, rootsInScan: plan.roots.length, ...(options.vars ? { vars: { ...options.vars } } : {}) });
    const run = runTerraformRules(result.project, index, options.showPassed ? passed : undefined);
    coverage.count(result.project.resources, run.consulted, run.applied);
    const sensitive = result.project.sensitiveValues;
    if (sensitive?.size) {
      for (const f of run.findings) maskFinding(f, sensitive);
      for (const d of result.diagnostics) d.message = maskSensitive(d.message, sensitive);
    }
    // Attributes are evaluated as rules read them, so evaluation warnings are complete only now.
    pushAll(diagnostics, result.diagnostics);
    return run.findings;
  };
  // Between roots the previous root is garbage (its frame is gone): collecting there keeps collections out of the
  // middle of a root. Not when fixes are proposed: then each collection found far more alive (measured on the
  // benchmark tree: forced collections cost `bulwark fix` 3 s of 14, while they save a plain scan about 2%).
  const collectBetweenRoots = roots.length > 1 && !options.proposeFixes;
  for (const root of roots) {
    if (collectBetweenRoots) collectYoungGeneration();
    analyzeRoot(root);
    onRootDone?.();
  }
  rootFiles = new Map();
  return { findings, findingRoots, diagnostics, coverage: coverage.result(), rootModules: roots.length, proposals, commented, passed, parseErrors, fileWarnings, loadedDirs: [...loadedDirs], parsedPaths: [...parsedPaths] };
}

/**
 * Merges the outcomes of the planned roots, then catches up: directories no root loaded (the plan
 * took them for modules, or they only call each other) are evaluated as roots, and files nothing
 * parsed (tfvars of non-root directories) are still checked for syntax errors.
 */
export function finishTerraform(
  plan: TerraformPlan,
  outcomes: RootsOutcome[],
  analyzeMore: (roots: readonly string[]) => RootsOutcome,
  parse: (path: string) => HclFile,
): TerraformOutcome {
  const loaded = new Set(outcomes.flatMap((o) => o.loadedDirs));
  const missed = [...plan.tfByDir.keys()].filter((dir) => !loaded.has(dir)).sort();
  if (missed.length) outcomes.push(analyzeMore(missed));

  const parseErrors = new Map<string, Finding>();
  // A module file parsed by several batches warns once.
  const fileWarnings = new Map<string, Diagnostic>();
  const warnOnce = (d: Diagnostic) => fileWarnings.set(`${d.code}\0${d.location?.file}`, d);
  const parsed = new Set<string>();
  const commented = new Set(outcomes.flatMap((o) => o.commented));
  for (const o of outcomes) {
    for (const path of o.parsedPaths) parsed.add(path);
    for (const f of o.parseErrors) parseErrors.set(f.location.file, f);
    o.fileWarnings.forEach(warnOnce);
  }
  for (const paths of [...plan.tfByDir.values(), ...plan.varsByDir.values()]) {
    for (const path of paths) {
      if (parsed.has(path)) continue;
      const file = parse(path);
      if (mayHoldSuppressions(file)) commented.add(path);
      if (file.errors.length) parseErrors.set(path, parseErrorFinding(file));
      fileWarningDiagnostics(file).forEach(warnOnce);
    }
  }
  return {
    findings: [...outcomes.flatMap((o) => o.findings), ...parseErrors.values()],
    findingRoots: [...outcomes.flatMap((o) => o.findingRoots), ...[...parseErrors.values()].map(() => '')],
    diagnostics: [...fileWarnings.values(), ...outcomes.flatMap((o) => o.diagnostics)],
    coverage: mergeCoverage(outcomes.map((o) => o.coverage)),
    rootModules: outcomes.reduce((n, o) => n + o.rootModules, 0),
    proposals: outcomes.flatMap((o) => o.proposals),
    commented: [...commented],
    passed: outcomes.flatMap((o) => o.passed),
  };
}

/** A comment that may be a suppression; a file that cannot be parsed at all may hide one anywhere. */
function mayHoldSuppressions(file: HclFile): boolean {
  return file.errors.length > 0 || file.comments.some((c) => SUPPRESSION_HINT.test(c.text));
}

/** A file's warnings (a limit applied, a read error) as diagnostics. */
function fileWarningDiagnostics(file: HclFile): Diagnostic[] {
  return (file.warnings ?? []).map((w) => ({ severity: 'warning', code: w.code, format: 'terraform', message: w.message, location: { file: file.path, range: w.range } }));
}

function parseErrorFinding(file: HclFile): Finding {
  const first = file.errors[0]!;
  const more = file.errors.length > 1 ? ` (and ${file.errors.length - 1} more syntax error${file.errors.length > 2 ? 's' : ''})` : '';
  return {
    ruleId: PARSE_ERROR_RULE_ID,
    severity: parseErrorRule.meta.severity,
    title: parseErrorRule.meta.problem,
    message: `${file.path} could not be parsed: ${first.message}${more}. The blocks that did parse were still scanned.`,
    location: { file: file.path, range: first.range },
    fingerprint: fingerprint({ ruleId: PARSE_ERROR_RULE_ID, file: file.path, content: normaliseContent(`${lineAt(file.text, first.range.start.offset)} ${first.message}`) }),
    remediation: parseErrorRule.meta.remediation,
  };
}

/** Counts resources by whether any rule reads their type. */
class CoverageCounter {
  private readonly counts: TerraformCoverage = { resources: 0, dataSources: 0, checked: 0, uncovered: [], applied: [] };
  private readonly uncovered = new Map<string, number>();
  private readonly applied = new Set<string>();
  constructor(private readonly index: RuleIndex) {}

  /** `consulted`: resource types the rules read while checking others (a bucket's versioning resource, say). */
  count(resources: readonly TfResource[], consulted: ReadonlySet<string>, applied: ReadonlySet<string>): void {
    for (const id of applied) this.applied.add(id);
    for (const r of resources) {
      if (r.mode === 'data') {
        this.counts.dataSources++;
        continue;
      }
      if (r.mode !== 'managed') continue;
      this.counts.resources++;
      if (this.index.terraform.has(r.type) || this.index.state.has(r.type) || consulted.has(r.type)) this.counts.checked++;
      else this.uncovered.set(r.type, (this.uncovered.get(r.type) ?? 0) + 1);
    }
  }

  result(): TerraformCoverage {
    return { ...this.counts, uncovered: [...this.uncovered], applied: [...this.applied] };
  }
}

export function mergeCoverage(parts: readonly TerraformCoverage[]): TerraformCoverage {
  const uncovered = new Map<string, number>();
  for (const p of parts) for (const [type, n] of p.uncovered) uncovered.set(type, (uncovered.get(type) ?? 0) + n);
  return {
    resources: parts.reduce((n, p) => n + p.resources, 0),
    dataSources: parts.reduce((n, p) => n + p.dataSources, 0),
    checked: parts.reduce((n, p) => n + p.checked, 0),
    uncovered: [...uncovered],
    applied: [...new Set(parts.flatMap((p) => p.applied))].sort(),
  };
}

/** Masks sensitive values in everything a finding prints (message, addresses, call paths). */
function maskFinding(f: Finding, values: ReadonlySet<string>): void {
  f.message = maskSensitive(f.message, values);
  if (f.resource) f.resource = maskSensitive(f.resource, values);
  if (f.callPath) f.callPath = f.callPath.map((site) => ({ ...site, module: maskSensitive(site.module, values) }));
}

/** The whole line holding `offset`. */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Least-recently-used cache bounded by a caller-supplied size per entry. */
class BoundedCache<T> {
  private readonly entries = new Map<string, { value: T; size: number }>();
  private total = 0;
  constructor(private readonly limit: number) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T, size: number): void {
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.limit || oldest === key) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
  }
}
