// `bulwark model` on hostile designs, in-process: refused input is exit 2 with one located line (never an
// empty report that passes --fail-on), and text from the design never reaches the output as raw control
// characters, whatever the format.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { capturedIo } from '../../../src/cli/support/io.js';
import { run } from '../../../src/cli/main.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-model-hostile-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function bulwark(...argv: string[]) {
  const io = capturedIo({ cwd: dir });
  const code = await run(argv, io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

/** Raw C0 controls other than newline and tab, DEL, C1 controls, bidi overrides. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** What JSON escapes by construction (C0 controls): JSON formats are held to that, and must parse. */
const RAW_C0 = /[\u0000-\u0008\u000b-\u001f]/;
const JSON_FORMATS = new Set(['json', 'sarif', 'threat-dragon']);
/** Data formats whose serializer escapes C0 controls (YAML double-quotes them as \e, \a ...). */
const DATA_FORMATS = new Set([...JSON_FORMATS, 'yaml']);

describe('bulwark model on hostile designs', () => {
  it('refuses a YAML alias bomb: exit 2, one located line naming the limit, no report', async () => {
    const lines = ['name: Laughs', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    lines.push('elements:', '  - id: web', '    kind: process', '    name: *a9', '');
    writeFileSync(join(dir, 'laughs.yaml'), lines.join('\n'));
    const r = await bulwark('model', 'laughs.yaml', '--format', 'json', '--fail-on', 'none');
    assert.equal(r.code, 2, r.err);
    assert.equal(r.out, '');
    assert.equal(r.err, 'bulwark: laughs.yaml:6: YAML aliases expand to more than 100,000 values, over the limit of 100,000\n');
  });

  it('refuses a diagram that describes no architecture: exit 2 with one line, even with --fail-on none', async () => {
    writeFileSync(join(dir, 'sequence.mmd'), 'sequenceDiagram\n  Alice->>Bob: Hello\n');
    const r = await bulwark('model', 'sequence.mmd', '--fail-on', 'none');
    assert.equal(r.code, 2, r.err);
    assert.equal(r.out, '');
    assert.equal(r.err, 'bulwark: sequence.mmd:1: no architecture elements were found in the input (a Mermaid sequenceDiagram describes no architecture; use a flowchart, architecture-beta or C4 diagram)\n');
  });

  it('reads a Threat Dragon file with one bad cell and reports its threats, so --fail-on still fails', async () => {
    const cells = [
      { id: 'user', shape: 'actor', data: { name: 'Customer', type: 'tm.Actor' } },
      { id: 'api', shape: 'process', data: { name: 'Orders API', type: 'tm.Process', bulwark: { kind: 'bogus' } } },
      { id: 'db', shape: 'store', data: { name: 'Orders DB', type: 'tm.Store' } },
      { id: 'f1', shape: 'flow', source: { cell: 'user' }, target: { cell: 'api' }, data: { name: 'HTTP', type: 'tm.Flow' } },
      { id: 'f2', shape: 'flow', source: { cell: 'api' }, target: { cell: 'db' }, data: { name: 'SQL', type: 'tm.Flow' } },
    ];
    writeFileSync(join(dir, 'shop.json'), JSON.stringify({ summary: { title: 'Shop' }, detail: { diagrams: [{ cells }] } }));
    const r = await bulwark('model', 'shop.json', '--format', 'json', '--fail-on', 'low');
    assert.equal(r.code, 1, r.err);
    const report = JSON.parse(r.out) as { model: { elements: unknown[] }; threats: unknown[] };
    assert.equal(report.model.elements.length, 3);
    assert.ok(report.threats.length > 0);
    const warning = r.err.split('\n').find((l) => /bogus/.test(l));
    assert.ok(warning && /cell "api"/.test(warning) && /bulwark\.kind/.test(warning), r.err);
  });

  it('says which PlantUML !include it did not follow', async () => {
    writeFileSync(join(dir, 'c.puml'), '@startuml\n!include /etc/bulwark-secret.puml\nactor Customer\ncomponent "Orders API" as api\nCustomer --> api : HTTPS\n@enduml\n');
    const r = await bulwark('model', 'c.puml', '--fail-on', 'none');
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /^bulwark: c\.puml:2: !include \/etc\/bulwark-secret\.puml was not read: Bulwark never reads or fetches included files/m);
  });

  it('refuses a tracking file of an unknown version with one line', async () => {
    writeFileSync(join(dir, 'ok.mmd'), 'flowchart LR\n  u([Customer]) -->|HTTPS| api[Orders API]\n  api -->|SQL| db[(Orders DB)]\n');
    writeFileSync(join(dir, 'tracking.yaml'), 'version: 7\nthreats: {}\n');
    const r = await bulwark('model', 'ok.mmd', '--tracking', 'tracking.yaml', '--fail-on', 'none');
    assert.equal(r.code, 2, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /^bulwark: tracking\.yaml: unknown tracking file version 7 \(this Bulwark reads version 1\)\n$/);
  });

  it('shows control characters from the design as escapes in every output format and on stderr', async () => {
    const evil = 'Web\u001b]0;pwned\u0007\u001b[2J app\u202e';
    writeFileSync(join(dir, 'evil.mmd'), `flowchart LR\n  u([Customer]) -->|HTTPS| web["${evil}"]\n  web -->|"SQL\u001b[31m"| db[(Orders DB)]\n  web --> ghost\u001b[1m\n`);
    for (const format of ['markdown', 'json', 'sarif', 'mermaid', 'threat-dragon', 'yaml']) {
      const r = await bulwark('model', 'evil.mmd', '--format', format, '--fail-on', 'none');
      assert.equal(r.code, 0, `${format}: ${r.err}`);
      if (JSON_FORMATS.has(format)) JSON.parse(r.out);
      assert.ok(!(DATA_FORMATS.has(format) ? RAW_C0 : RAW_CONTROL).test(r.out), `${format} output holds a raw control character`);
      assert.ok(!RAW_CONTROL.test(r.err), `${format} stderr holds a raw control character`);
      assert.ok(r.out.includes('pwned'), `${format} output keeps the text around the escapes`);
    }
    writeFileSync(join(dir, 'plain.mmd'), 'flowchart LR\n  u([Customer]) -->|HTTPS| web[Web app]\n');
    for (const format of ['text', 'markdown', 'json']) {
      const r = await bulwark('model', '--diff', 'plain.mmd', 'evil.mmd', '--format', format, '--fail-on', 'none');
      assert.equal(r.code, 0, r.err);
      assert.ok(!(format === 'json' ? RAW_C0 : RAW_CONTROL).test(r.out) && !RAW_CONTROL.test(r.err), `diff ${format} holds a raw control character`);
    }
  });
});
