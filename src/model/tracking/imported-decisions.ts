// Decisions a design file brings with it (Threagile's `risk_tracking`), applied to the analysed report.
// A design tool names its risks its own way (`ldap-injection@*@ldap-server@*`), so each decision carries
// criteria rather than a Bulwark threat id: the rules that are the same risk, and the elements or flows the
// risk is about. A decision in the tracking file (bulwark-threats.yaml) wins over an imported one.

import { compareThreats, countBySeverity } from '../engine/analyze.js';
import type { Decision, Threat, ThreatReport, ThreatStatus } from '../engine/types.js';

export interface ImportedDecision {
  /** The risk as the design file names it, e.g. `ldap-injection@*@ldap-auth-server@*`. */
  key: string;
  /** The tool it came from, for messages: `Threagile`. */
  source: string;
  /** Bulwark rule ids whose threats are this risk. */
  rules: readonly string[];
  /**
   * One entry per id named in the key (wildcards left out): the Bulwark element and flow ids that id stands
   * for. A threat matches when each entry shares an id with the threat's elements or flows.
   */
  parts: readonly (readonly string[])[];
  status: ThreatStatus;
  /** The status in the source tool's words (`in-progress`), for the summary of what stays open. */
  sourceStatus: string;
  justification?: string;
  owner?: string;
  /** Line of the decision in the design file. */
  line?: number;
}

export interface ImportedDecisionNote {
  level: 'info' | 'warning';
  message: string;
  line?: number;
}

export interface ImportedOutcome {
  report: ThreatReport;
  /** Threat id → the decision applied to it (open ones included), for `--update-tracking`. */
  applied: Map<string, Decision>;
  notes: ImportedDecisionNote[];
}

/** Whether the threat is the decision's risk: one of its rules, about every element or flow the key names. */
export function decisionMatches(decision: ImportedDecision, threat: Threat): boolean {
  if (!decision.rules.includes(threat.ruleId)) return false;
  return decision.parts.every((ids) => ids.some((id) => threat.elements.includes(id) || threat.flows.includes(id)));
}

/**
 * Applies imported decisions to the report's open threats, skipping threats in `skip` (those the tracking
 * file decides). Of several decisions for one threat, the one naming the most ids wins (then the first).
 */
export function applyImportedDecisions(report: ThreatReport, decisions: readonly ImportedDecision[], skip: ReadonlySet<string> = new Set()): ImportedOutcome {
  const notes: ImportedDecisionNote[] = [];
  const applied = new Map<string, Decision>();
  if (decisions.length === 0) return { report, applied, notes };
  const ordered = [...decisions].sort((a, b) => b.parts.length - a.parts.length);
  const used = new Set<ImportedDecision>();
  const open: Threat[] = [];
  const decided: Threat[] = [...report.decided];
  for (const threat of report.threats) {
    const match = ordered.find((d) => decisionMatches(d, threat));
    if (!match) {
      open.push(threat);
      continue;
    }
    used.add(match);
    if (skip.has(threat.id)) {
      open.push(threat);
      continue;
    }
    const decision: Decision = { status: match.status };
    if (match.justification) decision.justification = match.justification;
    if (match.owner) decision.owner = match.owner;
    applied.set(threat.id, decision);
    if (match.status === 'open') open.push({ ...threat, decision });
    else decided.push({ ...threat, status: match.status, decision });
  }
  for (const d of decisions) {
    if (!used.has(d)) notes.push({ level: 'info', message: `${d.source} risk tracking "${d.key}" matches no threat Bulwark finds in this design; not applied`, ...(d.line ? { line: d.line } : {}) });
  }
  const stillOpen = countStatuses(decisions.filter((d) => used.has(d) && d.status === 'open'));
  if (stillOpen) notes.push({ level: 'info', message: `${stillOpen}: their threats stay open` });
  if (applied.size === 0) return { report, applied, notes };
  open.sort(compareThreats);
  decided.sort(compareThreats);
  return { report: { ...report, threats: open, decided, counts: countBySeverity(open) }, applied, notes };
}

/** "3 tracked risks are not decided in Threagile (2 in-progress, 1 unchecked)", or '' for none. */
function countStatuses(decisions: readonly ImportedDecision[]): string {
  if (decisions.length === 0) return '';
  const counts = new Map<string, number>();
  for (const d of decisions) counts.set(d.sourceStatus, (counts.get(d.sourceStatus) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${n} ${status}`);
  const total = decisions.length;
  return `${total} tracked risk${total === 1 ? ' is' : 's are'} not decided in ${decisions[0]!.source} (${parts.join(', ')})`;
}
