// A fast reader for the YAML that manifests and compose files are written in: block mappings and sequences,
// one-line flow collections, plain, quoted and block scalars, comments and `---` documents. The `yaml` package
// reads about 2 MB/s; this reads the same files an order of magnitude faster. Anything outside that subset
// (anchors, aliases, tags, complex keys, directives, multi-line flow collections or quoted scalars, tabs in
// indentation, ...) makes it give up, and the caller reads the text with the `yaml` package instead, so the
// result is always the package's. A differential test and a fuzz target hold the two to the same trees.

import type { YDocument, YEntry, YMap, YNode, YScalar, YSeq } from './tree.js';
import { foldLines, give, nullAt, plain, unescapeDouble, Unsupported } from './fast-scalars.js';

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past its last character (before `\r\n` or `\n`). */
  end: number;
  /** Column of its first non-space character. */
  indent: number;
}

/** The documents of `text`, or undefined when it uses YAML this reader does not handle. */
export function readYamlFast(text: string, maxNesting: number): YDocument[] | undefined {
  try {
    return new FastReader(text, maxNesting).documents();
  } catch (error) {
    if (error instanceof Unsupported || error instanceof RangeError) return undefined;
    throw error;
  }
}

class FastReader {
  private readonly lines: Line[] = [];
  private at = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly maxNesting: number,
  ) {
    // A carriage return that ends no line, and control characters, are left to the package's rules.
    if (/\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/.test(text)) give();
    let start = 0;
    // The empty "line" after a final line break is not one.
    while (start < text.length) {
      const newline = text.indexOf('\n', start);
      const lineEnd = newline < 0 ? text.length : newline;
      const end = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      let indent = 0;
      while (start + indent < end && text.charCodeAt(start + indent) === 32) indent++;
      if (text.charCodeAt(start + indent) === 9 && start + indent < end) give(); // a tab in indentation
      this.lines.push({ start, end, indent });
      if (newline < 0) break;
      start = newline + 1;
    }
  }

  documents(): YDocument[] {
    const docs: YDocument[] = [];
    let docStart = 0;
    let open = false;
    for (;;) {
      this.skipBlank();
      if (this.at >= this.lines.length) break;
      const line = this.lines[this.at]!;
      const content = this.text.slice(line.start, line.end);
      if (line.indent === 0 && /^---(\s|$)/.test(content)) {
        if (content.slice(3).trim() && !content.slice(3).trim().startsWith('#')) give(); // content on the --- line
        if (open) docs.push({ root: undefined, start: docStart, end: line.start });
        docStart = line.start;
        open = true;
        this.at++;
        continue;
      }
      if (line.indent === 0 && /^\.\.\.(\s|$)/.test(content)) {
        this.at++;
        continue;
      }
      if (content[line.indent] === '%') give(); // a directive
      if (line.indent !== 0) give();
      const root = this.node(0);
      docs.push({ root, start: docStart, end: this.lines[this.at - 1]?.end ?? line.end });
      open = false;
      // What follows a document's root must be a document marker.
      this.skipBlank();
      if (this.at < this.lines.length && !/^(---|\.\.\.)(\s|$)/.test(this.text.slice(this.lines[this.at]!.start, this.lines[this.at]!.end))) give();
    }
    // A stream always holds a document, if only an empty one (a file of comments).
    if (open || !docs.length) docs.push({ root: undefined, start: docStart, end: this.text.length });
    return docs;
  }

  /** Past blank and comment-only lines. */
  private skipBlank(): void {
    while (this.at < this.lines.length) {
      const l = this.lines[this.at]!;
      if (l.start + l.indent < l.end && this.text[l.start + l.indent] !== '#') return;
      this.at++;
    }
  }

  /** The block node starting on the current line at its indentation (`column`). */
  private node(column: number): YNode {
    if (++this.depth > this.maxNesting) give();
    try {
      const line = this.lines[this.at]!;
      return this.nodeAt(line.start + line.indent, column);
    } finally {
      this.depth--;
    }
  }

  /** A node whose first character is at `pos` on the current line, at `column`. */
  private nodeAt(pos: number, column: number): YNode {
    const t = this.text;
    const line = this.lines[this.at]!;
    if (t[pos] === '-' && (pos + 1 === line.end || t[pos + 1] === ' ')) return this.sequence(pos, column);
    const key = this.keyAt(pos, line.end);
    if (key) return this.mapping(pos, column);
    // A lone scalar or flow collection, ending on this line.
    const value = this.inlineValue(pos, line.end, column);
    this.at++;
    return value;
  }

  private sequence(pos: number, column: number): YSeq {
    const t = this.text;
    const items: YNode[] = [];
    const start = pos;
    let end = pos;
    let dash = pos;
    for (;;) {
      const line = this.lines[this.at]!;
      let rest = dash + 1;
      while (rest < line.end && t[rest] === ' ') rest++;
      if (t[rest] === '\t') give();
      let item: YNode;
      if (rest >= line.end || t[rest] === '#') {
        this.at++;
        this.skipBlank();
        const next = this.lines[this.at];
        item = next && next.indent > column ? this.node(next.indent) : nullAt(rest);
      } else {
        if (++this.depth > this.maxNesting) give();
        try {
          item = this.nodeAt(rest, rest - line.start);
        } finally {
          this.depth--;
        }
      }
      items.push(item);
      end = Math.max(end, item.end);
      this.skipBlank();
      if (this.at >= this.lines.length) break;
      const next = this.lines[this.at]!;
      if (next.indent > column) give(); // an over-indented line: a continuation or an error, left to the package
      if (next.indent < column) break;
      const d = next.start + next.indent;
      if (t[d] !== '-' || (d + 1 < next.end && t[d + 1] !== ' ')) break;
      dash = d;
    }
    return { kind: 'seq', items, flow: false, start, end };
  }

  private mapping(pos: number, column: number): YMap {
    const entries: YEntry[] = [];
    const start = pos;
    let end = pos;
    for (let first = true; ; first = false) {
      const line = this.lines[this.at]!;
      const keyStart = first ? pos : line.start + line.indent;
      const key = this.keyAt(keyStart, line.end) ?? give();
      let rest = key.colon + 1;
      while (rest < line.end && this.text[rest] === ' ') rest++;
      if (this.text[rest] === '\t') give(); // tabs as separation follow rules of their own
      let value: YNode;
      if (rest >= line.end || this.text[rest] === '#') {
        this.at++;
        this.skipBlank();
        const next = this.lines[this.at];
        const nextFirst = next ? this.text[next.start + next.indent] : undefined;
        if (next && next.indent > column) value = this.node(next.indent);
        else if (next && next.indent === column && nextFirst === '-' && (next.start + next.indent + 1 === next.end || this.text[next.start + next.indent + 1] === ' ')) value = this.node(column);
        else value = nullAt(rest);
      } else if (this.text[rest] === '|' || this.text[rest] === '>') {
        value = this.blockScalar(rest, line, column);
      } else {
        value = this.inlineValue(rest, line.end, column);
        this.at++;
        this.noContinuation(column);
      }
      if (key.name === '<<') give(); // merge keys are applied by the package reader
      entries.push({ key: key.name, keyStart: key.start, keyEnd: key.end, value });
      end = Math.max(value.end, key.end);
      this.skipBlank();
      if (this.at >= this.lines.length) break;
      const next = this.lines[this.at]!;
      if (next.indent < column) break;
      if (next.indent > column) give(); // over-indented line: a continuation or an error, left to the package
      if (this.text[next.start + next.indent] === '-') break; // a sequence at this column belongs to the parent
    }
    return { kind: 'map', entries, flow: false, start, end };
  }

  /** A plain scalar continued on a more indented line is multi-line: left to the package. */
  private noContinuation(column: number): void {
    const save = this.at;
    this.skipBlank();
    const next = this.lines[this.at];
    if (next && next.indent > column) give();
    this.at = save;
  }

  /** `key:` at `pos` (plain or quoted key, followed by `:` and a space or the end of the line). */
  private keyAt(pos: number, lineEnd: number): { name: string; start: number; end: number; colon: number } | undefined {
    const t = this.text;
    const ch = t[pos];
    if (ch === '"' || ch === "'") {
      const close = this.quotedEnd(pos, lineEnd);
      if (close < 0) return undefined;
      let colon = close;
      while (colon < lineEnd && t[colon] === ' ') colon++;
      if (t[colon] !== ':' || (colon + 1 < lineEnd && t[colon + 1] !== ' ')) return undefined;
      return { name: String(this.quoted(pos, close).value), start: pos, end: close, colon };
    }
    if ('?[]{},&*!#|>%@`'.includes(ch ?? '?')) return undefined;
    for (let i = pos; i < lineEnd; i++) {
      const c = t[i];
      if (c === ':' && (i + 1 === lineEnd || t[i + 1] === ' ')) {
        let end = i;
        while (end > pos && t[end - 1] === ' ') end--;
        if (end === pos) return undefined;
        if (end - pos > 1024) give(); // YAML limits implicit keys to 1024 characters
        // The key's name as the package gives it: its value under the core schema, as text (`0x10` is `16`).
        return { name: String(plain(t.slice(pos, end), pos, end).value), start: pos, end, colon: i };
      }
      if (c === '#' && t[i - 1] === ' ') return undefined;
      if (c === '\t') give(); // tabs around keys follow rules of their own
    }
    return undefined;
  }

  /** A scalar or one-line flow collection from `pos` to the end of the line (a trailing comment aside). */
  private inlineValue(pos: number, lineEnd: number, column: number): YNode {
    const t = this.text;
    const ch = t[pos];
    // Anchors, aliases, tags, complex keys, reserved and flow-closing characters, block scalars after a dash.
    if ('&*!?%@`,]}|>'.includes(ch!)) give();
    if (ch === '-' && (pos + 1 >= lineEnd || t[pos + 1] === ' ')) give();
    if (ch === '[' || ch === '{') {
      const cursor = { pos };
      const node = this.flow(cursor, lineEnd);
      this.afterValue(cursor.pos, lineEnd);
      return node;
    }
    if (ch === '"' || ch === "'") {
      const close = this.quotedEnd(pos, lineEnd);
      if (close < 0) give(); // a quoted scalar over several lines
      this.afterValue(close, lineEnd);
      return this.quoted(pos, close);
    }
    // Plain: to the end of the line or a ` #` comment.
    let end = lineEnd;
    // Searched within the line only: searching the rest of the text from every scalar was quadratic.
    const hash = t.slice(pos, lineEnd).indexOf(' #');
    if (hash >= 0) end = pos + hash;
    while (end > pos && t[end - 1] === ' ') end--;
    const raw = t.slice(pos, end);
    if (raw.includes('\t')) give(); // tabs inside or around plain scalars are trimmed by rules of their own
    if (raw.includes(': ') || raw.endsWith(':') || raw.includes(' \t')) give(); // a mapping where a scalar should be: an error or exotic
    void column;
    return plain(raw, pos, end);
  }

  /** Only spaces and a comment may follow a value on its line. */
  private afterValue(pos: number, lineEnd: number): void {
    let i = pos;
    while (i < lineEnd && this.text[i] === ' ') i++;
    if (i < lineEnd && this.text[i] !== '#') give();
  }

  /** The offset just past the closing quote of the quoted scalar at `pos`, on this line; -1 when it does not close. */
  private quotedEnd(pos: number, lineEnd: number): number {
    const t = this.text;
    const q = t[pos];
    for (let i = pos + 1; i < lineEnd; i++) {
      if (q === '"' && t[i] === '\\') {
        i++;
        continue;
      }
      if (t[i] === q) {
        if (q === "'" && t[i + 1] === "'") {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return -1;
  }

  private quoted(pos: number, end: number): YScalar {
    const body = this.text.slice(pos + 1, end - 1);
    const value = this.text[pos] === "'" ? body.replace(/''/g, "'") : unescapeDouble(body);
    return { kind: 'scalar', value, style: 'quoted', start: pos, end };
  }

  /** `[a, b]` or `{k: v}` closing on the same line. */
  private flow(cursor: { pos: number }, lineEnd: number): YNode {
    if (++this.depth > this.maxNesting) give();
    try {
      const t = this.text;
      const open = t[cursor.pos]!;
      const close = open === '[' ? ']' : '}';
      const start = cursor.pos;
      cursor.pos++;
      const items: YNode[] = [];
      const entries: YEntry[] = [];
      for (;;) {
        this.flowSpace(cursor, lineEnd);
        if (t[cursor.pos] === close) {
          cursor.pos++;
          break;
        }
        if (open === '{') {
          const keyNode = this.flowScalar(cursor, lineEnd, true);
          this.flowSpace(cursor, lineEnd);
          if (t[cursor.pos] !== ':') give();
          cursor.pos++;
          this.flowSpace(cursor, lineEnd);
          const value = t[cursor.pos] === ',' || t[cursor.pos] === '}' ? nullAt(cursor.pos) : this.flowValue(cursor, lineEnd);
          entries.push({ key: keyNode.value === null ? '' : String(keyNode.value), keyStart: keyNode.start, keyEnd: keyNode.end, value });
        } else {
          items.push(this.flowValue(cursor, lineEnd));
        }
        this.flowSpace(cursor, lineEnd);
        if (t[cursor.pos] === ',') {
          cursor.pos++;
          continue;
        }
        if (t[cursor.pos] === close) {
          cursor.pos++;
          break;
        }
        give();
      }
      return open === '[' ? { kind: 'seq', items, flow: true, start, end: cursor.pos } : { kind: 'map', entries, flow: true, start, end: cursor.pos };
    } finally {
      this.depth--;
    }
  }

  private flowValue(cursor: { pos: number }, lineEnd: number): YNode {
    const ch = this.text[cursor.pos];
    if (ch === '[' || ch === '{') return this.flow(cursor, lineEnd);
    const node = this.flowScalar(cursor, lineEnd, false);
    // `[a: 1]` is a single-pair mapping in a sequence: left to the package.
    let i = cursor.pos;
    while (i < lineEnd && this.text[i] === ' ') i++;
    if (this.text[i] === ':') give();
    return node;
  }

  private flowSpace(cursor: { pos: number }, lineEnd: number): void {
    while (cursor.pos < lineEnd && this.text[cursor.pos] === ' ') cursor.pos++;
    if (cursor.pos >= lineEnd || this.text[cursor.pos] === '#') give(); // the collection goes on to another line
  }

  private flowScalar(cursor: { pos: number }, lineEnd: number, isKey: boolean): YScalar {
    const t = this.text;
    const pos = cursor.pos;
    const ch = t[pos];
    if (ch === '"' || ch === "'") {
      const close = this.quotedEnd(pos, lineEnd);
      if (close < 0) give();
      cursor.pos = close;
      return this.quoted(pos, close);
    }
    if (ch === '&' || ch === '*' || ch === '!' || ch === '?' || ch === '%' || ch === '@' || ch === '`' || ch === '-' && t[pos + 1] === ' ') give();
    let end = pos;
    while (end < lineEnd) {
      const c = t[end];
      if (c === ',' || c === ']' || c === '}' || c === '[' || c === '{') break;
      // In flow context `:` ends a plain scalar only before a space, a flow indicator or the end of the line.
      if (c === ':' && (end + 1 >= lineEnd || t[end + 1] === ' ' || t[end + 1] === ',' || t[end + 1] === '[' || t[end + 1] === ']' || t[end + 1] === '{' || t[end + 1] === '}')) break;
      if (c === '\t') give();
      if (c === '#' && t[end - 1] === ' ') give();
      end++;
    }
    let trimmed = end;
    while (trimmed > pos && t[trimmed - 1] === ' ') trimmed--;
    cursor.pos = end;
    if (trimmed === pos) give();
    return plain(t.slice(pos, trimmed), pos, trimmed);
  }

  /** `|` and `>` with optional chomping (`-`, `+`); an explicit indentation indicator is left to the package. */
  private blockScalar(pos: number, line: Line, column: number): YScalar {
    const t = this.text;
    const header = t.slice(pos, line.end).replace(/\s+#.*$/, '').trimEnd();
    const m = /^([|>])([+-]?)$/.exec(header) ?? give();
    const [, style, chomp] = m;
    this.at++;
    const body: string[] = [];
    let indent = -1;
    // Without content lines, the scalar still ends after its header's line break.
    const headerBreak = t.indexOf('\n', line.end);
    let end = headerBreak < 0 ? line.end : headerBreak + 1;
    let trailingBlank = 0;
    while (this.at < this.lines.length) {
      const l = this.lines[this.at]!;
      const blank = l.start + l.indent >= l.end;
      if (blank) {
        // Spaces beyond the indentation on a blank line are content: left to the package.
        if (indent >= 0 && l.end - l.start > indent) give();
        body.push('');
        trailingBlank++;
        this.at++;
        continue;
      }
      if (indent < 0) {
        if (l.indent <= column) break;
        indent = l.indent;
      }
      if (l.indent < indent) break;
      if (style === '>' && l.indent > indent) give(); // more-indented lines fold differently
      if (t[l.start + l.indent] === '\t') give();
      body.push(t.slice(l.start + indent, l.end));
      trailingBlank = 0;
      // The scalar ends after its last line's line break, as the package counts it.
      const newline = t.indexOf('\n', l.end);
      end = newline < 0 ? l.end : newline + 1;
      this.at++;
    }
    // Blank lines running into the end of the text end the scalar by rules of their own.
    if (trailingBlank > 0 && (this.at >= this.lines.length || indent < 0)) give();
    // Blank lines after the last content line belong to what follows, unless kept with `+`.
    const content = body.slice(0, body.length - trailingBlank);
    if (chomp === '+') give();
    if (style === '>' && content.includes('')) give(); // blank lines in folded text fold by rules of their own
    let value = style === '|' ? content.join('\n') : foldLines(content);
    if (content.length && chomp !== '-') value += '\n';
    return { kind: 'scalar', value, style: 'block', start: pos, end };
  }
}
