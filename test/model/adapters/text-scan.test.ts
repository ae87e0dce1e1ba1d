// The linear text scans of the prose reader against the regular expressions they replace: the same result
// on every text, including line terminators anywhere, runs of colons and whitespace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitAtColon } from '../../../src/model/adapters/text-scan.js';

const COLON_INTRO = /^(.*?):(?:\s+(.*))?$/;

describe('splitAtColon', () => {
  it('gives what the lazy colon pattern gives, on any text', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ':', ' ', '\t', '\r', '\n', '\u2028', 'x y', ': ', ':\r'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const expected = COLON_INTRO.exec(t);
        assert.deepEqual(splitAtColon(t), expected ? [expected[0], expected[1], expected[2]] : undefined, JSON.stringify(t));
      }),
      { numRuns: 20_000, seed: 42 },
    );
    for (const t of ['We are building a web API that: accepts uploads; stores them', 'http://host: x', 'a:b: c', 'a:', 'a: \r', 'a:\rb', 'no colon']) {
      const expected = COLON_INTRO.exec(t);
      assert.deepEqual(splitAtColon(t), expected ? [expected[0], expected[1], expected[2]] : undefined, t);
    }
  });

  it('splits a long line of colons ending in a lone carriage return without rescanning it (found by fuzzing)', () => {
    // The pattern took seven seconds on this text at 256 KB; it grows with the square of the length.
    const text = `We're building a web API that${': accepts user uploads'.repeat(40_000)}\r stores them`;
    assert.equal(splitAtColon(text), undefined);
    assert.deepEqual(splitAtColon(`${text.slice(0, -14)}`)?.[1], "We're building a web API that");
  });
});
