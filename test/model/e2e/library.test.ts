// The package entry point serves both engines: the threat modeller's API sits next to scan().
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as bulwark from '../../../src/index.js';

const example = (name: string) => readFileSync(new URL(`../../../examples/models/${name}`, import.meta.url), 'utf8');

describe('library entry: threat modelling', () => {
  it('models Example A from its prose in one call', () => {
    const { report, notes } = bulwark.threatModel(example('photo-upload.txt'), { fileName: 'photo-upload.txt' });
    assert.ok(notes.every((n) => n.level === 'info' || n.level === 'warning'));
    assert.ok(report.model.elements.some((e) => e.kind === 'bucket' && e.technology === 'AWS S3'));
    assert.ok(report.counts.high >= 3, `High ${report.counts.high}`);
    assert.ok(report.threats.some((t) => t.stride === 'spoofing' && t.severity === 'high'));
  });

  it('runs each step on its own and renders every report', () => {
    const { model } = bulwark.readArchitecture(example('shop.mmd'), { fileName: 'shop.mmd' });
    assert.equal(bulwark.ArchitectureSchema.safeParse(model).success, true);
    const report = bulwark.analyze(model);
    assert.equal(report.schemaVersion, bulwark.THREAT_REPORT_VERSION);
    assert.equal(bulwark.ThreatReportSchema.safeParse(report).success, true);
    assert.match(bulwark.renderThreatMarkdown(report), /^# /m);
    assert.equal(JSON.parse(bulwark.renderThreatJson(report)).threats.length, report.threats.length);
    assert.equal(bulwark.buildThreatSarif(report).version, '2.1.0');
    assert.match(bulwark.renderMermaidDfd(report), /flowchart/);
    const again = bulwark.readArchitecture(bulwark.architectureToYaml(model), { format: 'yaml' }).model;
    assert.deepEqual(bulwark.analyze(again).threats.map((t) => t.id), report.threats.map((t) => t.id));
  });

  it('compares two designs and names the diff renderers apart from the scan reports', () => {
    const before = bulwark.analyze(bulwark.readArchitecture(example('shop.yaml'), { format: 'yaml' }).model);
    const after = bulwark.analyze(bulwark.readArchitecture(example('photo-upload.txt'), { format: 'prose' }).model);
    const diff = bulwark.diffReports(before, after);
    assert.ok(diff.added.length > 0 && diff.removed.length > 0);
    assert.match(bulwark.renderThreatDiffText(diff), /added/i);
    assert.equal(typeof bulwark.renderSarif, 'function', 'the IaC SARIF renderer keeps its name');
    assert.notEqual(bulwark.renderThreatSarif as unknown, bulwark.renderSarif as unknown);
    assert.equal(typeof bulwark.scan, 'function');
  });

  it('publishes the schemas editors validate models with', () => {
    const schema = bulwark.architectureJsonSchema() as { properties: Record<string, unknown> };
    assert.ok('elements' in schema.properties && 'flows' in schema.properties);
    assert.ok(bulwark.ELEMENT_KINDS.includes('bucket'));
    const input = JSON.stringify(bulwark.architectureInputJsonSchema());
    assert.ok(input.includes('"from"') && input.includes('"children"'), 'the hand-written form has from/to and nested children');
    assert.equal(bulwark.ArchitectureInputSchema.safeParse({ elements: ['API', 'DB'], flows: [{ from: 'API', to: 'DB' }] }).success, true);
  });
});
