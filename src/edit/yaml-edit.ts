// Edits to YAML as text splices at node offsets, so comments, quoting, blank lines and the author's
// indentation stay as they were. Only block style is edited: a mapping written in flow style (`{ a: 1 }`)
// is declined rather than rewritten.

import { EditDeclined } from './hcl-edit.js';
import type { TextEdit } from './text-edit.js';
import { renderTree, treeOf, type YamlTree } from './yaml-tree.js';

export type { YamlTree };
import { isMap, type YEntry, type YMap, type YNode, type YScalar } from '../parse/yaml/tree.js';

/** A YAML scalar as written in block style: plain when that reads back as the same string, quoted otherwise. */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const readsAsOther =
    /^(true|false|yes|no|on|off|null|~|y|n)$/i.test(value) ||
    /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(value) ||
    /^0[xo]/i.test(value) ||
    /^[-+]?\.(inf|nan)$/i.test(value);
  const plain = /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/.test(value) && !/ $/.test(value) && !readsAsOther;
  return plain ? value : JSON.stringify(value);
}

/** Replaces a scalar's text. */
export function replaceScalar(scalar: YScalar, text: string): TextEdit[] {
  return [{ start: scalar.start, end: scalar.end, text }];
}

/** Column (0-based) of an offset within its line. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The indentation step the file uses for nested mappings (2 unless a nested block mapping says otherwise). */
function indentStep(text: string, map: YMap): number {
  for (const e of map.entries) {
    if (isMap(e.value) && !e.value.flow && e.value.entries.length) {
      const step = columnOf(text, e.value.entries[0]!.keyStart) - columnOf(text, e.keyStart);
      if (step > 0) return step;
    }
  }
  return 2;
}

/** The end of the last line holding content of `node` (trailing blank and comment lines left out). */
function endOfContent(text: string, from: number, end: number): number {
  let pos = end;
  for (;;) {
    while (pos > from && /\s/.test(text[pos - 1]!)) pos--;
    const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    if (lineStart > from && text.slice(lineStart, pos).trimStart().startsWith('#')) {
      pos = lineStart;
      continue;
    }
    break;
  }
  const newline = text.indexOf('\n', pos);
  const lineEnd = newline < 0 ? text.length : newline;
  return text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
}

/** Lines that write `path` (nested keys) with `value` (a scalar, or lines already indented relative to the last key). */
function nestedLines(path: readonly string[], value: string | readonly string[], indent: number, step: number, eol: string): string {
  let out = '';
  path.forEach((key, i) => {
    const pad = ' '.repeat(indent + i * step);
    const last = i === path.length - 1;
    if (!last) out += `${eol}${pad}${key}:`;
    else if (typeof value === 'string') out += `${eol}${pad}${key}: ${value}`;
    else out += `${eol}${pad}${key}:${value.map((line) => `${eol}${' '.repeat(indent + (i + 1) * step)}${line}`).join('')}`;
  });
  return out;
}

/**
 * Sets `path` (nested mapping keys from `map`) to `value`: replaces the scalar there, or adds the missing keys after
 * the last entry of the deepest mapping that exists. `value` is a scalar's text, or lines (relative indentation) for
 * a nested block.
 */
export function setIn(text: string, map: YMap, path: readonly string[], value: string | readonly string[]): TextEdit[] {
  let at = map;
  for (let i = 0; i < path.length; i++) {
    if (at.flow) throw new EditDeclined(`the mapping holding ${path[i]} is written in flow style ({ ... }); edit it by hand`);
    const found: YEntry | undefined = [...at.entries].reverse().find((e) => e.key === path[i]);
    if (!found) return insertEntries(text, at, path.slice(i), value);
    if (i === path.length - 1) {
      if (found.value.kind !== 'scalar' || typeof value !== 'string') throw new EditDeclined(`${path.join('.')} holds a ${found.value.kind === 'map' ? 'mapping' : 'list'}; edit it by hand`);
      if (found.value.value === null && found.value.start === found.value.end) return [{ start: found.keyEnd + 1, end: found.keyEnd + 1, text: ` ${value}` }];
      return replaceScalar(found.value, value);
    }
    if (!isMap(found.value)) {
      if (found.value.kind === 'scalar' && found.value.value === null) return insertUnder(text, found, path.slice(i + 1), value, indentStep(text, at));
      throw new EditDeclined(`${path.slice(0, i + 1).join('.')} is not a mapping; edit it by hand`);
    }
    at = found.value;
  }
  return [];
}

/** Adds `path: value` after the last entry of `map`, at its entries' indentation. */
export function insertEntries(text: string, map: YMap, path: readonly string[], value: string | readonly string[]): TextEdit[] {
  if (map.flow || !map.entries.length) throw new EditDeclined(`the mapping is written in flow style ({ ... }); edit it by hand`);
  const last = map.entries[map.entries.length - 1]!;
  const at = endOfContent(text, last.keyStart, Math.max(last.value.end, last.keyEnd));
  const indent = columnOf(text, map.entries[0]!.keyStart);
  const step = indentStep(text, map);
  const eol = lineEnding(text);
  const yaml = typeof value === 'string' ? { yaml: { indent, step, eol, tree: treeOf(path, value) } } : {};
  // Insertions at one point go deepest first: keys closing a nested mapping before the keys of its parent.
  return [{ start: at, end: at, text: nestedLines(path, value, indent, step, eol), rank: -indent, ...yaml }];
}

/** `key:` with nothing after it gets nested keys on the lines below. */
function insertUnder(text: string, entry: YEntry, path: readonly string[], value: string | readonly string[], step: number): TextEdit[] {
  const at = endOfContent(text, entry.keyStart, entry.keyEnd + 1);
  return [{ start: at, end: at, text: nestedLines(path, value, columnOf(text, entry.keyStart) + step, step, lineEnding(text)) }];
}

/** Replaces a whole entry (`value: x`) with other lines at its indentation (the first line replaces the key's line). */
export function replaceEntry(text: string, entry: YEntry, lines: readonly string[]): TextEdit[] {
  const indent = ' '.repeat(columnOf(text, entry.keyStart));
  const eol = lineEnding(text);
  const end = endOfContent(text, entry.keyStart, Math.max(entry.value.end, entry.keyEnd));
  return [{ start: entry.keyStart, end, text: lines.map((line, i) => (i === 0 ? line : `${indent}${line}`)).join(eol) }];
}

/** A `# NEEDS YOUR INPUT:` comment on its own line above the line holding `node` (once). */
export function markYamlForInput(text: string, node: YNode | YEntry, question: string): TextEdit[] {
  const offset = 'key' in node ? node.keyStart : node.start;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const above = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart);
  if (above.includes('NEEDS YOUR INPUT:')) return [];
  const line = text.slice(lineStart, offset);
  // A list item (`- name: web`) gets the comment at its dash.
  const indent = line.replace(/[^ \t].*$/, '');
  return [{ start: lineStart, end: lineStart, text: `${indent}# NEEDS YOUR INPUT: ${question.replace(/[\r\n]+/g, ' ')}${lineEnding(text)}` }];
}

/**
 * Adds every key of `tree` that `map` lacks, leaving the values already there alone: one insertion per mapping
 * that exists, holding all the keys missing from it. Fixes of related rules (CPU and memory limits, say) that
 * call this with the same tree make the same edits, which apply once.
 */
export function addMissing(text: string, map: YMap, tree: YamlTree): TextEdit[] {
  if (map.flow) throw new EditDeclined('the mapping is written in flow style ({ ... }); edit it by hand');
  const missing: YamlTree = {};
  const edits: TextEdit[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const found = [...map.entries].reverse().find((e) => e.key === key);
    if (!found) missing[key] = value;
    else if (typeof value !== 'string') {
      if (isMap(found.value)) edits.push(...addMissing(text, found.value, value));
      else if (found.value.kind === 'scalar' && found.value.value === null) {
        const at = endOfContent(text, found.keyStart, found.keyEnd + 1);
        const step = indentStep(text, map);
        edits.push({ start: at, end: at, text: renderTree(value, columnOf(text, found.keyStart) + step, step, lineEnding(text)), rank: -(columnOf(text, found.keyStart) + step) });
      } else throw new EditDeclined(`${key} is not a mapping; edit it by hand`);
    }
  }
  if (Object.keys(missing).length) {
    if (!map.entries.length) throw new EditDeclined('the mapping is empty; edit it by hand');
    const last = map.entries[map.entries.length - 1]!;
    const at = endOfContent(text, last.keyStart, Math.max(last.value.end, last.keyEnd));
    const yaml = { indent: columnOf(text, map.entries[0]!.keyStart), step: indentStep(text, map), eol: lineEnding(text), tree: missing };
    // Deepest first at one point (see insertEntries).
    edits.push({ start: at, end: at, text: renderTree(missing, yaml.indent, yaml.step, yaml.eol), rank: -yaml.indent, yaml });
  }
  return edits;
}
