// The JSON threat report: the ThreatReport itself, versioned by `schemaVersion`, with its JSON Schema.

import { z } from 'zod';
import { ThreatReportSchema, type ThreatReport } from '../engine/types.js';
import { jsonChunks, ONE_LINE_ITEMS_OVER } from '../../report/json-pieces.js';
import { rateBoundaries } from './boundary-ratings.js';
import { rateComponentBoundaries } from './component-boundaries.js';

export { ONE_LINE_ITEMS_OVER };

export function renderThreatJson(report: ThreatReport): string {
  return JSON.stringify(withRatings(report), null, 2) + '\n';
}

/** A repository's report carries its boundary ratings, worked out from the report as shown (after decisions). */
function withRatings(report: ThreatReport): ThreatReport {
  if (!report.sources) return report;
  return { ...report, boundaryRatings: { zones: rateBoundaries(report), components: rateComponentBoundaries(report).pairs } };
}


/** The same JSON value as `renderThreatJson`, in chunks, for reports too big to hold as one string. */
export function renderThreatJsonChunks(report: ThreatReport): Iterable<string> {
  return jsonChunks(withRatings(report), { compactItems: reportItems(report) > ONE_LINE_ITEMS_OVER });
}

function reportItems(report: ThreatReport): number {
  const { model } = report;
  return model.elements.length + model.flows.length + model.boundaries.length + model.dataAssets.length + report.threats.length +
    report.decided.length + report.mitigatedByDesign.length + report.crossings.length + report.attackSurfaces.length + report.inferred.length;
}

/** JSON Schema (draft-07) of the JSON report, for consumers that validate it. */
export function threatReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ThreatReportSchema, { io: 'output', target: 'draft-7' }) as Record<string, unknown>;
}
