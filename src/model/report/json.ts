// The JSON threat report: the ThreatReport itself, versioned by `schemaVersion`, with its JSON Schema.

import { z } from 'zod';
import { ThreatReportSchema, type ThreatReport } from '../engine/types.js';
import { jsonChunks } from './json-pieces.js';

export function renderThreatJson(report: ThreatReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/**
 * Past this many items in the report's lists (elements, flows, threats, crossings, attack surfaces), each item
 * is written on one line: a report that large is read by programs, and indentation would make it half as
 * big again and twice as slow to write (a 300,000-flow design: 500 MB indented, 320 MB with one item per line).
 */
export const ONE_LINE_ITEMS_OVER = 20_000;

/** The same JSON value as `renderThreatJson`, in chunks, for reports too big to hold as one string. */
export function renderThreatJsonChunks(report: ThreatReport): Iterable<string> {
  return jsonChunks(report, { compactItems: reportItems(report) > ONE_LINE_ITEMS_OVER });
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
