// Inputs mutated from real examples: a seed text from the repository, then a few byte- and token-level
// edits (delete, duplicate, swap or repeat slices, insert a format's special tokens, nest deeply, splice in
// another seed, break line endings, plant awkward characters and huge numbers). Positions are drawn as
// plain integers and taken modulo the current length, so edits compose and shrink towards the seed.

import fc from 'fast-check';
import { AWKWARD_CHARS, HUGE_NUMBERS } from './common.js';

export interface MutationOptions {
  /** The format's own tokens, inserted and replaced at random. */
  tokens: readonly string[];
  /** Bracket pairs nested deeply (`[`/`]`, `(`/`)`, `${`/`}` ...). */
  nesting: ReadonlyArray<readonly [string, string]>;
  /** Longest text a mutation may build (repetition stops there). */
  maxLength?: number;
}

type Mutation =
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number; times: number }
  | { op: 'repeat'; at: number; len: number; times: number; count: boolean }
  | { op: 'swap'; a: number; b: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'replace'; at: number; len: number; text: string }
  | { op: 'nest'; at: number; pair: number; depth: number; inner: string }
  | { op: 'splice'; at: number; from: number; start: number; len: number }
  | { op: 'number'; at: number; text: string }
  | { op: 'newlines'; style: string }
  | { op: 'truncate'; at: number };

const small = fc.integer({ min: 0, max: 0xffff });

export function mutations(options: MutationOptions): fc.Arbitrary<Mutation[]> {
  const special = fc.oneof(
    { arbitrary: fc.constantFrom(...options.tokens), weight: 6 },
    { arbitrary: fc.constantFrom(...AWKWARD_CHARS), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 },
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('delete' as const), at: small, len: fc.integer({ min: 1, max: 64 }) }), weight: 5 },
    { arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: small, len: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 1, max: 4 }) }), weight: 3 },
    { arbitrary: fc.record({ op: fc.constant('repeat' as const), at: small, len: fc.integer({ min: 1, max: 80 }), times: fc.integer({ min: 50, max: 20000 }), count: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('swap' as const), a: small, b: small, len: fc.integer({ min: 1, max: 64 }) }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('insert' as const), at: small, text: special }), weight: 8 },
    { arbitrary: fc.record({ op: fc.constant('replace' as const), at: small, len: fc.integer({ min: 1, max: 8 }), text: special }), weight: 4 },
    {
      arbitrary: fc.record({
        op: fc.constant('nest' as const), at: small, pair: fc.nat(), depth: fc.oneof(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 400, max: 3000 })),
        inner: fc.constantFrom('', 'x', '1', 'a.b', '"s"'),
      }),
      weight: 1,
    },
    { arbitrary: fc.record({ op: fc.constant('splice' as const), at: small, from: fc.nat(), start: small, len: fc.integer({ min: 1, max: 400 }) }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('number' as const), at: small, text: fc.constantFrom(...HUGE_NUMBERS) }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('newlines' as const), style: fc.constantFrom('\r\n', '\r', '\n\n', '') }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('truncate' as const), at: small }), weight: 1 },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 6 });
}

/** A seed from `seeds`, mutated. */
export function mutated(seeds: readonly string[], options: MutationOptions): fc.Arbitrary<string> {
  if (seeds.length === 0) throw new Error('no seeds to mutate');
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), mutations(options)).map(([i, ms]) => applyAll(seeds[i]!, ms, seeds, options));
}

export function applyAll(seed: string, ms: readonly Mutation[], seeds: readonly string[], options: MutationOptions): string {
  let text = seed;
  for (const m of ms) text = apply(text, m, seeds, options);
  return text;
}

function apply(text: string, m: Mutation, seeds: readonly string[], options: MutationOptions): string {
  const max = options.maxLength ?? 400_000;
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.op) {
    case 'delete': {
      const i = at(m.at);
      return text.slice(0, i) + text.slice(i + m.len);
    }
    case 'duplicate': {
      const i = at(m.at);
      const slice = text.slice(i, i + m.len);
      return text.slice(0, i) + slice.repeat(m.times + 1) + text.slice(i + m.len);
    }
    case 'repeat': {
      const i = at(m.at);
      const slice = text.slice(i, i + m.len);
      if (!slice) return text;
      const times = Math.min(m.times, Math.floor(max / slice.length));
      // With `count`, every number in the slice grows by the copy's index: `n1 -> n2` repeated is a chain.
      const copies = m.count ? Array.from({ length: times }, (_, k) => slice.replace(/\d+/g, (d) => String(Number(d) + k))) : [slice.repeat(times)];
      return text.slice(0, i) + copies.join('') + text.slice(i + m.len);
    }
    case 'swap': {
      const a = at(m.a);
      const b = at(m.b);
      const [lo, hi] = a < b ? [a, b] : [b, a];
      if (hi - lo < m.len) return text;
      return text.slice(0, lo) + text.slice(hi, hi + m.len) + text.slice(lo + m.len, hi) + text.slice(lo, lo + m.len) + text.slice(hi + m.len);
    }
    case 'insert': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'replace': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i + m.len);
    }
    case 'nest': {
      const i = at(m.at);
      const [open, close] = options.nesting[m.pair % options.nesting.length]!;
      return text.slice(0, i) + open.repeat(m.depth) + m.inner + close.repeat(m.depth) + text.slice(i);
    }
    case 'splice': {
      const other = seeds[m.from % seeds.length]!;
      const start = other.length === 0 ? 0 : m.start % other.length;
      const i = at(m.at);
      return text.slice(0, i) + other.slice(start, start + m.len) + text.slice(i);
    }
    case 'number': {
      // Replace the first number at or after the position, else insert one there.
      const re = /\d+(?:\.\d+)?/g;
      re.lastIndex = at(m.at);
      const hit = re.exec(text);
      if (!hit) return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
      return text.slice(0, hit.index) + m.text + text.slice(hit.index + hit[0].length);
    }
    case 'newlines':
      return text.replace(/\r?\n/g, m.style || ' ');
    case 'truncate':
      return text.slice(0, at(m.at));
  }
}
