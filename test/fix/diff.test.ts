// The fix report's diff gives the differ only the changed span of each file (for speed). Checked against the
// `diff` library on the whole files: the patch rebuilds the new text, changes as few lines, and where the
// library's alignment is unique (a fix's insertions) reads the same.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch, createTwoFilesPatch } from 'diff';
import fc from 'fast-check';
import { unifiedDiff } from '../../src/fix/report.js';

describe('unified diff of a fixed file', () => {
  it('rebuilds the new text with as few changed lines as the library\'s whole-file diff', () => {
    const lines = fc.array(fc.constantFrom('resource "a" "b" {', '}', '', '  x = 1', '  y = 2', '# c'), { maxLength: 40 });
    fc.assert(
      fc.property(lines, lines, fc.boolean(), fc.boolean(), (x, y, endX, endY) => {
        const before = x.join('\n') + (endX ? '\n' : '');
        const after = y.join('\n') + (endY ? '\n' : '');
        fc.pre(before !== after);
        const whole = createTwoFilesPatch('a/main.tf', 'b/main.tf', before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/m, '');
        const mine = unifiedDiff('main.tf', before, after);
        assert.equal(applyPatch(before, mine), after);
        const changed = (patch: string) => patch.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l)).length;
        assert.equal(changed(mine), changed(whole));
      }),
      { numRuns: 3000 },
    );
  });

  it('shows insertions, as fixes make them, as the added lines the library shows', () => {
    const lines = fc.array(fc.constantFrom('resource "a" "b" {', '}', '', '  x = 1', '  y = 2', '# c'), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(lines, fc.array(fc.tuple(fc.nat(), fc.constantFrom('  monitoring = true', '# NEEDS YOUR INPUT: which ports?', '')), { minLength: 1, maxLength: 4 }), (x, inserts) => {
        const y: string[] = [...x];
        for (const [at, line] of inserts) y.splice(at % (y.length + 1), 0, line);
        const before = x.join('\n') + '\n';
        const after = y.join('\n') + '\n';
        fc.pre(before !== after);
        const whole = createTwoFilesPatch('a/main.tf', 'b/main.tf', before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/m, '');
        const mine = unifiedDiff('main.tf', before, after);
        assert.equal(applyPatch(before, mine), after);
        assert.equal(mine.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length, whole.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('offsetMapper', () => {
  it('maps every offset as mapOffset does, on random non-overlapping edits', async () => {
    const { mapOffset, offsetMapper } = await import('../../src/edit/text-edit.js');
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const length = 40 + next(40);
      const edits: { start: number; end: number; text: string }[] = [];
      for (let at = next(5); at < length; at += 1 + next(8)) {
        const end = next(3) === 0 ? at : Math.min(length, at + next(4));
        edits.push({ start: at, end, text: 'x'.repeat(next(5)) });
        if (next(4) === 0) edits.push({ start: at, end, text: edits[edits.length - 1]!.text }); // a duplicate
        at = end;
      }
      const mapped = offsetMapper(edits);
      for (let offset = 0; offset <= length; offset++) assert.equal(mapped(offset), mapOffset(offset, edits), `round ${round}, offset ${offset}`);
    }
  });
});
