// `bulwark model --format json` writes the report in chunks: to standard output and to a file (new or
// replaced, keeping its mode) the bytes are exactly what the one-string renderer gives.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { analyze } from '../../../src/model/engine/analyze.js';
import { ONE_LINE_ITEMS_OVER, renderThreatJson } from '../../../src/model/report/json.js';
import { VERSION } from '../../../src/version.js';
import { runCli } from '../../helpers/cli.js';

let dir: string;

/** Six hundred services in two zones, three thousand flows: a report of a few megabytes, many chunks. */
function design(services = 600, calls = 3000): string {
  const elements = Array.from({ length: services }, (_, i) => ({ id: `s${i}`, name: `Service ${i} “é”`, kind: i % 10 ? 'process' : 'datastore', boundary: i % 2 ? 'a' : 'b' }));
  const flows = Array.from({ length: calls }, (_, i) => ({ from: `s${i % services}`, to: `s${(i * 7 + 1) % services}`, protocol: i % 3 ? 'http' : 'https', label: `call "${i}"` }));
  const boundaries = [{ id: 'a', name: 'Zone A', type: 'network-zone' }, { id: 'b', name: 'Zone B', type: 'network-zone' }];
  return JSON.stringify({ version: 1, name: 'Mesh', boundaries, elements, flows });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-json-out-'));
  writeFileSync(join(dir, 'design.json'), design());
  writeFileSync(join(dir, 'large.json'), design(3000, 15_000));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const bulwark = (...argv: string[]) => runCli(dir, argv);

describe('the JSON threat report written in chunks', () => {
  it('is byte for byte the one-string rendering, on standard output and in a file', async () => {
    const { model } = readArchitecture(readFileSync(join(dir, 'design.json'), 'utf8'), { fileName: 'design.json' });
    const expected = renderThreatJson(analyze(model, { toolVersion: VERSION }));
    assert.ok(expected.length > 4 * 65_536, `${expected.length} characters`);
    const printed = await bulwark('model', 'design.json', '--format', 'json', '--fail-on', 'none');
    assert.equal(printed.code, 0, printed.err);
    assert.equal(printed.out, expected);
    const written = await bulwark('model', 'design.json', '--format', 'json', '--fail-on', 'none', '--output', 'report.json');
    assert.equal(written.code, 0, written.err);
    assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), expected);
  });

  it('replaces an existing file, keeping its mode and leaving no temporary file', async () => {
    const path = join(dir, 'kept.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    const r = await bulwark('model', 'design.json', '--format', 'json', '--fail-on', 'none', '--output', 'kept.json');
    assert.equal(r.code, 0, r.err);
    assert.equal(statSync(path).mode & 0o777, 0o640);
    assert.match(readFileSync(path, 'utf8'), /^\{\n {2}"schemaVersion": /);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('writes a report past the item threshold with one item per line: the same JSON value, smaller', async () => {
    const { model } = readArchitecture(readFileSync(join(dir, 'large.json'), 'utf8'), { fileName: 'large.json' });
    const report = analyze(model, { toolVersion: VERSION });
    const items = report.threats.length + report.crossings.length + report.mitigatedByDesign.length + model.elements.length + model.flows.length;
    assert.ok(items > ONE_LINE_ITEMS_OVER, `${items} items`);
    const indented = renderThreatJson(report);
    const r = await bulwark('model', 'large.json', '--format', 'json', '--fail-on', 'none', '--output', 'large-report.json');
    assert.equal(r.code, 0, r.err);
    const text = readFileSync(join(dir, 'large-report.json'), 'utf8');
    assert.deepEqual(JSON.parse(text), JSON.parse(indented));
    assert.ok(text.length < indented.length * 0.8, `${text.length} vs ${indented.length} characters`);
    const lines = text.split('\n');
    assert.equal(lines.filter((l) => l.startsWith('    {"id":"TM-')).length, report.threats.length + report.mitigatedByDesign.length);
    assert.match(text, /^\{\n {2}"schemaVersion": /);
  });
});
