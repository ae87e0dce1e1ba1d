// A large design through the analysis and the Mermaid data-flow diagram: both linear, so sixty thousand
// services of one kind (replicas, generated fleets) are analysed and drawn, each exactly once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/model/engine/analyze.js';
import { renderMermaidDfd } from '../../../src/model/report/mermaid.js';
import type { Architecture } from '../../../src/model/schema/architecture.js';

function fleet(n: number): Architecture {
  return {
    version: 1,
    name: 'Worker fleet',
    elements: Array.from({ length: n }, (_, i) => ({ id: `worker-${i}`, name: `Worker ${i}`, kind: 'process' as const, props: {}, data: [] })),
    flows: Array.from({ length: n - 1 }, (_, i) => ({ id: `f${i}`, source: `worker-${i}`, target: `worker-${i + 1}`, protocol: 'grpc', data: [] })),
    boundaries: [],
    dataAssets: [],
  };
}

describe('a design of sixty thousand services', () => {
  it('is analysed and drawn as a data-flow diagram with every service and flow once', () => {
    const report = analyze(fleet(60_000));
    assert.equal(report.model.elements.length, 60_000);
    const dfd = renderMermaidDfd(report);
    const lines = dfd.split('\n');
    assert.equal(lines.filter((l) => /^\s+n\d+\("Worker \d+"\)$/.test(l)).length, 60_000);
    assert.equal(lines.filter((l) => /^\s+n\d+ -->\|"grpc"\| n\d+$/.test(l)).length, 59_999);
  });
});

/** Processes in two zones calling across them over plain HTTP, several flows between each pair. */
function mesh(services: number, flows: number): Architecture {
  return {
    version: 1,
    name: 'Mesh',
    elements: Array.from({ length: services }, (_, i) => ({ id: `s${i}`, name: `Service ${i}`, kind: 'process' as const, boundary: i % 2 ? 'a' : 'b', props: {}, data: [] })),
    flows: Array.from({ length: flows }, (_, i) => ({ id: `f${i}`, source: `s${i % services}`, target: `s${(i * 7 + 1) % services}`, protocol: 'http', data: [] })),
    boundaries: [{ id: 'a', name: 'Zone A', type: 'network-zone' as const }, { id: 'b', name: 'Zone B', type: 'network-zone' as const }],
    dataAssets: [],
  };
}

describe('a design of fifty thousand flows', () => {
  it('gives every flow its threats once, with ids kept apart, and shares each rule’s references', () => {
    const report = analyze(mesh(500, 50_000));
    const all = [...report.threats, ...report.mitigatedByDesign];
    assert.equal(new Set(all.map((t) => t.id)).size, all.length);
    const perRule = new Map<string, Set<string>>();
    for (const t of all) if (t.flows.length) perRule.set(t.ruleId, (perRule.get(t.ruleId) ?? new Set()).add(t.flows[0]!));
    assert.ok(perRule.size > 0);
    for (const [rule, flows] of perRule) assert.equal(flows.size, 50_000, rule);
    // One copy of a rule's references per analysis, not one per threat.
    const byRule = new Map(all.map((t) => [t.ruleId, t]));
    for (const t of all) assert.equal(t.cwe, byRule.get(t.ruleId)!.cwe);
  });
});

describe('the register order of a large generated design', () => {
  it('is compareThreats order: worst risk first, then severity, then id', async () => {
    const { jsonModel } = await import('../../hostile/model-inputs.js');
    const { readArchitecture } = await import('../../../src/model/adapters/index.js');
    const { compareThreats } = await import('../../../src/model/engine/analyze.js');
    const { model } = readArchitecture(jsonModel(3_000, 9_000), { fileName: 'shop.json' });
    const report = analyze(model);
    assert.ok(report.threats.length > 5_000, `${report.threats.length} threats`);
    assert.deepEqual(report.threats.map((t) => t.id), [...report.threats].sort(compareThreats).map((t) => t.id));
    assert.deepEqual(report.mitigatedByDesign.map((t) => t.id), [...report.mitigatedByDesign].sort(compareThreats).map((t) => t.id));
  });
});
