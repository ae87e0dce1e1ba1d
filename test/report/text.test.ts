import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderText } from '../../src/report/text.js';
import { sampleResult } from './sample.js';

const ANSI = /\x1b\[[0-9;]*m/;

describe('renderText', () => {
  const plain = renderText(sampleResult(), { color: false });

  it('groups findings by severity, worst first, in file and line order', () => {
    assert.ok(plain.indexOf('CRITICAL (2)') < plain.indexOf('HIGH (4)'));
    assert.ok(!plain.includes('MEDIUM'), 'empty severities are left out');
    const order = ['main.tf:3:1', 'main.tf:14:3', 'broken/main.tf:9:1', 'aws_instance.web at main.tf:7:1', 'modules/store/main.tf:1:1'];
    const positions = order.map((needle) => plain.indexOf(needle));
    assert.ok(positions.every((p) => p >= 0), `all locations present: ${positions.join(',')}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions);
  });

  it('shows rule id, title, resource, location, message, module path and fix for a finding', () => {
    assert.ok(plain.includes('  BW-AWS-S3-001  S3 bucket without default encryption\n  aws_s3_bucket.data at main.tf:3:1\n'));
    assert.ok(plain.includes('Bucket "my-data-bucket" has no server-side encryption configuration.'));
    assert.ok(plain.includes('fix: Add an aws_s3_bucket_server_side_encryption_configuration using aws:kms.'));
    assert.ok(plain.includes('module.store.aws_s3_bucket.this["logs"] at modules/store/main.tf:1:1'));
    assert.ok(plain.includes('via module.store (stack.tf:1:1)'));
  });

  it('ends with coverage, diagnostics and a summary line with counts', () => {
    assert.ok(plain.indexOf('Coverage') > plain.lastIndexOf('fix:'));
    assert.ok(plain.indexOf('Input problems') > plain.indexOf('Coverage'));
    assert.ok(plain.includes('warning  variables.tf:1:1  variable "region" has no value; treated as unknown'));
    assert.ok(plain.trimEnd().endsWith('✖ 6 findings: 2 critical, 4 high · 5 files, 5 resources checked in 12 ms'), plain);
  });

  it('uses colour only when asked', () => {
    assert.ok(!ANSI.test(plain));
    assert.ok(ANSI.test(renderText(sampleResult(), { color: true })));
  });

  it('quiet mode keeps findings and drops warnings and the summary', () => {
    const quiet = renderText(sampleResult(), { color: false, quiet: true });
    assert.ok(quiet.includes('BW-AWS-VPC-001'));
    assert.ok(!quiet.includes('variables.tf'));
    assert.ok(!quiet.includes('checked in'));
    assert.equal(renderText(sampleResult({ findings: [], diagnostics: [] }), { color: false, quiet: true }), '');
  });

  it('says so when clean, with what was checked', () => {
    const text = renderText(sampleResult({ findings: [], diagnostics: [] }), { color: false });
    assert.ok(text.endsWith('✔ No findings · 5 files, 5 resources checked in 12 ms\n'), text);
    assert.match(text, /Coverage\n  Terraform  5 files, 5 resources in 1 root module, 5 checked\n/);
  });

  it('never prints the tick when nothing was checked', () => {
    const empty = sampleResult({
      findings: [],
      diagnostics: [{ severity: 'warning', code: 'nothing-checked', message: 'Nothing was checked: no file of a format Bulwark reads or recognises was found (0 files found).' }],
      stats: { files: 0, bytes: 0, checked: 0, durationMs: 1, formats: {} },
    });
    const text = renderText(empty, { color: false });
    assert.ok(!text.includes('✔'), text);
    assert.match(text, /^! Nothing was checked: no file/m);
  });

  it('indents multi-line messages under their finding', () => {
    const [first] = sampleResult().findings;
    const result = sampleResult({ findings: [{ ...first!, message: 'line one\nline two' }] });
    assert.ok(renderText(result, { color: false }).includes('  line one\n  line two\n'));
  });
});
