// Python source as tokens, never run: names, numbers, operators and strings (quoted, triple-quoted, raw,
// byte and f-strings), comments dropped, and the logical lines the tokens form (brackets and `\` join
// physical lines). One pass over the text; unclosed strings and brackets end where the file does.

export const enum PyTok {
  Name = 0,
  Num = 1,
  Str = 2,
  Op = 3,
}

export interface PyTokens {
  text: string;
  count: number;
  kind: PyTok[];
  start: number[];
  end: number[];
  /** The index of the matching bracket, or -1. */
  match: number[];
  /** Logical lines: first token, end (exclusive), indentation of the first token. */
  lines: { first: number; end: number; indent: number }[];
}

/** Deeper brackets than this are treated as flat text: no real code nests so far. */
const MAX_DEPTH = 256;
const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const THREE = ['**=', '//=', '>>=', '<<=', '...'];
const TWO = ['**', '//', '==', '!=', '<=', '>=', '->', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', ':=', '<<', '>>'];

const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

export function tokenize(text: string): PyTokens {
  const t: PyTokens = { text, count: 0, kind: [], start: [], end: [], match: [], lines: [] };
  const stack: number[] = [];
  let lineFirst = 0;
  let lineIndent = 0;
  let atLineStart = true;
  let column = 0;
  const push = (kind: PyTok, start: number, end: number): void => {
    if (atLineStart) {
      lineFirst = t.count;
      lineIndent = column;
      atLineStart = false;
    }
    t.kind.push(kind);
    t.start.push(start);
    t.end.push(end);
    t.match.push(-1);
    t.count++;
  };
  const endLine = (): void => {
    if (!atLineStart && t.count > lineFirst) t.lines.push({ first: lineFirst, end: t.count, indent: lineIndent });
    atLineStart = true;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (stack.length === 0) endLine();
      i++;
      column = 0;
      if (atLineStart) {
        while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
          column += text.charCodeAt(i) === 9 ? 8 : 1;
          i++;
        }
      }
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12) {
      i++;
      continue;
    }
    if (c === 35) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    if (c === 92) {
      // A line continuation: the next physical line belongs to this logical line.
      i += text.charCodeAt(i + 1) === 13 ? 3 : 2;
      continue;
    }
    if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      if ((q === 39 || q === 34) && j - i <= 3 && /^(?:[rbuf]|rb|br|fr|rf)$/i.test(text.slice(i, j))) {
        const end = stringEnd(text, j);
        push(PyTok.Str, i, end);
        i = end;
        continue;
      }
      push(PyTok.Name, i, j);
      i = j;
      continue;
    }
    if (c === 39 || c === 34) {
      const end = stringEnd(text, i);
      push(PyTok.Str, i, end);
      i = end;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < n && (isNameChar(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      push(PyTok.Num, i, j);
      i = j;
      continue;
    }
    const three = text.slice(i, i + 3);
    const len = THREE.includes(three) ? 3 : TWO.includes(three.slice(0, 2)) ? 2 : 1;
    const op = text.slice(i, i + len);
    push(PyTok.Op, i, i + len);
    const at = t.count - 1;
    if (len === 1 && OPEN[op]) {
      if (stack.length < MAX_DEPTH) stack.push(at);
    } else if (len === 1 && (op === ')' || op === ']' || op === '}')) {
      const open = stack.length ? stack[stack.length - 1]! : -1;
      if (open >= 0 && OPEN[text[t.start[open]!]!] === op) {
        stack.pop();
        t.match[open] = at;
        t.match[at] = open;
      }
    }
    i += len;
  }
  endLine();
  return t;
}

/** The end of a string whose first quote is at `q`: after its closing quote(s), or the end of the line (or file, triple-quoted). */
function stringEnd(text: string, q: number): number {
  const quote = text[q]!;
  const triple = text.startsWith(quote.repeat(3), q);
  const close = triple ? quote.repeat(3) : quote;
  for (let j = q + close.length; j < text.length; j++) {
    const c = text[j]!;
    if (c === '\\') {
      j++;
      continue;
    }
    if (!triple && c === '\n') return j;
    if (c === quote && text.startsWith(close, j)) return j + close.length;
  }
  return text.length;
}

export const tokText = (t: PyTokens, i: number): string => (i >= 0 && i < t.count ? t.text.slice(t.start[i]!, t.end[i]!) : '');
export const isOp = (t: PyTokens, i: number, op: string): boolean => i >= 0 && i < t.count && t.kind[i] === PyTok.Op && t.end[i]! - t.start[i]! === op.length && t.text.startsWith(op, t.start[i]!);
export const isName = (t: PyTokens, i: number, name?: string): boolean =>
  i >= 0 && i < t.count && t.kind[i] === PyTok.Name && (name === undefined || (t.end[i]! - t.start[i]! === name.length && t.text.startsWith(name, t.start[i]!)));

/** A string token's prefix letters (lower case) and its content without quotes; escapes are kept as written. */
export function strParts(t: PyTokens, i: number): { prefix: string; body: string } {
  const raw = tokText(t, i);
  let p = 0;
  while (p < raw.length && raw[p] !== '"' && raw[p] !== "'") p++;
  const prefix = raw.slice(0, p).toLowerCase();
  const rest = raw.slice(p);
  const q = rest[0] ?? '"';
  const width = rest.startsWith(q.repeat(3)) && rest.length >= 6 ? 3 : 1;
  const closed = rest.length >= 2 * width && rest.endsWith(q.repeat(width));
  return { prefix, body: rest.slice(width, closed ? rest.length - width : rest.length) };
}

export const isFString = (t: PyTokens, i: number): boolean => t.kind[i] === PyTok.Str && strParts(t, i).prefix.includes('f');

/** The value of a (non-f) string token, with the common escapes undone; adjacent strings are joined by the caller. */
export function strValue(t: PyTokens, i: number): string {
  const { prefix, body } = strParts(t, i);
  if (prefix.includes('r')) return body;
  return body.replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch));
}

/** The logical line a token belongs to, by binary search. */
export function logicalLineAt(t: PyTokens, tok: number): PyTokens['lines'][number] | undefined {
  let lo = 0;
  let hi = t.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const line = t.lines[mid]!;
    if (tok < line.first) hi = mid - 1;
    else if (tok >= line.end) lo = mid + 1;
    else return line;
  }
  return undefined;
}

/** The index of the first logical line that ends after token `tok`. */
export function lineIndexFrom(t: PyTokens, tok: number): number {
  let lo = 0;
  let hi = t.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.lines[mid]!.end <= tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
