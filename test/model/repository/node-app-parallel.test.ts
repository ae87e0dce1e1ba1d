import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyseApp, type AppJob } from '../../../src/model/repository/node-app-analyse.js';
import { analyseApps, useWorker } from '../../../src/model/repository/node-app-parallel.js';

const FIXTURES = 'test/model/repository/fixtures/node-apps';

/** One job per fixture application, its sources by repository-relative path. */
function jobs(): AppJob[] {
  return readdirSync(FIXTURES).sort().map((dir) => {
    const sources: AppJob['sources'] = [];
    const walk = (rel: string) => {
      for (const name of readdirSync(join(FIXTURES, rel)).sort()) {
        const path = `${rel}/${name}`;
        if (statSync(join(FIXTURES, path)).isDirectory()) walk(path);
        else if (/\.[cm]?[jt]s$/.test(name)) sources.push({ rel: path, text: readFileSync(join(FIXTURES, path), 'utf8') });
      }
    };
    walk(dir);
    return { dir, sources };
  });
}

describe('Node.js applications read on a worker thread', () => {
  it('is off unless asked for, and never for a single application', () => {
    assert.equal(useWorker(jobs(), {}, 0), false);
    assert.equal(useWorker(jobs(), { BULWARK_WORKERS: '0' }, 0), false);
    assert.equal(useWorker(jobs().slice(0, 1), { BULWARK_WORKERS: '1' }, 0), false);
  });

  it('gives the same applications, facts and notes in the same order as one thread', () => {
    const all = jobs();
    assert.ok(all.length >= 5);
    const alone = all.map(analyseApp);
    const shared = analyseApps(all, { BULWARK_WORKERS: '1' }, 0);
    assert.deepEqual(shared, alone);
    assert.deepEqual(shared.map((r) => r.app.dir), all.map((j) => j.dir));
    assert.ok(shared.some((r) => r.app.routes.length > 0));
  });
});
