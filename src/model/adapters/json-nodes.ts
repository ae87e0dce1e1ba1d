// A Bulwark model written as JSON, read into the same YAML node tree the YAML reader walks (with source
// ranges, so notes keep their lines), at JSON speed: the YAML parser reads about a megabyte a second,
// which makes a large generated model slow for no gain. Recursion follows nesting, which the caller has
// already capped (yaml-nesting.ts); strings are decoded by JSON.parse itself, so escapes mean what JSON says.

import { Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';

export type ParsedJson = { root: YamlNode } | { error: string; offset: number };

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

  document(): YamlNode {
    this.space();
    const root = this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
    return root;
  }

  private value(): YamlNode {
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    return this.scalar();
  }

  private object(): YamlNode {
    const map = new YAMLMap();
    const start = this.pos++;
    this.space();
    if (this.text[this.pos] === '}') return this.close(map, start);
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') this.fail('expected a "quoted" key');
      const key = this.scalar();
      this.space();
      if (this.text[this.pos] !== ':') this.fail('expected ":" after a key');
      this.pos++;
      this.space();
      map.items.push(new Pair(key, this.value()));
      this.space();
      const next = this.text[this.pos];
      if (next === '}') return this.close(map, start);
      if (next !== ',') this.fail('expected "," or "}"');
      this.pos++;
    }
  }

  private array(): YamlNode {
    const seq = new YAMLSeq();
    const start = this.pos++;
    this.space();
    if (this.text[this.pos] === ']') return this.close(seq, start);
    for (;;) {
      this.space();
      seq.items.push(this.value());
      this.space();
      const next = this.text[this.pos];
      if (next === ']') return this.close(seq, start);
      if (next !== ',') this.fail('expected "," or "]"');
      this.pos++;
    }
  }

  private close<T extends YAMLMap | YAMLSeq>(node: T, start: number): T {
    this.pos++;
    node.range = [start, this.pos, this.pos];
    return node;
  }

  private scalar(): YamlNode {
    const start = this.pos;
    let value: unknown;
    if (this.text[start] === '"') value = this.string();
    else if (this.text.startsWith('true', start)) value = this.literal('true', true);
    else if (this.text.startsWith('false', start)) value = this.literal('false', false);
    else if (this.text.startsWith('null', start)) value = this.literal('null', null);
    else value = Number(this.token(NUMBER, 'a value'));
    const node = new Scalar(value);
    node.range = [start, this.pos, this.pos];
    return node;
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
