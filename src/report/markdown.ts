// Markdown for PR comments and $GITHUB_STEP_SUMMARY: a severity table, then findings by severity.
// Text from scanned files is escaped: control characters shown as escapes, Markdown and HTML syntax inert.

import { pushAll } from '../core/arrays.js';
import { visibleOnOneLine } from '../core/escape.js';
import type { ScanResult } from '../core/result.js';
import { SEVERITIES, type Finding, type Severity } from '../core/types.js';
import { COVERAGE_CODES, coverageOf } from './coverage.js';
import { countBySeverity, formatLocation, groupBySeverity, plural } from './order.js';
import { passedByResource, riskLine } from './text.js';

export interface MarkdownReportOptions {
  /**
   * Prefix for file links, e.g. `https://github.com/o/r/blob/<sha>/infra/`; links are relative to the
   * document when absent (right for a file committed at the scan root).
   */
  linkBase?: string;
  /** Findings listed in full before the rest is summarised (comments have size limits). Default 200. */
  maxFindings?: number;
  /** First heading. Default `Bulwark scan`. */
  title?: string;
}

const ICON: Record<Severity, string> = { critical: '🟣', high: '🔴', medium: '🟠', low: '🔵' };

export function renderMarkdown(result: ScanResult, options: MarkdownReportOptions = {}): string {
  const max = options.maxFindings ?? 200;
  const counts = countBySeverity(result.findings);
  const out: string[] = [`## ${escapeText(options.title ?? 'Bulwark scan')}`, ''];
  const coverage = coverageOf(result);
  const scanned = `${capitalize(coverage.checkedText)} in ${result.stats.durationMs} ms.`;
  const gaps = coverage.unchecked ? ` ⚠️ ${escapeText(coverage.unchecked)} not checked (see Coverage).` : '';
  if (coverage.verdict === 'nothing') {
    const reason = result.diagnostics.find((d) => d.code === 'nothing-checked')?.message ?? 'Nothing was checked.';
    out.push(`⚠️ ${escapeText(reason)}`, '');
  } else if (coverage.verdict === 'clean') out.push(`✅ No findings. ${scanned}`, '');
  else if (coverage.verdict === 'partial') out.push(`No findings in what was checked. ${scanned}${gaps}`, '');
  else out.push(`**${plural(result.findings.length, 'finding')}**. ${scanned}${gaps}`, '');

  out.push('| Severity | Findings |', '| --- | ---: |');
  for (const s of SEVERITIES) out.push(`| ${ICON[s]} ${capitalize(s)} | ${counts[s]} |`);
  out.push('');

  let listed = 0;
  for (const group of groupBySeverity(result.findings)) {
    if (listed >= max) break;
    out.push(`### ${ICON[group.severity]} ${capitalize(group.severity)} (${group.findings.length})`, '');
    for (const finding of group.findings) {
      if (listed++ >= max) break;
      pushAll(out, renderFinding(finding, options.linkBase)).push('');
    }
  }
  if (result.findings.length > max) {
    out.push(`_…and ${plural(result.findings.length - max, 'more finding')}; see the full report (JSON or SARIF)._`, '');
  }

  if (coverage.formats.length) {
    out.push('### Coverage', '', '| Format | Checked | Not checked |', '| --- | --- | --- |');
    for (const f of coverage.formats) out.push(`| ${escapeText(f.name)} | ${escapeText(f.summary)} | ${f.gaps.map((g) => withCodeSpans(oneLine(g))).join('<br>')} |`);
    out.push('');
  }

  const problems = result.diagnostics.filter((d) => !COVERAGE_CODES.has(d.code));
  if (problems.length) {
    out.push('<details><summary>Input problems (' + problems.length + ')</summary>', '');
    for (const d of problems) {
      const where = d.location ? `${link(d.location.file, d.location.range.start.line, formatLocation({ location: d.location }), options.linkBase)}: ` : '';
      out.push(`- **${d.severity}** ${where}${escapeText(d.message)}`);
    }
    out.push('', '</details>', '');
  }
  if (result.passed) {
    const byResource = passedByResource(result.passed);
    out.push('<details><summary>Passed checks (' + plural(result.passed.length, 'check') + ' on ' + plural(byResource.length, 'resource') + ')</summary>', '');
    for (const r of byResource) out.push(`- ${code(r.resource)} ${escapeText(`${r.file}:${r.line}`)}: ${r.rules.map(code).join(', ')}`);
    out.push('', '</details>', '');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function renderFinding(f: Finding, linkBase: string | undefined): string[] {
  const where = link(f.location.file, f.location.range.start.line, formatLocation(f), linkBase);
  const lines = [`- **${escapeText(f.ruleId)}** ${withCodeSpans(f.title)}  `];
  lines.push(`  ${f.resource ? `${code(f.resource)} in ` : ''}${where}  `);
  if (f.occurrences?.length) {
    const roots = f.occurrences.slice(0, 10).map((o) => `${code(o.root)}${o.callPath?.length ? ` via ${o.callPath.map((s) => code(s.module)).join(' → ')}` : ''}`);
    const more = f.occurrences.length > 10 ? `; and ${f.occurrences.length - 10} more` : '';
    lines.push(`  reached from ${roots.join('; ')}${more}  `);
  } else if (f.callPath?.length) lines.push(`  via ${f.callPath.map((s) => code(s.module)).join(' → ')}  `);
  lines.push(`  ${withCodeSpans(oneLine(f.message))}  `);
  if (f.risk) lines.push(`  **Risk:** ${escapeText(riskLine(f.risk))}  `);
  lines.push(`  **Fix:** ${withCodeSpans(oneLine(f.remediation))}`);
  return lines;
}

function link(file: string, line: number, label: string, linkBase: string | undefined): string {
  // encodeURIComponent leaves parentheses, which would end the link target early.
  const segment = (s: string) => encodeURIComponent(s).replace(/\(/g, '%28').replace(/\)/g, '%29');
  const target = `${linkBase ?? ''}${file.split('/').map(segment).join('/')}#L${line}`;
  return `[${escapeText(label)}](${target})`;
}

/** Inline code that survives backticks in the content. */
function code(text: string): string {
  const body = visibleOnOneLine(text);
  let longestRun = 0;
  for (const run of body.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = '`'.repeat(longestRun + 1);
  const pad = longestRun ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Escapes what Markdown or GitHub's HTML sanitiser would otherwise interpret. */
export function escapeText(text: string): string {
  return visibleOnOneLine(text).replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/&/g, '&amp;');
}

/**
 * Keeps `code spans` (rule texts use them for attribute names and snippets; their content never renders as
 * Markdown or HTML) and escapes everything between them. Unbalanced backticks are escaped like any other text.
 */
export function withCodeSpans(text: string): string {
  const parts = visibleOnOneLine(text).split('`');
  if (parts.length % 2 === 0) return escapeText(text);
  return parts.map((part, i) => (i % 2 === 1 && part.length > 0 ? `\`${part}\`` : escapeText(part))).join('');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function capitalize(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
