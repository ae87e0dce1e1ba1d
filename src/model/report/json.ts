// The JSON threat report: the ThreatReport itself, versioned by `schemaVersion`, with its JSON Schema.

import { z } from 'zod';
import { ThreatReportSchema, type ThreatReport } from '../engine/types.js';

export function renderThreatJson(report: ThreatReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** JSON Schema (draft-07) of the JSON report, for consumers that validate it. */
export function threatReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ThreatReportSchema, { io: 'output', target: 'draft-7' }) as Record<string, unknown>;
}
