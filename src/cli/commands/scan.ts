// `bulwark scan`: parse options, call the library's scan(), render, write, and turn the threshold into an exit code.
// Registration is eager (help, choices); discovery, the scanner and the chosen renderer load when the command runs.

import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { ScanResult } from '../../core/result.js';
import type { ScanCallOptions } from '../../scan.js';
import { atLeast, SEVERITIES, type Severity } from '../../core/types.js';
import { EXIT_CODES_HELP } from '../support/help.js';
import { CliExit, ExitCode, usageError, useColor, type CliIo } from '../support/io.js';
import { startProgress } from '../support/progress.js';
import type { Content } from '../support/write-file.js';
import { COMPLIANCE_FRAMEWORKS } from '../../core/compliance.js';

export const SCAN_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];
export const FAIL_ON_CHOICES = [...SEVERITIES, 'none'] as const;
export type FailOn = Severity | 'none';

interface ScanCliOptions {
  format: ScanFormat;
  output?: string;
  /** Unset: the policy's `failOn`, else high. */
  failOn?: FailOn;
  config?: string;
  /** The lowest severity shown. */
  severity?: Severity;
  baseline?: string;
  exclude?: string[];
  projectRoot?: string;
  varFile?: string[];
  var?: string[];
  color: boolean;
  quiet?: boolean;
  compliance?: string;
  showPassed?: boolean;
}

/** What is scanned and under which policy: the options `scan` and `baseline` share. */
export function withScanScope(command: Command): Command {
  return command
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .option('--config <file>', 'the policy file (default: bulwark.yaml found from the first scanned path up to the repository top)')
    .option('--exclude <pattern...>', 'skip paths matching these patterns (gitignore syntax, relative to the scan root)')
    .option('--project-root <dir>', 'make every reported path relative to this directory (default: the git top level, else the scanned directory)');
}

export function registerScanCommand(program: Command, io: CliIo): Command {
  return withScanScope(
    program.command('scan').description('Audit infrastructure as code for security problems (Terraform, Kubernetes; other formats are named as not checked). `-` reads rendered manifests from standard input.'),
  )
    .addOption(new Option('-f, --format <format>', 'output format').choices(SCAN_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file (- for stdout); a file is replaced atomically, keeping its mode')
    .addOption(
      new Option('--fail-on <severity>', "exit 1 when a finding is at or above this severity (default: the policy's failOn, else high)").choices(FAIL_ON_CHOICES),
    )
    .addOption(new Option('--severity <severity>', 'show only findings at or above this severity (--fail-on still counts them all)').choices(SEVERITIES))
    .addOption(new Option('--compliance <framework>', 'also assess every control of this framework in the catalogue: passed, failed (with the failing resources) or not assessed').choices(COMPLIANCE_FRAMEWORKS.map((f) => f.toLowerCase())))
    .option('--show-passed', 'also list, per resource, the checks that passed')
    .option('--baseline <file>', 'report only findings not in this baseline (written by bulwark baseline), and the baseline entries fixed since')
    .option('--var-file <file...>', 'extra tfvars files, applied after terraform.tfvars and *.auto.tfvars')
    .option('--var <name=value...>', 'set input variables, like terraform -var (highest precedence)')
    .option('--no-color', 'never colour the text output')
    .option('-q, --quiet', 'print findings only: no summary, warnings or progress')
    .addHelpText('after', `\nExamples:\n  bulwark scan infra/\n  bulwark scan . --format sarif --output bulwark.sarif --fail-on none\n  bulwark scan stacks/prod --var-file prod.tfvars --var region=eu-west-1\n  helm template ./chart | bulwark scan -\n${EXIT_CODES_HELP}`)
    .action(async (paths: string[], options: ScanCliOptions) => runScan(paths, options, io));
}

async function runScan(paths: string[], options: ScanCliOptions, io: CliIo): Promise<void> {
  if (paths.includes('-') && paths.length > 1) throw usageError('scan - reads standard input alone: scan files and folders in a separate run');
  if (options.output !== undefined && options.output.trim() === '') throw usageError('--output needs a file name (or - for standard output)');
  const fromStdin = paths[0] === '-';
  const { absolutePaths, varFiles, vars } = fromStdin ? { absolutePaths: [io.cwd], varFiles: [], vars: {} } : await checkScanArguments(paths, options, io);
  if (fromStdin && !io.readStdin) throw usageError('standard input cannot be read here');
  const stdinText = fromStdin ? await io.readStdin!() : undefined;

  const progress = startProgress(options.quiet ? { write: () => undefined, isTTY: false } : io.stderr);
  const policy = await readPolicy(io, options.config, absolutePaths[0]!);
  const baseline = options.baseline !== undefined ? await readBaselineFile(io, options.baseline) : undefined;
  // Loaded on demand: `--help` and `rules` need no parser or evaluator.
  const { scan, scanText } = await import('../../scan.js');
  let result: ScanResult;
  try {
    const scanOptions: ScanCallOptions = {
      exclude: options.exclude ?? [],
      ...(options.projectRoot ? { projectRoot: resolve(io.cwd, options.projectRoot) } : {}),
      terraform: { varFiles, vars },
      onProgress: (p) => progress.update(p),
      ...(policy ? { policy } : {}),
      ...(options.showPassed ? { showPassed: true } : {}),
    };
    result = stdinText !== undefined ? await scanText(stdinText, { ...scanOptions, cwd: io.cwd }) : await scan(absolutePaths, scanOptions);
  } finally {
    progress.stop();
  }

  if (baseline) result = await withBaseline(result, baseline, options.baseline!);
  if (options.compliance) result = await withCompliance(result, options.compliance, policy);
  const toFile = options.output !== undefined && options.output !== '-';
  const filtered = options.severity ? onlyFrom(result, options.severity) : result;
  const shown = options.format === 'text' || options.format === 'markdown' ? withoutSuppressed(filtered) : filtered;
  const report = await render(shown, options, useColor(io, io.stdout, options.color && !toFile));
  if (toFile) {
    const { writeOutput } = await import('../support/write-file.js');
    try {
      await writeOutput(io, options.output!, report);
    } catch (error) {
      throw usageError(error instanceof Error ? error.message : String(error));
    }
    if (!options.quiet) {
      const { plural } = await import('../../report/order.js');
      io.stderr.write(`Wrote ${options.format} report to ${options.output} (${plural(shown.findings.length, 'finding')}).\n`);
    }
  } else {
    await (await import('../support/write-file.js')).writeToStream(io, 'stdout', report);
  }

  if (failsThreshold(result, options.failOn ?? policy?.failOn ?? 'high')) throw new CliExit(ExitCode.Findings);
}

/** The paths, project root and var files a scan is given, checked: a usage error names the first that is wrong. */
export async function checkScanArguments(
  paths: readonly string[],
  options: { projectRoot?: string; varFile?: string[]; var?: string[] },
  io: CliIo,
): Promise<{ absolutePaths: string[]; varFiles: string[]; vars: Record<string, string> }> {
  const absolutePaths = paths.map((p) => resolve(io.cwd, p));
  const varFiles = (options.varFile ?? []).map((p) => resolve(io.cwd, p));
  const vars = parseVars(options.var ?? []);
  const { assertPathsExist, PathNotFoundError, PathNotScannableError } = await import('../../discover/walk.js');
  try {
    await assertPathsExist(absolutePaths);
  } catch (error) {
    const given = (path: string) => paths[absolutePaths.indexOf(path)] ?? path;
    if (error instanceof PathNotFoundError) throw usageError(`path not found: ${given(error.path)}`);
    if (error instanceof PathNotScannableError) throw usageError(`${given(error.path)} is ${error.what}; only files and folders are scanned`);
    throw error;
  }
  if (options.projectRoot !== undefined) {
    const info = await stat(resolve(io.cwd, options.projectRoot)).catch(() => undefined);
    if (!info?.isDirectory()) throw usageError(`project root is not a directory: ${options.projectRoot}`);
    const root = resolve(io.cwd, options.projectRoot);
    const outside = absolutePaths.find((p) => relative(root, p).startsWith('..') || isAbsolute(relative(root, p)));
    if (outside) throw usageError(`--project-root must contain every scanned path (${paths[absolutePaths.indexOf(outside)]} is outside it)`);
  }
  const { describeFileType } = await import('../../core/regular-file.js');
  for (const [i, file] of varFiles.entries()) {
    const info = await stat(file).catch(() => undefined);
    if (!info) throw usageError(`var file not found: ${options.varFile![i]}`);
    if (!info.isFile()) throw usageError(`var file ${options.varFile![i]} is ${describeFileType(info)}; only regular files are read`);
  }
  return { absolutePaths, varFiles, vars };
}

/** The result with the framework's controls assessed (on the findings the baseline leaves, and the rules the policy leaves on). */
async function withCompliance(result: ScanResult, choice: string, policy: Awaited<ReturnType<typeof readPolicy>>): Promise<ScanResult> {
  const { complianceReport, frameworkFromChoice } = await import('../../report/compliance.js');
  const { enabledRuleIds } = await import('../../policy/apply.js');
  const framework = frameworkFromChoice(choice)!;
  return { ...result, compliance: complianceReport(result, framework, enabledRuleIds(result.rules, policy)) };
}

/** The baseline file, validated; a usage error when it cannot be read or is not a baseline. */
async function readBaselineFile(io: CliIo, path: string) {
  const { readRegularFile, FileReadError } = await import('../../core/regular-file.js');
  const { parseBaseline, BaselineError, MAX_BASELINE_BYTES } = await import('../../baseline/baseline.js');
  try {
    return parseBaseline(await readRegularFile(resolve(io.cwd, path), { maxBytes: MAX_BASELINE_BYTES, display: path }), path);
  } catch (error) {
    if (error instanceof FileReadError && error.kind === 'missing') throw usageError(`baseline file not found: ${path}`);
    if (error instanceof BaselineError || error instanceof FileReadError) throw usageError(error.message);
    throw error;
  }
}

/** Only the findings the baseline does not hold, with notes on how many it held and which of its entries are fixed. */
async function withBaseline(result: ScanResult, baseline: import('../../baseline/baseline.js').Baseline, shown: string): Promise<ScanResult> {
  const { applyBaseline } = await import('../../baseline/baseline.js');
  const outcome = applyBaseline(result.findings, baseline);
  const notes: ScanResult['diagnostics'] = [
    { severity: 'note', code: 'baseline-applied', message: `${outcome.accepted} finding${outcome.accepted === 1 ? '' : 's'} in the baseline ${shown} not reported; ${outcome.fresh.length} new.` },
  ];
  if (outcome.fixed.length) {
    const listed = outcome.fixed.slice(0, 20).map((e) => `${e.ruleId} on ${e.resource ?? '?'} in ${e.file}`);
    if (outcome.fixed.length > 20) listed.push(`${outcome.fixed.length - 20} more`);
    notes.push({ severity: 'note', code: 'baseline-fixed', message: `${outcome.fixed.length} baseline entr${outcome.fixed.length === 1 ? 'y is' : 'ies are'} fixed now (run bulwark baseline again to drop them): ${listed.join('; ')}.` });
  }
  return { ...result, findings: outcome.fresh, diagnostics: [...result.diagnostics, ...notes] };
}

/** The policy given with --config, or found from `start` upwards; a broken policy is a usage error naming its line. */
export async function readPolicy(io: CliIo, config: string | undefined, start: string) {
  const { findPolicyFile } = await import('../../policy/find.js');
  const file = config !== undefined ? resolve(io.cwd, config) : findPolicyFile(start);
  if (file === undefined) return undefined;
  const { loadPolicy, PolicyError } = await import('../../policy/load.js');
  if (config !== undefined) {
    const info = await stat(file).catch(() => undefined);
    if (!info) throw usageError(`policy file not found: ${config}`);
  }
  // Named as the user would type them from here (`bulwark.yaml`, `../bulwark.yaml`).
  const display = (path: string) => {
    const rel = relative(io.cwd, path);
    return rel && !isAbsolute(rel) ? rel : path;
  };
  try {
    return loadPolicy(file, display).policy;
  } catch (error) {
    if (error instanceof PolicyError) throw usageError(error.message);
    throw error;
  }
}

/** The result with only the findings `keep` keeps, and a note (from the number left out) when any were left out. */
function keepFindings(result: ScanResult, keep: (f: ScanResult['findings'][number]) => boolean, code: string, note: (left: number) => string): ScanResult {
  const findings = result.findings.filter(keep);
  const left = result.findings.length - findings.length;
  if (left === 0) return result;
  return { ...result, findings, diagnostics: [...result.diagnostics, { severity: 'note', code, message: note(left) }] };
}

/** Only the findings at or above `severity`. */
function onlyFrom(result: ScanResult, severity: Severity): ScanResult {
  return keepFindings(result, (f) => atLeast(f.severity, severity), 'findings-not-shown', (n) => `${n} finding${n === 1 ? '' : 's'} below ${severity} not shown (--severity ${severity}); --fail-on still counts them.`);
}

/** Renders with the one renderer the format needs, loading it now. */
async function render(result: ScanResult, options: ScanCliOptions, color: boolean): Promise<Content> {
  switch (options.format) {
    // The machine formats in pieces, written as they are made: no report-sized string, no report-sized buffer.
    case 'json':
      return (await import('../../report/json.js')).renderJsonChunks(result);
    case 'sarif':
      return (await import('../../report/sarif.js')).renderSarifChunks(result);
    case 'markdown':
      return (await import('../../report/markdown.js')).renderMarkdown(result) + (result.compliance ? `\n${(await import('../../report/compliance.js')).renderCompliance(result.compliance, { markdown: true })}` : '');
    case 'text': {
      const text = (await import('../../report/text.js')).renderTextChunks(result, { color, quiet: options.quiet ?? false });
      if (!result.compliance) return text;
      const pc = (await import('picocolors')).createColors(color);
      return [...text, `\n${(await import('../../report/compliance.js')).renderCompliance(result.compliance, { paint: { bad: pc.red, good: pc.green, dim: pc.dim } })}`];
    }
  }
}

export function failsThreshold(result: Pick<ScanResult, 'findings'>, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  // A suppressed finding is reported but never fails the build.
  return result.findings.some((f) => !f.suppression && atLeast(f.severity, failOn));
}

/** For the people's formats: suppressed findings are counted in a note, not listed (JSON and SARIF keep them). */
function withoutSuppressed(result: ScanResult): ScanResult {
  return keepFindings(result, (f) => !f.suppression, 'findings-suppressed', (n) => `${n} finding${n === 1 ? '' : 's'} suppressed (by comments in the files or the policy), not listed here; JSON and SARIF list them with their reasons.`);
}

/** `name=value` pairs; the value may itself contain `=`. */
export function parseVars(pairs: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = eq > 0 ? pair.slice(0, eq) : '';
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw usageError(`--var expects name=value, got "${pair}"`);
    vars[name] = pair.slice(eq + 1);
  }
  return vars;
}
