// String functions. Regular expressions follow RE2 syntax as Terraform does; the few RE2-only forms seen in
// real configs (`(?P<name>`, leading `(?i)`) are translated to their JavaScript equivalents.

import { checkCollectionSize, checkStringSize, EvalError, toList, toNum, toStr, type Value } from '../values/index.js';
import { formatString } from './format.js';
import type { FunctionTable } from './registry.js';

export function compileRegex(pattern: string, extraFlags = ''): RegExp {
  let source = pattern.replace(/\(\?P</g, '(?<');
  let flags = 'u' + extraFlags;
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]!) if ('ims'.includes(f) && !flags.includes(f)) flags += f;
  }
  source = source.replace(/\\z/g, '$').replace(/\\A/g, '^');
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new EvalError(`invalid regular expression: ${(e as Error).message}`);
  }
}

/** What `regex` returns for one match: the match, the list of groups, or the map of named groups. */
function matchResult(m: RegExpExecArray): Value {
  if (m.groups && Object.keys(m.groups).length > 0) {
    const out: { [k: string]: Value } = {};
    for (const [k, v] of Object.entries(m.groups)) out[k] = v ?? null;
    return out;
  }
  if (m.length > 1) return m.slice(1).map((g) => g ?? null);
  return m[0];
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
  chomp: { call: ([s]) => toStr(s!).replace(/(\r\n|\n|\r)+$/, '') },
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
    call: ([s, search, repl]) => {
      const str = toStr(s!);
      const pattern = toStr(search!);
      const replacement = toStr(repl!);
      let out: string;
      if (pattern.length > 1 && pattern.startsWith('/') && pattern.endsWith('/')) {
        // Go's `${1}` and `$1` both name group 1; JavaScript understands `$1`.
        out = str.replace(compileRegex(pattern.slice(1, -1), 'g'), replacement.replace(/\$\{(\w+)\}/g, (_m, g: string) => (/^\d+$/.test(g) ? `$${g}` : `$<${g}>`)));
      } else {
        out = pattern === '' ? str : str.split(pattern).join(replacement);
      }
      checkStringSize(out.length);
      return out;
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
  regex: {
    call: ([p, s]) => {
      const m = compileRegex(toStr(p!)).exec(toStr(s!));
      if (!m) throw new EvalError('regex: pattern did not match');
      return matchResult(m);
    },
  },
  regexall: {
    call: ([p, s]) => {
      const re = compileRegex(toStr(p!), 'g');
      const out: Value[] = [];
      for (const m of toStr(s!).matchAll(re)) {
        out.push(matchResult(m as RegExpExecArray));
        checkCollectionSize(out.length);
        if (m[0] === '') re.lastIndex++;
      }
      return out;
    },
  },
  startswith: { call: ([s, p]) => toStr(s!).startsWith(toStr(p!)) },
  endswith: { call: ([s, p]) => toStr(s!).endsWith(toStr(p!)) },
  strcontains: { call: ([s, p]) => toStr(s!).includes(toStr(p!)) },
  strrev: { call: ([s]) => chars(toStr(s!)).reverse().join('') },
};
