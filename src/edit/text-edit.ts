// Text edits by offset: the one currency every format's fixes pay in. HCL, YAML and JSON fixes all
// end as replacements of [start, end) spans of the original text, so applying, merging and
// diffing them is format-agnostic.

import { mergeTrees, renderTree, type YamlInsertion } from './yaml-tree.js';

/** Replace the UTF-16 span [start, end) of the original text with `text` (an insertion when start = end). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /**
   * For insertions at one point by different fixes: lower goes first (attributes before nested blocks before
   * new resources), whatever order the fixes come in. Default 0.
   */
  rank?: number;
  /**
   * For an insertion of new YAML keys: the keys as data. Insertions at one point with the same indentation are
   * merged into one block (see mergeInsertions), so two fixes adding keys under one new mapping write it once.
   */
  yaml?: YamlInsertion;
}

/**
 * The edits with YAML insertions at one point merged: the first of each group carries the merged block, the others
 * become empty insertions there (so every fix keeps an edit, and its span, in the same order).
 */
export function mergeInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const groups = new Map<string, number[]>();
  edits.forEach((e, i) => {
    if (!e.yaml || e.start !== e.end) return;
    const key = `${e.start}:${e.yaml.indent}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out = [...edits];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const first = edits[members[0]!]!;
    let tree = first.yaml!.tree;
    for (const i of members.slice(1)) tree = mergeTrees(tree, edits[i]!.yaml!.tree);
    out[members[0]!] = { ...first, text: renderTree(tree, first.yaml!.indent, first.yaml!.step, first.yaml!.eol), yaml: { ...first.yaml!, tree } };
    for (const i of members.slice(1)) out[i] = { start: first.start, end: first.start, text: '' };
  }
  return out;
}

/** Same span and same text: two findings on one resource asking for the same change. */
export function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/**
 * True when two edit lists cannot both apply: a span overlapping another. Insertions at one point are
 * compatible: they apply in the order given (fixes are ordered by rule, so the result is deterministic).
 */
export function editsConflict(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (sameEdit(x, y)) continue;
      if (x.start === x.end && y.start === y.end) continue;
      if (x.start < y.end && y.start < x.end) return true;
      // An insertion strictly inside a replaced span.
      if (x.start === x.end && x.start > y.start && x.start < y.end) return true;
      if (y.start === y.end && y.start > x.start && y.start < x.end) return true;
    }
  }
  return false;
}

/** Applies non-conflicting edits (duplicates collapse to one) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return applyEditsTracked(text, edits).text;
}

/** The edited text, where each edit's text landed in it, and the lines of the new text that edits inserted or changed. */
export interface AppliedEdits {
  text: string;
  /** Per edit (same order as given, duplicates sharing a span): [start, end) of its text in the new text. */
  spans: { start: number; end: number }[];
}

/** Like applyEdits, also saying where each edit's text landed (to tell which fix a later finding belongs to). */
export function applyEditsTracked(text: string, edits: readonly TextEdit[]): AppliedEdits {
  const order = edits.map((edit, i) => ({ edit, i })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || (a.edit.rank ?? 0) - (b.edit.rank ?? 0));
  const spans: { start: number; end: number }[] = new Array(edits.length);
  let out = '';
  let at = 0;
  const done = new Map<string, { start: number; end: number }>();
  for (const { edit, i } of order) {
    const key = `${edit.start}:${edit.end}:${edit.text}`;
    const previous = done.get(key);
    if (previous) {
      spans[i] = previous;
      continue;
    }
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) throw new Error(`overlapping or out-of-range edit at ${edit.start}`);
    out += text.slice(at, edit.start);
    const span = { start: out.length, end: out.length + edit.text.length };
    out += edit.text;
    at = edit.end;
    spans[i] = span;
    done.set(key, span);
  }
  return { text: out + text.slice(at), spans };
}

/**
 * mapOffset for many offsets over the same edits: the edits are sorted once and each offset is found by halving,
 * where calling mapOffset per fix took time cubic in the number of fixes of a file.
 */
export function offsetMapper(edits: readonly TextEdit[]): (offset: number) => number {
  const seen = new Set<string>();
  const unique: TextEdit[] = [];
  for (const edit of edits) {
    const key = `${edit.start}:${edit.end}:${edit.text}`;
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(edit);
    }
  }
  unique.sort((a, b) => a.end - b.end || a.start - b.start);
  const shiftBefore = [0];
  for (const e of unique) shiftBefore.push(shiftBefore[shiftBefore.length - 1]! + e.text.length - (e.end - e.start));
  return (offset) => {
    // The edits ending before the offset shift it by their whole length change.
    let lo = 0;
    let hi = unique.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (unique[mid]!.end < offset) lo = mid + 1;
      else hi = mid;
    }
    let shift = shiftBefore[lo]!;
    // Those ending at it too, except insertions exactly there (they go after the offset).
    let i = lo;
    for (; i < unique.length && unique[i]!.end === offset; i++) {
      const e = unique[i]!;
      if (!(e.start === e.end && e.start === offset)) shift += e.text.length - (e.end - e.start);
    }
    // A replaced span holding the offset moves it to the end of its new text.
    for (; i < unique.length && unique[i]!.start < offset; i++) {
      const e = unique[i]!;
      if (e.start < offset && offset < e.end) {
        shift += e.start + e.text.length - offset;
        break;
      }
    }
    return offset + shift;
  };
}

/** Maps an offset of the original text to the new text (a point inside a replaced span goes to its end). */
export function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  const seen: TextEdit[] = [];
  for (const edit of edits) {
    if (seen.some((s) => sameEdit(s, edit))) continue;
    seen.push(edit);
    if (edit.end <= offset && !(edit.start === edit.end && edit.start === offset)) shift += edit.text.length - (edit.end - edit.start);
    else if (edit.start < offset && offset < edit.end) shift += edit.start + edit.text.length - offset;
  }
  return offset + shift;
}
