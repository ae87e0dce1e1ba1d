// Recursive-descent parser for HCL2 expressions (precedence climbing for binary operators).
// Errors are recorded on the scanner and unwind with ABORT to the enclosing body item, which resynchronises.

import type { Position, Range } from '../../core/types.js';
import type { BinaryOperator, CallExpr, Expr, ForExpr, ObjectItem, SplatExpr } from './ast.js';
import { idStartLength } from './chars.js';
import { ABORT, Tok, type Scanner } from './scanner.js';
import { TemplateScanner, type ExpressionSource } from './template.js';

/** Nesting beyond this (brackets, blocks, templates, unary chains) is an error, so hostile input cannot exhaust the stack. */
export const MAX_NESTING_DEPTH = 512;

const BINARY_OPS: (BinaryOperator | undefined)[] = [];
const BINARY_PRECEDENCE: number[] = [];
function defineOp(tok: Tok, op: BinaryOperator, precedence: number): void {
  BINARY_OPS[tok] = op;
  BINARY_PRECEDENCE[tok] = precedence;
}
defineOp(Tok.OR, '||', 1);
defineOp(Tok.AND, '&&', 2);
defineOp(Tok.EQ, '==', 3);
defineOp(Tok.NE, '!=', 3);
defineOp(Tok.LT, '<', 4);
defineOp(Tok.LE, '<=', 4);
defineOp(Tok.GT, '>', 4);
defineOp(Tok.GE, '>=', 4);
defineOp(Tok.PLUS, '+', 5);
defineOp(Tok.MINUS, '-', 5);
defineOp(Tok.STAR, '*', 6);
defineOp(Tok.SLASH, '/', 6);
defineOp(Tok.PERCENT, '%', 6);

function span(start: Position, end: Position): Range {
  return { start, end };
}

export class ExpressionParser implements ExpressionSource {
  depth = 0;
  private readonly templates: TemplateScanner;

  constructor(private readonly s: Scanner) {
    this.templates = new TemplateScanner(s, this);
  }

  /** Counts one level of nesting; throws (after recording an error) past the limit. */
  enter(): void {
    if (++this.depth > MAX_NESTING_DEPTH) {
      this.s.errorAtToken(`Nesting is too deep (more than ${MAX_NESTING_DEPTH} levels)`);
      throw ABORT;
    }
  }

  parseExpression(): Expr {
    this.enter();
    const s = this.s;
    const condition = this.parseBinary(1);
    let result = condition;
    if (s.peek() === Tok.QUESTION) {
      s.advance();
      const then = this.parseExpression();
      this.expect(Tok.COLON, 'Expected ":" in the conditional expression');
      const otherwise = this.parseExpression();
      result = { kind: 'Conditional', condition, then, else: otherwise, range: span(condition.range.start, otherwise.range.end) };
    }
    this.depth--;
    return result;
  }

  private parseBinary(minPrecedence: number): Expr {
    const s = this.s;
    let left = this.parseUnary();
    for (;;) {
      const t = s.peek();
      const precedence = BINARY_PRECEDENCE[t];
      if (precedence === undefined || precedence < minPrecedence) return left;
      s.advance();
      const right = this.parseBinary(precedence + 1);
      left = { kind: 'Binary', op: BINARY_OPS[t]!, left, right, range: span(left.range.start, right.range.end) };
    }
  }

  private parseUnary(): Expr {
    const s = this.s;
    const t = s.peek();
    if (t !== Tok.MINUS && t !== Tok.BANG) return this.parsePostfix(this.parsePrimary());
    this.enter();
    const start = s.tokenStart();
    s.advance();
    const operand = this.parseUnary();
    this.depth--;
    return { kind: 'Unary', op: t === Tok.MINUS ? '-' : '!', operand, range: span(start, operand.range.end) };
  }

  /** Attribute access, indexes and splats after a term. */
  private parsePostfix(term: Expr): Expr {
    const s = this.s;
    for (;;) {
      const t = s.peek();
      if (t === Tok.DOT) {
        s.advance();
        const n = s.peek();
        if (n === Tok.STAR) {
          const star = span(s.lastEndPos(), s.lastEndPos());
          star.start = { ...star.start, column: star.start.column - 1, offset: star.start.offset - 1 };
          s.advance();
          star.end = s.lastEndPos();
          term = this.parseSplat(term, 'attr', star);
          continue;
        }
        term = this.parseDotStep(term);
        continue;
      }
      if (t === Tok.LBRACK) {
        const open = s.tokenStart();
        s.advance();
        s.pushNewlines(false);
        if (s.peek() === Tok.STAR && s.charAfterToken() === 93) {
          s.advance();
          s.advance();
          s.popNewlines();
          term = this.parseSplat(term, 'full', span(open, s.lastEndPos()));
          continue;
        }
        const key = this.parseExpression();
        this.expect(Tok.RBRACK, 'Expected "]" to close the index');
        s.popNewlines();
        term = { kind: 'Index', target: term, key, range: span(term.range.start, s.lastEndPos()) };
        continue;
      }
      return term;
    }
  }

  /** After a `.`: `.name` or the legacy index `.0`. */
  private parseDotStep(target: Expr): Expr {
    const s = this.s;
    const n = s.peek();
    if (n === Tok.IDENT) {
      const name = s.tokenText();
      s.advance();
      return { kind: 'GetAttr', target, name, range: span(target.range.start, s.lastEndPos()) };
    }
    if (n === Tok.NUMBER) {
      const key: Expr = { kind: 'Literal', value: Number(s.tokenText()), range: s.tokenRange() };
      s.advance();
      return { kind: 'Index', target, key, range: span(target.range.start, s.lastEndPos()) };
    }
    s.errorAtToken('Expected an attribute name or index after "."');
    throw ABORT;
  }

  /**
   * The traversal after `[*]` / `.*` applies to each element. A full splat takes `.name` and `[key]` steps; an
   * attribute splat takes only `.name` and legacy `.0` steps (HCL's rule), so `a.*.b[0]` indexes the result.
   */
  private parseSplat(target: Expr, style: 'full' | 'attr', star: Range): SplatExpr {
    const s = this.s;
    let each: Expr = { kind: 'Variable', name: '*', range: star };
    let steps = 0;
    for (;;) {
      const t = s.peek();
      if (t === Tok.DOT) {
        const after = s.charAfterToken();
        if (after === 42) break; // `.*` starts another splat
        s.advance();
        each = this.parseDotStep(each);
        steps++;
        continue;
      }
      if (t === Tok.LBRACK && style === 'full') {
        if (s.charAfterToken() === 42) break; // `[*]` starts another splat
        s.advance();
        s.pushNewlines(false);
        const key = this.parseExpression();
        this.expect(Tok.RBRACK, 'Expected "]" to close the index');
        s.popNewlines();
        each = { kind: 'Index', target: each, key, range: span(each.range.start, s.lastEndPos()) };
        steps++;
        continue;
      }
      break;
    }
    const node: SplatExpr = { kind: 'Splat', target, style, range: span(target.range.start, s.lastEndPos()) };
    if (steps > 0) node.each = each;
    return node;
  }

  private parsePrimary(): Expr {
    const s = this.s;
    const t = s.peek();
    switch (t) {
      case Tok.NUMBER: {
        const range = s.tokenRange();
        const value = Number(s.tokenText());
        s.advance();
        return { kind: 'Literal', value, range };
      }
      case Tok.IDENT:
        return this.parseName();
      case Tok.QUOTE: {
        const open = s.tokenStart();
        s.advance();
        return this.templates.parseQuoted(open);
      }
      case Tok.HEREDOC: {
        const open = s.tokenStart();
        const marker = s.heredocMarker;
        const indented = s.heredocIndented;
        s.advance();
        return this.templates.parseHeredoc(open, marker, indented);
      }
      case Tok.LPAREN: {
        const start = s.tokenStart();
        s.advance();
        s.pushNewlines(false);
        const expr = this.parseExpression();
        this.expect(Tok.RPAREN, 'Expected ")" to close the parenthesis');
        s.popNewlines();
        return { kind: 'Paren', expr, range: span(start, s.lastEndPos()) };
      }
      case Tok.LBRACK:
        return this.parseTuple();
      case Tok.LBRACE:
        return this.parseObject();
      default:
        s.errorAtToken(t === Tok.EOF ? 'Expected an expression but the file ended' : t === Tok.NEWLINE ? 'Expected an expression before the end of the line' : `Expected an expression, found "${s.tokenText()}"`);
        throw ABORT;
    }
  }

  /** A keyword literal, a variable, or a function call. */
  private parseName(): Expr {
    const s = this.s;
    const range = s.tokenRange();
    const name = s.tokenText();
    s.advance();
    if (s.peek() === Tok.LPAREN) return this.parseCall(name, range);
    if (name === 'true') return { kind: 'Literal', value: true, range };
    if (name === 'false') return { kind: 'Literal', value: false, range };
    if (name === 'null') return { kind: 'Literal', value: null, range };
    return { kind: 'Variable', name, range };
  }

  private parseCall(name: string, nameRange: Range): CallExpr {
    const s = this.s;
    s.advance();
    s.pushNewlines(false);
    const args: Expr[] = [];
    let expandFinal = false;
    while (s.peek() !== Tok.RPAREN) {
      args.push(this.parseExpression());
      const t = s.peek();
      if (t === Tok.COMMA) { s.advance(); continue; }
      if (t === Tok.ELLIPSIS) {
        s.advance();
        expandFinal = true;
        if (s.peek() === Tok.COMMA) s.advance();
      }
      break;
    }
    this.expect(Tok.RPAREN, `Expected "," or ")" in the arguments of ${name}()`);
    s.popNewlines();
    return { kind: 'Call', name, nameRange, args, expandFinal, range: span(nameRange.start, s.lastEndPos()) };
  }

  /** Whether the lookahead is `for` followed by a variable name (so `{ for = 1 }` stays an object). */
  private atForIntro(): boolean {
    const s = this.s;
    return s.isKeyword('for') && idStartLength(s.text, this.indexAfterToken()) > 0;
  }

  private indexAfterToken(): number {
    const text = this.s.text;
    let i = this.s.tEnd;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 10) i++;
      else return i;
    }
  }

  private parseTuple(): Expr {
    const s = this.s;
    const start = s.tokenStart();
    s.advance();
    s.pushNewlines(false);
    if (this.atForIntro()) return this.parseFor(start, 'tuple');
    const items: Expr[] = [];
    while (s.peek() !== Tok.RBRACK) {
      items.push(this.parseExpression());
      if (s.peek() !== Tok.COMMA) break;
      s.advance();
    }
    this.expect(Tok.RBRACK, 'Expected "," or "]" in the tuple');
    s.popNewlines();
    return { kind: 'Tuple', items, range: span(start, s.lastEndPos()) };
  }

  private parseObject(): Expr {
    const s = this.s;
    const start = s.tokenStart();
    s.advance();
    s.pushNewlines(true);
    while (s.peek() === Tok.NEWLINE) s.advance();
    if (this.atForIntro()) {
      // A for-expression ignores newlines throughout, as in HCL.
      s.popNewlines();
      s.pushNewlines(false);
      return this.parseFor(start, 'object');
    }
    const items: ObjectItem[] = [];
    for (;;) {
      let t = s.peek();
      while (t === Tok.NEWLINE) { s.advance(); t = s.peek(); }
      if (t === Tok.RBRACE) break;
      const key = this.parseExpression();
      t = s.peek();
      if (t !== Tok.ASSIGN && t !== Tok.COLON) {
        s.errorAtToken('Expected "=" or ":" after the object key');
        throw ABORT;
      }
      s.advance();
      const value = this.parseExpression();
      items.push({ key, value, range: span(key.range.start, value.range.end) });
      t = s.peek();
      if (t === Tok.COMMA || t === Tok.NEWLINE) { s.advance(); continue; }
      if (t !== Tok.RBRACE) {
        s.errorAtToken('Expected a newline or "," between object items');
        throw ABORT;
      }
    }
    s.advance();
    s.popNewlines();
    return { kind: 'Object', items, range: span(start, s.lastEndPos()) };
  }

  /** After `[` or `{`, at the `for` keyword; the opening bracket's newline mode is already pushed. */
  private parseFor(start: Position, collectionKind: 'tuple' | 'object'): ForExpr {
    const s = this.s;
    s.advance();
    let valueVar = this.s.expectIdent('Expected a variable name after "for"');
    let keyVar: string | undefined;
    if (s.peek() === Tok.COMMA) {
      s.advance();
      keyVar = valueVar;
      valueVar = this.s.expectIdent('Expected a second variable name after ","');
    }
    if (!s.isKeyword('in')) {
      s.errorAtToken('Expected "in" after the for variables');
      throw ABORT;
    }
    s.advance();
    const collection = this.parseExpression();
    this.expect(Tok.COLON, 'Expected ":" after the for collection');
    let keyExpr: Expr | undefined;
    if (collectionKind === 'object') {
      keyExpr = this.parseExpression();
      this.expect(Tok.ARROW, 'Expected "=>" in the object for-expression');
    }
    const valueExpr = this.parseExpression();
    let grouping = false;
    if (collectionKind === 'object' && s.peek() === Tok.ELLIPSIS) {
      s.advance();
      grouping = true;
    }
    let condition: Expr | undefined;
    if (s.isKeyword('if')) {
      s.advance();
      condition = this.parseExpression();
    }
    this.expect(collectionKind === 'tuple' ? Tok.RBRACK : Tok.RBRACE, `Expected "${collectionKind === 'tuple' ? ']' : '}'}" to close the for-expression`);
    s.popNewlines();
    const node: ForExpr = { kind: 'For', collectionKind, valueVar, collection, valueExpr, grouping, range: span(start, s.lastEndPos()) };
    if (keyVar !== undefined) node.keyVar = keyVar;
    if (keyExpr) node.keyExpr = keyExpr;
    if (condition) node.condition = condition;
    return node;
  }

  private expect(t: Tok, message: string): void {
    if (this.s.peek() !== t) {
      this.s.errorAtToken(message);
      throw ABORT;
    }
    this.s.advance();
  }
}
