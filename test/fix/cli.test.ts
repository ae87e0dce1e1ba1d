// `bulwark fix` as a user runs it: the mission's Example C with a policy naming the company key, the diff
// shown first, the verified fixes written, a re-scan, and a second run that changes nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { errorsOf, sarifValidator, scanResultValidator } from '../report/validators.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import type { ScanResult } from '../../src/core/result.js';

const EXAMPLE_C = join(import.meta.dirname, '..', '..', 'examples', 'terraform', 'example-c');
const KEY = 'arn:aws:kms:us-east-1:123456789:key/abc';
const MISSION_FOUR = ['BW-AWS-S3-001', 'BW-AWS-VPC-001', 'BW-AWS-S3-002', 'BW-AWS-EC2-001'];

function exampleC(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-fix-'));
  cpSync(EXAMPLE_C, dir, { recursive: true });
  writeFileSync(join(dir, 'bulwark.yaml'), `version: 1\nsafeDefaults:\n  kmsKeyArn: ${KEY}\n`);
  return dir;
}

async function openRuleIds(dir: string): Promise<string[]> {
  const scan = await runCli(dir, ['scan', '.', '--format', 'json', '--fail-on', 'none']);
  return (JSON.parse(scan.out) as ScanResult).findings.filter((f) => !f.suppression).map((f) => f.ruleId);
}

describe('bulwark fix on Example C', () => {
  it('shows the diff and writes nothing without --write', async () => {
    const dir = exampleC();
    const before = readFileSync(join(dir, 'main.tf'), 'utf8');
    const run = await runCli(dir, ['fix', '.']);
    assert.equal(run.code, 0, run.err);
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), before);
    for (const line of [
      '+resource "aws_s3_bucket_versioning" "data" {',
      `+      kms_master_key_id = "${KEY}"`,
      '+  monitoring         = true',
      '+    http_tokens = "required"',
      '+    encrypted = true',
      '+  # NEEDS YOUR INPUT: which ports must be reachable',
    ]) {
      assert.ok(run.out.includes(line), `diff lacks ${line}\n${run.out}`);
    }
    assert.match(run.out, /Nothing was written/);
  });

  it('writes the mission changes, keeps the file mode, leaves only the security group of the four, and is stable', async () => {
    const dir = exampleC();
    const file = join(dir, 'main.tf');
    chmodSync(file, 0o640);
    const written = await runCli(dir, ['fix', '.', '--write']);
    assert.equal(written.code, 0, written.err);
    const fixed = readFileSync(file, 'utf8');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(parseHcl(fixed, 'main.tf').errors, []);
    assert.match(fixed, /resource "aws_s3_bucket_versioning" "data" \{\n {2}bucket = aws_s3_bucket\.data\.id\n {2}versioning_configuration \{\n {4}status = "Enabled"/);
    assert.match(fixed, /sse_algorithm {5}= "aws:kms"\n\s+kms_master_key_id = "arn:aws:kms:us-east-1:123456789:key\/abc"/);
    assert.match(fixed, /\n {2}monitoring {9}= true\n/);
    // The security group's ports are not guessed: the rule is left as it was, marked for a decision.
    assert.match(fixed, /# NEEDS YOUR INPUT: which ports[^\n]*\n(?: {2}# NEEDS YOUR INPUT:[^\n]*\n)* {2}ingress \{\n {4}from_port {3}= 0\n {4}to_port {5}= 65535/);
    assert.ok(fixed.includes('# A first draft of a small web stack'), 'comments are kept');

    const open = await openRuleIds(dir);
    assert.deepEqual(MISSION_FOUR.filter((id) => open.includes(id)), ['BW-AWS-VPC-001']);
    for (const id of ['BW-AWS-EC2-002', 'BW-AWS-EC2-003']) assert.ok(!open.includes(id), `${id} is fixed too`);

    const again = await runCli(dir, ['fix', '.', '--write']);
    assert.equal(again.code, 0, again.err);
    assert.equal(readFileSync(file, 'utf8'), fixed, 'a second fix --write changes nothing');
  });

  it('without a key in the policy, asks which key instead of guessing one', async () => {
    const dir = exampleC();
    writeFileSync(join(dir, 'bulwark.yaml'), 'version: 1\n');
    const run = await runCli(dir, ['fix', '.', '--write', '--rule', 'BW-AWS-S3-001']);
    assert.equal(run.code, 0, run.err);
    const fixed = readFileSync(join(dir, 'main.tf'), 'utf8');
    assert.match(fixed, /# NEEDS YOUR INPUT: which KMS key encrypts this bucket\?[^\n]*\nresource "aws_s3_bucket" "data"/);
    assert.ok(!fixed.includes('kms_master_key_id'));
  });

  it('--rule and --severity select what is fixed', async () => {
    const dir = exampleC();
    const run = await runCli(dir, ['fix', '.', '--rule', 'BW-AWS-EC2-001']);
    assert.match(run.out, /Would apply 1 verified fix in 1 file/);
    const high = await runCli(dir, ['fix', '.', '--severity', 'critical']);
    assert.match(high.out, /BW-AWS-S3-001/);
    assert.ok(!high.out.includes('BW-AWS-EC2-001 main.tf'), high.out);
  });

  it('--interactive applies only the fixes a person accepts', async () => {
    const dir = exampleC();
    const answers = ['n', 'n', 'y', 'n', 'n', 'n', 'n'];
    const run = await runCli(dir, ['fix', '.', '--write', '--interactive', '--rule', 'BW-AWS-S3-001', 'BW-AWS-S3-002', 'BW-AWS-EC2-001'], { answers });
    assert.equal(run.code, 0, run.err);
    assert.equal((run.err.match(/Apply this fix\?/g) ?? []).length, 3);
    const fixed = readFileSync(join(dir, 'main.tf'), 'utf8');
    assert.equal([fixed.includes('aws_s3_bucket_server_side_encryption_configuration'), fixed.includes('aws_s3_bucket_versioning'), fixed.includes('monitoring')].filter(Boolean).length, 1);
    assert.match(run.out, /left out when asked/);
  });

  it('--interactive without a terminal is a usage error', async () => {
    const run = await runCli(exampleC(), ['fix', '.', '--interactive']);
    assert.equal(run.code, 2);
  });

  it('JSON carries each verified fix as edits that rebuild the fixed file, and SARIF as valid fixes', async () => {
    const dir = exampleC();
    const json = await runCli(dir, ['fix', '.', '--format', 'json']);
    const result = JSON.parse(json.out) as ScanResult;
    const validate = scanResultValidator();
    assert.ok(validate(result), errorsOf(validate));
    const monitoring = result.findings.find((f) => f.ruleId === 'BW-AWS-EC2-001')!;
    assert.equal(monitoring.fix?.kind, 'automatic');
    const text = readFileSync(join(dir, 'main.tf'), 'utf8');
    const edit = monitoring.fix!.edits[0]!;
    const patched = text.slice(0, edit.range.start.offset) + edit.text + text.slice(edit.range.end.offset);
    assert.match(patched, /monitoring *= true/);
    assert.equal(result.findings.find((f) => f.ruleId === 'BW-AWS-VPC-001')!.fix?.kind, 'needs-input');
    assert.match(result.findings.find((f) => f.ruleId === 'BW-AWS-S3-013')!.notFixed ?? '', /CloudTrail trail/);

    const sarif = await runCli(dir, ['fix', '.', '--format', 'sarif']);
    const log = JSON.parse(sarif.out);
    const validateSarif = sarifValidator();
    assert.ok(validateSarif(log), errorsOf(validateSarif));
    const withFixes = log.runs[0].results.filter((r: { fixes?: unknown[] }) => r.fixes?.length);
    assert.ok(withFixes.length >= 6, `${withFixes.length} results with fixes`);
    assert.equal(withFixes[0].fixes[0].artifactChanges[0].artifactLocation.uri, 'main.tf');
  });

  it('never writes through a symbolic link', async () => {
    const dir = exampleC();
    cpSync(join(dir, 'main.tf'), join(dir, 'real.tf.txt'));
    const real = readFileSync(join(dir, 'real.tf.txt'), 'utf8');
    symlinkSync(join(dir, 'real.tf.txt'), join(dir, 'linked.tf'));
    const run = await runCli(dir, ['fix', '.', '--write']);
    assert.equal(readFileSync(join(dir, 'real.tf.txt'), 'utf8'), real, 'the link target is untouched');
    assert.notEqual(run.code, 2, run.err);
  });
});
