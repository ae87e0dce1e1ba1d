// The machine report: the ScanResult as stable JSON. Keys are written in the order the schema declares
// them (src/core/scan-schema.ts, through the generated scan-json-order.ts) and findings in a total order, so the same input always gives
// byte-identical output.

import type { ScanResult } from '../core/result.js';
import { compareText } from '../core/types.js';
import { jsonChunks, ONE_LINE_ITEMS_OVER } from './json-pieces.js';
import { inKeyOrder } from './key-order.js';
import { SCAN_RESULT_KEY_ORDER } from './scan-json-order.js';
import { sortDiagnostics, sortFindings } from '../scanners/merge.js';

export function renderJson(result: ScanResult): string {
  return JSON.stringify(toStableJson(result), null, 2) + '\n';
}

/**
 * The same JSON as `renderJson`, in pieces: a scan of a large estate never holds its report as one string. Past
 * ONE_LINE_ITEMS_OVER findings each finding is written on one line, as the threat model's report does: the same
 * JSON value in about half the bytes and time, for a report read by programs.
 */
export function renderJsonChunks(result: ScanResult): Iterable<string> {
  return jsonChunks(toStableJson(result), { compactItems: result.findings.length > ONE_LINE_ITEMS_OVER });
}

/** The ScanResult rebuilt with keys in schema order, findings, diagnostics and rules sorted (see docs/json-output.md). */
export function toStableJson(result: ScanResult): Record<string, unknown> {
  const sorted: ScanResult = {
    ...result,
    findings: sortFindings([...result.findings]),
    diagnostics: sortDiagnostics(result.diagnostics),
    rules: [...result.rules].sort((a, b) => compareText(a.id, b.id)),
  };
  return inKeyOrder(sorted, SCAN_RESULT_KEY_ORDER) as Record<string, unknown>;
}
