// After fixes insert attributes, the `=` signs of the runs they joined are aligned again, the way
// `terraform fmt` aligns them, so that a fixed file needs no reformatting. A comment inserted between
// attributes splits their run in two, and each part is aligned on its own, as `terraform fmt` would.
// Only runs holding or touching an inserted line are changed, and only where the file was aligned.

import type { Attribute, Body, HclFile } from '../parse/hcl/ast.js';
import { equalsOffset, firstOnLine } from './hcl-layout.js';
import type { TextEdit } from './text-edit.js';

/** Edits re-padding the attribute runs of `file` that hold one of `inserted` (1-based lines of `file`). */
export function realignInserted(file: HclFile, inserted: ReadonlySet<number>): TextEdit[] {
  const edits: TextEdit[] = [];
  const visit = (body: Body): void => {
    for (const run of attributeRuns(file, body)) {
      const first = run[0]!.range.start.line;
      const last = run[run.length - 1]!.range.end.line;
      const touched = inserted.has(first - 1) || inserted.has(last + 1) || run.some((a) => inserted.has(a.range.start.line));
      if (!touched) continue;
      const old = run.filter((a) => !inserted.has(a.range.start.line));
      // Runs of a file written without alignment stay as they are.
      if (old.length > 1 && !sameColumn(file, old)) continue;
      const width = Math.max(...run.map((a) => a.name.length));
      for (const a of run) {
        const from = a.nameRange.end.offset;
        const to = equalsOffset(file, a);
        const pad = ' '.repeat(width - a.name.length + 1);
        if (to > from && file.text.slice(from, to) !== pad) edits.push({ start: from, end: to, text: pad });
      }
    }
    for (const block of body.blocks) visit(block.body);
  };
  visit(file.body);
  return edits;
}

/** Runs of single-line attributes on consecutive lines. */
function attributeRuns(file: HclFile, body: Body): Attribute[][] {
  const runs: Attribute[][] = [];
  let run: Attribute[] = [];
  for (const item of body.items) {
    const single = item.kind === 'Attribute' && item.range.start.line === item.range.end.line && firstOnLine(file.text, item.range.start.offset);
    const previous = run[run.length - 1];
    if (single && previous && item.range.start.line === previous.range.end.line + 1) {
      run.push(item);
      continue;
    }
    if (run.length) runs.push(run);
    run = single ? [item] : [];
  }
  if (run.length) runs.push(run);
  return runs;
}

/** All `=` signs in one column: the run was aligned (perhaps as part of a longer run a comment has since split). */
function sameColumn(file: HclFile, run: readonly Attribute[]): boolean {
  return new Set(run.map((a) => equalsOffset(file, a) - a.nameRange.start.offset)).size === 1;
}
