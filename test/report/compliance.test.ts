// Compliance from the one catalogue: each finding names the controls it fails, and --compliance assesses
// every control of a framework, never calling a control passed when nothing it checks was there.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { errorsOf, scanResultValidator } from './validators.js';
import type { ScanResult } from '../../src/core/result.js';

const EXAMPLE_C = join(import.meta.dirname, '..', '..', 'examples', 'terraform', 'example-c');

describe('compliance', () => {
  it('each finding lists the controls it fails, PCI DSS v4.0 with its v3.2.1 number', async () => {
    const run = await runCli(EXAMPLE_C, ['scan', '.', '--format', 'json', '--fail-on', 'none']);
    const result = JSON.parse(run.out) as ScanResult;
    const encryption = result.findings.find((f) => f.ruleId === 'BW-AWS-S3-001')!;
    assert.ok(encryption.complianceFailures?.includes('GDPR Art. 32 Security of processing'), String(encryption.complianceFailures));
    assert.ok(encryption.complianceFailures?.includes('PCI-DSS 3.5.1 (v3.2.1: 3.4) Stored account data is rendered unreadable'));
    assert.ok(encryption.complianceFailures?.some((c) => c.startsWith('SOC2 CC6.7 ')));
  });

  it('--compliance pci-dss on Example C lists the failing controls with their resources', async () => {
    const run = await runCli(EXAMPLE_C, ['scan', '.', '--compliance', 'pci-dss', '--fail-on', 'none']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /COMPLIANCE PCI-DSS \(PCI DSS v4\.0\)/);
    assert.match(run.out, /FAIL {2}3\.5\.1 \(v3\.2\.1: 3\.4\) {2}Stored account data is rendered unreadable\n\s+failing: aws_s3_bucket\.data \([^)]*main\.tf:3, BW-AWS-S3-001\)/);
    assert.match(run.out, /FAIL {2}1\.3\.1 \(v3\.2\.1: 1\.2\.1\) {2}Inbound traffic[^\n]*\n\s+failing: aws_security_group\.web/);
    // No password policy in Example C: the password controls are not applicable, never "passed".
    assert.match(run.out, /n\/a {3}8\.3\.6 \(v3\.2\.1: 8\.2\.3\)/);
    // Controls no rule checks are named as not assessed.
    assert.match(run.out, /not assessed {2}6\.2\.4/);
  });

  it('a control whose rules are turned off by the policy is not assessed; JSON carries the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-compliance-'));
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_kms_key" "k" {\n  description = "k"\n}\n');
    writeFileSync(join(dir, 'bulwark.yaml'), 'version: 1\nrules:\n  BW-AWS-KMS-001: off\n');
    const run = await runCli(dir, ['scan', '.', '--compliance', 'pci-dss', '--format', 'json', '--fail-on', 'none']);
    const result = JSON.parse(run.out) as ScanResult;
    const validate = scanResultValidator();
    assert.ok(validate(result), errorsOf(validate));
    const rotation = result.compliance!.controls.find((c) => c.control === '3.7.4')!;
    assert.equal(rotation.status, 'not-assessed');
    const keys = result.compliance!.controls.find((c) => c.control === '3.6.1')!;
    assert.equal(keys.status, 'pass', 'the key policy rule checked the key and found nothing');
    assert.equal(result.compliance!.failed + result.compliance!.passed + result.compliance!.notApplicable + result.compliance!.notAssessed, result.compliance!.controls.length);
  });
});
