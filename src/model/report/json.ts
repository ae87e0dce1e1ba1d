// The JSON threat report: the ThreatReport itself, versioned by `schemaVersion`, with its JSON Schema.

import { z } from 'zod';
import { ThreatReportSchema, type ThreatReport } from '../engine/types.js';
import { jsonChunks } from './json-pieces.js';

export function renderThreatJson(report: ThreatReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** The same text as `renderThreatJson`, in chunks of about a megabyte, for reports too big to hold as one string. */
export function renderThreatJsonChunks(report: ThreatReport): Iterable<string> {
  return jsonChunks(report);
}

/** JSON Schema (draft-07) of the JSON report, for consumers that validate it. */
export function threatReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ThreatReportSchema, { io: 'output', target: 'draft-7' }) as Record<string, unknown>;
}
