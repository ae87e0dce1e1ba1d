// The risk register: counts by severity and recommended actions in risk order, shared by every report.

import { mitigationById } from '../knowledge/mitigations.js';
import type { Mitigation } from '../knowledge/types.js';
import type { SeverityCounts, Threat, ThreatReport } from '../engine/types.js';
import { markdownInline } from '../../core/escape.js';
import { FORMAT_NAME } from '../engine/imported.js';

export { STRIDE_LABEL } from '../knowledge/vocabulary.js';

export interface RecommendedAction {
  rank: number;
  threat: Threat;
  mitigations: Mitigation[];
}

/** Open threats in risk order (score, then severity, then id), each with its mitigations resolved. */
export function recommendedActions(report: ThreatReport): RecommendedAction[] {
  const ordered = [...report.threats].sort((a, b) => b.riskScore - a.riskScore || 0);
  return ordered.map((threat, i) => ({ rank: i + 1, threat, mitigations: resolveMitigations(threat.mitigations) }));
}

export function resolveMitigations(ids: readonly string[]): Mitigation[] {
  return ids.flatMap((id) => {
    const m = mitigationById(id);
    return m ? [m] : [];
  });
}

/** Every mitigation the open threats call for, in first-use order of the risk-ordered register. */
export function mitigationsInUse(report: ThreatReport, actions: readonly RecommendedAction[] = recommendedActions(report)): Mitigation[] {
  const seen = new Set<string>();
  const out: Mitigation[] = [];
  for (const action of actions) {
    for (const m of action.mitigations) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      out.push(m);
    }
  }
  return out;
}

/** Text for a Markdown table cell: on one line, pipes, brackets and control characters escaped. */
export function cell(text: string): string {
  return markdownInline(text);
}

export function formatCounts(counts: SeverityCounts): string {
  return `Critical ${counts.critical} / High ${counts.high} / Medium ${counts.medium} / Low ${counts.low}`;
}

/** "from the Threat Dragon file" for a threat the design file held; undefined for Bulwark's own. */
export function fromFile(threat: Threat): string | undefined {
  return threat.origin ? `from the ${FORMAT_NAME[threat.origin.format]} file` : undefined;
}

/** What to do about a threat, on one line: its mitigations' titles, or the file's own mitigation text. */
export function mitigationLine(threat: Threat, mitigations: readonly Mitigation[]): string {
  if (threat.origin) return (threat.origin.mitigation ?? '').replace(/\s*\n\s*/g, ' ');
  return mitigations.map((m) => m.title).join('; ');
}

/** Element display names by id, for "affected" columns. */
export function elementNames(report: ThreatReport): Map<string, string> {
  return new Map(report.model.elements.map((e) => [e.id, e.name]));
}
