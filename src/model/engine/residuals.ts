// What a stated control leaves behind. Stating JWT authentication removes "unauthenticated callers" and makes the
// service a token verifier, with token threats of its own. Those are the remainder of the threat the control
// removed, so they are counted against it: each is at most one severity step below it, and together they never
// carry more risk than it did. Stating a control therefore never adds risk, as an architect expects.

import { rating, SEVERITY_WEIGHT } from '../../core/risk-factors.js';
import { SEVERITY_RANK, type Severity } from '../../core/types.js';
import type { ThreatRule } from '../knowledge/types.js';
import { shiftSeverity, threatRisk } from './scoring.js';
import type { Threat } from './types.js';

export interface Residual {
  threat: Threat;
  rule: ThreatRule;
  /** The element it threatens: an element threat's element, a flow threat's target. */
  element: string;
}

/**
 * Caps residual threats (created with `residualOf` and introduced by a stated control) against the threats the
 * control removed on the same element or on flows into it. `all` holds every threat, open and removed.
 */
export function accountResiduals(
  all: readonly Threat[],
  residuals: readonly Residual[],
  /**
   * Whether the token authentication alone removed a threat (without it, the threat would be open). Removed by
   * anything else as well, it was gone before the token came, and nothing it carried is freed for what remains.
   */
  freedByTokens: (t: Threat) => boolean,
): void {
  if (residuals.length === 0) return;
  const byElement = new Map<string, Residual[]>();
  for (const r of residuals) {
    const list = byElement.get(r.element);
    if (list) list.push(r);
    else byElement.set(r.element, [r]);
  }
  if (byElement.size === 0) return;
  // Removed threats by the element they protected: an element threat's element, a flow threat's target.
  const removed = new Map<string, Threat[]>();
  for (const t of all) {
    if (!t.suppressedBy.length) continue;
    const element = t.flows.length ? t.elements[1] : t.elements[0];
    if (element === undefined || !byElement.has(element)) continue;
    const list = removed.get(element);
    if (list) list.push(t);
    else removed.set(element, [t]);
  }
  for (const [element, list] of byElement) {
    const wanted = new Set(list.flatMap((r) => r.rule.residualOf!.rules));
    const parents = (removed.get(element) ?? []).filter((t) => wanted.has(t.ruleId) && freedByTokens(t));
    const budget = parents.reduce((sum, t) => sum + t.riskScore, 0);
    const ceiling = parents.reduce<Severity | undefined>((worst, t) => (worst === undefined || SEVERITY_RANK[t.severity] > SEVERITY_RANK[worst] ? t.severity : worst), undefined);
    const replaced = parents.map((t) => t.ruleId).join(', ');
    // Shared out in rule order (the rules list the graver remainder first), each taking at most what is left.
    let left = budget;
    const note = `lowered: what remains of the authentication that removed ${replaced}`;
    for (const r of list) {
      const t = r.threat;
      if (t.suppressedBy.length) continue;
      if (parents.length) t.replaces = parents.map((p) => p.id);
      if (ceiling === undefined) {
        // Nothing was removed to make room for it: the control alone brought it in, so it is not open risk.
        t.suppressedBy = [`part of the token authentication the design states, which replaced no open threat: verify tokens as ${t.mitigations.join(', ')} says`];
        continue;
      }
      const before = `${t.severity}/${t.likelihood}`;
      const cap = shiftSeverity(ceiling, -1);
      if (SEVERITY_RANK[t.severity] > SEVERITY_RANK[cap]) t.severity = cap;
      if (t.likelihood === 'high') t.likelihood = 'medium';
      t.risk = threatRisk(t.severity, t.risk.exploitability, t.risk.dataSensitivity);
      t.riskScore = t.risk.score;
      // Together they carry no more than what was replaced: the risk is capped at what is left of it (so the
      // total falls as controls are added, step by step), and one with nothing left is counted within it.
      const room = Math.floor(left * 10 + 1e-6) / 10;
      if (room <= 0) {
        t.suppressedBy = [`what remains of the authentication that removed ${replaced}, and counted within it: do it right as ${t.mitigations.join(', ')} says`];
        continue;
      }
      if (t.riskScore > room) {
        // The severity follows the risk it is left with: a remainder worth 1.0 is not "high".
        const band = rating(room);
        if (SEVERITY_RANK[t.severity] > SEVERITY_RANK[band]) t.severity = band;
        t.riskScore = room;
        t.risk = { ...t.risk, score: room, rating: band, severityWeight: SEVERITY_WEIGHT[t.severity] };
        t.adjustments = [...t.adjustments, `risk capped at ${room.toFixed(1)}: what is left of ${replaced}, which it replaces`];
      }
      left -= t.riskScore;
      if (`${t.severity}/${t.likelihood}` !== before) t.adjustments = [...t.adjustments, note];
    }
  }
}
