// Quoted strings and heredocs: scanned character by character into a flat list of pieces (literals,
// interpolations, directive markers), then post-processed the way HCL does it — `<<-` indentation
// flushing, then `~` strip markers — and finally nested into if/for parts with adjacent literals merged.

import type { Position, Range } from '../../core/types.js';
import type { Expr, TemplateExpr, TemplatePart } from './ast.js';
import { trimLeftSpace, trimRightSpace } from './chars.js';
import { flushIndentation, isInlineSpace, literal, Piece, piece, type TemplatePiece } from './template-pieces.js';
import { ABORT, Tok, type Scanner } from './scanner.js';

/** What the template scanner needs from the expression parser (kept as an interface to avoid an import cycle). */
export interface ExpressionSource {
  parseExpression(): Expr;
}

export class TemplateScanner {
  constructor(private readonly s: Scanner, private readonly exprs: ExpressionSource) {}

  /** Called with the opening `"` consumed. Leaves the scanner after the closing quote. */
  parseQuoted(open: Position): TemplateExpr {
    const s = this.s;
    const text = s.text;
    let i = s.pos;
    // Fast path: no escapes or template sequences before the closing quote.
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        const lit = { kind: 'TemplateLiteral' as const, value: text.slice(s.pos, i), range: { start: s.here(s.pos), end: s.here(i) } };
        s.pos = i + 1;
        s.setLastEndHere(Tok.QUOTE);
        return { kind: 'Template', parts: [lit], range: { start: open, end: s.here(i + 1) } };
      }
      if (c === 92 || c === 36 || c === 37 || c === 10 || c === 13 || i >= s.len) break;
      i++;
    }
    const pieces: TemplatePiece[] = [];
    i = s.pos;
    let chunk = i;
    let value = '';
    let litStart = s.here(i);
    let closed = false;
    for (;;) {
      const c = text.charCodeAt(i);
      // A carriage return ends the line for HCL even without a newline after it.
      if (i >= s.len || c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) break;
      if (c === 34) { closed = true; break; }
      if (c === 92) {
        value += text.slice(chunk, i);
        i = this.escape(i, (v) => { value += v; });
        chunk = i;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
        value += text.slice(chunk, i);
        if (value !== '' || i > litStart.offset) pieces.push(literal(value, litStart, s.here(i)));
        s.pos = i;
        pieces.push(c === 36 ? this.interpolation() : this.directive());
        i = s.pos;
        chunk = i;
        value = '';
        litStart = s.here(i);
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        // `$${` and `%%{` are literal `${` and `%{`.
        value += text.slice(chunk, i + 1) + '{';
        i += 3;
        chunk = i;
        continue;
      }
      i++;
    }
    value += text.slice(chunk, i);
    if (value !== '' || i > litStart.offset) pieces.push(literal(value, litStart, s.here(i)));
    if (closed) {
      s.pos = i + 1;
    } else {
      s.pos = i;
      s.error('Unterminated template string; expected a closing quote on the same line', { start: open, end: { ...open, column: open.column + 1, offset: open.offset + 1 } });
    }
    const range = { start: open, end: s.here(s.pos) };
    s.setLastEndHere(Tok.QUOTE);
    return { kind: 'Template', parts: this.build(pieces, range), range };
  }

  /** Called with the `<<ID` / `<<-ID` token consumed. Leaves the scanner after the closing marker. */
  parseHeredoc(open: Position, marker: string, indented: boolean): TemplateExpr {
    const s = this.s;
    const text = s.text;
    let i = s.pos;
    if (text.charCodeAt(i) === 13) i++;
    i++; // the newline after the marker, guaranteed by the tokenizer
    s.line++;
    s.lineStart = i;
    const pieces: TemplatePiece[] = [];
    let atLineStart = true;
    let closedAt = -1;
    let chunk = i;
    let value = '';
    let litStart = s.here(i);
    let litAtLineStart = true;
    const flushLiteral = (end: number): void => {
      value += text.slice(chunk, end);
      if (end > litStart.offset) {
        const p = literal(value, litStart, s.here(end));
        p.lineStart = litAtLineStart;
        pieces.push(p);
      }
      value = '';
    };
    while (i < s.len) {
      if (atLineStart) {
        let j = i;
        while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
        if (text.startsWith(marker, j)) {
          // The marker alone on its line; spaces after it are allowed, as HCL trims the line (and tree-sitter agrees).
          let after = j + marker.length;
          while (isInlineSpace(text.charCodeAt(after))) after++;
          if (after >= s.len || text.charCodeAt(after) === 10) {
            closedAt = j;
            break;
          }
        }
        chunk = i;
        litStart = s.here(i);
        litAtLineStart = true;
        atLineStart = false;
      }
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) !== 10) {
        s.error('Invalid character: a carriage return must be followed by a newline', { start: s.here(i), end: s.here(i + 1) });
      }
      if (c === 10) {
        // Move to the next line first so the literal's end position (just after the newline) is line+1, column 1.
        i++;
        s.line++;
        s.lineStart = i;
        flushLiteral(i);
        atLineStart = true;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
        flushLiteral(i);
        if (litAtLineStart && i === litStart.offset) {
          // A sequence that opens a line leaves no indentation to remove.
          const p = literal('', litStart, litStart);
          p.lineStart = true;
          pieces.push(p);
        }
        s.pos = i;
        pieces.push(c === 36 ? this.interpolation() : this.directive());
        i = s.pos;
        chunk = i;
        litStart = s.here(i);
        litAtLineStart = false;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        value += text.slice(chunk, i + 1) + '{';
        i += 3;
        chunk = i;
        continue;
      }
      i++;
    }
    if (closedAt < 0) {
      if (!atLineStart) flushLiteral(i);
      s.pos = s.len;
      s.error(`Unterminated heredoc; no line "${marker}" closes it`, { start: open, end: { ...open, column: open.column + 2 + (indented ? 1 : 0) + marker.length, offset: open.offset + 2 + (indented ? 1 : 0) + marker.length } });
    } else {
      s.pos = closedAt + marker.length;
    }
    if (indented) flushIndentation(pieces);
    const range = { start: open, end: s.here(s.pos) };
    s.setLastEndHere(Tok.HEREDOC);
    const parts = this.build(pieces, range);
    return { kind: 'Template', parts, range, heredoc: { marker, indented } };
  }

  /** Decodes the escape at `i` (a backslash); returns the index after it. */
  private escape(i: number, emit: (v: string) => void): number {
    const s = this.s;
    const text = s.text;
    const c = text.charCodeAt(i + 1);
    switch (c) {
      case 110: emit('\n'); return i + 2;
      case 116: emit('\t'); return i + 2;
      case 114: emit('\r'); return i + 2;
      case 34: emit('"'); return i + 2;
      case 92: emit('\\'); return i + 2;
      case 117:
      case 85: {
        const digits = c === 117 ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + digits);
        const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : -1;
        if (cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
          emit(String.fromCodePoint(cp));
          return i + 2 + digits;
        }
        s.error(`Invalid escape sequence: \\${String.fromCharCode(c)} needs ${digits} hex digits of a valid code point`, { start: s.here(i), end: s.here(i + 2) });
        emit(text.slice(i, i + 2));
        return i + 2;
      }
      default: {
        const end = i + 1 < s.len && c !== 10 ? i + 2 : i + 1;
        s.error('Invalid escape sequence; only \\n \\r \\t \\" \\\\ \\uNNNN and \\UNNNNNNNN are allowed', { start: s.here(i), end: s.here(end) });
        emit(text.slice(i, end));
        return end;
      }
    }
  }

  private interpolation(): TemplatePiece {
    const s = this.s;
    const start = s.here(s.pos);
    s.pos += 2;
    s.have = false;
    s.prevType = Tok.LBRACE;
    s.pushNewlines(false);
    const p = piece(Piece.INTERP, { start, end: start });
    if (s.peek() === Tok.TILDE) { s.advance(); p.stripLeft = true; }
    if (s.peek() === Tok.RBRACE || (s.type === Tok.TILDE)) {
      s.errorAtToken('Empty interpolation; expected an expression inside "${ }"');
      throw ABORT;
    }
    p.expr = this.exprs.parseExpression();
    this.closeSequence(p, 'interpolation');
    return p;
  }

  private directive(): TemplatePiece {
    const s = this.s;
    const start = s.here(s.pos);
    s.pos += 2;
    s.have = false;
    s.prevType = Tok.LBRACE;
    s.pushNewlines(false);
    let stripLeft = false;
    if (s.peek() === Tok.TILDE) { s.advance(); stripLeft = true; }
    if (s.peek() !== Tok.IDENT) {
      s.errorAtToken('Expected a template directive keyword: if, else, endif, for or endfor');
      throw ABORT;
    }
    const word = s.tokenText();
    let p: TemplatePiece;
    s.advance();
    switch (word) {
      case 'if':
        p = piece(Piece.IF, { start, end: start });
        p.expr = this.exprs.parseExpression();
        break;
      case 'else': p = piece(Piece.ELSE, { start, end: start }); break;
      case 'endif': p = piece(Piece.ENDIF, { start, end: start }); break;
      case 'endfor': p = piece(Piece.ENDFOR, { start, end: start }); break;
      case 'for': {
        p = piece(Piece.FOR, { start, end: start });
        p.valueVar = this.s.expectIdent('Expected a variable name after "for"');
        if (s.peek() === Tok.COMMA) {
          s.advance();
          p.keyVar = p.valueVar;
          p.valueVar = this.s.expectIdent('Expected a second variable name after ","');
        }
        if (!s.isKeyword('in')) {
          s.errorAtToken('Expected "in" in the for directive');
          throw ABORT;
        }
        s.advance();
        p.expr = this.exprs.parseExpression();
        break;
      }
      default:
        s.error(`Unknown template directive "${word}"; expected if, else, endif, for or endfor`, { start: s.tokenStart(), end: s.lastEndPos() });
        throw ABORT;
    }
    p.stripLeft = stripLeft;
    this.closeSequence(p, 'directive');
    return p;
  }

  /** Optional `~`, then the `}` that closes `${` / `%{`. The raw scan resumes right after it. */
  private closeSequence(p: TemplatePiece, what: string): void {
    const s = this.s;
    if (s.peek() === Tok.TILDE) { s.advance(); p.stripRight = true; }
    if (s.peek() !== Tok.RBRACE) {
      s.errorAtToken(`Expected "}" to close the ${what}`);
      throw ABORT;
    }
    s.advance();
    s.popNewlines();
    p.range.end = s.lastEndPos();
  }

  /** Strip markers, then nesting of if/for with adjacent literals merged. */
  private build(pieces: TemplatePiece[], whole: Range): TemplatePart[] {
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k]!;
      if (p.kind === Piece.LIT) continue;
      const before = pieces[k - 1];
      const after = pieces[k + 1];
      if (p.stripLeft && before?.kind === Piece.LIT) before.value = trimRightSpace(before.value);
      if (p.stripRight && after?.kind === Piece.LIT) after.value = trimLeftSpace(after.value);
    }
    const cursor = { k: 0 };
    const parts = this.nest(pieces, cursor, true);
    if (parts.length === 0) {
      const at = whole.start.offset === whole.end.offset ? whole.start : this.innerStart(whole);
      parts.push({ kind: 'TemplateLiteral', value: '', range: { start: at, end: at } });
    }
    return parts;
  }

  private innerStart(whole: Range): Position {
    return { line: whole.start.line, column: whole.start.column + 1, offset: whole.start.offset + 1 };
  }

  private nest(pieces: TemplatePiece[], cursor: { k: number }, top: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    while (cursor.k < pieces.length) {
      const p = pieces[cursor.k]!;
      switch (p.kind) {
        case Piece.LIT: {
          const last = parts[parts.length - 1];
          if (last?.kind === 'TemplateLiteral' && last.range.end.offset === p.range.start.offset) {
            last.value += p.value;
            last.range = { start: last.range.start, end: p.range.end };
          } else {
            parts.push({ kind: 'TemplateLiteral', value: p.value, range: p.range });
          }
          cursor.k++;
          break;
        }
        case Piece.INTERP:
          parts.push({ kind: 'TemplateInterpolation', expr: p.expr!, stripLeft: p.stripLeft, stripRight: p.stripRight, range: p.range });
          cursor.k++;
          break;
        case Piece.IF: {
          cursor.k++;
          const then = this.nest(pieces, cursor, false);
          let otherwise: TemplatePart[] | undefined;
          let end = pieces[cursor.k];
          if (end?.kind === Piece.ELSE) {
            cursor.k++;
            otherwise = this.nest(pieces, cursor, false);
            end = pieces[cursor.k];
          }
          const closed = end?.kind === Piece.ENDIF;
          if (closed) cursor.k++;
          else this.s.error('Unclosed template if; expected "%{ endif }"', p.range);
          const range = { start: p.range.start, end: closed ? end!.range.end : lastEnd(parts, then, otherwise, p) };
          const node: TemplatePart = { kind: 'TemplateIf', condition: p.expr!, then, range };
          if (otherwise) node.else = otherwise;
          parts.push(node);
          break;
        }
        case Piece.FOR: {
          cursor.k++;
          const body = this.nest(pieces, cursor, false);
          const end = pieces[cursor.k];
          const closed = end?.kind === Piece.ENDFOR;
          if (closed) cursor.k++;
          else this.s.error('Unclosed template for; expected "%{ endfor }"', p.range);
          const range = { start: p.range.start, end: closed ? end!.range.end : lastEnd(parts, body, undefined, p) };
          const node: TemplatePart = { kind: 'TemplateFor', valueVar: p.valueVar, collection: p.expr!, body, range };
          if (p.keyVar !== undefined) node.keyVar = p.keyVar;
          parts.push(node);
          break;
        }
        default:
          // else / endif / endfor: closes the caller's directive, or is stray at the top.
          if (!top) return parts;
          this.s.error(`Unexpected template directive with no matching ${p.kind === Piece.ENDFOR ? '"for"' : '"if"'}`, p.range);
          cursor.k++;
      }
    }
    return parts;
  }
}

function lastEnd(_parts: TemplatePart[], inner: TemplatePart[], otherwise: TemplatePart[] | undefined, open: TemplatePiece): Position {
  const tail = otherwise && otherwise.length > 0 ? otherwise : inner;
  return tail.length > 0 ? tail[tail.length - 1]!.range.end : open.range.end;
}
