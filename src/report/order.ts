// Shared ordering and counting for every report, so all formats list findings the same way.

import { compareText, SEVERITIES, SEVERITY_RANK, type Finding, type Severity } from '../core/types.js';

/**
 * Worst severity first (reports group by it), highest risk first within it, then file, position, rule id,
 * resource and message: a total, locale-free order.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (b.risk?.score ?? 0) - (a.risk?.score ?? 0) ||
    compareText(a.location.file, b.location.file) ||
    a.location.range.start.line - b.location.range.start.line ||
    a.location.range.start.column - b.location.range.start.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.resource ?? '', b.resource ?? '') ||
    compareText(a.message, b.message)
  );
}

export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Findings in severity buckets, worst first, empty buckets left out. */
export function groupBySeverity(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  const sorted = sortedFindings(findings);
  return SEVERITIES.map((severity) => ({ severity, findings: sorted.filter((f) => f.severity === severity) })).filter(
    (g) => g.findings.length > 0,
  );
}

/** `main.tf:12:3` */
export function formatLocation(finding: Pick<Finding, 'location'>): string {
  const { file, range } = finding.location;
  return `${file}:${range.start.line}:${range.start.column}`;
}

export { plural } from '../core/plural.js';
