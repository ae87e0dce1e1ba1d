// The human report: findings grouped by severity, compact like a good linter, then what was and was not
// checked, then the verdict. Colour optional. Everything taken from scanned files (names, labels, messages
// quoting values) has its control characters escaped, so it cannot drive the terminal.

import pc from 'picocolors';
import type { ScanResult } from '../core/result.js';
import { pushAll } from '../core/arrays.js';
import { visible, visibleLines } from '../core/escape.js';
import type { Diagnostic, Finding, Severity } from '../core/types.js';
import { COVERAGE_CODES, coverageOf, type Coverage } from './coverage.js';
import { TextBatch } from './json-pieces.js';
import { countBySeverity, formatLocation, groupBySeverity, plural } from './order.js';

export interface TextReportOptions {
  /** Use ANSI colours; the CLI decides (TTY, NO_COLOR, --no-color). */
  color: boolean;
  /** Findings and error diagnostics only: no coverage, summary line or warnings. */
  quiet?: boolean;
}

type Paint = (text: string) => string;

/** Ways a shared problem is reached, listed before the rest are counted (a module used by hundreds of roots). */
const OCCURRENCES_SHOWN = 10;

interface Palette {
  severity: Record<Severity, Paint>;
  ruleId: Paint;
  location: Paint;
  dim: Paint;
  fix: Paint;
  ok: Paint;
  bad: Paint;
  warning: Paint;
}

function palette(color: boolean): Palette {
  const c = pc.createColors(color);
  return {
    severity: {
      critical: (s) => c.bold(c.magenta(s)),
      high: (s) => c.bold(c.red(s)),
      medium: (s) => c.bold(c.yellow(s)),
      low: (s) => c.bold(c.blue(s)),
    },
    ruleId: c.bold,
    location: c.cyan,
    dim: c.dim,
    fix: c.green,
    ok: c.green,
    bad: c.red,
    warning: c.yellow,
  };
}

export function renderText(result: ScanResult, options: TextReportOptions): string {
  let text = '';
  for (const chunk of renderTextChunks(result, options)) text += chunk;
  return text;
}

/** The same text as `renderText`, in pieces of about 64 KB: a scan with 100,000 findings is never one string. */
export function* renderTextChunks(result: ScanResult, options: TextReportOptions): Generator<string> {
  const p = palette(options.color);
  const out = new LineBatch();
  for (const group of groupBySeverity(result.findings)) {
    out.add([p.severity[group.severity](`${group.severity.toUpperCase()} (${group.findings.length})`), '']);
    for (const finding of group.findings) {
      out.add(renderFinding(finding, p));
      out.add('');
      if (out.size >= CHUNK_CHARS) yield out.take();
    }
  }
  if (result.passed) out.add(renderPassed(result.passed, p));
  const coverage = coverageOf(result);
  if (!options.quiet && Object.keys(result.stats.formats).length) {
    out.add(renderCoverage(coverage, p));
    out.add('');
  }
  const diagnostics = result.diagnostics.filter((d) => !COVERAGE_CODES.has(d.code) && (!options.quiet || d.severity === 'error'));
  // Problems with the input first; notes about the run itself (the policy applied, findings not shown) apart.
  const problems = diagnostics.filter((d) => d.severity !== 'note' || !RUN_NOTES.has(d.code));
  const notes = diagnostics.filter((d) => d.severity === 'note' && RUN_NOTES.has(d.code));
  for (const [heading, list] of [['Input problems', problems], ['Notes', notes]] as const) {
    if (!list.length) continue;
    out.add(p.dim(heading));
    for (const d of list) out.add(renderDiagnostic(d, p));
    out.add('');
  }
  if (!options.quiet) out.add(summaryLine(result, coverage, p));
  yield out.take();
}

const CHUNK_CHARS = 1 << 16;

/**
 * Lines joined by newlines, each line ending in one; blank lines at the very end are left out. A blank line is
 * held back until a line with text follows it, so the text is the same however it is cut into pieces.
 */
class LineBatch {
  private readonly batch = new TextBatch();
  private blanks = 0;
  get size(): number {
    return this.batch.size;
  }
  add(lines: string | readonly string[]): void {
    for (const line of typeof lines === 'string' ? [lines] : lines) {
      if (line === '') {
        this.blanks++;
        continue;
      }
      this.batch.add(`${'\n'.repeat(this.blanks)}${line}\n`);
      this.blanks = 0;
    }
  }
  take(): string {
    return this.batch.take();
  }
}

/** `--show-passed`: per resource, the rules that checked it and found nothing. */
function renderPassed(passed: NonNullable<ScanResult['passed']>, p: Palette): string[] {
  const byResource = passedByResource(passed);
  const lines = [p.dim(`PASSED (${plural(passed.length, 'check')} on ${plural(byResource.length, 'resource')})`), ''];
  for (const r of byResource) lines.push(`  ${visible(r.resource)} ${p.dim('at')} ${p.location(visible(`${r.file}:${r.line}`))}`, `    ${r.rules.join(' ')}`);
  lines.push('');
  return lines;
}

/** Passed checks grouped by resource, in file and line order. */
export function passedByResource(passed: NonNullable<ScanResult['passed']>): { resource: string; file: string; line: number; rules: string[] }[] {
  const groups = new Map<string, { resource: string; file: string; line: number; rules: string[] }>();
  for (const c of passed) {
    const key = `${c.file}\0${c.line}\0${c.resource}`;
    const group = groups.get(key) ?? { resource: c.resource, file: c.file, line: c.line, rules: [] };
    group.rules.push(c.ruleId);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Notes about the run, not about the input. */
const RUN_NOTES = new Set(['policy-applied', 'findings-not-shown', 'baseline-applied', 'baseline-fixed', 'findings-suppressed']);

function renderFinding(f: Finding, p: Palette): string[] {
  const out = [`  ${p.ruleId(f.ruleId)}  ${visible(f.title)}`];
  const where = p.location(visible(formatLocation(f)));
  out.push(`  ${f.resource ? `${visible(f.resource)} ${p.dim('at')} ${where}` : where}`);
  pushAll(out, indent(visibleLines(f.message), '  '));
  if (f.occurrences?.length) {
    const roots = new Set(f.occurrences.map((o) => o.root)).size;
    const ways = f.occurrences.length > roots ? `${f.occurrences.length} ways ` : '';
    out.push(`  ${p.dim(`reached ${ways}from ${plural(roots, 'root module')}:`)}`);
    for (const o of f.occurrences.slice(0, OCCURRENCES_SHOWN)) {
      const chain = (o.callPath ?? []).map((site) => `${visible(site.module)} ${p.dim(`(${visible(formatLocation(site))})`)}`).join(p.dim(' → '));
      out.push(`    ${visible(o.root)}${chain ? ` ${p.dim('via')} ${chain}` : o.resource ? ` ${p.dim('as')} ${visible(o.resource)}` : ''}`);
    }
    if (f.occurrences.length > OCCURRENCES_SHOWN) out.push(`    ${p.dim(`… and ${f.occurrences.length - OCCURRENCES_SHOWN} more (all of them in the JSON and SARIF reports)`)}`);
  } else if (f.callPath?.length) {
    const chain = f.callPath.map((site) => `${visible(site.module)} ${p.dim(`(${visible(formatLocation(site))})`)}`).join(p.dim(' → '));
    out.push(`  ${p.dim('via')} ${chain}`);
  }
  if (f.risk) out.push(`  ${p.dim(`risk ${riskLine(f.risk)}`)}`);
  if (f.remediation) pushAll(out, indent(visibleLines(f.remediation), '  ', `${p.fix('fix:')} `));
  return out;
}

function renderCoverage(coverage: Coverage, p: Palette): string[] {
  const width = Math.max(...coverage.formats.map((f) => f.name.length));
  const out = [p.dim('Coverage')];
  for (const f of coverage.formats) {
    out.push(`  ${f.name.padEnd(width)}  ${visible(f.summary)}`);
    for (const gap of f.gaps) out.push(`  ${' '.repeat(width)}  ${p.warning('not checked:')} ${visible(gap)}`);
  }
  return out;
}

function renderDiagnostic(d: Diagnostic, p: Palette): string {
  const label = d.severity === 'error' ? p.bad('error  ') : d.severity === 'warning' ? p.warning('warning') : p.dim('note   ');
  const message = visible(d.message);
  return d.location ? `  ${label}  ${p.location(visible(formatLocation({ location: d.location })))}  ${message}` : `  ${label}  ${message}`;
}

function summaryLine(result: ScanResult, coverage: Coverage, p: Palette): string {
  const time = p.dim(`in ${result.stats.durationMs} ms`);
  switch (coverage.verdict) {
    case 'nothing': {
      const reason = result.diagnostics.find((d) => d.code === 'nothing-checked')?.message ?? 'Nothing was checked.';
      return `${p.warning('!')} ${p.warning(visible(reason))}`;
    }
    case 'partial':
      return `${p.warning('!')} No findings in what was checked ${p.dim('·')} ${p.dim(coverage.checkedText)}; ${p.warning(`${coverage.unchecked} not checked`)} ${p.dim('(see Coverage)')} ${time}`;
    case 'clean':
      return `${p.ok('✔')} No findings ${p.dim('·')} ${p.dim(coverage.checkedText)} ${time}`;
    case 'findings': {
      const counts = countBySeverity(result.findings);
      const parts = (Object.keys(counts) as Severity[]).filter((s) => counts[s] > 0).map((s) => p.severity[s](`${counts[s]} ${s}`));
      const gaps = coverage.unchecked ? `; ${p.warning(`${coverage.unchecked} not checked`)}` : '';
      return `${p.bad('✖')} ${plural(result.findings.length, 'finding')}: ${parts.join(', ')} ${p.dim('·')} ${p.dim(coverage.checkedText)}${gaps} ${time}`;
    }
  }
}

/** Indents every line of `text`; `first` prefixes the first line and aligns the rest under it. */
function indent(text: string, pad: string, first = ''): string[] {
  const width = first.replace(/\x1b\[[0-9;]*m/g, '').length;
  return text.split('\n').map((line, i) => (i === 0 ? pad + first + line : pad + ' '.repeat(width) + line));
}

/** `9.0/10 (critical) = 9 × 1.0 reachable from the internet × 1.0 restricted data (named "pii")`. */
export function riskLine(risk: NonNullable<Finding['risk']>): string {
  const { exploitability: e, dataSensitivity: d } = risk;
  return `${risk.score.toFixed(1)}/10 (${risk.rating}) = ${risk.severityWeight} × ${e.factor.toFixed(1)} ${visible(e.reason)} × ${d.factor.toFixed(1)} ${visible(d.reason)}`;
}
