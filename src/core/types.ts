// Shared vocabulary of every stage: positions, severities, findings.


// Positions, locations, findings and diagnostics are declared in scan-schema.ts (zod) and inferred here:
// type-only imports, so loading these types costs nothing at run time.
import type { z } from 'zod';
import type { CallSiteSchema, DiagnosticSchema, FindingSchema, FixSchema, OccurrenceSchema, PositionSchema, RangeSchema, SourceLocationSchema, SuppressionSchema } from './scan-schema.js';

/** A point in a source file. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index into the text. */
export type Position = z.infer<typeof PositionSchema>;

/** A half-open span [start, end) in one source file. */
export type Range = z.infer<typeof RangeSchema>;

/** A range in a named file. `file` is a POSIX path relative to the project root. */
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is worse; used for sorting and `--fail-on` thresholds. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

export const STRIDE_CATEGORIES = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
] as const;
export type StrideCategory = (typeof STRIDE_CATEGORIES)[number];

/** One step of the module call chain that led to a finding inside a module. */
export type CallSite = z.infer<typeof CallSiteSchema>;

/** One violation produced by a rule (or by the reader, for files that cannot be parsed). */
export type Finding = z.infer<typeof FindingSchema>;

/** Another root module reaching the same problem. */
export type Occurrence = z.infer<typeof OccurrenceSchema>;
export type Fix = z.infer<typeof FixSchema>;
export type Suppression = z.infer<typeof SuppressionSchema>;

/** What could not be read or checked, and other problems with the input itself. */
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export function rangeFrom(startLine: number, startColumn: number, startOffset: number, endLine: number, endColumn: number, endOffset: number): Range {
  return {
    start: { line: startLine, column: startColumn, offset: startOffset },
    end: { line: endLine, column: endColumn, offset: endOffset },
  };
}

/** Code-unit order, independent of the machine's locale, so output is identical everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
