// On-demand tokenizer for HCL2 expressions and bodies. It keeps one lazily-lexed lookahead token in plain
// fields (no token objects) so the parser allocates only the nodes it builds. Templates are scanned
// character by character by template.ts, which moves `pos`/`line` directly.

import type { Position, Range } from '../../core/types.js';
import type { Comment, HclSyntaxError } from './ast.js';
import { idContinueLength, idStartLength, isDigit } from './chars.js';

export const enum Tok {
  EOF, NEWLINE, IDENT, NUMBER, QUOTE, HEREDOC,
  LBRACE, RBRACE, LBRACK, RBRACK, LPAREN, RPAREN,
  COMMA, DOT, ELLIPSIS, ASSIGN, COLON, QUESTION, ARROW,
  OR, AND, EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, PERCENT, BANG, TILDE,
  INVALID,
}

/** Thrown to unwind to the nearest recovery point; the error itself is already recorded. */
export class SyntaxAbort {}
export const MAX_ERRORS = 200;
export const ABORT = new SyntaxAbort();

export class Scanner {
  readonly text: string;
  readonly len: number;
  pos = 0;
  line = 1;
  lineStart = 0;

  // The lookahead token, valid while `have` is true.
  have = false;
  type: Tok = Tok.EOF;
  tStart = 0;
  tEnd = 0;
  tLine = 1;
  tCol = 1;
  heredocMarker = '';
  heredocIndented = false;

  // The end of the last consumed token (or template), for node ranges.
  lastEnd = 0;
  lastEndLine = 1;
  lastEndCol = 1;
  prevType: Tok = Tok.EOF;

  /** 1 = newlines are tokens (bodies, objects); 0 = newlines are skipped (parens, brackets, interpolations). */
  private readonly newlineModes: number[] = [1];
  /** The top of `newlineModes`, cached for the tokenizer's hot path. */
  private keepNewlines = true;
  readonly comments: Comment[] = [];
  private lastCommentStart = -1;
  readonly errors: HclSyntaxError[] = [];

  constructor(text: string) {
    this.text = text;
    this.len = text.length;
    if (text.charCodeAt(0) === 0xfeff) {
      // A BOM is invisible to editors: keep columns counting from the character after it.
      this.pos = 1;
      this.lineStart = 1;
    }
  }

  // ---- modes -----------------------------------------------------------------------------------
  // Call right after consuming the bracket that opens/closes the context, before peeking again.

  pushNewlines(significant: boolean): void {
    this.newlineModes.push(significant ? 1 : 0);
    this.keepNewlines = significant;
  }

  popNewlines(): void {
    if (this.newlineModes.length > 1) this.newlineModes.pop();
    this.keepNewlines = this.newlineModes[this.newlineModes.length - 1] === 1;
  }

  get modeDepth(): number {
    return this.newlineModes.length;
  }

  truncateModes(depth: number): void {
    this.newlineModes.length = Math.max(1, depth);
    this.keepNewlines = this.newlineModes[this.newlineModes.length - 1] === 1;
  }

  // ---- positions and errors --------------------------------------------------------------------

  /** Position of an offset on the current line. */
  here(offset: number = this.pos): Position {
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }

  tokenStart(): Position {
    return { line: this.tLine, column: this.tCol, offset: this.tStart };
  }

  tokenEnd(): Position {
    // A newline token ends at the start of the next line.
    if (this.type === Tok.NEWLINE) return { line: this.tLine + 1, column: 1, offset: this.tEnd };
    return { line: this.tLine, column: this.tCol + (this.tEnd - this.tStart), offset: this.tEnd };
  }

  tokenRange(): Range {
    return { start: this.tokenStart(), end: this.tokenEnd() };
  }

  lastEndPos(): Position {
    return { line: this.lastEndLine, column: this.lastEndCol, offset: this.lastEnd };
  }

  /** Marks that a template (scanned outside the tokenizer) ended at the current position. */
  setLastEndHere(type: Tok): void {
    this.lastEnd = this.pos;
    this.lastEndLine = this.line;
    this.lastEndCol = this.pos - this.lineStart + 1;
    this.prevType = type;
    this.have = false;
  }

  error(message: string, range: Range): void {
    // Hostile input could otherwise yield an error per character; past the cap one note stands for the rest.
    if (this.errors.length < MAX_ERRORS) this.errors.push({ message, range });
    else if (this.errors.length === MAX_ERRORS) this.errors.push({ message: 'Too many syntax errors; the rest are not reported', range });
  }

  /** Consumes an identifier and returns its name, or records `message` and unwinds with ABORT. */
  expectIdent(message: string): string {
    if (this.peek() !== Tok.IDENT) {
      this.errorAtToken(message);
      throw ABORT;
    }
    const name = this.tokenText();
    this.advance();
    return name;
  }

  errorAtToken(message: string): void {
    this.peek();
    this.error(message, this.tokenRange());
  }

  // ---- tokens ----------------------------------------------------------------------------------

  peek(): Tok {
    if (!this.have) this.lex();
    return this.type;
  }

  advance(): void {
    if (!this.have) this.lex();
    this.prevType = this.type;
    this.lastEnd = this.tEnd;
    if (this.type === Tok.NEWLINE) {
      this.lastEndLine = this.tLine + 1;
      this.lastEndCol = 1;
    } else {
      this.lastEndLine = this.tLine;
      this.lastEndCol = this.tCol + (this.tEnd - this.tStart);
    }
    this.have = false;
  }

  tokenText(): string {
    return this.text.slice(this.tStart, this.tEnd);
  }

  /** Whether the lookahead is the identifier `word`, compared without allocating. */
  isKeyword(word: string): boolean {
    if (this.peek() !== Tok.IDENT || this.tEnd - this.tStart !== word.length) return false;
    return this.text.startsWith(word, this.tStart);
  }

  /** The first character code after the lookahead token, skipping spaces, tabs and newlines. */
  charAfterToken(): number {
    const text = this.text;
    let i = this.tEnd;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 10) i++;
      else return c;
    }
  }

  private lex(): void {
    this.skipTrivia();
    const text = this.text;
    const start = this.pos;
    this.tStart = start;
    this.tLine = this.line;
    this.tCol = start - this.lineStart + 1;
    this.have = true;
    if (start >= this.len) {
      this.type = Tok.EOF;
      this.tEnd = start;
      return;
    }
    const c = text.charCodeAt(start);
    const n = text.charCodeAt(start + 1);
    let type: Tok;
    let end = start + 1;
    switch (c) {
      case 10: type = Tok.NEWLINE; break;
      case 34: type = Tok.QUOTE; break;
      case 123: type = Tok.LBRACE; break;
      case 125: type = Tok.RBRACE; break;
      case 91: type = Tok.LBRACK; break;
      case 93: type = Tok.RBRACK; break;
      case 40: type = Tok.LPAREN; break;
      case 41: type = Tok.RPAREN; break;
      case 44: type = Tok.COMMA; break;
      case 63: type = Tok.QUESTION; break;
      case 58: type = Tok.COLON; break;
      case 43: type = Tok.PLUS; break;
      case 45: type = Tok.MINUS; break;
      case 42: type = Tok.STAR; break;
      case 47: type = Tok.SLASH; break;
      case 37: type = Tok.PERCENT; break;
      case 126: type = Tok.TILDE; break;
      case 46:
        if (n === 46 && text.charCodeAt(start + 2) === 46) { type = Tok.ELLIPSIS; end = start + 3; }
        else type = Tok.DOT;
        break;
      case 61:
        if (n === 61) { type = Tok.EQ; end++; }
        else if (n === 62) { type = Tok.ARROW; end++; }
        else type = Tok.ASSIGN;
        break;
      case 33:
        if (n === 61) { type = Tok.NE; end++; } else type = Tok.BANG;
        break;
      case 62:
        if (n === 61) { type = Tok.GE; end++; } else type = Tok.GT;
        break;
      case 60:
        if (n === 61) { type = Tok.LE; end++; }
        else if (n === 60 && this.lexHeredocStart(start)) return;
        else type = Tok.LT;
        break;
      case 38:
        if (n === 38) { type = Tok.AND; end++; } else type = Tok.INVALID;
        break;
      case 124:
        if (n === 124) { type = Tok.OR; end++; } else type = Tok.INVALID;
        break;
      default:
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) { type = Tok.IDENT; end = this.scanIdent(start + 1); break; }
        if (isDigit(c)) { type = Tok.NUMBER; end = this.scanNumber(start); break; }
        {
          const w = idStartLength(text, start);
          if (w > 0) { type = Tok.IDENT; end = this.scanIdent(start + w); break; }
          // Keep a surrogate pair together so the error range covers one character.
          type = Tok.INVALID;
          if (c >= 0xd800 && c <= 0xdbff && n >= 0xdc00 && n <= 0xdfff) end++;
        }
    }
    this.type = type;
    this.tEnd = end;
    this.pos = end;
    if (type === Tok.NEWLINE) {
      this.line++;
      this.lineStart = end;
    }
  }

  private scanIdent(i: number): number {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45) { i++; continue; }
        // `provider::aws::arn_parse`: provider-defined function names contain `::`.
        if (c === 58 && text.charCodeAt(i + 1) === 58 && idStartLength(text, i + 2) > 0) { i += 2; continue; }
        return i;
      }
      const w = idContinueLength(text, i);
      if (w === 0) return i;
      i += w;
    }
  }

  private scanNumber(i: number): number {
    const text = this.text;
    while (isDigit(text.charCodeAt(i))) i++;
    // After a `.` a number is a legacy index (`a.0.1` is two steps), so it takes no fraction.
    if (this.prevType === Tok.DOT) return i;
    if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
      i += 2;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      let j = i + 1;
      const s = text.charCodeAt(j);
      if (s === 43 || s === 45) j++;
      if (isDigit(text.charCodeAt(j))) {
        i = j;
        while (isDigit(text.charCodeAt(i))) i++;
      }
    }
    return i;
  }

  /** `<<ID` or `<<-ID` followed by a newline. */
  private lexHeredocStart(start: number): boolean {
    const text = this.text;
    let i = start + 2;
    const indented = text.charCodeAt(i) === 45;
    if (indented) i++;
    const idStart = i;
    const w = idStartLength(text, i);
    if (w === 0) return false;
    i = this.scanIdent(i + w);
    let j = i;
    if (text.charCodeAt(j) === 13) j++;
    if (text.charCodeAt(j) !== 10) return false;
    this.type = Tok.HEREDOC;
    this.tEnd = i;
    this.pos = i;
    this.heredocMarker = text.slice(idStart, i);
    this.heredocIndented = indented;
    return true;
  }

  /** Skips spaces and comments; newlines too unless they are significant in the current mode. */
  private skipTrivia(): void {
    const text = this.text;
    const len = this.len;
    const keepNewlines = this.keepNewlines;
    let i = this.pos;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) { i++; continue; }
      // HCL knows a carriage return only before a newline; a lone one is an invalid character, as in hclsyntax.
      if (c === 13 && text.charCodeAt(i + 1) === 10) { i++; continue; }
      if (c === 10) {
        if (keepNewlines) break;
        i++;
        this.line++;
        this.lineStart = i;
        continue;
      }
      if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
        i = this.lineComment(i, c === 35 ? 'hash' : 'slash');
        continue;
      }
      if (c === 47 && text.charCodeAt(i + 1) === 42) {
        i = this.blockComment(i);
        continue;
      }
      break;
    }
    this.pos = i;
  }

  private lineComment(start: number, style: 'hash' | 'slash'): number {
    const text = this.text;
    let end = text.indexOf('\n', start);
    if (end < 0) end = this.len;
    let textEnd = end;
    if (text.charCodeAt(textEnd - 1) === 13) textEnd--;
    if (start > this.lastCommentStart) {
      this.lastCommentStart = start;
      const range = { start: this.here(start), end: this.here(textEnd) };
      this.comments.push({ style, text: text.slice(start, textEnd), range });
    }
    return end;
  }

  private blockComment(start: number): number {
    const text = this.text;
    const startPos = this.here(start);
    const close = text.indexOf('*/', start + 2);
    const end = close < 0 ? this.len : close + 2;
    for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = i + 1;
    }
    if (close < 0) {
      this.error('Unterminated block comment; expected "*/"', { start: startPos, end: { ...startPos, column: startPos.column + 2, offset: start + 2 } });
    }
    if (start > this.lastCommentStart) {
      this.lastCommentStart = start;
      this.comments.push({ style: 'block', text: text.slice(start, end), range: { start: startPos, end: this.here(end) } });
    }
    return end;
  }
}
