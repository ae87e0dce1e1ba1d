// The fix report's diff gives the differ only the changed span of each file (for speed); it must print
// exactly what the `diff` library prints for the whole files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTwoFilesPatch } from 'diff';
import fc from 'fast-check';
import { unifiedDiff } from '../../src/fix/report.js';

describe('unified diff of a fixed file', () => {
  it('equals the library\'s diff of the whole files', () => {
    const lines = fc.array(fc.constantFrom('resource "a" "b" {', '}', '', '  x = 1', '  y = 2', '# c'), { maxLength: 40 });
    fc.assert(
      fc.property(lines, lines, fc.boolean(), fc.boolean(), (x, y, endX, endY) => {
        const before = x.join('\n') + (endX ? '\n' : '');
        const after = y.join('\n') + (endY ? '\n' : '');
        fc.pre(before !== after);
        const whole = createTwoFilesPatch('a/main.tf', 'b/main.tf', before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/m, '');
        assert.equal(unifiedDiff('main.tf', before, after), whole);
      }),
      { numRuns: 3000 },
    );
  });
});
