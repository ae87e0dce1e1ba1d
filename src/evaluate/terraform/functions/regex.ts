// `regex`, `regexall` and `replace` with a /pattern/, as Terraform runs them: Go's RE2 syntax and semantics,
// matched in linear time by re2js. JavaScript's own engine backtracks, and a pattern such as `(a+)+$` from a
// scanned repository would never finish.

import type { Matcher, RE2JS } from 're2js';
import { re2 } from '../../../core/re2.js';
import { charge, checkCollectionSize, checkStringSize, EvalError, type StepBudget, type Value, type ValueObject } from '../values/index.js';

/** Patterns longer than this are refused: real ones are a few hundred characters, and compiling costs time. */
export const MAX_PATTERN_LENGTH = 32 * 1024;
/** Compiled patterns kept for reuse; configurations use few distinct patterns, often on every instance. */
const CACHE_SIZE = 256;
/** Matching costs about program size × text length; this many units cost one evaluation step. */
const WORK_PER_STEP = 16;

interface Compiled {
  re: RE2JS;
  /** What one match returns: the whole match, the list of groups, or the map of named groups. */
  shape: 'match' | 'list' | 'map';
  /** Group names by group number (index 0 is the whole match, unnamed); `undefined` for unnamed groups. */
  names: (string | undefined)[];
}

const cache = new Map<string, Compiled | EvalError>();


function compile(pattern: string): Compiled {
  const hit = cache.get(pattern);
  if (hit !== undefined) {
    // Re-inserted, so the map's order is least recently used first.
    cache.delete(pattern);
    cache.set(pattern, hit);
    if (hit instanceof EvalError) throw hit;
    return hit;
  }
  let result: Compiled | EvalError;
  if (pattern.length > MAX_PATTERN_LENGTH) result = new EvalError(`invalid regexp pattern: longer than ${MAX_PATTERN_LENGTH} characters`);
  else {
    try {
      result = analyse(re2().compile(pattern));
    } catch (e) {
      result = e instanceof EvalError ? e : new EvalError(`invalid regexp pattern: ${(e as Error).message.replace(/^error parsing regexp: /, '')}`);
    }
  }
  cache.set(pattern, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  if (result instanceof EvalError) throw result;
  return result;
}

function analyse(re: RE2JS): Compiled {
  const count = re.groupCount();
  const names: (string | undefined)[] = new Array<string | undefined>(count + 1).fill(undefined);
  const named = re.namedGroups();
  for (const name of Object.keys(named)) names[named[name]!] = name;
  const namedCount = Object.keys(named).length;
  if (namedCount > 0 && namedCount < count) throw new EvalError('invalid regexp pattern: cannot mix both named and unnamed capture groups');
  return { re, shape: count === 0 ? 'match' : namedCount > 0 ? 'map' : 'list', names };
}

/** Charges the matching work up front, so a large text times a large pattern stops before it runs. */
function chargeMatching(budget: StepBudget, compiled: Compiled, text: string): void {
  charge(budget, Math.ceil((compiled.re.programSize() * (text.length + 1)) / WORK_PER_STEP));
}

/** A match's result as Terraform's regex gives it; a group that took no part in the match is null. */
function matchResult(compiled: Compiled, m: Matcher): Value {
  if (compiled.shape === 'match') return m.group(0) ?? '';
  if (compiled.shape === 'list') {
    const out: Value[] = [];
    for (let i = 1; i < compiled.names.length; i++) out.push(m.group(i));
    return out;
  }
  const out: ValueObject = {};
  for (let i = 1; i < compiled.names.length; i++) out[compiled.names[i]!] = m.group(i);
  return out;
}

/** UTF-16 units of the character at `i`: a search always moves on by a whole character, as Go moves by a rune. */
function charWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/**
 * Visits successive non-overlapping matches the way Go's FindAll does: an empty match right where the
 * previous match ended is skipped, and after an empty match the search moves on by one character.
 */
function eachMatch(compiled: Compiled, text: string, budget: StepBudget, visit: (m: Matcher) => void): void {
  const m = compiled.re.matcher(text);
  let pos = 0;
  let previousEnd = -1;
  while (pos <= text.length && m.find(pos)) {
    charge(budget, 1);
    const start = m.start();
    const end = m.end();
    let accept = true;
    if (end === pos) {
      if (start === previousEnd) accept = false;
      pos += pos < text.length ? charWidth(text, pos) : 1;
    } else pos = end;
    previousEnd = end;
    if (accept) visit(m);
  }
}

/** `regex(pattern, string)`: the first match; an error when there is none. */
export function regexFirst(pattern: string, text: string, budget: StepBudget): Value {
  const compiled = compile(pattern);
  chargeMatching(budget, compiled, text);
  const m = compiled.re.matcher(text);
  if (!m.find()) throw new EvalError('regex: pattern did not match any part of the given string');
  return matchResult(compiled, m);
}

/** `regexall(pattern, string)`: every match, as a list (empty when none). */
export function regexAll(pattern: string, text: string, budget: StepBudget): Value[] {
  const compiled = compile(pattern);
  chargeMatching(budget, compiled, text);
  const out: Value[] = [];
  eachMatch(compiled, text, budget, (m) => {
    out.push(matchResult(compiled, m));
    checkCollectionSize(out.length);
  });
  return out;
}

/** One piece of a replacement template: literal text, or a group (by number, or -1 for none). */
type TemplatePiece = string | number;

/**
 * `replace(string, "/re/", replacement)`: Go's ReplaceAllString. In the replacement, `$1`, `${1}`, `$name` and
 * `${name}` insert a group (the longest run of letters, digits and `_` is the name, so `$1x` is the group named
 * `1x`), `$$` is a dollar sign; a missing or unmatched group inserts nothing.
 */
export function regexReplace(text: string, pattern: string, replacement: string, budget: StepBudget): string {
  const compiled = compile(pattern);
  chargeMatching(budget, compiled, text);
  const template = parseTemplate(replacement, compiled);
  const m = compiled.re.matcher(text);
  let out = '';
  let lastEnd = 0;
  let pos = 0;
  while (pos <= text.length && m.find(pos)) {
    charge(budget, 1);
    const start = m.start();
    const end = m.end();
    out += text.slice(lastEnd, start);
    // Not for an empty match right after the previous match, or patterns matching both empty and
    // non-empty text would replace twice.
    if (end > lastEnd || start === 0) for (const piece of template) out += typeof piece === 'string' ? piece : piece < 0 ? '' : (m.group(piece) ?? '');
    checkStringSize(out.length);
    lastEnd = end;
    const width = pos < text.length ? charWidth(text, pos) : 1;
    pos = pos + width > end ? pos + width : end;
  }
  out += text.slice(lastEnd);
  checkStringSize(out.length);
  return out;
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/** Splits a replacement into literal text and group references, as Go's Regexp.Expand reads it. */
function parseTemplate(template: string, compiled: Compiled): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let literal = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    literal += template.slice(i, dollar);
    i = dollar + 1;
    if (template[i] === '$') {
      literal += '$';
      i++;
      continue;
    }
    const ref = readReference(template, i);
    if (!ref) {
      literal += '$';
      continue;
    }
    i = ref.next;
    if (literal) pieces.push(literal);
    literal = '';
    pieces.push(groupIndex(ref.name, compiled));
  }
  literal += template.slice(i);
  if (literal) pieces.push(literal);
  return pieces;
}

/** `name` or `{name}` at `i`; undefined when malformed (then the `$` is literal text). */
function readReference(template: string, i: number): { name: string; next: number } | undefined {
  const brace = template[i] === '{';
  let j = brace ? i + 1 : i;
  const nameStart = j;
  while (j < template.length) {
    const ch = String.fromCodePoint(template.codePointAt(j)!);
    if (!NAME_CHAR.test(ch)) break;
    j += ch.length;
  }
  if (j === nameStart) return undefined;
  const name = template.slice(nameStart, j);
  if (brace) {
    if (template[j] !== '}') return undefined;
    j++;
  }
  return { name, next: j };
}

/** The group a reference names: a number of up to nine digits without leading zeros, else a group name; -1 for none. */
function groupIndex(name: string, compiled: Compiled): number {
  if (/^(0|[1-9][0-9]{0,8})$/.test(name)) {
    const n = Number(name);
    return n < compiled.names.length ? n : -1;
  }
  return compiled.names.indexOf(name);
}
