// A design of tens of thousands of elements and flows through every output format: people's formats stay
// readable (Markdown lists capped, each cap saying how many more there are), data formats are written in
// chunks and hold everything, and the hand-editable YAML model is refused with a pointer to JSON.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MARKDOWN_LIST_CAP } from '../../../src/model/report/markdown.js';
import { ONE_LINE_ITEMS_OVER } from '../../../src/report/json-pieces.js';
import { jsonModel } from '../../hostile/model-inputs.js';
import { runCli } from '../../helpers/cli.js';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-large-design-'));
  writeFileSync(join(dir, 'design.json'), jsonModel(3_000, 18_000));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const bulwark = (...argv: string[]) => runCli(dir, argv);

describe('a design of 21,000 elements and flows', () => {
  it('gives a Markdown report with each long list capped, saying how many more there are', async () => {
    const json = JSON.parse((await bulwark('model', 'design.json', '--format', 'json', '--fail-on', 'none')).out) as { threats: unknown[]; model: { flows: unknown[] } };
    assert.ok(json.threats.length > MARKDOWN_LIST_CAP, `${json.threats.length} threats`);
    const { code, out } = await bulwark('model', 'design.json', '--fail-on', 'none');
    assert.equal(code, 0);
    // The summary counts every threat; the register shows the cap and says the rest are in JSON.
    assert.match(out, new RegExp(`\\*\\*${json.threats.length} open threats\\*\\*`));
    const more = (n: number, what: string) => `_… and ${n.toLocaleString('en-US')} more ${what}, not shown here; \`--format json\` lists them all._`;
    assert.ok(out.includes(more(json.threats.length - MARKDOWN_LIST_CAP, 'threats')));
    assert.ok(out.includes(more(json.model.flows.length - MARKDOWN_LIST_CAP, 'data flows')));
    assert.match(out, /## Data-flow diagram\n\n_Left out: 3,000 components and 18,000 data flows are more than a diagram can show/);
    // Bounded by the list caps, whatever the design's size (each shown threat carries its risk factors and reasons).
    assert.ok(out.length < 5_000_000, `${out.length} characters`);
  });

  it('writes SARIF whole: indented below 20,000 results, one result a line above', async () => {
    const open = (JSON.parse((await bulwark('model', 'design.json', '--format', 'json', '--fail-on', 'none')).out) as { threats: unknown[] }).threats.length;
    const sarif = await bulwark('model', 'design.json', '--format', 'sarif', '--fail-on', 'none');
    const log = JSON.parse(sarif.out) as { runs: { results: unknown[] }[] };
    assert.equal(log.runs[0]!.results.length, open);
    // How many threats the design gives depends on the knowledge base; either way the log is whole.
    if (open <= ONE_LINE_ITEMS_OVER) assert.equal(sarif.out, `${JSON.stringify(log, null, 2)}\n`);
    else assert.ok(sarif.out.split('\n').length < open * 2, 'one line per result');
  });

  it('refuses the YAML model and the Threat Dragon export with a pointer to JSON, exit 2', async () => {
    const td = await bulwark('model', 'design.json', '--format', 'threat-dragon', '--output', 'td.json');
    assert.equal(td.code, 2);
    assert.match(td.err, /21,000 elements and flows, more than the 20,000 exported to Threat Dragon .*use --format json/);
    assert.throws(() => readFileSync(join(dir, 'td.json')), /ENOENT/);

    const { code, err, out } = await bulwark('model', 'design.json', '--format', 'yaml');
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /21,000 elements and flows, more than the 20,000 written as a YAML model .*use --format json/);
  });
});
