// Trust boundaries rated by what crosses them: the mission's ordering system is critical at its edge (no
// authentication, no TLS, CORS *, from the internet), its hardened copy is not, and a boundary nothing
// crosses is low and says so.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { analyze } from '../../../src/model/engine/analyze.js';
import { rateBoundaries } from '../../../src/model/report/boundary-ratings.js';
import { renderThreatMarkdown } from '../../../src/model/report/markdown.js';
import { modelRepository } from '../../../src/model/repository/index.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('boundary ratings', () => {
  it('rate the ordering system critical at its edge, with the reasons', async () => {
    const { model } = await modelRepository(join(ROOT, 'examples/ordering-system'));
    const report = analyze(model);
    const edge = rateBoundaries(report).find((r) => model.boundaries.find((b) => b.id === r.boundary)?.name === 'Docker host')!;
    assert.equal(edge.rating, 'critical');
    assert.match(edge.reasons[0]!, /^User → api: from the internet, no authentication, no TLS, CORS any origin, no rate limit/);
    assert.match(renderThreatMarkdown(report), /- \*\*Docker host\*\* \(network-zone\) — \*\*CRITICAL\*\*: User → api/);
  });

  it('rate the hardened copy below critical, with no missing authentication or TLS named', async () => {
    const { model } = await modelRepository(join(ROOT, 'test/fixtures/repositories/ordering-system-hardened'));
    const ratings = rateBoundaries(analyze(model));
    assert.ok(ratings.length > 0);
    for (const r of ratings) {
      assert.notEqual(r.rating, 'critical', r.reasons.join('; '));
      assert.ok(!r.reasons.some((x) => /User → api: .*(no authentication|no TLS)/.test(x)), r.reasons.join('; '));
    }
  });

  it('say when nothing crosses a boundary, and take decided threats out', () => {
    const design = 'flowchart LR\n  subgraph Ops["Ops zone"]\n    Batch[Batch job]\n  end\n  subgraph App["App zone"]\n    API[Orders API] -->|SQL, no TLS| DB[(Orders DB)]\n  end\n  User((Customer)) -->|HTTPS| API\n';
    const { model } = readArchitecture(design, { fileName: 'zones.mmd' });
    const report = analyze(model);
    const byName = (ratings: ReturnType<typeof rateBoundaries>, name: string) => ratings.find((r) => model.boundaries.find((b) => b.id === r.boundary)?.name === name)!;
    assert.deepEqual(byName(rateBoundaries(report), 'Ops zone'), { boundary: byName(rateBoundaries(report), 'Ops zone').boundary, rating: 'low', reasons: ['no data flow crosses it'] });
    const app = byName(rateBoundaries(report), 'App zone');
    assert.ok(['high', 'critical', 'medium'].includes(app.rating), app.rating);
    // With every open threat decided, only what the flows themselves lack is left.
    const decided = byName(rateBoundaries({ ...report, threats: [] }), 'App zone');
    assert.ok(decided.reasons.every((r) => !/\((?:high|critical)\)$/.test(r)), decided.reasons.join('; '));
  });
});
