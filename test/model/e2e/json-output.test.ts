// `bulwark model --format json` writes the report in chunks: to standard output and to a file (new or
// replaced, keeping its mode) the bytes are exactly what the one-string renderer gives.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../../src/cli/main.js';
import { capturedIo } from '../../../src/cli/support/io.js';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { analyze } from '../../../src/model/engine/analyze.js';
import { renderThreatJson } from '../../../src/model/report/json.js';
import { VERSION } from '../../../src/version.js';

let dir: string;

/** Six hundred services in two zones, three thousand flows: a report of a few megabytes, many chunks. */
function design(): string {
  const elements = Array.from({ length: 600 }, (_, i) => ({ id: `s${i}`, name: `Service ${i} “é”`, kind: i % 10 ? 'process' : 'datastore', boundary: i % 2 ? 'a' : 'b' }));
  const flows = Array.from({ length: 3000 }, (_, i) => ({ from: `s${i % 600}`, to: `s${(i * 7 + 1) % 600}`, protocol: i % 3 ? 'http' : 'https', label: `call "${i}"` }));
  const boundaries = [{ id: 'a', name: 'Zone A', type: 'network-zone' }, { id: 'b', name: 'Zone B', type: 'network-zone' }];
  return JSON.stringify({ version: 1, name: 'Mesh', boundaries, elements, flows });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-json-out-'));
  writeFileSync(join(dir, 'design.json'), design());
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function bulwark(...argv: string[]) {
  const io = capturedIo({ cwd: dir });
  const code = await run(argv, io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

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
});
