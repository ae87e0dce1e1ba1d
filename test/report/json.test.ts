import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderJson } from '../../src/report/json.js';
import { errorsOf, scanResultValidator } from './validators.js';
import { sampleResult } from './sample.js';

describe('renderJson', () => {
  const validate = scanResultValidator();
  const text = renderJson(sampleResult());
  const parsed = JSON.parse(text) as Record<string, any>;

  it('validates against the published JSON schema', () => {
    assert.ok(validate(parsed), errorsOf(validate));
  });

  it('the schema rejects malformed results', () => {
    const missingRule = structuredClone(parsed);
    delete missingRule.findings[0].ruleId;
    assert.equal(validate(missingRule), false);
    const badSeverity = structuredClone(parsed);
    badSeverity.findings[0].severity = 'urgent';
    assert.equal(validate(badSeverity), false);
    const extraField = structuredClone(parsed);
    extraField.findings[0].undocumented = true;
    assert.equal(validate(extraField), false);
  });

  it('writes keys in the documented order and schemaVersion 2', () => {
    assert.deepEqual(Object.keys(parsed), ['schemaVersion', 'tool', 'root', 'stats', 'findings', 'diagnostics', 'rules']);
    assert.equal(parsed.schemaVersion, 2);
    assert.deepEqual(Object.keys(parsed.stats), ['files', 'bytes', 'checked', 'durationMs', 'formats']);
    assert.deepEqual(Object.keys(parsed.findings[4]), ['ruleId', 'severity', 'title', 'message', 'location', 'resource', 'fingerprint', 'remediation']);
    assert.deepEqual(Object.keys(parsed.findings.at(-1)), ['ruleId', 'severity', 'title', 'message', 'location', 'resource', 'callPath', 'fingerprint', 'remediation']);
    assert.deepEqual(Object.keys(parsed.diagnostics[0]), ['severity', 'code', 'message', 'location', 'format']);
  });

  it('sorts findings and rules, so input order does not change the bytes', () => {
    assert.deepEqual(
      parsed.findings.map((f: any) => `${f.ruleId} ${f.location.file}:${f.location.range.start.line}`),
      ['BW-AWS-S3-001 main.tf:3', 'BW-AWS-VPC-001 main.tf:14', 'BW-PARSE-001 broken/main.tf:9', 'BW-AWS-S3-002 main.tf:3', 'BW-AWS-EC2-001 main.tf:7', 'BW-AWS-S3-002 modules/store/main.tf:1'],
    );
    assert.deepEqual(parsed.rules.map((r: any) => r.id), ['BW-AWS-EC2-001', 'BW-AWS-S3-001', 'BW-AWS-S3-002', 'BW-AWS-VPC-001']);
    const reversed = sampleResult();
    reversed.findings.reverse();
    reversed.rules.reverse();
    assert.equal(renderJson(reversed), text);
  });

  it('does not leak properties outside the contract', () => {
    const result = sampleResult();
    (result.findings[0] as any).internal = { cache: 1 };
    const again = JSON.parse(renderJson(result));
    assert.ok(validate(again), errorsOf(validate));
  });
});
