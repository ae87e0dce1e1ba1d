// A Bulwark model written as JSON, read into the document tree the model reader walks (doc-nodes.ts: start
// offsets, so notes keep their lines, and plain values built on the way), at JSON speed: the YAML parser
// reads about a megabyte a second, and even its node classes cost more than the parse on a large generated
// model. Recursion follows nesting, which the caller has already capped (yaml-nesting.ts); strings are
// decoded by JSON.parse itself, so escapes mean what JSON says.

import type { DocMap, DocNode, DocPair, DocScalar, DocSeq } from './doc-nodes.js';

export type ParsedJson = { root: DocNode } | { error: string; offset: number };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseJsonNodes(text: string): ParsedJson {
  const reader = new JsonReader(text);
  try {
    const root = reader.document();
    return { root };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { error: error.message, offset: error.offset };
    throw error;
  }
}

class JsonReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): DocNode {
    this.space();
    const root = this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
    return root;
  }

  private value(): DocNode {
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    return this.scalar();
  }

  private object(): DocMap {
    const pairs: DocPair[] = [];
    const value: Record<string, unknown> = {};
    const start = this.pos++;
    this.space();
    if (this.text[this.pos] === '}') return this.close({ kind: 'map', start, pairs, value });
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') this.fail('expected a "quoted" key');
      const keyStart = this.pos;
      const key = this.string();
      this.space();
      if (this.text[this.pos] !== ':') this.fail('expected ":" after a key');
      this.pos++;
      this.space();
      const node = this.value();
      pairs.push({ key, keyStart, value: node });
      // As JSON.parse does: an own property even for "__proto__", and the last of duplicate keys wins.
      if (key === '__proto__') Object.defineProperty(value, key, { value: node.value, writable: true, enumerable: true, configurable: true });
      else value[key] = node.value;
      this.space();
      const next = this.text[this.pos];
      if (next === '}') return this.close({ kind: 'map', start, pairs, value });
      if (next !== ',') this.fail('expected "," or "}"');
      this.pos++;
    }
  }

  private array(): DocSeq {
    const items: DocNode[] = [];
    const value: unknown[] = [];
    const start = this.pos++;
    this.space();
    if (this.text[this.pos] === ']') return this.close({ kind: 'seq', start, items, value });
    for (;;) {
      this.space();
      const node = this.value();
      items.push(node);
      value.push(node.value);
      this.space();
      const next = this.text[this.pos];
      if (next === ']') return this.close({ kind: 'seq', start, items, value });
      if (next !== ',') this.fail('expected "," or "]"');
      this.pos++;
    }
  }

  private close<T extends DocMap | DocSeq>(node: T): T {
    this.pos++;
    return node;
  }

  private scalar(): DocScalar {
    const start = this.pos;
    let value: unknown;
    if (this.text[start] === '"') value = this.string();
    else if (this.text.startsWith('true', start)) value = this.literal('true', true);
    else if (this.text.startsWith('false', start)) value = this.literal('false', false);
    else if (this.text.startsWith('null', start)) value = this.literal('null', null);
    else value = Number(this.token(NUMBER, 'a value'));
    return { kind: 'scalar', start, value };
  }

  /** A string: scanned to its closing quote by hand (a pattern over a megabyte string would backtrack), decoded by JSON.parse. */
  private string(): string {
    const text = this.text;
    let end = this.pos + 1;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(end);
      if (Number.isNaN(c)) this.fail('unterminated string');
      if (c === 34) break;
      if (c < 32) this.fail('control character in a string');
      if (c === 92) escaped = true;
      end += c === 92 ? 2 : 1;
    }
    if (!escaped) {
      // Without a backslash the text between the quotes is the string itself.
      const value = text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return value;
    }
    const raw = text.slice(this.pos, end + 1);
    try {
      const value = JSON.parse(raw) as string;
      this.pos = end + 1;
      return value;
    } catch {
      return this.fail('invalid escape in a string');
    }
  }

  private literal<T>(word: string, value: T): T {
    this.pos += word.length;
    return value;
  }

  private token(pattern: RegExp, what: string): string {
    pattern.lastIndex = this.pos;
    const m = pattern.exec(this.text);
    if (!m) this.fail(this.pos >= this.text.length ? 'unexpected end of the JSON text' : `expected ${what}`);
    this.pos += m![0].length;
    return m![0];
  }

  private space(): void {
    const text = this.text;
    let pos = this.pos;
    for (let c = text.charCodeAt(pos); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++pos));
    this.pos = pos;
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, Math.min(this.pos, this.text.length));
  }
}
