// Property 3: every position a reader reports lies inside the text it read. Lines are counted at `\n`
// (a `\r` before it belongs to the line, so a column may point at it), columns are 1-based UTF-16 units
// and may be one past the end of their line, offsets are 0-based and at most the text's length.

import type { Violation } from './target.js';

/** Where a reader says something is; any of line, column and offset may be absent. */
export interface ReportedLocation {
  /** What reported it, for messages and signatures: `error`, `note`, `element`, `finding`, ... */
  what: string;
  /** The file, for multi-file inputs; undefined for the single text of a string input. */
  file?: string;
  line?: number;
  column?: number;
  offset?: number;
  /** Wording of the report (error message), shown in the violation. */
  message?: string;
}

export class LineIndex {
  /** Offsets where each line starts; line n (1-based) starts at starts[n - 1]. */
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Length of a line without its `\n`. */
  lineLength(line: number): number {
    const start = this.starts[line - 1]!;
    const next = this.starts[line];
    return (next === undefined ? this.text.length + 1 : next) - start - 1;
  }

  /** The 1-based line holding an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/** The problem with one location, or undefined when it is inside the text. */
export function locationProblem(index: LineIndex, loc: ReportedLocation): string | undefined {
  const { line, column, offset } = loc;
  if (offset !== undefined && (!isCount(offset) || offset < 0 || offset > index.text.length)) {
    return `offset ${offset} outside 0..${index.text.length}`;
  }
  if (line !== undefined && (!isCount(line) || line < 1 || line > index.lineCount)) {
    return `line ${line} outside 1..${index.lineCount}`;
  }
  if (column !== undefined) {
    if (!isCount(column) || column < 1) return `column ${column} is not a positive integer`;
    if (line !== undefined) {
      const max = index.lineLength(line) + 1;
      if (column > max) return `column ${column} past the end of line ${line} (at most ${max})`;
    }
  }
  return undefined;
}

/**
 * Violations for every location outside its text. `texts` maps file names to text; a location naming a
 * file that is not in the input is skipped only when `unknownFiles` says so, else it is a violation.
 */
export function locationViolations(
  texts: Readonly<Record<string, string>>,
  locations: readonly ReportedLocation[],
  options: { defaultFile?: string; unknownFiles?: 'skip' | 'report' } = {},
): Violation[] {
  const indexes = new Map<string, LineIndex>();
  const out: Violation[] = [];
  const seen = new Set<string>();
  for (const loc of locations) {
    const file = loc.file ?? options.defaultFile ?? Object.keys(texts)[0]!;
    const text = texts[file];
    if (text === undefined) {
      if (options.unknownFiles === 'skip') continue;
      push(out, seen, loc, `names file ${JSON.stringify(file)}, which is not part of the input`);
      continue;
    }
    let index = indexes.get(file);
    if (!index) indexes.set(file, (index = new LineIndex(text)));
    const problem = locationProblem(index, loc);
    if (problem) push(out, seen, loc, `${problem}${loc.file !== undefined ? ` in ${file}` : ''}`);
  }
  return out;
}

function push(out: Violation[], seen: Set<string>, loc: ReportedLocation, problem: string): void {
  const signature = `locations:${loc.what}:${problem.replace(/-?\d+/g, 'N').replace(/"[^"]*"/g, 'S')}`;
  if (seen.has(signature)) return;
  seen.add(signature);
  const about = loc.message ? ` (${loc.message.length > 120 ? `${loc.message.slice(0, 117)}...` : loc.message})` : '';
  out.push({ property: 'locations', message: `${loc.what} at ${describe(loc)}: ${problem}${about}`, signature });
}

function describe(loc: ReportedLocation): string {
  const parts = [loc.line !== undefined ? `line ${loc.line}` : '', loc.column !== undefined ? `column ${loc.column}` : '', loc.offset !== undefined ? `offset ${loc.offset}` : ''];
  return parts.filter(Boolean).join(', ') || 'no position';
}

/** Whether a position's line and column are the ones its offset implies (columns after a leading BOM skip it). */
export function positionConsistent(index: LineIndex, p: { line: number; column: number; offset: number }): boolean {
  if (p.offset < 0 || p.offset > index.text.length) return false;
  const line = index.lineOf(p.offset);
  let start = index.starts[line - 1]!;
  if (line === 1 && index.text.charCodeAt(0) === 0xfeff && p.offset > 0) start = 1;
  return p.line === line && p.column === p.offset - start + 1;
}
