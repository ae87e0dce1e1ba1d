// `bulwark init`: the starter policy reads back as a valid policy (also with every example uncommented),
// a person is asked and answers shape it, an existing policy is never replaced without a yes, and a scan
// picks the written policy up.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parsePolicyText } from '../../src/policy/load.js';
import { starterPolicy } from '../../src/policy/starter.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-init-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const bulwark = (cwd: string, argv: string[], answers?: string[]) => runCli(cwd, argv, answers ? { answers } : {});

describe('the starter policy', () => {
  it('reads back as written, and still does with every example uncommented', () => {
    const text = starterPolicy({ failOn: 'critical', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/abc' });
    const parsed = parsePolicyText(text, 'bulwark.yaml');
    assert.equal(parsed.document.failOn, 'critical');
    assert.equal(parsed.document.safeDefaults?.kmsKeyArn, 'arn:aws:kms:eu-west-1:123456789012:key/abc');
    // Uncomment the examples under the sections (not the prose comments, not extends).
    const uncommented = text.replace(/^( *)# ((?:BW-|service:|  enabled|  paths|allowed|required|approved|minTls|kmsKeyArn)[^\n]*)$/gm, '$1$2');
    assert.notEqual(uncommented, text);
    const full = parsePolicyText(uncommented, 'bulwark.yaml').document;
    assert.deepEqual(Object.keys(full.rules ?? {}), ['BW-AWS-EC2-001', 'service:cloudtrail', 'BW-AWS-S3-010']);
    assert.deepEqual(Object.keys(full.safeDefaults ?? {}).sort(), ['allowedIngressCidrs', 'allowedIngressPorts', 'approvedBaseImages', 'approvedRegistries', 'kmsKeyArn', 'minTlsVersion', 'requiredTags']);
  });
});

describe('bulwark init', () => {
  it('asks a person for the threshold and the KMS key, and writes them', async () => {
    const folder = join(dir, 'asked');
    mkdirSync(folder);
    const r = await bulwark(folder, ['init'], ['sometimes', 'medium', 'arn:aws:kms:us-east-1:123456789:key/abc']);
    assert.equal(r.code, 0, r.err);
    assert.equal((r.err.match(/Fail the build/g) ?? []).length, 2, 'an answer that is no severity is asked again');
    const policy = parsePolicyText(readFileSync(join(folder, 'bulwark.yaml'), 'utf8'), 'bulwark.yaml');
    assert.equal(policy.document.failOn, 'medium');
    assert.match(policy.warnings[0]!, /9-digit account id/);
  });

  it('never replaces a policy without a yes, says so, and replaces it with --yes', async () => {
    const folder = join(dir, 'existing');
    mkdirSync(folder);
    writeFileSync(join(folder, '.bulwark.yml'), 'version: 1\nfailOn: low\n');
    const quiet = await bulwark(folder, ['init']);
    assert.equal(quiet.code, 0);
    assert.match(quiet.err, /\.bulwark\.yml exists and was left as it is \(no terminal to ask; run with --yes to replace it\)/);
    const declined = await bulwark(folder, ['init'], ['n']);
    assert.match(declined.err, /left as it is\.\n$/);
    assert.equal(readFileSync(join(folder, '.bulwark.yml'), 'utf8'), 'version: 1\nfailOn: low\n');
    const forced = await bulwark(folder, ['init', '--yes', '--fail-on', 'critical']);
    assert.equal(forced.code, 0, forced.err);
    assert.equal(parsePolicyText(readFileSync(join(folder, '.bulwark.yml'), 'utf8'), 'x').document.failOn, 'critical');
  });

  it('writes a policy the next scan uses', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    cpSync(new URL('../../examples/terraform/example-c', import.meta.url), join(repo, 'infra'), { recursive: true });
    assert.equal((await bulwark(repo, ['init', '--yes', '--fail-on', 'none'])).code, 0);
    const scan = await bulwark(join(repo, 'infra'), ['scan', '.', '--format', 'json']);
    assert.equal(scan.code, 0, 'the policy says never fail');
    const notes = (JSON.parse(scan.out) as { diagnostics: { code: string; message: string }[] }).diagnostics.filter((d) => d.code === 'policy-applied');
    assert.deepEqual(notes.map((n) => n.message), ['Policy ../bulwark.yaml applied.']);
  });
});
