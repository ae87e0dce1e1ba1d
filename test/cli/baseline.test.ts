// Baselines: a team accepts today's findings and is told only about new ones. The scenario: take a
// baseline, insert twenty lines at the top of every file, add one new problem — the scan reports exactly it.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';

let repo: string;
before(() => {
  repo = mkdtempSync(join(tmpdir(), 'bulwark-baseline-'));
  mkdirSync(join(repo, '.git'));
  cpSync(new URL('../../examples/terraform', import.meta.url), join(repo, 'infra'), { recursive: true });
});
after(() => rmSync(repo, { recursive: true, force: true }));

const bulwark = (...argv: string[]) => runCli(repo, argv);

function tfFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tf')).map((f) => join(dir, f));
}

type Report = { findings: { ruleId: string; resource?: string; location: { file: string; range: { start: { line: number } } } }[]; diagnostics: { code: string; message: string }[] };

describe('bulwark baseline and scan --baseline', () => {
  it('reports exactly the new problem after every file moved down twenty lines', async () => {
    const before = JSON.parse((await bulwark('scan', 'infra', '--format', 'json', '--fail-on', 'none')).out) as Report;
    assert.ok(before.findings.length >= 10, `${before.findings.length} findings`);
    const written = await bulwark('baseline', 'infra', '--output', 'bulwark-baseline.json');
    assert.equal(written.code, 0, written.err);
    assert.match(written.err, new RegExp(`: ${before.findings.length} findings accepted as the baseline`));
    const baseline = JSON.parse(readFileSync(join(repo, 'bulwark-baseline.json'), 'utf8')) as { findings: { file: string }[] };
    assert.ok(baseline.findings.every((e) => e.file.startsWith('infra/')), 'paths stay relative to the project root');

    const files = tfFiles(join(repo, 'infra'));
    const header = Array.from({ length: 20 }, (_, i) => `# moved down by line ${i + 1}`).join('\n');
    for (const file of files) writeFileSync(file, `${header}\n${readFileSync(file, 'utf8')}`);
    writeFileSync(join(repo, 'infra', 'example-c', 'new.tf'), 'resource "aws_s3_bucket" "fresh" {\n  bucket = "new-bucket"\n}\n');

    const after = await bulwark('scan', 'infra', '--format', 'json', '--baseline', 'bulwark-baseline.json');
    const report = JSON.parse(after.out) as Report;
    const everything = JSON.parse((await bulwark('scan', 'infra', '--format', 'json', '--fail-on', 'none')).out) as Report;
    const fresh = everything.findings.filter((f) => f.resource === 'aws_s3_bucket.fresh');
    assert.ok(fresh.length > 0);
    assert.deepEqual(report.findings.map((f) => `${f.ruleId} ${f.resource}`).sort(), fresh.map((f) => `${f.ruleId} ${f.resource}`).sort());
    assert.match(report.diagnostics.find((d) => d.code === 'baseline-applied')!.message, new RegExp(`^${before.findings.length} findings in the baseline bulwark-baseline\\.json not reported; ${fresh.length} new\\.$`));
    assert.equal(after.code, 1, 'new findings at the threshold still fail the build');
  });

  it('lists the baseline entries fixed since, and fails nothing when nothing is new', async () => {
    const baselinePath = join(repo, 'fixed-baseline.json');
    assert.equal((await bulwark('baseline', 'infra/example-c', '--output', 'fixed-baseline.json')).code, 0);
    // Fix one problem: monitoring on the instance.
    const main = join(repo, 'infra', 'example-c', 'main.tf');
    const text = readFileSync(main, 'utf8');
    assert.match(text, /instance_type\s*=\s*"t2\.micro"/);
    writeFileSync(main, text.replace(/(instance_type\s*=\s*"t2\.micro")/, '$1\n  monitoring = true'));
    const r = await bulwark('scan', 'infra/example-c', '--format', 'json', '--baseline', 'fixed-baseline.json');
    const report = JSON.parse(r.out) as Report;
    assert.deepEqual(report.findings, []);
    assert.equal(r.code, 0);
    assert.match(report.diagnostics.find((d) => d.code === 'baseline-fixed')!.message, /^1 baseline entry is fixed now .*: BW-AWS-EC2-001 on aws_instance\.web in infra\/example-c\/main\.tf\.$/);
    assert.ok(readFileSync(baselinePath, 'utf8').endsWith('\n'));
  });

  it('refuses a file that is not a baseline, with exit 2', async () => {
    writeFileSync(join(repo, 'not-a-baseline.json'), '{"findings": "all of them"}');
    const r = await bulwark('scan', 'infra', '--baseline', 'not-a-baseline.json');
    assert.equal(r.code, 2);
    assert.match(r.err, /not-a-baseline\.json is not a Bulwark baseline/);
    assert.match((await bulwark('scan', 'infra', '--baseline', 'missing.json')).err, /baseline file not found: missing\.json/);
  });
});
