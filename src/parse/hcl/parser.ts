// HCL2 native syntax → HclFile. Bodies are newline-sensitive; an error inside an attribute or block header
// is recorded and the parser skips to the end of that item (balancing brackets), keeping everything else.

import type { Position, Range } from '../../core/types.js';
import type { Attribute, Block, Body, HclFile } from './ast.js';
import { ExpressionParser } from './expression.js';
import { ABORT, Scanner, Tok } from './scanner.js';
import { TemplateScanner } from './template.js';

export { MAX_NESTING_DEPTH } from './expression.js';

/**
 * Top-level arguments and blocks parsed from one file. A syntax tree takes about 40 times its text when the
 * blocks are small: 200,000 one-line resources (12 MB) took 450 MB. Past the limit the rest of the file is
 * not parsed, with a `too-many-blocks` warning; generated files of real projects hold a few thousand.
 */
export const MAX_ITEMS_PER_FILE = 20_000;

/** Parses HCL2 native syntax. Never throws: problems become `errors` with ranges. */
export function parseHcl(text: string, path: string): HclFile {
  const s = new Scanner(text);
  const parser = new BodyParser(s);
  let body: Body;
  try {
    body = parser.parseFile();
  } catch (e) {
    // Unreachable by design; a safety net so a parser bug degrades into a diagnostic, not a crash.
    const at = s.here(Math.min(s.pos, s.len));
    s.errors.push({ message: `Internal parser error: ${e instanceof Error ? e.message : String(e)}`, range: { start: at, end: at } });
    body = parser.partialRoot();
  }
  const file: HclFile = { path, text, body, comments: s.comments, errors: s.errors };
  if (parser.cutAt) {
    file.warnings = [{
      code: 'too-many-blocks',
      message: `${path} has more than ${MAX_ITEMS_PER_FILE.toLocaleString('en-US')} top-level blocks and arguments, the limit for one file; the rest of the file, from line ${parser.cutAt.start.line}, was not parsed or checked`,
      range: parser.cutAt,
    }];
  }
  return file;
}

class BodyParser {
  private readonly exprs: ExpressionParser;
  private readonly labels: TemplateScanner;
  private readonly rootItems: (Attribute | Block)[] = [];
  /** Where parsing stopped at MAX_ITEMS_PER_FILE; undefined when the whole file was parsed. */
  cutAt: Range | undefined;

  constructor(private readonly s: Scanner) {
    this.exprs = new ExpressionParser(s);
    this.labels = new TemplateScanner(s, this.exprs);
  }

  parseFile(): Body {
    const start: Position = { line: 1, column: 1, offset: this.s.pos };
    this.parseItems(this.rootItems, null);
    return makeBody(this.rootItems, { start, end: this.cutAt ? this.endOfText() : this.s.here(this.s.len) });
  }

  /** The position at the end of the text, counting the lines parsing stopped short of (MAX_ITEMS_PER_FILE). */
  private endOfText(): Position {
    const { text, len } = this.s;
    let line = this.s.line;
    let lineStart = this.s.lineStart;
    for (let i = text.indexOf('\n', this.s.pos); i !== -1; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: len - lineStart + 1, offset: len };
  }

  partialRoot(): Body {
    const start: Position = { line: 1, column: 1, offset: 0 };
    const end = this.rootItems.length > 0 ? this.rootItems[this.rootItems.length - 1]!.range.end : start;
    return makeBody(this.rootItems, { start, end });
  }

  /** Items until EOF (root) or the `}` closing `open` (left unconsumed). */
  private parseItems(items: (Attribute | Block)[], open: Range | null): void {
    const s = this.s;
    for (;;) {
      const t = s.peek();
      if (t === Tok.NEWLINE) { s.advance(); continue; }
      if (t === Tok.EOF) {
        if (open) s.error('Unclosed block; expected "}" before the end of the file', open);
        return;
      }
      if (t === Tok.RBRACE) {
        if (open) return;
        s.errorAtToken('Unexpected "}" with no block to close');
        s.advance();
        continue;
      }
      if (!open && items.length >= MAX_ITEMS_PER_FILE) {
        this.cutAt = s.tokenRange();
        return;
      }
      const modeDepth = s.modeDepth;
      const depth = this.exprs.depth;
      try {
        if (t !== Tok.IDENT) {
          s.errorAtToken(`Expected an argument or block name, found "${s.tokenText()}"`);
          throw ABORT;
        }
        items.push(this.parseItem());
        // A complete item followed by junk on its line is kept; only the junk is skipped.
        if (!this.atItemEnd(open !== null)) {
          s.errorAtToken(items[items.length - 1]!.kind === 'Attribute' ? 'Expected a newline after the argument' : 'Expected a newline after the block');
          this.recover(modeDepth);
        }
      } catch (e) {
        if (e !== ABORT) throw e;
        this.exprs.depth = depth;
        this.recover(modeDepth);
      }
    }
  }

  private parseItem(): Attribute | Block {
    const s = this.s;
    const nameRange = s.tokenRange();
    const name = s.tokenText();
    s.advance();
    const t = s.peek();
    if (t === Tok.ASSIGN) {
      s.advance();
      const expr = this.exprs.parseExpression();
      return { kind: 'Attribute', name, nameRange, expr, range: { start: nameRange.start, end: expr.range.end } };
    }
    if (t === Tok.IDENT || t === Tok.QUOTE || t === Tok.LBRACE) return this.parseBlock(name, nameRange);
    s.errorAtToken(`Expected "=" or a block after "${name}"`);
    throw ABORT;
  }

  private parseBlock(type: string, typeRange: Range): Block {
    const s = this.s;
    const labels: string[] = [];
    const labelRanges: Range[] = [];
    for (let t = s.peek(); t !== Tok.LBRACE; t = s.peek()) {
      if (t === Tok.IDENT) {
        labels.push(s.tokenText());
        labelRanges.push(s.tokenRange());
        s.advance();
      } else if (t === Tok.QUOTE) {
        const open = s.tokenStart();
        s.advance();
        const label = this.labels.parseQuoted(open);
        let value = '';
        for (const part of label.parts) {
          if (part.kind === 'TemplateLiteral') value += part.value;
          else s.error('Block labels cannot contain template sequences', part.range);
        }
        labels.push(value);
        labelRanges.push(label.range);
      } else {
        s.errorAtToken(`Expected a block label or "{" after "${type}"`);
        throw ABORT;
      }
    }
    // Counted before consuming `{` so that, past the limit, recovery skips the whole nested body.
    this.exprs.enter();
    const openRange = s.tokenRange();
    s.advance();
    s.pushNewlines(true);
    const items: (Attribute | Block)[] = [];
    this.parseItems(items, { start: typeRange.start, end: openRange.end });
    s.popNewlines();
    this.exprs.depth--;
    if (s.peek() === Tok.RBRACE) s.advance();
    const bodyRange = { start: openRange.start, end: s.lastEndPos() };
    const block: Block = {
      kind: 'Block', type, typeRange, labels, labelRanges,
      body: makeBody(items, bodyRange), bodyRange, range: { start: typeRange.start, end: bodyRange.end },
    };
    return block;
  }

  private atItemEnd(inBlock: boolean): boolean {
    const t = this.s.peek();
    return t === Tok.NEWLINE || t === Tok.EOF || (inBlock && t === Tok.RBRACE);
  }

  /**
   * Skips the rest of a broken item: to the end of its line once every bracket open at the error is closed,
   * or to a `}` that closes the enclosing block.
   */
  private recover(bodyModeDepth: number): void {
    const s = this.s;
    let open = Math.max(0, s.modeDepth - bodyModeDepth);
    s.truncateModes(bodyModeDepth);
    for (let i = 0; i < open; i++) s.pushNewlines(false);
    for (;;) {
      const t = s.peek();
      switch (t) {
        case Tok.EOF:
          s.truncateModes(bodyModeDepth);
          return;
        case Tok.NEWLINE:
          if (open === 0) return;
          s.advance();
          break;
        case Tok.LBRACE: case Tok.LBRACK: case Tok.LPAREN:
          s.advance();
          s.pushNewlines(false);
          open++;
          break;
        case Tok.RBRACE: case Tok.RBRACK: case Tok.RPAREN:
          if (open === 0) {
            if (t === Tok.RBRACE) return;
            s.advance();
            break;
          }
          s.advance();
          s.popNewlines();
          open--;
          break;
        case Tok.QUOTE:
          s.advance();
          this.skipQuoted();
          break;
        case Tok.HEREDOC:
          this.skipHeredoc();
          break;
        default:
          s.advance();
      }
    }
  }

  /** Raw skip to the closing quote on the same line (honouring backslash escapes). */
  private skipQuoted(): void {
    const s = this.s;
    const text = s.text;
    let i = s.pos;
    while (i < s.len) {
      const c = text.charCodeAt(i);
      if (c === 10) break;
      // An escape never takes the newline: the string ends there, and the line count must see it.
      if (c === 92 && text.charCodeAt(i + 1) !== 10) { i += 2; continue; }
      i++;
      if (c === 34) break;
    }
    s.pos = Math.min(i, s.len);
    s.have = false;
  }

  private skipHeredoc(): void {
    const s = this.s;
    const open = s.tokenStart();
    const marker = s.heredocMarker;
    const indented = s.heredocIndented;
    s.advance();
    const errors = s.errors.length;
    const depth = this.exprs.depth;
    const modeDepth = s.modeDepth;
    try {
      this.labels.parseHeredoc(open, marker, indented);
    } catch (e) {
      if (e !== ABORT) throw e;
      this.exprs.depth = depth;
      s.truncateModes(modeDepth);
    }
    // Errors inside a heredoc that is only being skipped would be noise after the first one.
    s.errors.length = errors;
  }
}

function makeBody(items: (Attribute | Block)[], range: Range): Body {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  for (const item of items) {
    if (item.kind === 'Attribute') attributes.push(item);
    else blocks.push(item);
  }
  return { kind: 'Body', attributes, blocks, items, range };
}
