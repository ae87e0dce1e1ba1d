// The value of a Python expression as far as the text tells, never run: literals, lists and tuples of them,
// module-level constants (here or imported: `ORIGINS = ['*']` then `origins=ORIGINS`), f-strings and `+`
// with the parts known, and reads of the environment (`os.environ['DB_HOST']`, `os.getenv('PORT', '8000')`).

import type { PyModule, PyWorkspace } from './python-module.js';
import { isName, isOp, PyTok, strParts, strValue, tokText } from './python-tokens.js';

export interface PyValue {
  strings: string[];
  env: string[];
  bool?: boolean;
  num?: number;
  /** Names and calls it is made of that could not be followed. */
  opaque?: boolean;
}

const MAX_HOPS = 4;
const ENV_READS = /^(?:os\.environ\.get|os\.getenv|os\.environ\.setdefault|environ\.get|getenv|env|env\.str|env\.int|env\.bool|config|decouple\.config)$/;
const WRAPPERS = new Set(['int', 'str', 'float', 'bool', 'list', 'tuple', 'set', 'frozenset']);

export function evaluate(ws: PyWorkspace, mod: PyModule, start: number, end: number, depth = 0): PyValue {
  const out: PyValue = { strings: [], env: [] };
  if (depth > MAX_HOPS || start >= end) return { ...out, opaque: true };
  const { t } = mod;
  // A list, tuple or set: the values of its items.
  if ((isOp(t, start, '[') || isOp(t, start, '(') || isOp(t, start, '{')) && t.match[start] === end - 1) {
    for (const item of items(mod, start + 1, end - 1)) merge(out, evaluate(ws, mod, item.start, item.end, depth + 1));
    return out;
  }
  // `a or b`, `a if c else b`: either may be the value.
  const alt = topLevel(mod, start, end, (j) => isName(t, j, 'or') || isName(t, j, 'if') || isName(t, j, 'else'));
  if (alt >= 0) {
    merge(out, evaluate(ws, mod, start, alt, depth + 1));
    if (isName(t, alt, 'if')) {
      const el = topLevel(mod, alt + 1, end, (j) => isName(t, j, 'else'));
      if (el >= 0) merge(out, evaluate(ws, mod, el + 1, end, depth + 1));
    } else merge(out, evaluate(ws, mod, alt + 1, end, depth + 1));
    return out;
  }
  // `a + b`: strings joined when every part is known.
  const plus = topLevel(mod, start, end, (j) => isOp(t, j, '+'));
  if (plus >= 0) {
    const left = evaluate(ws, mod, start, plus, depth + 1);
    const right = evaluate(ws, mod, plus + 1, end, depth + 1);
    out.env.push(...left.env, ...right.env);
    if (left.strings.length === 1 && right.strings.length === 1) out.strings.push(left.strings[0]! + right.strings[0]!);
    else out.strings.push(...left.strings.slice(0, 1).map((s) => `${s}…`));
    if (left.num !== undefined && right.num !== undefined) out.num = left.num + right.num;
    return out;
  }
  const times = topLevel(mod, start, end, (j) => isOp(t, j, '*'));
  if (times >= 0) {
    const a = evaluate(ws, mod, start, times, depth + 1).num;
    const b = evaluate(ws, mod, times + 1, end, depth + 1).num;
    if (a !== undefined && b !== undefined) out.num = a * b;
    else out.opaque = true;
    return out;
  }
  if (t.kind[start] === PyTok.Str) {
    let s = '';
    let j = start;
    for (; j < end && t.kind[j] === PyTok.Str; j++) s += strParts(t, j).prefix.includes('f') ? fString(ws, mod, j, depth, out) : strValue(t, j);
    if (j === end) out.strings.push(s);
    else out.opaque = true;
    return out;
  }
  if (t.kind[start] === PyTok.Num && end === start + 1) {
    const n = Number(tokText(t, start).replace(/_/g, ''));
    if (Number.isFinite(n)) out.num = n;
    return out;
  }
  if (isName(t, start, 'True') || isName(t, start, 'False')) {
    if (end === start + 1) out.bool = isName(t, start, 'True');
    return out;
  }
  if (isName(t, start, 'None') && end === start + 1) return out;
  // A dotted name, a call or a subscript.
  let j = start;
  while (isName(t, j) && isOp(t, j + 1, '.') && isName(t, j + 2)) j += 2;
  if (!isName(t, j)) return { ...out, opaque: true };
  const written = t.text.slice(t.start[start]!, t.end[j]!).replace(/\s+/g, '');
  const env = envRead(mod, written, j, end);
  if (env) {
    out.env.push(env.name);
    if (env.fallback) merge(out, evaluate(ws, mod, env.fallback.start, env.fallback.end, depth + 1));
    return out;
  }
  if (isOp(t, j + 1, '(') && t.match[j + 1] === end - 1 && WRAPPERS.has(written)) {
    const inner = evaluate(ws, mod, j + 2, end - 1, depth + 1);
    // `int(os.getenv('PORT', '8000'))`: the fallback as a number.
    if (written === 'int' && inner.num === undefined && /^\d{1,9}$/.test(inner.strings[0] ?? '')) inner.num = Number(inner.strings[0]);
    return inner;
  }
  if (j + 1 === end && j === start) {
    const found = ws.definition(mod, written);
    const assign = found?.mod.assigns.get(found.name)?.[0];
    if (found && assign) return evaluate(ws, found.mod, assign.start, assign.end, depth + 1);
  }
  // `settings.X` / `config.X`: the constant X where the settings module defines it.
  if (j + 1 === end && j === start + 2) {
    const owner = mod.imports.get(tokText(t, start));
    // A module's constant, or the attribute of a settings object (`settings = Settings()`) its class sets.
    const target = (owner ? ws.module(owner) : undefined) ?? ws.definition(mod, tokText(t, start))?.mod;
    const assign = target?.assigns.get(tokText(t, j))?.[0];
    if (target && assign) return evaluate(ws, target, assign.start, assign.end, depth + 1);
  }
  return { ...out, opaque: true };
}

/** `os.environ['X']`, `os.environ.get('X', d)`, `os.getenv('X', d)`: the name and the fallback's tokens. */
export function envRead(mod: PyModule, written: string, last: number, end: number): { name: string; to: number; fallback?: { start: number; end: number } } | undefined {
  const { t } = mod;
  const q = qualifyHead(mod, written);
  if ((q === 'os.environ' || q === 'environ') && isOp(t, last + 1, '[') && t.kind[last + 2] === PyTok.Str && isOp(t, last + 3, ']') && last + 4 <= end) {
    return { name: strValue(t, last + 2), to: last + 4 };
  }
  if (!ENV_READS.test(q) || !isOp(t, last + 1, '(') || t.kind[last + 2] !== PyTok.Str) return undefined;
  const name = strValue(t, last + 2);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return undefined;
  const close = t.match[last + 1]!;
  const to = close > last ? close + 1 : last + 3;
  if (isOp(t, last + 3, ',') && close > last + 4) {
    const from = isName(t, last + 4) && isOp(t, last + 5, '=') ? last + 6 : last + 4;
    const stop = topLevel(mod, from, close, (k) => isOp(t, k, ',')) ;
    return { name, to, fallback: { start: from, end: stop >= 0 ? stop : close } };
  }
  return { name, to };
}

function qualifyHead(mod: PyModule, written: string): string {
  const dot = written.indexOf('.');
  const head = dot < 0 ? written : written.slice(0, dot);
  const bound = mod.imports.get(head);
  return bound ? bound + (dot < 0 ? '' : written.slice(dot)) : written;
}

/** An f-string's text with each `{name}` replaced by its value when known, else left as `{…}`. */
function fString(ws: PyWorkspace, mod: PyModule, i: number, depth: number, out: PyValue): string {
  const body = strParts(mod.t, i).body;
  return body.replace(/\{([A-Za-z_][\w.]*)?[^{}]*\}/g, (whole, name: string | undefined) => {
    if (!name || depth >= MAX_HOPS) return whole;
    const found = ws.definition(mod, name);
    const assign = found?.mod.assigns.get(found.name)?.[0];
    if (!found || !assign) return whole;
    const v = evaluate(ws, found.mod, assign.start, assign.end, depth + 1);
    out.env.push(...v.env);
    return v.strings.length === 1 ? v.strings[0]! : whole;
  });
}

function merge(into: PyValue, from: PyValue): void {
  into.strings.push(...from.strings);
  into.env.push(...from.env);
  if (from.bool !== undefined && into.bool === undefined) into.bool = from.bool;
  if (from.num !== undefined && into.num === undefined) into.num = from.num;
  if (from.opaque) into.opaque = true;
}

/** The items of a bracket's contents, split at top-level commas. */
export function items(mod: PyModule, from: number, to: number): { start: number; end: number }[] {
  const { t } = mod;
  const out: { start: number; end: number }[] = [];
  let s = from;
  for (let j = from; j < to; j++) {
    if (t.match[j]! > j) j = Math.min(t.match[j]!, to);
    else if (isOp(t, j, ',')) {
      if (j > s) out.push({ start: s, end: j });
      s = j + 1;
    }
  }
  if (to > s) out.push({ start: s, end: to });
  return out;
}

/** The first token in [from, to) at bracket depth 0 for which `is` holds, or -1. */
export function topLevel(mod: PyModule, from: number, to: number, is: (j: number) => boolean): number {
  const { t } = mod;
  for (let j = from; j < to; j++) {
    if (t.match[j]! > j) j = Math.min(t.match[j]!, to);
    else if (is(j)) return j;
  }
  return -1;
}
