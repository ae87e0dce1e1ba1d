// String functions. `regex`, `regexall` and `replace` with a /pattern/ use Go's RE2 semantics (regex.ts).

import { checkCollectionSize, checkStringSize, EvalError, toList, toNum, toStr, type Value } from '../values/index.js';
import { formatString } from './format.js';
import { regexAll, regexFirst, regexReplace } from './regex.js';
import type { FunctionTable } from './registry.js';

/**
 * `text` without its trailing characters for which `drop` holds. A loop, not `/x+$/`: a backtracking engine
 * takes quadratic time on a long run of x that does not end the text.
 */
export function trimEndWhere(text: string, drop: (code: number) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Go's strings.Replace with no limit: every occurrence replaced; an empty search string matches before every
 * character and at the end. The result's size is checked before it is built.
 */
function replaceAll(str: string, search: string, replacement: string): string {
  if (search === '') {
    const cs = chars(str);
    checkStringSize(str.length + (cs.length + 1) * replacement.length);
    return replacement + cs.join(replacement) + (cs.length ? replacement : '');
  }
  const parts = str.split(search);
  checkStringSize(str.length + (parts.length - 1) * (replacement.length - search.length));
  return parts.join(replacement);
}

function chars(s: string): string[] {
  return Array.from(s);
}

function trimSet(s: string, cutset: string, left: boolean, right: boolean): string {
  const set = new Set(chars(cutset));
  const cs = chars(s);
  let start = 0;
  let end = cs.length;
  if (left) while (start < end && set.has(cs[start]!)) start++;
  if (right) while (end > start && set.has(cs[end - 1]!)) end--;
  return cs.slice(start, end).join('');
}

export const stringFunctions: FunctionTable = {
  format: {
    minArgs: 1,
    call: ([spec, ...rest]) => {
      const out = formatString(toStr(spec!), rest);
      checkStringSize(out.length);
      return out;
    },
  },
  formatlist: {
    minArgs: 1,
    call: ([spec, ...rest]) => {
      const lists = rest.filter(Array.isArray) as Value[][];
      const n = lists.length ? lists[0]!.length : 1;
      if (lists.some((l) => l.length !== n)) throw new EvalError('formatlist: list arguments must have the same length');
      checkCollectionSize(n);
      const out: Value[] = [];
      for (let i = 0; i < n; i++) out.push(formatString(toStr(spec!), rest.map((a) => (Array.isArray(a) ? a[i]! : a))));
      return out;
    },
  },
  join: {
    minArgs: 2,
    call: ([sep, ...lists]) => {
      const parts: string[] = [];
      for (const l of lists) for (const x of toList(l!)) parts.push(toStr(x));
      const out = parts.join(toStr(sep!));
      checkStringSize(out.length);
      return out;
    },
  },
  split: {
    minArgs: 2,
    maxArgs: 2,
    call: ([sep, s]) => {
      const str = toStr(s!);
      const out = str.split(toStr(sep!));
      checkCollectionSize(out.length);
      return out;
    },
  },
  lower: { call: ([s]) => toStr(s!).toLowerCase() },
  upper: { call: ([s]) => toStr(s!).toUpperCase() },
  title: { call: ([s]) => toStr(s!).replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase()) },
  trimspace: { call: ([s]) => toStr(s!).trim() },
  trim: { call: ([s, cut]) => trimSet(toStr(s!), toStr(cut!), true, true) },
  trimprefix: { call: ([s, p]) => (toStr(s!).startsWith(toStr(p!)) ? toStr(s!).slice(toStr(p!).length) : toStr(s!)) },
  trimsuffix: {
    call: ([s, p]) => {
      const str = toStr(s!);
      const suffix = toStr(p!);
      return suffix && str.endsWith(suffix) ? str.slice(0, str.length - suffix.length) : str;
    },
  },
  chomp: { call: ([s]) => trimEndWhere(toStr(s!), (c) => c === 10 || c === 13) },
  indent: {
    call: ([n, s]) => {
      const count = toNum(n!);
      if (count < 0 || count > 1000) throw new EvalError('indent: unreasonable indentation');
      const out = toStr(s!).replace(/\n/g, '\n' + ' '.repeat(count));
      checkStringSize(out.length);
      return out;
    },
  },
  replace: {
    call: ([s, search, repl], budget) => {
      const str = toStr(s!);
      const pattern = toStr(search!);
      const replacement = toStr(repl!);
      if (pattern.length > 1 && pattern.startsWith('/') && pattern.endsWith('/')) return regexReplace(str, pattern.slice(1, -1), replacement, budget);
      return replaceAll(str, pattern, replacement);
    },
  },
  substr: {
    call: ([s, off, len]) => {
      const cs = chars(toStr(s!));
      let offset = toNum(off!);
      let length = toNum(len!);
      if (offset < 0) offset = Math.max(0, cs.length + offset);
      if (offset > cs.length) throw new EvalError('substr: offset beyond the end of the string');
      if (length < 0) length = cs.length - offset;
      return cs.slice(offset, offset + length).join('');
    },
  },
  regex: { call: ([p, s], budget) => regexFirst(toStr(p!), toStr(s!), budget) },
  regexall: { call: ([p, s], budget) => regexAll(toStr(p!), toStr(s!), budget) },
  startswith: { call: ([s, p]) => toStr(s!).startsWith(toStr(p!)) },
  endswith: { call: ([s, p]) => toStr(s!).endsWith(toStr(p!)) },
  strcontains: { call: ([s, p]) => toStr(s!).includes(toStr(p!)) },
  strrev: { call: ([s]) => chars(toStr(s!)).reverse().join('') },
};
