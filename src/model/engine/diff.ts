// Compare the threat reports of two versions of a design, for PR review: which threats a change adds,
// removes, or moves to another severity. Threats are matched by their stable id.

import { compareText, SEVERITY_RANK, type Severity } from '../../core/types.js';
import { compareThreats } from './analyze.js';
import type { Threat, ThreatReport } from './types.js';

export interface SeverityChange {
  id: string;
  before: Severity;
  after: Severity;
  threat: Threat;
}

export interface ThreatDiff {
  added: Threat[];
  removed: Threat[];
  /** Worsened first. */
  changed: SeverityChange[];
  unchanged: number;
  /** Threats removed because the new design states a control: `id → reason`. */
  nowMitigatedByDesign: Map<string, string[]>;
}

export function diffReports(before: ThreatReport, after: ThreatReport): ThreatDiff {
  const old = new Map(before.threats.map((t) => [t.id, t]));
  const now = new Map(after.threats.map((t) => [t.id, t]));
  const added = after.threats.filter((t) => !old.has(t.id)).sort(compareThreats);
  const removed = before.threats.filter((t) => !now.has(t.id)).sort(compareThreats);
  const changed: SeverityChange[] = [];
  let unchanged = 0;
  for (const t of after.threats) {
    const prior = old.get(t.id);
    if (!prior) continue;
    if (prior.severity !== t.severity) changed.push({ id: t.id, before: prior.severity, after: t.severity, threat: t });
    else unchanged++;
  }
  changed.sort(
    (a, b) =>
      SEVERITY_RANK[b.after] - SEVERITY_RANK[b.before] - (SEVERITY_RANK[a.after] - SEVERITY_RANK[a.before]) || compareText(a.id, b.id),
  );
  const byDesign = new Map(after.mitigatedByDesign.map((t) => [t.id, t.suppressedBy]));
  const nowMitigatedByDesign = new Map<string, string[]>();
  for (const t of removed) {
    const reasons = byDesign.get(t.id);
    if (reasons) nowMitigatedByDesign.set(t.id, reasons);
  }
  return { added, removed, changed, unchanged, nowMitigatedByDesign };
}

/** True when the change makes the design worse: a new threat, or a higher severity. */
export function diffWorsens(diff: ThreatDiff): boolean {
  return diff.added.length > 0 || diff.changed.some((c) => SEVERITY_RANK[c.after] > SEVERITY_RANK[c.before]);
}
