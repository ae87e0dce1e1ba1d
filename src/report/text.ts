// The human report: findings grouped by severity, compact like a good linter, colour optional.

import pc from 'picocolors';
import type { ScanResult } from '../core/result.js';
import type { Diagnostic, Finding, Severity } from '../core/types.js';
import { countBySeverity, formatLocation, groupBySeverity, plural } from './order.js';

export interface TextReportOptions {
  /** Use ANSI colours; the CLI decides (TTY, NO_COLOR, --no-color). */
  color: boolean;
  /** Findings and error diagnostics only: no summary line, no warnings. */
  quiet?: boolean;
}

type Paint = (text: string) => string;

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
  const p = palette(options.color);
  const lines: string[] = [];
  for (const group of groupBySeverity(result.findings)) {
    lines.push(p.severity[group.severity](`${group.severity.toUpperCase()} (${group.findings.length})`), '');
    for (const finding of group.findings) lines.push(...renderFinding(finding, p), '');
  }
  const diagnostics = result.diagnostics.filter((d) => !options.quiet || d.severity === 'error');
  if (diagnostics.length) {
    lines.push(p.dim('Input problems'));
    for (const d of diagnostics) lines.push(renderDiagnostic(d, p));
    lines.push('');
  }
  if (!options.quiet) lines.push(summaryLine(result, p));
  while (lines.at(-1) === '') lines.pop();
  return lines.length ? lines.join('\n') + '\n' : '';
}

function renderFinding(f: Finding, p: Palette): string[] {
  const out = [`  ${p.ruleId(f.ruleId)}  ${f.title}`];
  const where = p.location(formatLocation(f));
  out.push(`  ${f.resource ? `${f.resource} ${p.dim('at')} ${where}` : where}`);
  out.push(...indent(f.message, '  '));
  if (f.callPath?.length) {
    const chain = f.callPath.map((site) => `${site.module} ${p.dim(`(${formatLocation(site)})`)}`).join(p.dim(' → '));
    out.push(`  ${p.dim('via')} ${chain}`);
  }
  if (f.remediation) out.push(...indent(f.remediation, '  ', `${p.fix('fix:')} `));
  return out;
}

function renderDiagnostic(d: Diagnostic, p: Palette): string {
  const label = d.severity === 'error' ? p.bad('error  ') : p.warning('warning');
  return `  ${label}  ${p.location(formatLocation(d))}  ${d.message}`;
}

function summaryLine(result: ScanResult, p: Palette): string {
  const { stats } = result;
  const scanned = p.dim(
    `${plural(stats.files, 'file')}, ${plural(stats.resources, 'resource')} scanned in ${stats.durationMs} ms`,
  );
  if (stats.files === 0) return `${p.warning('!')} No Terraform files found ${p.dim('·')} ${scanned}`;
  const total = result.findings.length;
  if (total === 0) return `${p.ok('✔')} No findings ${p.dim('·')} ${scanned}`;
  const counts = countBySeverity(result.findings);
  const parts = (Object.keys(counts) as Severity[])
    .filter((s) => counts[s] > 0)
    .map((s) => p.severity[s](`${counts[s]} ${s}`));
  return `${p.bad('✖')} ${plural(total, 'finding')}: ${parts.join(', ')} ${p.dim('·')} ${scanned}`;
}

/** Indents every line of `text`; `first` prefixes the first line and aligns the rest under it. */
function indent(text: string, pad: string, first = ''): string[] {
  const width = first.replace(/\x1b\[[0-9;]*m/g, '').length;
  return text.split('\n').map((line, i) => (i === 0 ? pad + first + line : pad + ' '.repeat(width) + line));
}
