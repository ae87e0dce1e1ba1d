// A rating for each trust boundary, by what crosses it: the flows that enter or leave it, whether they are
// authenticated and encrypted, whether they come from the internet, and the open threats on them and on the
// components they reach. Worked out from the report as it is shown (after tracking decisions), so a decided
// threat no longer raises a boundary.

import { atLeast, SEVERITIES, type Severity } from '../../core/types.js';
import type { FlowCrossing, Threat, ThreatReport } from '../engine/types.js';

export interface BoundaryRating {
  boundary: string;
  rating: Severity;
  /** Why, worst first: the flows that cross it and what they lack, then the open threats behind it. */
  reasons: string[];
}

/** At most this many crossing flows are named per boundary; the rest are counted. */
const NAMED_FLOWS = 4;

/** The worst open threat on each flow (`flow:ID`) and each component (`element:ID`), one pass over the register. */
export function worstThreats(threats: readonly Threat[]): Map<string, Threat> {
  const worstOn = new Map<string, Threat>();
  const keep = (key: string, t: Threat) => {
    const seen = worstOn.get(key);
    if (!seen || SEVERITIES.indexOf(t.severity) < SEVERITIES.indexOf(seen.severity)) worstOn.set(key, t);
  };
  for (const t of threats) {
    for (const f of t.flows) keep(`flow:${f}`, t);
    // A component's own threats; a flow's threats name both its ends and are counted on the flow.
    if (!t.flows.length) for (const e of t.elements) keep(`element:${e}`, t);
  }
  return worstOn;
}

type Model = ThreatReport['model'];

/** How one flow that crosses a boundary rates it, and why. */
export function rateCrossingFlow(c: FlowCrossing, flow: Model['flows'][number] | undefined, into: Model['elements'][number] | undefined, worstOn: ReadonlyMap<string, Threat>): { severity: Severity; text: string } {
  // What the flow says, or what the component it enters says of every caller.
  const authenticated = c.authenticated ?? into?.props.authenticatesCallers;
  const lacks: string[] = [];
  if (authenticated === false) lacks.push('no authentication');
  if (c.encrypted === false) lacks.push('no TLS');
  if (c.fromInternet && into?.props.corsRestricted === false) lacks.push('CORS any origin');
  if (c.fromInternet && into?.props.rateLimited === false) lacks.push('no rate limit');
  const target = flow ? worstOn.get(`element:${flow.target}`) : undefined;
  const onFlow = worstOn.get(`flow:${c.flow}`);
  let severity: Severity = 'low';
  if (authenticated === false && c.encrypted === false && c.fromInternet) severity = 'critical';
  else if (authenticated === false || c.encrypted === false) severity = 'high';
  else if (lacks.length || authenticated === undefined || c.encrypted === undefined) severity = 'medium';
  for (const t of [onFlow, target]) if (t && atLeast(t.severity, severity)) severity = t.severity;
  const said = [
    ...(c.fromInternet ? ['from the internet'] : []),
    ...lacks,
    ...(authenticated === undefined && c.encrypted === undefined ? ['authentication and TLS not stated'] : authenticated === undefined ? ['authentication not stated'] : c.encrypted === undefined ? ['TLS not stated'] : []),
    ...[onFlow, target].filter((t): t is Threat => t !== undefined && atLeast(t.severity, 'high')).map((t) => `${t.title} (${t.severity})`),
  ];
  return { severity, text: `${c.display}: ${said.length ? said.join(', ') : 'authenticated and encrypted'}` };
}

/** The worst of the flows' ratings, and their reasons worst first (the first few named, the rest counted). */
export function combineFlowRatings(flowReasons: { severity: Severity; text: string }[]): { rating: Severity; reasons: string[] } {
  let rating: Severity = 'low';
  for (const r of flowReasons) if (atLeast(r.severity, rating)) rating = r.severity;
  flowReasons.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const reasons = flowReasons.slice(0, NAMED_FLOWS).map((r) => r.text);
  if (flowReasons.length > NAMED_FLOWS) reasons.push(`and ${flowReasons.length - NAMED_FLOWS} more crossing flow${flowReasons.length - NAMED_FLOWS === 1 ? '' : 's'}`);
  return { rating, reasons };
}

export function rateBoundaries(report: Pick<ThreatReport, 'model' | 'crossings' | 'threats'>): BoundaryRating[] {
  const flows = new Map(report.model.flows.map((f) => [f.id, f]));
  const worstOn = worstThreats(report.threats);
  const elements = new Map(report.model.elements.map((e) => [e.id, e]));
  const crossingsOf = new Map<string, typeof report.crossings>();
  for (const c of report.crossings) {
    for (const b of c.boundaries) {
      const list = crossingsOf.get(b);
      if (list) list.push(c);
      else crossingsOf.set(b, [c]);
    }
  }
  return report.model.boundaries.map((b) => {
    // Crossings name the boundaries they cross (as the report shows them).
    const crossing = crossingsOf.get(b.name) ?? [];
    if (!crossing.length) return { boundary: b.id, rating: 'low' as Severity, reasons: ['no data flow crosses it'] };
    const flowReasons = crossing.map((c) => {
      const flow = flows.get(c.flow);
      return rateCrossingFlow(c, flow, flow ? elements.get(flow.target) : undefined, worstOn);
    });
    return { boundary: b.id, ...combineFlowRatings(flowReasons) };
  });
}
