// Properties of one parsed HCL file: the parser's safety net never fired, and every position it reports
// (errors, comments, every node of the tree) lies inside the text, has the line and column its offset
// implies, and every range starts no later than it ends.

import type { Position, Range } from '../../../src/core/types.js';
import type { HclFile } from '../../../src/parse/hcl/ast.js';
import { LineIndex, locationViolations, positionConsistent, type ReportedLocation } from '../harness/locations.js';
import type { Violation } from '../harness/target.js';

export function hclFileViolations(file: HclFile, name = file.path): Violation[] {
  const out: Violation[] = [];
  for (const e of file.errors) {
    // parseHcl turns a thrown error into this diagnostic; the fuzzer counts it as the throw it was.
    if (e.message.startsWith('Internal parser error')) out.push({ property: 'no-throw', message: e.message, signature: `internal-error:${e.message.replace(/\d+/g, 'N').slice(0, 80)}` });
  }
  const errorLocations: ReportedLocation[] = file.errors.flatMap((e) => [
    { what: 'syntax error start', ...e.range.start, message: e.message },
    { what: 'syntax error end', ...e.range.end, message: e.message },
  ]);
  out.push(...locationViolations({ [name]: file.text }, errorLocations));
  out.push(...treeViolations(file));
  return out;
}

/** Positions of the tree, the comments and the errors: consistent and ordered. */
function treeViolations(file: HclFile): Violation[] {
  const index = new LineIndex(file.text);
  const out: Violation[] = [];
  const seen = new Set<string>();
  const report = (path: string, problem: string, kind: 'line-column' | 'order'): void => {
    // One signature per part of the file and kind of problem: node paths would make every tree a new bug.
    const signature = `positions:${path.split(/[.[<]/)[0]}:${kind}`;
    if (seen.has(signature)) return;
    seen.add(signature);
    out.push({ property: 'locations', message: `${path}: ${problem}`, signature });
  };
  const checkPosition = (p: Position, path: string): void => {
    if (!positionConsistent(index, p)) {
      const line = p.offset >= 0 && p.offset <= file.text.length ? index.lineOf(p.offset) : NaN;
      report(path, `line ${p.line} column ${p.column} does not match offset ${p.offset} (line ${line} of ${index.lineCount})`, 'line-column');
    }
  };
  // Iterative: a tree nested 512 deep would overflow a recursive walk before the parser's own limit does.
  const stack: Array<{ v: unknown; path: string }> = [
    { v: file.body, path: 'body' },
    { v: file.comments, path: 'comments' },
    { v: file.errors, path: 'errors' },
  ];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, path: tail(`${path}[${i}]`) }));
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    if (isRange(o)) {
      checkPosition(o.start, `${path}.start`);
      checkPosition(o.end, `${path}.end`);
      if (o.start.offset > o.end.offset) report(path, `starts at ${o.start.offset}, after its end ${o.end.offset}`, 'order');
      continue;
    }
    const kind = typeof o.kind === 'string' ? `<${o.kind}>` : '';
    for (const [k, x] of Object.entries(o)) {
      // A body lists its items twice (`items`, and `attributes` + `blocks`); walking both doubles per level.
      if (o.kind === 'Body' && (k === 'attributes' || k === 'blocks')) continue;
      if (x && typeof x === 'object') stack.push({ v: x, path: tail(`${path}${kind}.${k}`) });
    }
  }
  return out;
}

/** The last few steps of a path: enough to say where, short enough for trees nested hundreds deep. */
function tail(path: string): string {
  if (path.length < 160) return path;
  return `...${path.slice(path.indexOf('.', path.length - 150))}`;
}

function isRange(o: Record<string, unknown>): o is Range & Record<string, unknown> {
  const s = o.start as Position | undefined;
  const e = o.end as Position | undefined;
  return typeof s?.offset === 'number' && typeof s.line === 'number' && typeof e?.offset === 'number' && typeof e.line === 'number';
}
