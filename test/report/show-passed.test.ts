// --show-passed: per resource, the checks that ran and found nothing, in every format; never a rule that
// flagged the resource, never a rule the policy turns off.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { errorsOf, sarifValidator, scanResultValidator } from './validators.js';
import type { ScanResult } from '../../src/core/result.js';

const EXAMPLE_C = join(import.meta.dirname, '..', '..', 'examples', 'terraform', 'example-c');

describe('--show-passed', () => {
  it('lists the passed checks per resource in JSON, text, Markdown and SARIF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-passed-'));
    cpSync(EXAMPLE_C, dir, { recursive: true });
    writeFileSync(join(dir, 'bulwark.yaml'), 'version: 1\nrules:\n  BW-AWS-EC2-008: off\n');
    const json = JSON.parse((await runCli(dir, ['scan', '.', '--show-passed', '--format', 'json', '--fail-on', 'none'])).out) as ScanResult;
    const validate = scanResultValidator();
    assert.ok(validate(json), errorsOf(validate));
    const onInstance = json.passed!.filter((c) => c.resource === 'aws_instance.web').map((c) => c.ruleId);
    assert.ok(onInstance.includes('BW-AWS-EC2-007'), 'no public IP: passed');
    assert.ok(!onInstance.includes('BW-AWS-EC2-001'), 'a rule with a finding on it never passes');
    assert.ok(!onInstance.includes('BW-AWS-EC2-008'), 'a rule the policy turns off is not listed');
    assert.ok(!json.passed!.some((c) => c.ruleId === 'BW-AWS-KMS-003'), 'a rule that needs a policy value the policy lacks did not run');
    const flagged = new Set(json.findings.map((f) => `${f.ruleId} ${f.resource}`));
    for (const c of json.passed!) assert.ok(!flagged.has(`${c.ruleId} ${c.resource}`), `${c.ruleId} ${c.resource}`);

    const text = (await runCli(dir, ['scan', '.', '--show-passed', '--fail-on', 'none'])).out;
    assert.match(text, /PASSED \(\d+ checks on 3 resources\)\n\n {2}aws_s3_bucket\.data at main\.tf:3\n {4}BW-AWS-S3-003/);
    const markdown = (await runCli(dir, ['scan', '.', '--show-passed', '--format', 'markdown', '--fail-on', 'none'])).out;
    assert.match(markdown, /Passed checks \(\d+ checks on 3 resources\)/);
    const sarif = JSON.parse((await runCli(dir, ['scan', '.', '--show-passed', '--format', 'sarif', '--fail-on', 'none'])).out);
    const validateSarif = sarifValidator();
    assert.ok(validateSarif(sarif), errorsOf(validateSarif));
    assert.equal(sarif.runs[0].results.filter((r: { kind?: string }) => r.kind === 'pass').length, json.passed!.length);
  });

  it('is absent without the flag', async () => {
    const json = JSON.parse((await runCli(EXAMPLE_C, ['scan', '.', '--format', 'json', '--fail-on', 'none'])).out) as ScanResult;
    assert.equal(json.passed, undefined);
  });
});
