// Edits to Terraform source that keep its comments, indentation and alignment: set or add an
// attribute, add a nested block, add a resource after another, mark a line for a person's decision.
// Each returns text edits against the original file, or why it cannot edit there.

import type { Attribute, Block, Body, Expr, HclFile, ObjectExpr } from '../parse/hcl/ast.js';
import { alignmentGroup, bodyIndent, firstOnLine, indentAt, indentStep, isAligned, lineEnding, lineStart, nextLineStart } from './hcl-layout.js';
import type { TextEdit } from './text-edit.js';

/** An entry of a body to write: an attribute (its value already HCL text) or a nested block. */
export type HclEntry = { name: string; value: string } | { block: string; labels?: string[]; body: HclEntry[] };

/** Why an edit could not be made, in words a user reads next to the finding. */
export class EditDeclined extends Error {}

/** A string literal in HCL: quotes, backslashes and template sequences escaped. */
export function hclString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}"`;
}

/** Renders entries as body lines at `indent`, `=` aligned in runs of attributes as `terraform fmt` does. */
export function renderEntries(entries: readonly HclEntry[], indent: string, step: string, eol: string): string {
  let out = '';
  let i = 0;
  while (i < entries.length) {
    const entry = entries[i]!;
    if ('block' in entry) {
      const labels = (entry.labels ?? []).map((l) => ` ${hclString(l)}`).join('');
      out += `${indent}${entry.block}${labels} {${eol}${renderEntries(entry.body, indent + step, step, eol)}${indent}}${eol}`;
      i++;
      continue;
    }
    let j = i;
    while (j < entries.length && !('block' in entries[j]!)) j++;
    const run = entries.slice(i, j) as { name: string; value: string }[];
    const width = Math.max(...run.map((a) => a.name.length));
    for (const a of run) out += `${indent}${a.name.padEnd(width)} = ${a.value}${eol}`;
    i = j;
  }
  return out;
}

/** `block` must be laid out over several lines with its closing brace alone on its line, or be an empty `{}`. */
function closingBrace(file: HclFile, block: Block): { offset: number; multiline: boolean } {
  const offset = block.bodyRange.end.offset - 1;
  if (file.text[offset] !== '}') throw new EditDeclined(`the block at line ${block.range.start.line} is not closed`);
  if (firstOnLine(file.text, offset)) return { offset, multiline: true };
  if (block.body.items.length === 0) return { offset, multiline: false };
  throw new EditDeclined(`the block at line ${block.range.start.line} is written on one line`);
}

/** Sets an existing attribute's value (its expression is replaced; the rest of the line stays). */
export function replaceValue(attribute: Attribute, valueText: string): TextEdit[] {
  return [{ start: attribute.expr.range.start.offset, end: attribute.expr.range.end.offset, text: valueText }];
}

/**
 * Adds `name = value` to a block's body: after its last attribute (joining that attribute's alignment group,
 * re-padding the group when the new name is the longest), else at the top of the body.
 */
export function addAttribute(file: HclFile, block: Block, name: string, valueText: string): TextEdit[] {
  const { text } = file;
  const eol = lineEnding(text);
  const body = block.body;
  const firstBlockAt = body.items.findIndex((item) => item.kind === 'Block');
  const leading = (firstBlockAt < 0 ? body.items : body.items.slice(0, firstBlockAt)).filter((i): i is Attribute => i.kind === 'Attribute');
  const anchor = leading[leading.length - 1];
  const indent = bodyIndent(file, block);
  if (!anchor) {
    const brace = closingBrace(file, block);
    if (!brace.multiline) return [{ start: brace.offset, end: brace.offset, text: `${eol}${indent}${name} = ${valueText}${eol}${indentAt(text, block.range.start.offset)}` }];
    const first = body.items[0];
    if (first) {
      // Attributes go before nested blocks, as the provider docs and `terraform fmt` users write them.
      const at = lineStart(text, first.range.start.offset);
      return [{ start: at, end: at, text: `${indent}${name} = ${valueText}${eol}${eol}` }];
    }
    const at = lineStart(text, brace.offset);
    return [{ start: at, end: at, text: `${indent}${name} = ${valueText}${eol}` }];
  }
  if (!firstOnLine(text, anchor.range.start.offset)) throw new EditDeclined(`the block at line ${block.range.start.line} is written on one line`);
  // Padded to the run it joins; a run the new name outgrows is re-padded once all of a file's fixes are in (hcl-align.ts).
  const group = alignmentGroup(file, body, anchor);
  // A value over several lines stands on its own: `terraform fmt` aligns only single-line attributes.
  const width = valueText.includes('\n') || (group.length > 1 && !isAligned(file, group)) ? name.length : Math.max(name.length, ...group.map((a) => a.name.length));
  const at = nextLineStart(text, anchor.range.end.offset);
  const trailing = at === text.length && !text.endsWith('\n') ? eol : '';
  return [{ start: at, end: at, text: `${trailing}${indent}${name.padEnd(width)} = ${valueText}${eol}` }];
}

/** Sets `name` in `block`: replaces its value when present, adds it when not. */
export function setAttribute(file: HclFile, block: Block, name: string, valueText: string): TextEdit[] {
  const existing = block.body.attributes.find((a) => a.name === name);
  return existing ? replaceValue(existing, valueText) : addAttribute(file, block, name, valueText);
}

/** Adds a nested block at the end of `block`'s body, after a blank line when the body has items. */
export function addBlock(file: HclFile, block: Block, entry: Extract<HclEntry, { block: string }>): TextEdit[] {
  const { text } = file;
  const eol = lineEnding(text);
  const brace = closingBrace(file, block);
  const indent = bodyIndent(file, block);
  const rendered = renderEntries([entry], indent, indentStep(file), eol);
  if (!brace.multiline) return [{ start: brace.offset, end: brace.offset, text: `${eol}${rendered}${indentAt(text, block.range.start.offset)}`, rank: 1 }];
  const at = lineStart(text, brace.offset);
  return [{ start: at, end: at, text: `${block.body.items.length ? eol : ''}${rendered}`, rank: 1 }];
}

/** Adds a top-level block (a resource) after `after`, separated by a blank line. */
export function addBlockAfter(file: HclFile, after: Block, entry: Extract<HclEntry, { block: string }>): TextEdit[] {
  const { text } = file;
  const eol = lineEnding(text);
  const indent = indentAt(text, after.range.start.offset);
  const rendered = renderEntries([entry], indent, indentStep(file), eol);
  const end = after.range.end.offset;
  return [{ start: end, end, text: `${eol}${eol}${rendered.slice(0, -eol.length)}`, rank: 2 }];
}

/** A `# NEEDS YOUR INPUT: …` line above `node`, at its indentation; nothing when the line above already says it. */
export function markForInput(file: HclFile, node: Attribute | Block, question: string): TextEdit[] {
  const { text } = file;
  const comment = `# NEEDS YOUR INPUT: ${question.replace(/[\r\n]+/g, ' ')}`;
  const start = lineStart(text, node.range.start.offset);
  const above = start > 0 ? text.slice(lineStart(text, start - 1), start) : '';
  if (above.includes('NEEDS YOUR INPUT:')) return [];
  return [{ start, end: start, text: `${indentAt(text, node.range.start.offset)}${comment}${lineEnding(text)}` }];
}

/** The first nested block of `type` in a body. */
export function nestedBlock(body: Body, type: string): Block | undefined {
  return body.blocks.find((b) => b.type === type);
}

/** The key of an object item as written: `owner`, `"cost-center"`. */
function objectKeyName(file: HclFile, item: ObjectExpr['items'][number]): string {
  const key = item.key;
  if (key.kind === 'Variable') return key.name;
  const raw = file.text.slice(key.range.start.offset, key.range.end.offset);
  return raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
}

/**
 * Sets `key = value` in an object literal (`tags = { … }`): replaces a literal value already there, or adds the
 * key on its own line before the closing brace, its `=` aligned with the others when they are aligned.
 */
export function setObjectKey(file: HclFile, attribute: Attribute, key: string, valueText: string, isLiteral: (expr: Expr) => boolean): TextEdit[] {
  const { text } = file;
  const object = attribute.expr;
  if (object.kind !== 'Object') throw new EditDeclined(`${attribute.name} is not written as an object literal`);
  const written = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : hclString(key);
  const existing = object.items.find((item) => objectKeyName(file, item) === key);
  if (existing) {
    if (!isLiteral(existing.value)) throw new EditDeclined(`${attribute.name}.${key} is computed; set it where that value is decided`);
    return [{ start: existing.value.range.start.offset, end: existing.value.range.end.offset, text: valueText }];
  }
  const close = object.range.end.offset - 1;
  const eol = lineEnding(text);
  if (!object.items.length) {
    const indent = indentAt(text, attribute.range.start.offset);
    return [{ start: object.range.start.offset, end: object.range.end.offset, text: `{${eol}${indent}${indentStep(file)}${written} = ${valueText}${eol}${indent}}` }];
  }
  if (!firstOnLine(text, close)) {
    const last = object.items[object.items.length - 1]!;
    return [{ start: last.range.end.offset, end: last.range.end.offset, text: `, ${written} = ${valueText}` }];
  }
  const first = object.items[0]!;
  const indent = indentAt(text, first.range.start.offset);
  const columns = new Set(object.items.map((item) => text.indexOf('=', item.key.range.end.offset) - item.key.range.start.offset));
  const widths = object.items.map((item) => item.key.range.end.offset - item.key.range.start.offset);
  const aligned = object.items.length > 1 && columns.size === 1 && columns.has(Math.max(...widths) + 1);
  const width = aligned ? Math.max(written.length, ...widths) : written.length;
  const edits: TextEdit[] = [];
  if (aligned && written.length > Math.max(...widths)) {
    for (const item of object.items) {
      const from = item.key.range.end.offset;
      edits.push({ start: from, end: text.indexOf('=', from), text: ' '.repeat(width - (from - item.key.range.start.offset) + 1) });
    }
  }
  const at = lineStart(text, close);
  edits.push({ start: at, end: at, text: `${indent}${written.padEnd(width)} = ${valueText}${eol}` });
  return edits;
}
