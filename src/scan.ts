// The library entry for auditing: discover the files, let each format scanner claim its own, run them,
// and merge what they found into one result that says what was checked and what was not. The CLI is a
// thin shell over this.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinRules } from './analyze/rules/index.js';
import type { Rule } from './analyze/rule.js';
import type { FixProposalData } from './analyze/propose.js';
import { scoreRisk } from './analyze/risk.js';
import { withComplianceFailures } from './report/compliance.js';
import { compileCustomRule } from './policy/custom-rules.js';
import { enabledRuleIds } from './policy/apply.js';
import type { WorkerSession } from './pipeline/parallel.js';
import type { PassedCheck } from './analyze/engine.js';
import { pushAll } from './core/arrays.js';
import { plural } from './core/plural.js';
import { SCAN_RESULT_VERSION, type FormatStats, type ScanOptions, type ScanResult } from './core/result.js';
import { compareText, type Diagnostic, type Finding } from './core/types.js';
import { discover, findRepositoryTop } from './discover/walk.js';
import { MAX_FILE_BYTES } from './pipeline/file-parser.js';
import { claimFiles, readHead } from './scanners/claim.js';
import type { FormatScanner } from './scanners/format.js';
import { sortDiagnostics, sortFindings } from './scanners/merge.js';
import { BUILTIN_SCANNERS } from './scanners/registry.js';
import { diskSource } from './scanners/source.js';
import { VERSION } from './version.js';
import { applyPolicy } from './policy/apply.js';
import { applyPolicySuppressions } from './policy/suppressions.js';
import { applyInlineSuppressions } from './suppress/inline.js';
import { readRegularFileSync } from './core/regular-file.js';
import type { Policy } from './policy/schema.js';

export { MAX_FILE_BYTES, sortFindings };

export type ScanCallOptions = ScanOptions & {
  rules?: readonly Rule[];
  scanners?: readonly FormatScanner<any>[];
  policy?: Policy;
  today?: string;
  /** Set by `bulwark fix`: scanners propose fixes while their syntax trees are at hand, and hand them here. */
  onFixProposals?: (proposals: readonly [string, FixProposalData][]) => void;
  /** With onFixProposals: propose only for these findings (by fingerprint). */
  proposeOnly?: readonly string[];
  /** Worker threads to keep between scans of the same files (the caller closes it). */
  workerSession?: WorkerSession;
};

/** What discovery found and which scanner claimed each file: scanned once by `scan`, again by fix verification. */
export interface PreparedScan {
  started: number;
  root: string;
  files: readonly DiscoveredFile[];
  claimed: ReturnType<typeof claimFiles<DiscoveredFile>>['claimed'];
  unclaimed: readonly DiscoveredFile[];
  diagnostics: readonly Diagnostic[];
}

type DiscoveredFile = Awaited<ReturnType<typeof discover>>['files'][number];

/** The formats Bulwark reads, for messages. */
const READ_FORMATS = 'Terraform, Kubernetes, Dockerfile, docker-compose';

export async function scan(paths: readonly string[], options: ScanCallOptions = {}): Promise<ScanResult> {
  return scanPrepared(await prepareScan(paths, options), options);
}

export async function prepareScan(paths: readonly string[], options: ScanCallOptions = {}): Promise<PreparedScan> {
  const started = performance.now();
  const scanners = options.scanners ?? BUILTIN_SCANNERS;
  const targets = [...(paths.length ? paths : ['.'])].map((p) => resolve(p));
  const discovered = await discover(targets, {
    exclude: options.exclude ?? [],
    accept: (name) => scanners.some((s) => s.mayClaim(name)),
    keepIfTracked: (name) => scanners.some((s) => s.keepIfTracked?.(name) === true),
    base: options.projectRoot ?? defaultProjectRoot(targets),
  });
  const { claimed, unclaimed } = claimFiles(discovered.files, scanners, (f) => readHead(f.abs));
  return { started, root: discovered.root, files: discovered.files, claimed, unclaimed, diagnostics: discovered.diagnostics };
}

/** The name standard input is scanned as: what it looks like decides which scanner reads it. */
export function stdinName(text: string): string {
  const first = text.split('\n').find((line) => line.trim() !== '' && !line.trimStart().startsWith('#')) ?? '';
  return /^\s*(FROM|ARG)\s/i.test(first) ? 'stdin.dockerfile' : 'stdin.yaml';
}

/**
 * Scans text from standard input (`helm template . | bulwark scan -`) as one file, claimed by its content like a
 * file of that name would be; nothing on disk is read.
 */
export async function scanText(text: string, options: ScanCallOptions & { cwd: string }): Promise<ScanResult> {
  const started = performance.now();
  const rel = stdinName(text);
  const scanners = options.scanners ?? BUILTIN_SCANNERS;
  // `abs` is never read: the overlay holds the text.
  const files = [{ rel, abs: resolve(options.cwd, rel), size: Buffer.byteLength(text), explicit: true as const }];
  const { claimed, unclaimed } = claimFiles(files, scanners.filter((s) => s.id !== 'terraform'), () => text.slice(0, 64 * 1024));
  const prepared: PreparedScan = { started, root: options.cwd, files, claimed, unclaimed, diagnostics: [] };
  return scanPrepared(prepared, options, new Map([[rel, text]]));
}

/**
 * Runs the scanners over prepared files. `overlay` maps project-relative paths to edited texts read instead of
 * the files on disk: fix verification re-scans the project as it would be after the fixes, without writing.
 */
export async function scanPrepared(prepared: PreparedScan, options: ScanCallOptions = {}, overlay?: ReadonlyMap<string, string>): Promise<ScanResult> {
  const started = overlay && prepared.files.some((f) => !overlay.has(f.rel)) ? performance.now() : prepared.started;
  const rules = rulesFor(options);
  const { root, files, claimed, unclaimed } = prepared;
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const findings: Finding[] = [];
  const formats: Record<string, FormatStats> = {};
  // Files of no format (a package.json next to the templates, say) were only looked at, or only searched for
  // secrets; the count is of files of a format (each once) and files named on the command line.
  const ofAFormat = new Set(claimed.filter((c) => !c.scanner.shared).flatMap((c) => c.files));
  const searched = new Set(claimed.filter((c) => c.scanner.shared).flatMap((c) => c.files));
  const counted = [...new Set([...ofAFormat, ...files.filter((f) => f.explicit)])];
  // Files that may hold suppression comments: those the scanners name, and every file of a scanner that does not say.
  const mayHoldSuppressions = new Set<string>();
  const passed: PassedCheck[] = [];
  // Every scanner at once: the Terraform stage works in worker threads while the others read in this one
  // (in time slices). Their results are merged in registry order, so the result does not depend on timing.
  const outcomes = await Promise.all(
    claimed.map(({ scanner, files: own }) =>
      scanner.scan({
      source: diskSource(own, overlay),
      rules,
      builtinRulesOnly: rules === builtinRules || rules.every((r) => builtinRules.includes(r) || r.portable !== undefined),
      ...(options.policy ? { defaults: options.policy.safeDefaults, dataClasses: options.policy.dataClasses } : {}),
      ...(options.showPassed ? { showPassed: true } : {}),
      ...(options.onFixProposals ? { proposeFixes: options.proposeOnly ? { only: options.proposeOnly } : {} } : {}),
      options: formatOptions(scanner.id, options, root),
      ...(options.onProgress ? { onProgress: (done: number, total: number, unit: string) => options.onProgress!({ done, total, unit }) } : {}),
      }),
    ),
  );
  for (const [i, { scanner, files: own }] of claimed.entries()) {
    const outcome = outcomes[i]!;
    formats[scanner.id] = outcome.stats;
    if (outcome.proposals) options.onFixProposals?.(outcome.proposals);
    for (const rel of outcome.commented ?? own.map((f) => f.rel)) mayHoldSuppressions.add(rel);
    if (outcome.passed) pushAll(passed, outcome.passed);
    pushAll(findings, outcome.findings);
    pushAll(diagnostics, outcome.diagnostics);
  }
  for (const file of files.filter((f) => f.explicit && !ofAFormat.has(f))) {
    diagnostics.push({
      severity: 'warning',
      code: 'file-not-read',
      message: `${file.rel} is not in a format Bulwark reads (${READ_FORMATS}), nor one it recognises; ${searched.has(file) ? 'it was only searched for secrets' : 'it was not checked'}.`,
      location: { file: file.rel, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } },
    });
  }

  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const merged = withoutRepeatedSecrets(findings, rules);
  const decided = suppressInline(
    options.policy ? decide(merged, rules, options.policy, diagnostics, today) : merged,
    files.filter((f) => mayHoldSuppressions.has(f.rel)),
    rules,
    diagnostics,
    today,
    overlay,
  );
  // What the secrets scanner searched is said in its own line; it does not make a configuration checked.
  const shared = new Set<string>(claimed.filter((c) => c.scanner.shared).map((c) => c.scanner.id));
  const checked = Object.entries(formats).reduce((n, [id, f]) => n + (shared.has(id) ? 0 : f.checked), 0);
  if (checked === 0) diagnostics.push(nothingChecked(counted.length, Object.fromEntries(Object.entries(formats).filter(([id]) => !shared.has(id))), formats.secrets?.checked ?? 0));
  return {
    schemaVersion: SCAN_RESULT_VERSION,
    tool: { name: 'bulwark', version: VERSION },
    root,
    stats: {
      files: counted.length,
      bytes: counted.reduce((n, f) => n + Math.min(f.size, MAX_FILE_BYTES), 0),
      checked,
      durationMs: Math.round(performance.now() - started),
      formats,
    },
    findings: sortFindings(withComplianceFailures(decided.map(scoreRisk), rules.map((r) => r.meta))),
    diagnostics: sortDiagnostics(diagnostics),
    rules: rules.map((r) => r.meta),
    ...(options.showPassed ? { passed: passedChecks(passed, rules, options.policy) } : {}),
  };
}

/**
 * The secrets scanner reads every file, so a secret that a format's own rule already reports (a literal in a
 * Kubernetes env var, a Terraform variable default) would be reported twice: the format's rule, which knows the
 * resource, is kept.
 */
function withoutRepeatedSecrets(findings: readonly Finding[], rules: readonly Rule[]): Finding[] {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const fromSecretsScanner = (f: Finding) => byId.get(f.ruleId)?.secrets !== undefined;
  const known = new Set<string>();
  for (const f of findings) {
    if (!fromSecretsScanner(f) && byId.get(f.ruleId)?.meta.risk === 'credentials') known.add(`${f.location.file}:${f.location.range.start.line}`);
  }
  if (!known.size) return [...findings];
  return findings.filter((f) => !fromSecretsScanner(f) || !known.has(`${f.location.file}:${f.location.range.start.line}`));
}

/** The checks that passed, once each, without the rules the policy turns off, in file and line order. */
function passedChecks(passed: readonly PassedCheck[], rules: readonly Rule[], policy: Policy | undefined): PassedCheck[] {
  const enabled = enabledRuleIds(rules.map((r) => r.meta), policy);
  const unique = new Map<string, PassedCheck>();
  for (const p of passed) if (enabled.has(p.ruleId)) unique.set(`${p.file}\0${p.line}\0${p.resource}\0${p.ruleId}`, p);
  return [...unique.values()].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(a.resource, b.resource) || compareText(a.ruleId, b.ruleId));
}

const compiledPolicies = new WeakMap<Policy, readonly Rule[]>();

/** The rules a scan runs: those given, else the built-in ones and the policy's custom rules. */
export function rulesFor(options: Pick<ScanCallOptions, 'rules' | 'policy'>): readonly Rule[] {
  if (options.rules) return options.rules;
  const policy = options.policy;
  if (!policy?.customRules.length) return builtinRules;
  let rules = compiledPolicies.get(policy);
  if (!rules) compiledPolicies.set(policy, (rules = [...builtinRules, ...policy.customRules.map((r) => compileCustomRule(r.spec))]));
  return rules;
}

/** Suppression comments in the files with findings applied: the findings they cover are marked, not dropped. */
function suppressInline(
  findings: Finding[],
  files: readonly { rel: string; abs: string }[],
  rules: readonly Rule[],
  diagnostics: Diagnostic[],
  today: string,
  overlay?: ReadonlyMap<string, string>,
): Finding[] {
  const abs = new Map(files.map((f) => [f.rel, f.abs]));
  const textOf = (rel: string): string | undefined => {
    const path = abs.get(rel);
    if (path === undefined) return undefined;
    const edited = overlay?.get(rel);
    if (edited !== undefined) return edited;
    try {
      return readRegularFileSync(path, { maxBytes: MAX_FILE_BYTES });
    } catch {
      return undefined;
    }
  };
  const outcome = applyInlineSuppressions(findings, textOf, today, rules.map((r) => r.meta));
  pushAll(diagnostics, outcome.diagnostics);
  return outcome.findings;
}

/** The policy's rule settings applied; what it did and what in it looks wrong, as diagnostics. */
function decide(findings: Finding[], rules: readonly Rule[], policy: Policy, diagnostics: Diagnostic[], today: string): Finding[] {
  const outcome = applyPolicy(findings, rules.map((r) => r.meta), policy);
  const accepted = applyPolicySuppressions(outcome.findings, policy, today);
  pushAll(diagnostics, accepted.diagnostics);
  for (const message of [...policy.warnings, ...outcome.warnings]) diagnostics.push({ severity: 'warning', code: 'policy', message });
  const did = [
    outcome.turnedOff ? `${plural(outcome.turnedOff, 'finding')} turned off` : '',
    outcome.reclassified ? `${plural(outcome.reclassified, 'severity', 'severities')} changed` : '',
  ].filter(Boolean);
  const local = policy.files[policy.files.length - 1] ?? 'bulwark.yaml';
  const bases = policy.files.slice(0, -1);
  diagnostics.push({ severity: 'note', code: 'policy-applied', message: `Policy ${local}${bases.length ? ` (extending ${bases.join(', ')})` : ''} applied${did.length ? `: ${did.join(', ')}` : ''}.` });
  return accepted.findings;
}

/**
 * The root every path is relative to: the git top level above the scanned paths (so code-scanning
 * annotations land on the right file whichever sub-folder was scanned), else their common directory.
 */
function defaultProjectRoot(targets: readonly string[]): string | undefined {
  const first = targets[0];
  if (first === undefined) return undefined;
  let dir = first;
  try {
    if (!statSync(first).isDirectory()) dir = resolve(first, '..');
  } catch {
    return undefined;
  }
  return findRepositoryTop(dir);
}

/** Each format's own options, taken from the scan options. */
function formatOptions(format: string, options: ScanCallOptions, root: string): unknown {
  if (format === 'terraform') return { ...options.terraform, root, ...(options.workerSession ? { workers: options.workerSession } : {}) };
  return {};
}

function nothingChecked(fileCount: number, formats: Record<string, FormatStats>, searchedForSecrets: number): Diagnostic {
  const read = Object.values(formats).filter((f) => f.read && f.files > 0);
  const why =
    fileCount === 0
      ? 'no file of a format Bulwark reads or recognises was found'
      : read.length
        ? `the ${read.map((f) => f.name).join(' and ')} files hold no resource any rule checks`
        : 'every file found is in a format Bulwark does not read yet';
  return {
    severity: 'warning',
    code: 'nothing-checked',
    message:
      `Nothing was checked: ${why} (${plural(fileCount, 'file')} found)` +
      `${searchedForSecrets ? `; ${plural(searchedForSecrets, 'file')} searched for secrets only` : ''}. No findings does not mean no problems.`,
  };
}
