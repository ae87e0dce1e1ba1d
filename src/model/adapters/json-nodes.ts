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

/**
 * Containers this deep (the root is 0, its lists 1, their items 2) are kept as their plain value and their
 * span; their own pairs and items are read again from the text only if the reader asks (for a boundary's
 * children, or the line of a stray key). A node object per key of every item was most of the memory a large
 * model took to read.
 */
const LAZY_DEPTH = 2;

export function parseJsonNodes(text: string): ParsedJson {
  const reader = new JsonReader(text, 0);
  try {
    const root = reader.document();
    return { root };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { error: error.message, offset: error.offset };
    throw error;
  }
}

/** A container below LAZY_DEPTH: its value now, its nodes when asked (the text is valid JSON there). */
class LazyContainer {
  private nodes: DocMap | DocSeq | undefined;
  constructor(
    private readonly text: string,
    readonly start: number,
    readonly value: unknown,
  ) {}
  protected read(): DocMap | DocSeq {
    // Read as a list's item would be: its own children are nodes, and theirs are lazy again.
    this.nodes ??= new JsonReader(this.text, this.start).container(LAZY_DEPTH - 1);
    return this.nodes;
  }
}

class LazyMap extends LazyContainer implements DocMap {
  readonly kind = 'map' as const;
  get pairs(): readonly DocPair[] {
    return (this.read() as DocMap).pairs;
  }
}

class LazySeq extends LazyContainer implements DocSeq {
  readonly kind = 'seq' as const;
  get items(): readonly (DocNode | null)[] {
    return (this.read() as DocSeq).items;
  }
}

class JsonReader {
  constructor(
    private readonly text: string,
    private pos: number,
  ) {}

  document(): DocNode {
    this.space();
    const root = this.node(0);
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
    return root;
  }

  /** The map or list at the current position, its children as nodes at `depth + 1`. */
  container(depth: number): DocMap | DocSeq {
    return this.text[this.pos] === '{' ? this.object(depth) : this.array(depth);
  }

  private node(depth: number): DocNode {
    const ch = this.text[this.pos];
    if (ch !== '{' && ch !== '[') return this.scalar();
    if (depth < LAZY_DEPTH) return this.container(depth);
    const start = this.pos;
    const value = this.plain();
    return ch === '{' ? new LazyMap(this.text, start, value) : new LazySeq(this.text, start, value);
  }

  private object(depth: number): DocMap {
    const pairs: DocPair[] = [];
    const value: Record<string, unknown> = {};
    const start = this.pos++;
    this.space();
    if (this.text[this.pos] === '}') return this.close({ kind: 'map', start, pairs, value });
    for (;;) {
      const keyStart = this.key();
      const key = this.string();
      this.colon();
      const node = this.node(depth + 1);
      pairs.push({ key, keyStart, value: node });
      setOwn(value, key, node.value);
      this.space();
      const next = this.text[this.pos];
      if (next === '}') return this.close({ kind: 'map', start, pairs, value });
      if (next !== ',') this.fail('expected "," or "}"');
      this.pos++;
    }
  }

  private array(depth: number): DocSeq {
    const items: DocNode[] = [];
    const value: unknown[] = [];
    const start = this.pos++;
    this.space();
    if (this.text[this.pos] === ']') return this.close({ kind: 'seq', start, items, value });
    for (;;) {
      this.space();
      const node = this.node(depth + 1);
      items.push(node);
      value.push(node.value);
      this.space();
      const next = this.text[this.pos];
      if (next === ']') return this.close({ kind: 'seq', start, items, value });
      if (next !== ',') this.fail('expected "," or "]"');
      this.pos++;
    }
  }

  /** A value as plain data, with no nodes. */
  private plain(): unknown {
    const ch = this.text[this.pos];
    if (ch === '{') {
      const value: Record<string, unknown> = {};
      this.pos++;
      this.space();
      if (this.text[this.pos] === '}') return this.pos++, value;
      for (;;) {
        this.key();
        const key = this.string();
        this.colon();
        setOwn(value, key, this.plain());
        this.space();
        const next = this.text[this.pos++];
        if (next === '}') return value;
        if (next !== ',') this.fail('expected "," or "}"', -1);
      }
    }
    if (ch === '[') {
      const value: unknown[] = [];
      this.pos++;
      this.space();
      if (this.text[this.pos] === ']') return this.pos++, value;
      for (;;) {
        this.space();
        value.push(this.plain());
        this.space();
        const next = this.text[this.pos++];
        if (next === ']') return value;
        if (next !== ',') this.fail('expected "," or "]"', -1);
      }
    }
    return this.scalar().value;
  }

  /** Skips to a key's opening quote; returns where it is. */
  private key(): number {
    this.space();
    if (this.text[this.pos] !== '"') this.fail('expected a "quoted" key');
    return this.pos;
  }

  private colon(): void {
    this.space();
    if (this.text[this.pos] !== ':') this.fail('expected ":" after a key');
    this.pos++;
    this.space();
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

  /** `back`: how far before the current position the offending character is. */
  private fail(message: string, back = 0): never {
    throw new JsonSyntaxError(message, Math.min(this.pos + back, this.text.length));
  }
}

/** As JSON.parse does: an own property even for "__proto__", and the last of duplicate keys wins. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
