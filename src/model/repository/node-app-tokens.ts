// A JavaScript/TypeScript token scanner for reading application code without running it. It knows what a
// real lexer must know to stay in step with the source (strings, template literals with nested `${}`,
// comments, regular-expression literals versus division) and nothing more: tokens are kept in typed arrays
// and their text is sliced only when asked, so 50 MB of code costs one linear pass and little memory.
// Malformed input never throws: an unterminated string ends at its line, an unterminated template or
// comment at the end of the file.

import { LineIndex } from './lines.js';

/** Token kinds. */
export const Tok = { Ident: 0, Str: 1, Template: 2, Num: 3, Punct: 4, Regex: 5 } as const;
export type TokKind = (typeof Tok)[keyof typeof Tok];

export interface Tokens {
  readonly text: string;
  readonly count: number;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** For each `(`, `[` and `{`: the index of the bracket that closes it (itself when none does); -1 for other tokens. */
  readonly match: Int32Array;
}

/** Words after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
/** Operators of more than one character that the readers compare against; any other punctuation is one character. */
const MULTI = ['===', '!==', '...', '=>', '==', '!=', '||', '&&', '??', '?.', '+=', '++', '--', '**', '<=', '>=', '-='];

/** Characters that may begin an operator of more than one character. */
const OPERATOR_START = new Uint8Array(128);
for (const op of MULTI) OPERATOR_START[op.charCodeAt(0)] = 1;

function operatorLength(text: string, i: number): number {
  for (const op of MULTI) if (text.startsWith(op, i)) return op.length;
  return 1;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c === 35 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/** Skips a template literal whose opening backtick is at `i`; returns the offset after its closing backtick. */
function skipTemplate(text: string, i: number): number {
  const n = text.length;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 96) return i + 1;
    else if (c === 36 && text.charCodeAt(i + 1) === 123) i = skipBraces(text, i + 2);
    else i++;
  }
  return n;
}

/** Skips the expression of a `${` up to its closing brace (strings, nested templates and comments included). */
function skipBraces(text: string, i: number): number {
  const n = text.length;
  let depth = 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) {
      if (--depth === 0) return i + 1;
    } else if (c === 34 || c === 39) {
      i = skipString(text, i);
      continue;
    } else if (c === 96) {
      i = skipTemplate(text, i);
      continue;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    i++;
  }
  return n;
}

/** Skips a quoted string starting at `i`; an unterminated one ends at its line. */
function skipString(text: string, i: number): number {
  const quote = text.charCodeAt(i);
  const n = text.length;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === quote) return i + 1;
    else if (c === 10) return i;
    else i++;
  }
  return n;
}

/** Skips a regular-expression literal at `i` (its `/`); returns -1 when none ends on this line. */
function skipRegex(text: string, i: number): number {
  const n = text.length;
  let inClass = false;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) return -1;
    if (c === 92) i += 2;
    else if (c === 91) (inClass = true), i++;
    else if (c === 93) (inClass = false), i++;
    else if (c === 47 && !inClass) {
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      return i;
    } else i++;
  }
  return -1;
}

export function tokenize(text: string): Tokens {
  const n = text.length;
  let cap = Math.max(16, n >> 2);
  let kind = new Uint8Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let count = 0;
  const push = (k: TokKind, s: number, e: number) => {
    if (count === cap) {
      cap *= 2;
      const k2 = new Uint8Array(cap), s2 = new Int32Array(cap), e2 = new Int32Array(cap);
      k2.set(kind), s2.set(start), e2.set(end);
      (kind = k2), (start = s2), (end = e2);
    }
    kind[count] = k;
    start[count] = s;
    end[count] = e;
    count++;
  };
  /** Whether a `/` here starts a regular expression, judged by the token before it. */
  const regexAllowed = () => {
    if (count === 0) return true;
    const k = kind[count - 1]!;
    if (k === Tok.Ident) return REGEX_AFTER_WORD.has(text.slice(start[count - 1]!, end[count - 1]!));
    if (k === Tok.Punct) {
      const c = text.charCodeAt(start[count - 1]!);
      return end[count - 1]! - start[count - 1]! > 1 || (c !== 41 && c !== 93 && c !== 125);
    }
    return false;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xfeff || c === 0xa0 || c === 11 || c === 12) {
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      push(Tok.Ident, i, j);
      i = j;
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      push(Tok.Num, i, j);
      i = j;
    } else if (c === 34 || c === 39) {
      const j = skipString(text, i);
      push(Tok.Str, i, j);
      i = j;
    } else if (c === 96) {
      const j = skipTemplate(text, i);
      push(Tok.Template, i, j);
      i = j;
    } else if (c === 47 && regexAllowed()) {
      const j = skipRegex(text, i);
      if (j < 0) push(Tok.Punct, i, i + 1), i++;
      else push(Tok.Regex, i, j), (i = j);
    } else {
      const len = OPERATOR_START[c] ? operatorLength(text, i) : 1;
      push(Tok.Punct, i, i + len);
      i += len;
    }
  }
  return { text, count, kind, start, end, match: matchBrackets(text, count, kind, start, end) };
}

/** The text of token `i` (empty past the end). */
export function tokText(t: Tokens, i: number): string {
  return i >= 0 && i < t.count ? t.text.slice(t.start[i]!, t.end[i]!) : '';
}

/** Whether token `i` is the punctuation `p`. */
export function isPunct(t: Tokens, i: number, p: string): boolean {
  return i >= 0 && i < t.count && t.kind[i] === Tok.Punct && t.end[i]! - t.start[i]! === p.length && t.text.startsWith(p, t.start[i]!);
}

/** Whether token `i` is the one-character punctuation of char code `code` (`.` 46, `(` 40, `<` 60): the hot loops' test. */
export function isPunctCode(t: Tokens, i: number, code: number): boolean {
  return i >= 0 && i < t.count && t.kind[i] === Tok.Punct && t.end[i]! - t.start[i]! === 1 && t.text.charCodeAt(t.start[i]!) === code;
}

/** Whether token `i` is the identifier or keyword `word`. */
export function isWord(t: Tokens, i: number, word: string): boolean {
  return i >= 0 && i < t.count && t.kind[i] === Tok.Ident && t.end[i]! - t.start[i]! === word.length && t.text.startsWith(word, t.start[i]!);
}

/** The value of a string token without its quotes and with simple escapes read. */
export function stringValue(t: Tokens, i: number): string {
  const raw = tokText(t, i);
  const body = raw.length >= 2 && raw[raw.length - 1] === raw[0] ? raw.slice(1, -1) : raw.slice(1);
  return body.includes('\\') ? body.replace(/\\(.)/g, '$1') : body;
}

/**
 * Pairs every opening bracket with its closer in one pass, so no reader ever rescans to find one (an unclosed
 * bracket in every line of a file would otherwise cost a scan to the end for each). A closer pops the nearest
 * opener whatever its kind: malformed code pairs up somehow, and never throws.
 */
function matchBrackets(text: string, count: number, kind: Uint8Array, start: Int32Array, end: Int32Array): Int32Array {
  const match = new Int32Array(count).fill(-1);
  const stack: number[] = [];
  for (let j = 0; j < count; j++) {
    if (kind[j] !== Tok.Punct || end[j]! - start[j]! !== 1) continue;
    const c = text.charCodeAt(start[j]!);
    if (c === 40 || c === 91 || c === 123) stack.push(j);
    else if ((c === 41 || c === 93 || c === 125) && stack.length) match[stack.pop()!] = j;
  }
  // An opener nothing closes encloses nothing: otherwise each of them would reach to the end of the file.
  for (const j of stack) match[j] = j;
  return match;
}

/** The index after the bracket closing the one at `i` (`(`, `[` or `{`), or `limit` when beyond it; `i + 1` when `i` opens nothing or nothing closes it. */
export function closeOf(t: Tokens, i: number, limit = t.count): number {
  if (i < 0 || i >= t.count) return limit;
  const m = t.match[i]!;
  if (m < 0) return Math.min(i + 1, limit);
  return m >= limit ? limit : m + 1;
}

/** Line numbers (1-based) of offsets, by binary search over the line starts computed once. */
export function lineIndex(text: string): (offset: number) => number {
  const index = new LineIndex(text);
  return (offset) => index.lineAt(offset);
}
