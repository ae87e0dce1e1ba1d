// Markdown for PR comments and $GITHUB_STEP_SUMMARY: a severity table, then findings by severity.

import type { ScanResult } from '../core/result.js';
import { SEVERITIES, type Finding, type Severity } from '../core/types.js';
import { countBySeverity, formatLocation, groupBySeverity, plural } from './order.js';

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
  const { stats } = result;
  const scanned = `${plural(stats.files, 'file')} and ${plural(stats.resources, 'resource')} scanned in ${stats.durationMs} ms.`;
  if (result.findings.length === 0) out.push(`✅ No findings. ${scanned}`, '');
  else out.push(`**${plural(result.findings.length, 'finding')}**. ${scanned}`, '');

  out.push('| Severity | Findings |', '| --- | ---: |');
  for (const s of SEVERITIES) out.push(`| ${ICON[s]} ${capitalize(s)} | ${counts[s]} |`);
  out.push('');

  let listed = 0;
  for (const group of groupBySeverity(result.findings)) {
    if (listed >= max) break;
    out.push(`### ${ICON[group.severity]} ${capitalize(group.severity)} (${group.findings.length})`, '');
    for (const finding of group.findings) {
      if (listed++ >= max) break;
      out.push(...renderFinding(finding, options.linkBase), '');
    }
  }
  if (result.findings.length > max) {
    out.push(`_…and ${plural(result.findings.length - max, 'more finding')}; see the full report (JSON or SARIF)._`, '');
  }

  if (result.diagnostics.length) {
    out.push('<details><summary>Input problems (' + result.diagnostics.length + ')</summary>', '');
    for (const d of result.diagnostics) out.push(`- **${d.severity}** ${link(d.location.file, d.location.range.start.line, formatLocation(d), options.linkBase)}: ${escapeText(d.message)}`);
    out.push('', '</details>', '');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function renderFinding(f: Finding, linkBase: string | undefined): string[] {
  const where = link(f.location.file, f.location.range.start.line, formatLocation(f), linkBase);
  const lines = [`- **${escapeText(f.ruleId)}** ${withCodeSpans(f.title)}  `];
  lines.push(`  ${f.resource ? `${code(f.resource)} in ` : ''}${where}  `);
  if (f.callPath?.length) lines.push(`  via ${f.callPath.map((s) => code(s.module)).join(' → ')}  `);
  lines.push(`  ${withCodeSpans(oneLine(f.message))}  `);
  lines.push(`  **Fix:** ${withCodeSpans(oneLine(f.remediation))}`);
  return lines;
}

function link(file: string, line: number, label: string, linkBase: string | undefined): string {
  const target = `${linkBase ?? ''}${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
  return `[${escapeText(label)}](${target})`;
}

/** Inline code that survives backticks in the content. */
function code(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  return `${fence}${text}${fence.split('').reverse().join('')}`;
}

/** Escapes what Markdown or GitHub's HTML sanitiser would otherwise interpret. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/&/g, '&amp;');
}

/**
 * Keeps `code spans` (rule texts use them for attribute names and snippets; their content never renders as
 * Markdown or HTML) and escapes everything between them. Unbalanced backticks are escaped like any other text.
 */
export function withCodeSpans(text: string): string {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return escapeText(text);
  return parts.map((part, i) => (i % 2 === 1 && part.length > 0 ? `\`${part}\`` : escapeText(part))).join('');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function capitalize(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
