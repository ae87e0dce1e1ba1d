// `bulwark model` in-process: formats, thresholds, tracking, diff and usage errors, on real files.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { errorsOf, sarifValidator } from '../../report/validators.js';
import { runCli } from '../../helpers/cli.js';

let dir: string;
const examples = new URL('../../../examples/models/', import.meta.url);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-model-'));
  for (const f of ['photo-upload.txt', 'login-flow.md', 'shop.mmd', 'shop.yaml']) copyFileSync(new URL(f, examples), join(dir, f));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const bulwark = (...argv: string[]) => runCli(dir, argv);

describe('bulwark model', () => {
  it('reports paths relative to the project root, as the auditor does', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'bulwark-model-repo-'));
    try {
      mkdirSync(join(repo, '.git'));
      mkdirSync(join(repo, 'docs', 'design'), { recursive: true });
      copyFileSync(new URL('shop.mmd', examples), join(repo, 'docs', 'design', 'shop.mmd'));
      const fromInside = JSON.parse((await runCli(join(repo, 'docs'), ['model', 'design/shop.mmd', '--format', 'json'])).out) as { threats: { locations: { file: string }[] }[] };
      assert.equal(fromInside.threats[0]!.locations[0]!.file, 'docs/design/shop.mmd', 'the git top level, wherever it runs');
      const chosen = JSON.parse((await runCli(repo, ['model', 'docs/design/shop.mmd', '--format', 'json', '--project-root', 'docs'])).out) as typeof fromInside;
      assert.equal(chosen.threats[0]!.locations[0]!.file, 'design/shop.mmd');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('prints the Markdown threat model by default and exits 0', async () => {
    const r = await bulwark('model', 'photo-upload.txt');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\*\*6 open threats\*\* \(Critical 0 \/ High 3 \/ Medium 3 \/ Low 0\)/);
    assert.match(r.out, /## Threats by STRIDE category/);
  });

  it('--fail-on high exits 1 on open high threats; --fail-on critical exits 0', async () => {
    assert.equal((await bulwark('model', 'photo-upload.txt', '--fail-on', 'high')).code, 1);
    assert.equal((await bulwark('model', 'photo-upload.txt', '--fail-on', 'critical')).code, 0);
  });

  it('writes JSON and valid SARIF located at the input file', async () => {
    const json = JSON.parse((await bulwark('model', 'login-flow.md', '--format', 'json')).out) as { schemaVersion: number; threats: { stride: string }[] };
    assert.equal(json.schemaVersion, 1);
    assert.equal(new Set(json.threats.map((t) => t.stride)).size, 6);
    const r = await bulwark('model', 'shop.mmd', '--format', 'sarif', '--output', 'out.sarif');
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Wrote sarif threat model/);
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const validate = sarifValidator();
    assert.equal(validate(sarif), true, errorsOf(validate));
    assert.equal(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'shop.mmd');
  });

  it('renders the Mermaid DFD, the normalised YAML model and a Threat Dragon document', async () => {
    assert.match((await bulwark('model', 'shop.mmd', '--format', 'mermaid')).out, /^flowchart LR\n/);
    const yaml = parse((await bulwark('model', 'shop.mmd', '--format', 'yaml')).out) as { elements: unknown[] };
    assert.equal(yaml.elements.length, 9);
    const td = JSON.parse((await bulwark('model', 'photo-upload.txt', '--format', 'threat-dragon')).out) as { version?: string; detail?: unknown };
    assert.ok(td.detail, 'a Threat Dragon v2 document');
  });

  it('reads the format from --from when the extension says nothing', async () => {
    writeFileSync(join(dir, 'design'), readFileSync(join(dir, 'photo-upload.txt')));
    const r = await bulwark('model', 'design', '--from', 'prose', '--format', 'json');
    assert.equal((JSON.parse(r.out) as { threats: unknown[] }).threats.length, 6);
  });

  it('keeps decisions in the tracking file across runs', async () => {
    const first = await bulwark('model', 'photo-upload.txt', '--update-tracking', '--tracking', 'threats.yaml', '--format', 'json');
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /Added 6 open threats to threats\.yaml/);
    const file = join(dir, 'threats.yaml');
    const text = readFileSync(file, 'utf8').replace(
      /(TM-SERVERLESS-001@lambda-function:\n\s+status: )open/,
      '$1accepted\n    justification: role reviewed in PR 12\n    owner: ops',
    );
    writeFileSync(file, `${text}  TM-GONE-001@nothing:\n    status: accepted\n    justification: old\n`);
    const second = await bulwark('model', 'photo-upload.txt', '--tracking', 'threats.yaml', '--format', 'json', '--fail-on', 'high');
    const report = JSON.parse(second.out) as { threats: { id: string }[]; decided: { id: string; status: string }[] };
    assert.ok(!report.threats.some((t) => t.id === 'TM-SERVERLESS-001@lambda-function'));
    assert.deepEqual(report.decided.map((t) => [t.id, t.status]), [['TM-SERVERLESS-001@lambda-function', 'accepted']]);
    assert.match(second.err, /stale decision for TM-GONE-001@nothing/);
    assert.equal(second.code, 1, 'two high threats are still open');
  });

  it('--diff OLD NEW reports added and removed threats', async () => {
    writeFileSync(join(dir, 'new.txt'), `${readFileSync(join(dir, 'photo-upload.txt'), 'utf8').trim()} The bucket has versioning enabled.\n`);
    const r = await bulwark('model', '--diff', 'photo-upload.txt', 'new.txt');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Threats: 0 added, 1 removed, 0 changed severity, 5 unchanged\.$/m);
    assert.match(r.out, /- MEDIUM Tampering: Files in S3 bucket modified or replaced after upload \[TM-STORAGE-002@s3-bucket\] \(mitigated by design: S3 bucket keeps object versions\)/);
    const back = await bulwark('model', '--diff', 'new.txt', 'photo-upload.txt', '--format', 'markdown', '--fail-on', 'medium');
    assert.equal(back.code, 1, 'the reverse change adds a medium threat');
    assert.match(back.out, /\| added \| MEDIUM \| Tampering \|/);
  });

  it('usage errors exit 2', async () => {
    assert.equal((await bulwark('model', 'missing.txt')).code, 2);
    // With no file, the current directory is the repository to model (its design documents here).
    const here = await bulwark('model', '--fail-on', 'none');
    assert.equal(here.code, 0, here.err);
    assert.match(here.out, /^## Sources$/m);
    assert.equal((await bulwark('model', 'shop.mmd', '--format', 'pdf')).code, 2);
    assert.equal((await bulwark('model', '--diff', 'shop.mmd')).code, 2);
    assert.equal((await bulwark('model', 'shop.mmd', '--fail-on', 'severe')).code, 2);
    assert.equal((await bulwark('model', 'shop.mmd', '--tracking', 'nope.yaml')).code, 2);
  });

  it('bad input never crashes: unreadable YAML is a usage error with one located line, not an empty report', async () => {
    writeFileSync(join(dir, 'broken.yaml'), 'elements: [\n  - {id: a\n');
    const r = await bulwark('model', 'broken.yaml', '--format', 'json', '--fail-on', 'low');
    assert.equal(r.code, 2, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /^bulwark: broken\.yaml:\d+: YAML: [^\n]+\n$/);
  });
});
