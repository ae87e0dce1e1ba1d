// Golden outputs stay byte-identical unless a change means to move them (then `npm run golden` and review the diff).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenCases, goldenDir } from './cases.js';

describe('golden outputs', () => {
  for (const c of goldenCases()) {
    it(c.name, async () => {
      const path = join(goldenDir, c.name);
      assert.ok(existsSync(path), `missing golden file ${c.name}: run npm run golden`);
      assert.equal(await c.produce(), readFileSync(path, 'utf8'));
    });
  }
});
