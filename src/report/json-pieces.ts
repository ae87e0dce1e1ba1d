// `JSON.stringify(value, null, 2)` in pieces: the same bytes, but no one string holds the whole text.
// A report of a large design is hundreds of megabytes of JSON; built as one string it needs that much
// memory twice (the string, then its UTF-8 copy on the way to the file) and comes close to V8's maximum
// string length. Arrays and plain objects near the top are walked here; each item of an array is written
// on its own (json-pretty.ts), so pieces stay small and the output stays byte-identical.
//
// With `compactItems`, each item of those arrays is written on one line instead (`JSON.stringify(item)`):
// the same JSON value in about two thirds of the bytes and half the time, for reports too big to read by
// eye anyway.

import { omitted, prettyJson } from './json-pretty.js';

/**
 * Containers this deep or shallower are walked (report → model → elements; SARIF log → runs → run → results);
 * an array's items are written whole, unless an item itself holds a long list (a SARIF run, a diagram's cells).
 */
const WALK_DEPTH = 4;

/** A list longer than this makes the container holding it worth walking. */
const LONG_LIST = 256;

function holdsLongList(value: object): boolean {
  if (Array.isArray(value)) return value.length > LONG_LIST;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (Array.isArray(v) && v.length > LONG_LIST) return true;
  }
  return false;
}

/** Pieces are gathered up to about this many characters before they are handed on. */
const BATCH_CHARS = 1 << 16;

function walkable(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

/** An array or object being written: its entries (keys for an object) and how far along it is. */
interface Frame {
  value: Record<string, unknown> | unknown[];
  keys: string[] | undefined;
  next: number;
  written: number;
  indent: string;
  depth: number;
}

/** Appends pieces of text and hands them on about 64 KB at a time. */
export class TextBatch {
  parts: string[] = [];
  size = 0;
  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return text;
  }
}

/** Starts writing `value`: a leaf is written whole, a container becomes a frame (undefined for a leaf). */
function open(value: unknown, indent: string, depth: number, out: TextBatch, item: boolean, compact: boolean): Frame | undefined {
  const walk = depth <= WALK_DEPTH && walkable(value) && (!item || holdsLongList(value));
  if (!walk && item && compact) {
    // As in an array: a value JSON leaves out (a toJSON that gives undefined) is null.
    out.add(JSON.stringify(value) ?? 'null');
    return undefined;
  }
  if (!walk) {
    out.add(prettyJson(value, indent));
    return undefined;
  }
  const keys = Array.isArray(value) ? undefined : Object.keys(value);
  return { value: value as Frame['value'], keys, next: 0, written: 0, indent, depth };
}

/** Writes the frame's next entry (or its end); returns the frame of a nested container, or false at the end. */
function step(frame: Frame, out: TextBatch, compact: boolean): Frame | undefined | false {
  const { value, keys, indent } = frame;
  const inner = `${indent}  `;
  const length = keys ? keys.length : (value as unknown[]).length;
  while (frame.next < length) {
    const index = frame.next++;
    const item = keys ? (value as Record<string, unknown>)[keys[index]!] : (value as unknown[])[index];
    if (keys && omitted(item)) continue;
    const open_ = keys ? '{' : '[';
    const name = keys ? `${JSON.stringify(keys[index])}: ` : '';
    out.add(`${frame.written++ === 0 ? open_ : ','}\n${inner}${name}`);
    if (!keys && omitted(item)) {
      out.add('null');
      return undefined;
    }
    return open(item, inner, frame.depth + 1, out, !keys, compact);
  }
  out.add(frame.written === 0 ? (keys ? '{}' : '[]') : `\n${indent}${keys ? '}' : ']'}`);
  return false;
}

/**
 * Past this many items in a report's lists (elements, flows, threats, crossings, SARIF results, diagram cells),
 * each item is written on one line: a report that large is read by programs, and indentation would make it half
 * as big again and twice as slow to write (a 300,000-flow design: 500 MB indented, 320 MB one item per line).
 */
export const ONE_LINE_ITEMS_OVER = 20_000;

export interface ChunkOptions {
  /** Items of the walked arrays on one line each, without inner indentation. */
  compactItems?: boolean;
}

/** The text of `JSON.stringify(value, null, 2) + '\n'` (or its compact-items form), in chunks of about 64 KB. */
export function* jsonChunks(value: unknown, options: ChunkOptions = {}): Generator<string> {
  const compact = options.compactItems ?? false;
  const out = new TextBatch();
  const stack: Frame[] = [];
  const top = open(value, '', 0, out, false, compact);
  if (top) stack.push(top);
  while (stack.length > 0) {
    const result = step(stack[stack.length - 1]!, out, compact);
    if (result === false) stack.pop();
    else if (result) stack.push(result);
    if (out.size >= BATCH_CHARS) yield out.take();
  }
  out.add('\n');
  yield out.take();
}
