// Shared vocabulary of every stage: positions, severities, findings.

/** A point in a source file. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index into the text. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open span [start, end) in one source file. */
export interface Range {
  start: Position;
  end: Position;
}

/** A range in a named file. `file` is a POSIX path relative to the scan root. */
export interface SourceLocation {
  file: string;
  range: Range;
}

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
export interface CallSite {
  /** e.g. `module.network` */
  module: string;
  location: SourceLocation;
}

/** One violation produced by a rule (or by the reader, for files that cannot be parsed). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  title: string;
  /** Specific to this occurrence: names the resource and what is wrong. */
  message: string;
  location: SourceLocation;
  /** Resource address, e.g. `module.net.aws_security_group.web["a"]`. */
  resource?: string;
  /** Module call chain from the root module to the module holding the resource, outermost first. */
  callPath?: CallSite[];
  /** How to fix it; defaults to the rule's remediation. */
  remediation: string;
}

/** A problem with the input itself (unreadable or unparsable file, unresolved module). */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  location: SourceLocation;
}

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
