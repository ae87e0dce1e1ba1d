// What `bulwark fix` shows: a unified diff per changed file and what was fixed, asked or left (text),
// or the scan result with each finding's verified fix or the reason it has none (JSON and SARIF).

import { formatPatch, structuredPatch } from 'diff';
import pc from 'picocolors';
import { plural } from '../core/plural.js';
import type { ScanResult } from '../core/result.js';
import { positionsIn } from '../core/positions.js';
import type { Finding } from '../core/types.js';
import type { FixRun } from './index.js';

/** The scan's findings with their verified fixes (edits against the scanned text) or why they have none. */
export function withFixes(run: FixRun): ScanResult {
  const fixes = new Map<string, NonNullable<Finding['fix']>>();
  for (const change of run.changes) {
    const at = positionsIn(change.before);
    for (const fix of change.fixes) {
      const edits = fix.edits.map((e) => ({ file: change.file, range: { start: at(e.start), end: at(e.end) }, text: e.text }));
      for (const f of fix.findings) fixes.set(f.fingerprint, { kind: fix.kind, description: fix.description, edits });
    }
  }
  const reasons = new Map(run.unfixed.map((u) => [u.finding.fingerprint, u.reason]));
  const findings = run.scan.findings.map((f) => {
    const fix = fixes.get(f.fingerprint);
    if (fix) return { ...f, fix };
    const reason = reasons.get(f.fingerprint);
    return reason ? { ...f, notFixed: reason } : f;
  });
  return { ...run.scan, findings };
}

const CONTEXT = 3;

/**
 * A unified diff of one file. Only the span between the first and the last changed line (with its context) is
 * given to the differ: fixes touch a few lines of long files, and diffing whole files was most of the cost.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  // Lines with their line ends, so a last line without one differs from the same text with one.
  const a = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const b = after.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = Math.max(0, head - CONTEXT);
  const keep = Math.max(0, tail - CONTEXT);
  const slice = (lines: string[]) => lines.slice(from, lines.length - keep).join('');
  const patch = structuredPatch(`a/${file}`, `b/${file}`, slice(a), slice(b), undefined, undefined, { context: CONTEXT });
  for (const hunk of patch.hunks) {
    hunk.oldStart += from;
    hunk.newStart += from;
  }
  return formatPatch(patch).replace(/^=+\n/m, '');
}

export interface FixTextOptions {
  color: boolean;
  /** True once the changes are written. */
  written: boolean;
}

export function renderFixText(run: FixRun, options: FixTextOptions): string {
  const c = options.color ? pc : { red: id, green: id, cyan: id, bold: id, yellow: id, dim: id };
  const out: string[] = [];
  for (const change of run.changes) {
    const diff = unifiedDiff(change.file, change.before, change.after);
    for (const line of (change.created ? diff.replace(/^--- a\/.*$/m, '--- /dev/null') : diff).split('\n')) {
      if (line.startsWith('+++') || line.startsWith('---')) out.push(c.bold(line));
      else if (line.startsWith('+')) out.push(c.green(line));
      else if (line.startsWith('-')) out.push(c.red(line));
      else if (line.startsWith('@@')) out.push(c.cyan(line));
      else if (line.startsWith('Index: ')) continue;
      else out.push(line);
    }
  }
  const fixes = run.changes.flatMap((ch) => ch.fixes.map((fix) => ({ file: ch.file, fix })));
  const automatic = fixes.filter((x) => x.fix.kind === 'automatic');
  const asked = fixes.filter((x) => x.fix.kind === 'needs-input');
  const files = run.changes.length;
  if (!fixes.length) out.push(run.scan.findings.length ? 'No fix to apply.' : 'No findings, so nothing to fix.');
  else {
    const verb = options.written ? 'Applied' : 'Would apply';
    out.push(c.bold(`${verb} ${plural(fixes.length, 'verified fix', 'verified fixes')} in ${plural(files, 'file')}: ${automatic.length} automatic, ${asked.length} marked NEEDS YOUR INPUT.`));
    for (const { file, fix } of fixes) {
      const line = fix.findings[0]!.location.range.start.line;
      const mark = fix.kind === 'automatic' ? c.green('fixed') : c.yellow('asks ');
      out.push(`  ${mark} ${fix.rule.meta.id} ${file}:${line}  ${fix.description}`);
    }
    for (const change of run.changes.filter((ch) => ch.companionOf)) {
      const added = change.after.slice(change.before.length).split('\n').filter(Boolean);
      out.push(`  ${c.green('lists')} ${added.map((l) => l.replace(/=.*$/, '')).join(', ')} in ${change.file}${change.created ? ' (a new file)' : ''}, for the fixes above`);
    }
  }
  if (run.unfixed.length) {
    out.push('', c.bold(`Not fixed (${run.unfixed.length}):`));
    for (const { finding, reason } of [...run.unfixed].sort((a, b) => a.finding.ruleId.localeCompare(b.finding.ruleId))) {
      out.push(`  ${finding.ruleId} ${finding.resource ?? ''} ${c.dim(`${finding.location.file}:${finding.location.range.start.line}`)}: ${reason}`);
    }
  }
  if (fixes.length && !options.written) out.push('', 'Nothing was written. Run again with --write to apply these changes.');
  if (options.written && fixes.length) {
    const open = run.after.filter((f) => !f.suppression).length;
    out.push('', `Re-scan with the fixes: ${plural(open, 'finding')} remain.`);
  }
  return out.join('\n') + '\n';
}

function id(text: string): string {
  return text;
}
