// How a Terraform file is laid out, so inserted text looks as if its author wrote it: the line
// ending, the indentation step, the indentation of a block's body, and whether `=` signs are aligned
// the way `terraform fmt` aligns them.

import type { Attribute, Block, Body, HclFile } from '../parse/hcl/ast.js';

/** `\r\n` when the file uses it, else `\n`. */
export function lineEnding(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Just after the line end of the line holding `offset` (or the end of the text). */
export function nextLineStart(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  return lf < 0 ? text.length : lf + 1;
}

/** The spaces and tabs that start the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

/** True when only spaces and tabs stand between the start of its line and `offset`. */
export function firstOnLine(text: string, offset: number): boolean {
  for (let i = lineStart(text, offset); i < offset; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** The file's indentation step: what a nested item adds to its block's indentation (two spaces by default). */
export function indentStep(file: HclFile): string {
  for (const block of file.body.blocks) {
    const first = block.body.items[0];
    if (!first) continue;
    const outer = indentAt(file.text, block.range.start.offset);
    const inner = indentAt(file.text, first.range.start.offset);
    if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  }
  return '  ';
}

/** The indentation of items inside `block`'s body. */
export function bodyIndent(file: HclFile, block: Block): string {
  const first = block.body.items.find((item) => firstOnLine(file.text, item.range.start.offset));
  if (first) return indentAt(file.text, first.range.start.offset);
  return indentAt(file.text, block.range.start.offset) + indentStep(file);
}

/** A run of single-line attributes on consecutive lines: `terraform fmt` aligns their `=` signs. */
export function alignmentGroup(file: HclFile, body: Body, member: Attribute): Attribute[] {
  const items = body.items;
  const at = items.indexOf(member);
  if (at < 0) return [member];
  const single = (item: Attribute | Block | undefined): item is Attribute =>
    item?.kind === 'Attribute' && item.range.start.line === item.range.end.line && firstOnLine(file.text, item.range.start.offset);
  if (!single(member)) return [member];
  let from = at;
  while (from > 0 && single(items[from - 1]) && items[from - 1]!.range.end.line === items[from]!.range.start.line - 1) from--;
  let to = at;
  while (to < items.length - 1 && single(items[to + 1]) && items[to + 1]!.range.start.line === items[to]!.range.end.line + 1) to++;
  return items.slice(from, to + 1) as Attribute[];
}

/** Offset of the `=` after an attribute's name. */
export function equalsOffset(file: HclFile, attribute: Attribute): number {
  return file.text.indexOf('=', attribute.nameRange.end.offset);
}

/** True when the group's `=` signs stand in one column, padded as `terraform fmt` pads them (groups of one count). */
export function isAligned(file: HclFile, group: readonly Attribute[]): boolean {
  if (group.length < 2) return true;
  const width = Math.max(...group.map((a) => a.name.length));
  return group.every((a) => equalsOffset(file, a) - a.nameRange.start.offset === width + 1);
}
