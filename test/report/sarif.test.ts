import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSarif, renderSarif } from '../../src/report/sarif.js';
import { errorsOf, sarifValidator } from './validators.js';
import { range, sampleResult } from './sample.js';

describe('buildSarif', () => {
  const validate = sarifValidator();
  const log = buildSarif(sampleResult());
  const run = log.runs[0]!;
  const rules = run.tool.driver.rules!;

  it('validates against the official SARIF 2.1.0 schema', () => {
    assert.ok(validate(JSON.parse(renderSarif(sampleResult()))), errorsOf(validate));
    assert.ok(validate(JSON.parse(renderSarif(sampleResult({ findings: [], diagnostics: [], rules: [] })))), errorsOf(validate));
  });

  it('describes the tool and every rule, including findings from outside the rule set', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(run.tool.driver.name, 'Bulwark');
    assert.equal(run.tool.driver.version, '0.1.0');
    assert.equal(run.tool.driver.informationUri, undefined, 'no invented address');
    assert.deepEqual(rules.map((r) => r.id), ['BW-AWS-EC2-001', 'BW-AWS-S3-001', 'BW-AWS-S3-002', 'BW-AWS-VPC-001', 'BW-PARSE-001']);
    const s3 = rules[1]!;
    assert.equal(s3.name, 'S3BucketHasDefaultServerSideEncryptionConfigured');
    assert.equal(s3.shortDescription!.text, 'S3 bucket without default encryption');
    assert.match(s3.fullDescription!.text, /readable by anyone/);
    assert.match(s3.help!.text, /Remediation: Add an aws_s3_bucket_server_side_encryption_configuration/);
    assert.match(s3.help!.markdown!, /\*\*Compliance:\*\* PCI-DSS 3\.5\.1, GDPR Art\. 32/);
    assert.match(s3.help!.markdown!, /\[CWE-311\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/311\.html\)/);
    assert.equal(s3.defaultConfiguration!.level, 'error');
    assert.equal(s3.properties!['security-severity'], '9.5');
    assert.deepEqual(s3.properties!.tags, ['security', 'aws', 's3', 'stride/information-disclosure', 'CWE-311', 'external/cwe/cwe-311']);
    assert.equal(rules[0]!.properties!['security-severity'], '8.0');
    assert.equal(rules[4]!.properties!['security-severity'], '8.0');
  });

  it('points each result at its rule with a relative location and a region', () => {
    for (const result of run.results!) assert.equal(rules[result.ruleIndex!]!.id, result.ruleId);
    const first = run.results![0]!;
    assert.equal(first.ruleId, 'BW-AWS-S3-001');
    assert.equal(first.level, 'error');
    assert.match(first.message.text!, /^Bucket "my-data-bucket" has no server-side encryption configuration\.\nFix: /);
    const physical = first.locations![0]!.physicalLocation!;
    assert.deepEqual(physical.artifactLocation, { uri: 'main.tf', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(physical.region, { startLine: 3, startColumn: 1, endLine: 5, endColumn: 2 });
    assert.deepEqual(first.locations![0]!.logicalLocations, [{ fullyQualifiedName: 'aws_s3_bucket.data', name: 'aws_s3_bucket.data', kind: 'resource' }]);
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///home/dev/infra/' } });
  });

  it('names module resources and links the module call', () => {
    const inModule = run.results!.at(-1)!;
    assert.equal(inModule.locations![0]!.physicalLocation!.artifactLocation!.uri, 'modules/store/main.tf');
    assert.deepEqual(inModule.locations![0]!.logicalLocations![0], {
      fullyQualifiedName: 'module.store.aws_s3_bucket.this["logs"]',
      name: 'aws_s3_bucket.this["logs"]',
      kind: 'resource',
    });
    assert.equal(inModule.relatedLocations![0]!.physicalLocation!.artifactLocation!.uri, 'stack.tf');
  });

  it('maps severities to levels', () => {
    const bySeverity = (level: string) => run.results!.filter((r) => r.level === level).length;
    assert.equal(bySeverity('error'), 6);
    const low = sampleResult();
    low.findings = low.findings.map((f) => ({ ...f, severity: 'low' as const }));
    assert.ok(buildSarif(low).runs[0]!.results!.every((r) => r.level === 'note'));
  });

  it('reports input diagnostics as tool notifications', () => {
    const notes = run.invocations![0]!.toolExecutionNotifications!;
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.level, 'warning');
    assert.equal(notes[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'variables.tf');
  });

  it('fingerprints survive line shifts but separate different and repeated findings', () => {
    const shifted = sampleResult();
    shifted.findings = shifted.findings.map((f) => ({ ...f, location: { ...f.location, range: range(f.location.range.start.line + 7, 1, 0, f.location.range.end.line + 7, 1, 0) } }));
    const fingerprints = (l: typeof log) => l.runs[0]!.results!.map((r) => r.partialFingerprints!['bulwark/v1']);
    assert.deepEqual(fingerprints(buildSarif(shifted)), fingerprints(log));
    assert.equal(new Set(fingerprints(log)).size, run.results!.length);

    const twice = sampleResult();
    twice.findings = [twice.findings[2]!, { ...twice.findings[2]!, location: { file: 'main.tf', range: range(30, 1, 900, 32, 2, 950) } }];
    const [a, b] = fingerprints(buildSarif(twice));
    assert.equal(a!.split(':')[0], b!.split(':')[0]);
    assert.notEqual(a, b);
  });

  it('encodes unusual file names in relative URIs', () => {
    const odd = sampleResult();
    odd.findings = [{ ...odd.findings[2]!, location: { file: 'stacks/prod eu/main#1.tf', range: range(1, 1, 0, 1, 5, 4) } }];
    const log2 = JSON.parse(renderSarif(odd));
    assert.equal(log2.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'stacks/prod%20eu/main%231.tf');
    assert.ok(validate(log2), errorsOf(validate));
  });
});
