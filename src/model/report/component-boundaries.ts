// The boundaries between components: each component runs in its own process or container, so every pair
// that exchanges data (frontend ↔ api, api ↔ queue, worker ↔ database) meets at an isolation boundary, rated
// like a zone boundary by what crosses it (no authentication, no TLS, the open threats it leads to). People
// are left out: what they cross is the network boundary the zone ratings already show.

import type { Severity } from '../../core/types.js';
import type { FlowCrossing, ThreatReport } from '../engine/types.js';
import { combineFlowRatings, rateCrossingFlow, worstThreats } from './boundary-ratings.js';

export interface ComponentBoundary {
  /** The two components, in the order the first flow between them names them. */
  between: [string, string];
  rating: Severity;
  reasons: string[];
}

/** Pairs beyond this many (the least severe) are counted, not listed: a system of thousands of services has its own views. */
export const COMPONENT_BOUNDARY_CAP = 200;

export function rateComponentBoundaries(report: Pick<ThreatReport, 'model' | 'crossings' | 'threats'>): { pairs: ComponentBoundary[]; more: number } {
  const elements = new Map(report.model.elements.map((e) => [e.id, e]));
  const crossings = new Map(report.crossings.map((c) => [c.flow, c]));
  const pairs = new Map<string, { between: [string, string]; flows: typeof report.model.flows }>();
  for (const flow of report.model.flows) {
    const source = elements.get(flow.source);
    const target = elements.get(flow.target);
    if (!source || !target || source.id === target.id || source.kind === 'actor' || target.kind === 'actor') continue;
    const key = [source.id, target.id].sort().join('\u0000');
    const pair = pairs.get(key);
    if (pair) pair.flows.push(flow);
    else pairs.set(key, { between: [source.id, target.id], flows: [flow] });
  }
  const worstOn = worstThreats(report.threats);
  const names = (id: string) => elements.get(id)?.name ?? id;
  const rated: ComponentBoundary[] = [];
  for (const { between, flows } of pairs.values()) {
    const reasons = flows.map((flow) => {
      const crossing: FlowCrossing = crossings.get(flow.id) ?? {
        flow: flow.id,
        display: `${names(flow.source)} → ${names(flow.target)}${flow.label ? ` (${flow.label})` : ''}`,
        boundaries: [],
        fromInternet: false,
        ...(flow.encrypted !== undefined ? { encrypted: flow.encrypted } : {}),
        ...(flow.authenticated !== undefined ? { authenticated: flow.authenticated } : {}),
      };
      return rateCrossingFlow(crossing, flow, elements.get(flow.target), worstOn);
    });
    rated.push({ between, ...combineFlowRatings(reasons) });
  }
  const rank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
  rated.sort((a, b) => rank[a.rating] - rank[b.rating]);
  // The worst are named; the rest counted.
  return { pairs: rated.slice(0, COMPONENT_BOUNDARY_CAP), more: Math.max(0, rated.length - COMPONENT_BOUNDARY_CAP) };
}
