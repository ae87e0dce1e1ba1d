// What `bulwark watch` prints after each change: the new and the fixed findings with their places, in the scan
// report's style (text, colour optional), or one JSON object per change for tools that read the stream.

import pc from 'picocolors';
import { visible } from '../core/escape.js';
import type { Finding, Severity } from '../core/types.js';
import { countBySeverity, formatLocation, plural, sortedFindings } from '../report/order.js';
import type { ChangeOutcome } from './incremental.js';

type Paint = (text: string) => string;

function palette(color: boolean) {
  const c = pc.createColors(color);
  const severity: Record<Severity, Paint> = {
    critical: (s) => c.bold(c.magenta(s)),
    high: (s) => c.bold(c.red(s)),
    medium: (s) => c.bold(c.yellow(s)),
    low: (s) => c.bold(c.blue(s)),
  };
  return { severity, ruleId: c.bold, location: c.cyan, dim: c.dim, bad: c.red, ok: c.green };
}

/** The lines for one change: what changed and was re-scanned, then `new` and `fixed` findings, then the total. */
export function renderChangeText(outcome: ChangeOutcome, options: { color: boolean; time?: Date }): string {
  const p = palette(options.color);
  const clock = (options.time ?? new Date()).toISOString().slice(11, 19);
  const removed = new Set(outcome.removed);
  const edited = outcome.changed.filter((rel) => !removed.has(rel));
  const said = [edited.length ? `${names(edited)} changed` : '', removed.size ? `${names(outcome.removed)} removed` : ''].filter(Boolean).join('; ');
  const what = [outcome.roots.length ? plural(outcome.roots.length, 'root module') : '', plural(outcome.scanned.length, 'file')].filter(Boolean).join(', ');
  const lines = [p.dim(`[${clock}] ${said} · re-scanned ${what} in ${outcome.durationMs} ms`)];
  for (const f of sortedFindings(outcome.added)) lines.push(...findingLines(f, p.bad('new  '), p));
  for (const f of sortedFindings(outcome.fixed)) lines.push(...findingLines(f, p.ok('fixed'), p));
  if (!outcome.added.length && !outcome.fixed.length) lines.push(`  ${p.dim('no new or fixed findings')}`);
  lines.push(`  ${totalLine(outcome.total, p)}`);
  return `${lines.join('\n')}\n`;
}

/** Up to three paths, then how many more. */
function names(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).map(visible).join(', ');
  return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}

/** One line per finding, then its place: `new   HIGH  BW-AWS-001  title` / `resource at file:line:column`. */
function findingLines(f: Finding, mark: string, p: ReturnType<typeof palette>): string[] {
  const where = p.location(visible(formatLocation(f)));
  return [
    `  ${mark} ${p.severity[f.severity](f.severity.toUpperCase().padEnd(8))} ${p.ruleId(f.ruleId)}  ${visible(f.title)}`,
    `        ${f.resource ? `${visible(f.resource)} ${p.dim('at')} ${where}` : where}`,
  ];
}

/** `✖ 12 findings: 2 high, 10 medium` or `✔ No findings`, over everything watched. */
export function totalLine(findings: readonly Finding[], p = palette(false)): string {
  if (!findings.length) return `${p.ok('✔')} No findings`;
  const counts = countBySeverity(findings);
  const parts = (Object.keys(counts) as Severity[]).filter((s) => counts[s] > 0).map((s) => p.severity[s](`${counts[s]} ${s}`));
  return `${p.bad('✖')} ${plural(findings.length, 'finding')} in all: ${parts.join(', ')}`;
}

/** One JSON object (one line) per change. */
export function renderChangeJson(outcome: ChangeOutcome): string {
  const brief = (f: Finding) => ({
    fingerprint: f.fingerprint,
    ruleId: f.ruleId,
    severity: f.severity,
    title: f.title,
    ...(f.resource ? { resource: f.resource } : {}),
    location: { file: f.location.file, line: f.location.range.start.line, column: f.location.range.start.column },
  });
  return `${JSON.stringify({
    event: 'change',
    changed: outcome.changed,
    removed: outcome.removed,
    roots: outcome.roots,
    scanned: outcome.scanned.length,
    new: sortedFindings(outcome.added).map(brief),
    fixed: sortedFindings(outcome.fixed).map(brief),
    total: outcome.total.length,
    durationMs: outcome.durationMs,
  })}\n`;
}
