// Compare the threat reports of two versions of a design, for PR review: which threats a change adds,
// removes, or moves to another severity. Threats are matched by their stable id.

import { compareText, SEVERITY_RANK, type Severity } from '../../core/types.js';
import { compareThreats } from './analyze.js';
import { ELEMENT_THREAT_RULES, FLOW_THREAT_RULES } from '../knowledge/patterns/index.js';
import type { ThreatRule } from '../knowledge/types.js';
import type { Threat, ThreatReport } from './types.js';

export interface SeverityChange {
  id: string;
  before: Severity;
  after: Severity;
  threat: Threat;
}

/** A threat a stated control removed, and the lesser ones it left (JWT authentication leaves token validation). */
export interface Replacement {
  threat: Threat;
  replaces: Threat[];
}

export interface ThreatDiff {
  added: Threat[];
  /** New threats that are what remains of removed ones, not new risk. */
  replaced: Replacement[];
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
  const removed = before.threats.filter((t) => !now.has(t.id)).sort(compareThreats);
  const replaced: Replacement[] = [];
  const added: Threat[] = [];
  for (const t of after.threats.filter((x) => !old.has(x.id)).sort(compareThreats)) {
    // A remainder counts as replacing only what was open before and is gone now.
    const replaces = (t.replaces ?? []).map((id) => old.get(id)).filter((p): p is Threat => p !== undefined && !now.has(p.id));
    if (replaces.length && replaces.every((p) => SEVERITY_RANK[p.severity] > SEVERITY_RANK[t.severity])) replaced.push({ threat: t, replaces });
    else added.push(t);
  }
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
  const stated = statedChanges(before, after);
  for (const t of removed) {
    const deciding = decidingProps(t.ruleId);
    const reasons =
      byDesign.get(t.id) ??
      t.elements.flatMap((id) => stated.get(id) ?? []).filter((c) => deciding.has(c.prop)).map((c) => c.text);
    if (reasons.length) nowMitigatedByDesign.set(t.id, [...new Set(reasons)]);
  }
  return { added, replaced, removed, changed, unchanged, nowMitigatedByDesign };
}

/** True when the change makes the design worse: a new threat, or a higher severity. */
export function diffWorsens(diff: ThreatDiff): boolean {
  return diff.added.length > 0 || diff.changed.some((c) => SEVERITY_RANK[c.after] > SEVERITY_RANK[c.before]);
}

const RULES = new Map<string, ThreatRule>([...ELEMENT_THREAT_RULES, ...FLOW_THREAT_RULES].map((r) => [r.id, r]));

/** The element properties a rule's outcome turns on: those it is decided by and those its controls read. */
function decidingProps(ruleId: string): Set<string> {
  const rule = RULES.get(ruleId);
  const props = new Set<string>(rule?.decidedBy ?? []);
  for (const c of rule?.controls ?? []) if (c.id.startsWith('element.')) props.add(c.id.slice('element.'.length).replace(/=.*$/, ''));
  return props;
}

/**
 * What the newer design states differently about each element ("MariaDB now states internetFacing: false"):
 * why a threat about a stated weakness (which has no control of its own) is gone.
 */
function statedChanges(before: ThreatReport, after: ThreatReport): Map<string, { prop: string; text: string }[]> {
  const out = new Map<string, { prop: string; text: string }[]>();
  const was = new Map(before.model.elements.map((e) => [e.id, e]));
  for (const e of after.model.elements) {
    const prior = was.get(e.id);
    if (!prior) continue;
    const props = e.props as Record<string, boolean | undefined>;
    const old = prior.props as Record<string, boolean | undefined>;
    const changes = Object.keys(props)
      .filter((key) => props[key] !== undefined && old[key] !== props[key])
      .sort(compareText)
      .map((key) => ({ prop: key, text: `${e.name} now states ${key}: ${props[key]}` }));
    if (changes.length) out.set(e.id, changes);
  }
  return out;
}
