// Merging what scanners report: one finding per problem, however many root modules reach it, and a
// total, locale-free order for findings and diagnostics.

import { compareText, SEVERITY_RANK, type Diagnostic, type Finding, type Occurrence } from '../core/types.js';

/**
 * Findings with the same fingerprint at the same place are one problem reached several ways (a module
 * called from several root modules, or twice from one). `roots[i]` names the root that reached
 * `findings[i]` ('' for none, e.g. a parse error); merged findings list every occurrence, when there is
 * more than one.
 */
export function mergeOccurrences(findings: readonly Finding[], roots: readonly string[]): Finding[] {
  // Indices of the findings of each problem, in order; most problems are reached once.
  const byKey = new Map<string, number[]>();
  findings.forEach((f, i) => {
    const { range } = f.location;
    const key = `${f.fingerprint}\0${f.location.file}\0${range.start.offset}\0${range.end.offset}`;
    const group = byKey.get(key);
    if (group) group.push(i);
    else byKey.set(key, [i]);
  });
  const merged: Finding[] = [];
  for (const group of byKey.values()) {
    const first = findings[group[0]!]!;
    if (group.length === 1) {
      merged.push(first);
      continue;
    }
    const occurrences = group.filter((i) => roots[i]).map((i): Occurrence => occurrenceOf(findings[i]!, roots[i]!));
    const unique = dedupeOccurrences(occurrences);
    merged.push(unique.length > 1 ? { ...first, occurrences: unique.sort(compareOccurrences) } : first);
  }
  return merged;
}

function occurrenceOf(f: Finding, root: string): Occurrence {
  return { root, ...(f.resource ? { resource: f.resource } : {}), ...(f.callPath ? { callPath: f.callPath } : {}) };
}

function dedupeOccurrences(list: readonly Occurrence[]): Occurrence[] {
  const seen = new Map<string, Occurrence>();
  for (const o of list) seen.set(`${o.root}\0${o.resource ?? ''}`, o);
  return [...seen.values()];
}

function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return compareText(a.root, b.root) || compareText(a.resource ?? '', b.resource ?? '');
}

/** Highest risk first (severity where there is no score), then by place: the order work should be done in. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (b.risk?.score ?? 0) - (a.risk?.score ?? 0) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      compareText(a.location.file, b.location.file) ||
      a.location.range.start.offset - b.location.range.start.offset ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.resource ?? '', b.resource ?? '') ||
      compareText(a.message, b.message),
  );
}

const DIAGNOSTIC_RANK = { error: 0, warning: 1, note: 2 } as const;

/** Errors first, then warnings, then notes; each by file and position; exact repeats dropped. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const unique = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    unique.set(`${d.code}\0${d.location?.file ?? ''}\0${d.location?.range.start.offset ?? -1}\0${d.message}`, d);
  }
  return [...unique.values()].sort(
    (a, b) =>
      DIAGNOSTIC_RANK[a.severity] - DIAGNOSTIC_RANK[b.severity] ||
      compareText(a.location?.file ?? '', b.location?.file ?? '') ||
      (a.location?.range.start.offset ?? -1) - (b.location?.range.start.offset ?? -1) ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}
