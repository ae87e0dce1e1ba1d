// JSON as text, written out by hand rather than by JSON.stringify so the text can hold what a parser meets
// in the wild: duplicate keys, `\u` escapes (lone surrogates too), numbers JSON allows but doubles do not
// hold, odd whitespace, a BOM, deep nesting, and now and then something that is not JSON at all.

import fc from 'fast-check';
import { HUGE_NUMBERS, mostly, pick, PROTOTYPE_NAMES } from './common.js';
import type { MutationOptions } from './mutate.js';

/** A JSON value in memory, with keys as written (duplicates kept). */
export type JsonTree = null | boolean | number | string | { raw: string } | JsonTree[] | { entries: Array<[string, JsonTree]> };

export function jsonString(s: string, escapeAll = false): string {
  const body = JSON.stringify(s).slice(1, -1);
  return `"${escapeAll ? [...s].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('') : body}"`;
}

export function renderJson(v: JsonTree, pretty: boolean, indent = ''): string {
  const nl = pretty ? '\n' : '';
  const pad = pretty ? `${indent}  ` : '';
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return JSON.stringify(v) ?? 'null';
  if (typeof v === 'string') return jsonString(v);
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${nl}${v.map((x) => pad + renderJson(x, pretty, pad)).join(`,${nl}`)}${nl}${indent}]`;
  if ('raw' in v) return v.raw;
  if (v.entries.length === 0) return '{}';
  return `{${nl}${v.entries.map(([k, x]) => `${pad}${jsonString(k)}:${pretty ? ' ' : ''}${renderJson(x, pretty, pad)}`).join(`,${nl}`)}${nl}${indent}}`;
}

export interface JsonShape {
  /** Keys objects are likely to have. */
  keys: readonly string[];
  /** Strings values are likely to be. */
  strings: readonly string[];
  depth: number;
}

/** Any JSON value, biased to the keys and strings of a format. */
export function jsonTree(shape: JsonShape): fc.Arbitrary<JsonTree> {
  const key = mostly(pick(shape.keys), fc.oneof(pick(PROTOTYPE_NAMES), fc.string({ maxLength: 6 }), pick(['', ' ', '\u0000', '\ud800', 'a.b', '$ref'])), 1, 6);
  const str = mostly(pick(shape.strings), fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }), pick(['${var.x}', '%{ if x }', '\ud800', '\n', ''])), 1, 4);
  const num = fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.double(), pick([0, -0, 1e308, 5e-324, 2 ** 53 + 1]));
  const rawNum = pick(HUGE_NUMBERS.filter((n) => /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(n))).map((raw) => ({ raw }));
  const leaf: fc.Arbitrary<JsonTree> = fc.oneof({ arbitrary: str, weight: 4 }, { arbitrary: num, weight: 2 }, { arbitrary: rawNum, weight: 1 }, { arbitrary: fc.boolean(), weight: 1 }, { arbitrary: fc.constant(null), weight: 1 });
  let level: fc.Arbitrary<JsonTree> = leaf;
  for (let d = 0; d < shape.depth; d++) {
    const sub = level;
    level = fc.oneof(
      { arbitrary: leaf, weight: 3 },
      { arbitrary: fc.array(sub, { maxLength: 4 }), weight: 1 },
      { arbitrary: fc.array(fc.tuple(key, sub), { maxLength: 5 }).map((entries) => ({ entries })), weight: 2 },
    );
  }
  return level;
}

/** Nesting far past what a recursive reader survives. */
export const deepJson: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 100, max: 60000 }), fc.constantFrom('[', '{"a":'), fc.constantFrom('1', '"x"', '[]')).map(([depth, open, inner]) =>
  open.repeat(depth) + inner + (open === '[' ? ']' : '}').repeat(depth),
);

/** Rendered text, sometimes with a BOM, trailing junk, or CRLF. */
export function jsonDocument(tree: fc.Arbitrary<JsonTree>): fc.Arbitrary<string> {
  return fc
    .tuple(tree, fc.boolean(), fc.option(pick(['\ufeff', ' \n', '\t'])), fc.option(pick(['\n', ' ', ',', '}', 'x', '// c', '\u0000']), { freq: 6 }))
    .map(([t, pretty, before, after]) => `${before ?? ''}${renderJson(t, pretty)}${after ?? ''}`);
}

/** JSON's special tokens and brackets, for mutating real JSON files. */
export const JSON_MUTATION: MutationOptions = {
  tokens: ['{', '}', '[', ']', '"', ',', ':', 'null', 'true', '1e999', '-0', '"\\ud800"', '"\\u0000"', '\\', '\\u', '"__proto__"', '{"__proto__":{"x":1}}', '"constructor"', ' ', '\n', '\t', '\ufeff', '/* */', '//', "'", 'NaN', '01', '.5', '"${var.x}"'],
  nesting: [['[', ']'], ['{"a":', '}'], ['{"__proto__":', '}'], ['[[', ']]']],
};
