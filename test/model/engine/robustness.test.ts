// Odd models never crash the engine or the reports: dangling flow ends, boundary cycles, duplicate ids,
// and the generated benchmark architecture.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateArchitecture } from '../../../scripts/bench-model.js';
import { analyze } from '../../../src/model/engine/index.js';
import { renderMermaidDfd, renderThreatMarkdown, renderThreatSarif } from '../../../src/model/report/index.js';
import { model } from './helpers.js';

describe('engine robustness', () => {
  it('reports dangling flows, unknown and cyclic boundaries as warnings', () => {
    const report = analyze(
      model({
        boundaries: [
          { id: 'a', name: 'A', type: 'network-zone', parent: 'b' },
          { id: 'b', name: 'B', type: 'network-zone', parent: 'a' },
        ],
        elements: [
          { id: 'x', name: 'X', kind: 'process', boundary: 'a' },
          { id: 'y', name: 'Y', kind: 'datastore', boundary: 'nowhere' },
          { id: 'x', name: 'X again', kind: 'process' },
        ],
        flows: [
          { id: 'f1', source: 'x', target: 'ghost' },
          { id: 'f2', source: 'x', target: 'y', protocol: 'http' },
        ],
      }),
    );
    assert.ok(report.warnings.some((w) => w.includes('flow "f1" refers to a missing element (ghost)')));
    assert.ok(report.warnings.some((w) => w.includes('unknown boundary "nowhere"')));
    assert.ok(report.warnings.some((w) => w.includes('nested in itself')));
    assert.ok(report.warnings.some((w) => w.includes('duplicate element id "x"')));
    // Renderers cope with the same model.
    assert.match(renderThreatMarkdown(report), /## Warnings/);
    assert.match(renderMermaidDfd(report), /subgraph b0\["A \(network-zone\)"\]/);
    assert.doesNotThrow(() => JSON.parse(renderThreatSarif(report)));
  });

  it('an empty model gives an empty register', () => {
    const report = analyze(model({}));
    assert.deepEqual(report.threats, []);
    assert.deepEqual(report.counts, { critical: 0, high: 0, medium: 0, low: 0 });
  });

  it('is deterministic: the same model gives the same report', () => {
    const m = generateArchitecture({ elements: 200, flows: 600, boundaries: 12 });
    assert.deepEqual(analyze(m), analyze(structuredClone(m)));
  });
});

describe('benchmark architecture generator', () => {
  it('builds 1,000 elements, 3,000 flows and 50 nested boundaries with mixed kinds', () => {
    const m = generateArchitecture();
    assert.equal(m.elements.length, 1000);
    assert.equal(m.flows.length, 3000);
    assert.equal(m.boundaries.length, 50);
    assert.ok(m.boundaries.filter((b) => b.parent).length > 20, 'most boundaries are nested');
    assert.ok(new Set(m.elements.map((e) => e.kind)).size >= 10, 'mixed kinds');
    const report = analyze(m);
    assert.ok(report.threats.length > 0);
    assert.equal(report.warnings.length, 0);
  });
});

describe('names listed in threats', () => {
  it('names a service reached by two flows once', async () => {
    const { readArchitecture } = await import('../../../src/model/adapters/index.js');
    const text = 'flowchart LR\n  u((Customer)) -->|HTTPS| api[Order API]\n  api -->|SQL| db[(Orders DB)]\n  api -->|SQL replica reads| db\n  api -->|publishes orders| q[[Order queue]]\n';
    const report = analyze(readArchitecture(text, { format: 'mermaid', fileName: 'design.mmd' }).model);
    const spoofing = report.threats.find((t) => t.title.startsWith('Unauthenticated callers use Order API'));
    assert.ok(spoofing, report.threats.map((t) => t.title).join('\n'));
    assert.match(spoofing.description, /reach Orders DB and Order queue\./);
  });
});
