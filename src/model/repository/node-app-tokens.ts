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

/** The length of the operator at `i`: the first of `MULTI` that is there, or 1. Read by char codes: this runs for every operator of 50 MB of code. */
function operatorLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  switch (c) {
    case 61: // = : === => ==
      if (d === 61) return text.charCodeAt(i + 2) === 61 ? 3 : 2;
      return d === 62 ? 2 : 1;
    case 33: // ! : !== !=
      if (d !== 61) return 1;
      return text.charCodeAt(i + 2) === 61 ? 3 : 2;
    case 46: // ...
      return d === 46 && text.charCodeAt(i + 2) === 46 ? 3 : 1;
    case 124: // ||
      return d === 124 ? 2 : 1;
    case 38: // &&
      return d === 38 ? 2 : 1;
    case 63: // ?? ?.
      return d === 63 || d === 46 ? 2 : 1;
    case 43: // += ++
      return d === 61 || d === 43 ? 2 : 1;
    case 45: // -- -=
      return d === 45 || d === 61 ? 2 : 1;
    case 42: // **
      return d === 42 ? 2 : 1;
    case 60: // <=
    case 62: // >=
      return d === 61 ? 2 : 1;
    default:
      return 1;
  }
}

/** ASCII characters by class, for the scanner's inner loops: 1 may start an identifier, 2 only continue one. */
const IDENT = new Uint8Array(128);
for (let c = 0; c < 128; c++) IDENT[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c === 35 ? 1 : c >= 48 && c <= 57 ? 2 : 0;

function isIdentStart(c: number): boolean {
  return c > 127 || IDENT[c] === 1;
}
function isIdentPart(c: number): boolean {
  return c > 127 || IDENT[c] !== 0;
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

/**
 * Scratch arrays the scanner writes into, grown to the largest file read: a token is at least one character, so
 * a file of n characters has at most n tokens and the loop never checks for room. Each file's tokens are then
 * copied out at their exact count, so what is kept is no bigger than it must be.
 */
let scratchKind = new Uint8Array(0);
let scratchStart = new Int32Array(0);
let scratchEnd = new Int32Array(0);

export function tokenize(text: string): Tokens {
  const n = text.length;
  if (scratchKind.length < n) {
    const cap = Math.max(n, scratchKind.length * 2);
    (scratchKind = new Uint8Array(cap)), (scratchStart = new Int32Array(cap)), (scratchEnd = new Int32Array(cap));
  }
  const kind = scratchKind, start = scratchStart, end = scratchEnd;
  let count = 0;
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
      (kind[count] = Tok.Ident), (start[count] = i), (end[count++] = j);
      i = j;
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      (kind[count] = Tok.Num), (start[count] = i), (end[count++] = j);
      i = j;
    } else if (c === 34 || c === 39) {
      const j = skipString(text, i);
      (kind[count] = Tok.Str), (start[count] = i), (end[count++] = j);
      i = j;
    } else if (c === 96) {
      const j = skipTemplate(text, i);
      (kind[count] = Tok.Template), (start[count] = i), (end[count++] = j);
      i = j;
    } else if (c === 47 && regexAllowed(text, count, kind, start, end)) {
      const j = skipRegex(text, i);
      if (j < 0) (kind[count] = Tok.Punct), (start[count] = i), (end[count++] = i + 1), i++;
      else (kind[count] = Tok.Regex), (start[count] = i), (end[count++] = j), (i = j);
    } else {
      const len = OPERATOR_START[c] ? operatorLength(text, i) : 1;
      (kind[count] = Tok.Punct), (start[count] = i), (end[count++] = i + len);
      i += len;
    }
  }
  // The four arrays kept are cut from a shared block: allocating a buffer per file cost more than tokenizing it.
  const { buffer, offset } = reserve(count * 13);
  const keptStart = new Int32Array(buffer, offset, count);
  const keptEnd = new Int32Array(buffer, offset + count * 4, count);
  const match = new Int32Array(buffer, offset + count * 8, count);
  const keptKind = new Uint8Array(buffer, offset + count * 12, count);
  keptStart.set(start.subarray(0, count));
  keptEnd.set(end.subarray(0, count));
  keptKind.set(kind.subarray(0, count));
  matchBrackets(text, count, keptKind, keptStart, keptEnd, match);
  return { text, count, kind: keptKind, start: keptStart, end: keptEnd, match };
}

/** Blocks the kept token arrays are cut from, one after another; a block is freed once no file's tokens in it are in use. */
const BLOCK_BYTES = 4 * 1024 * 1024;
let block = new ArrayBuffer(0);
let blockUsed = 0;

/** `bytes` of a block, at an offset aligned for 32-bit views. */
function reserve(bytes: number): { buffer: ArrayBuffer; offset: number } {
  if (blockUsed + bytes > block.byteLength) {
    block = new ArrayBuffer(Math.max(BLOCK_BYTES, bytes));
    blockUsed = 0;
  }
  const offset = blockUsed;
  blockUsed += (bytes + 3) & ~3;
  return { buffer: block, offset };
}

/** Whether a `/` after the first `count` tokens starts a regular expression, judged by the token before it. */
function regexAllowed(text: string, count: number, kind: Uint8Array, start: Int32Array, end: Int32Array): boolean {
  if (count === 0) return true;
  const k = kind[count - 1]!;
  if (k === Tok.Ident) return REGEX_AFTER_WORD.has(text.slice(start[count - 1]!, end[count - 1]!));
  if (k === Tok.Punct) {
    const c = text.charCodeAt(start[count - 1]!);
    return end[count - 1]! - start[count - 1]! > 1 || (c !== 41 && c !== 93 && c !== 125);
  }
  return false;
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
function matchBrackets(text: string, count: number, kind: Uint8Array, start: Int32Array, end: Int32Array, match: Int32Array): void {
  match.fill(-1);
  const stack: number[] = [];
  for (let j = 0; j < count; j++) {
    if (kind[j] !== Tok.Punct || end[j]! - start[j]! !== 1) continue;
    const c = text.charCodeAt(start[j]!);
    if (c === 40 || c === 91 || c === 123) stack.push(j);
    else if ((c === 41 || c === 93 || c === 125) && stack.length) match[stack.pop()!] = j;
  }
  // An opener nothing closes encloses nothing: otherwise each of them would reach to the end of the file.
  for (const j of stack) match[j] = j;
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
