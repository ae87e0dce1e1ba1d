// Inline suppressions: `bulwark:ignore` comments on a finding's line, above its resource, or for the whole file,
// with a reason and an expiry. Suppressed findings stay in JSON and SARIF, marked; they never fail the build;
// an expired, reasonless or stale comment is reported where it is written.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { scan } from '../../src/scan.js';
import { findSuppressions } from '../../src/suppress/inline.js';
import { runCli } from '../helpers/cli.js';
import { errorsOf, sarifValidator, scanResultValidator } from '../report/validators.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-suppress-'));
  mkdirSync(join(dir, '.git'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const BUCKET = 'resource "aws_s3_bucket" "data" {\n  bucket = "my-data-bucket"\n}\n';

describe('suppression comments', () => {
  it('are read with their rule ids, reason and expiry, in # and // comments, never inside a string', () => {
    const found = findSuppressions(
      [
        '# bulwark:ignore BW-AWS-S3-002 reason="logs bucket, replaced nightly" until=2027-06-30',
        'a = 1 // bulwark:ignore BW-AWS-S3-001,BW-AWS-S3-005 reason=\'two rules\'',
        '/* bulwark:ignore-file reason=legacy */',
        'b = "not # bulwark:ignore here either"',
      ].join('\n'),
      'main.tf',
    );
    assert.deepEqual(
      found.map((s) => [s.line, s.scope, s.ruleIds.join(','), s.reason, s.until]),
      [
        [1, 'line', 'BW-AWS-S3-002', 'logs bucket, replaced nightly', '2027-06-30'],
        [2, 'line', 'BW-AWS-S3-001,BW-AWS-S3-005', 'two rules', undefined],
        [3, 'file', '*', 'legacy', undefined],
      ],
    );
  });

  it('suppress with a reason, warn without one, stop at expiry and report what matches nothing', async () => {
    const folder = join(dir, 'forms');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'main.tf'),
      [
        '# bulwark:ignore BW-AWS-S3-002 reason="logs bucket, replaced nightly" until=2099-12-31',
        'resource "aws_s3_bucket" "data" { # bulwark:ignore BW-AWS-S3-005',
        '  bucket = "my-data-bucket"',
        '}',
        '',
        '# bulwark:ignore BW-AWS-EC2-001 reason="batch host" until=2020-01-01',
        'resource "aws_instance" "web" {',
        '  ami           = "ami-12345678"',
        '  instance_type = "t3.micro"',
        '}',
        '# bulwark:ignore BW-AWS-RDS-001 reason="no database"',
        '',
      ].join('\n'),
    );
    const result = await scan([folder], { today: '2026-12-03' });
    const suppressed = result.findings.filter((f) => f.suppression).map((f) => `${f.ruleId} ${f.suppression!.reason ?? '(no reason)'} ${f.suppression!.location!.range.start.line}`);
    assert.deepEqual(suppressed.sort(), ['BW-AWS-S3-002 logs bucket, replaced nightly 1', 'BW-AWS-S3-005 (no reason) 2']);
    assert.ok(result.findings.some((f) => f.ruleId === 'BW-AWS-EC2-001' && !f.suppression), 'an expired suppression suppresses nothing');
    const warnings = result.diagnostics.filter((d) => d.code.startsWith('suppression-')).map((d) => `${d.code} ${d.location?.range.start.line}`);
    assert.deepEqual(warnings.sort(), ['suppression-expired 6', 'suppression-stale 11', 'suppression-without-reason 2']);
    // The day after the expiry date is judged against the given day.
    const before2020 = await scan([folder], { today: '2019-12-31' });
    assert.ok(before2020.findings.some((f) => f.ruleId === 'BW-AWS-EC2-001' && f.suppression));
  });

  it('never fail the build, stay in JSON and SARIF marked, and are only counted in text', async () => {
    const folder = join(dir, 'cli');
    mkdirSync(folder);
    writeFileSync(join(folder, 'main.tf'), `# bulwark:ignore-file reason="sandbox bucket, deleted weekly"\n${BUCKET}`);
    const io = (argv: string[]) => runCli(folder, argv);
    const json = await io(['scan', '.', '--format', 'json', '--fail-on', 'low']);
    assert.equal(json.code, 0, 'every finding is suppressed');
    const report = JSON.parse(json.out) as { findings: { suppression?: { reason?: string } }[] };
    assert.ok(report.findings.length > 0 && report.findings.every((f) => f.suppression?.reason === 'sandbox bucket, deleted weekly'));
    const sarif = JSON.parse((await io(['scan', '.', '--format', 'sarif', '--fail-on', 'none'])).out) as { runs: { results: { suppressions?: { kind: string; justification?: string }[] }[] }[] };
    const validate = sarifValidator();
    assert.ok(validate(sarif), errorsOf(validate));
    const validateJson = scanResultValidator();
    assert.ok(validateJson(report), errorsOf(validateJson));
    assert.ok(sarif.runs[0]!.results.every((r) => r.suppressions?.[0]?.kind === 'inSource' && r.suppressions[0].justification === 'sandbox bucket, deleted weekly'));
    const text = (await io(['scan', '.', '--fail-on', 'none'])).out;
    assert.match(text, new RegExp(`${report.findings.length} findings suppressed \\(by comments in the files or the policy\\)`));
    assert.doesNotMatch(text, /BW-AWS-S3-001/);
    const baseline = await io(['baseline', '.', '--output', '-']);
    assert.deepEqual((JSON.parse(baseline.out) as { findings: unknown[] }).findings, [], 'suppressed findings need no baseline entry');
  });

  it("honour tfsec's, Trivy's, Checkov's and KICS's comments, through the rules' peer ids", async () => {
    const folder = join(dir, 'peers');
    mkdirSync(folder);
    const peers = (id: string) => builtinRules.find((r) => r.meta.id === id)!.meta.peers;
    const versioning = peers('BW-AWS-S3-002');
    const encryption = peers('BW-AWS-S3-001');
    const bucket = (name: string, before: string, inside = '') => `${before}resource "aws_s3_bucket" "${name}" {\n  bucket = "${name}"${inside}\n}\n`;
    writeFileSync(
      join(folder, 'main.tf'),
      [
        bucket('tfsec', `#tfsec:ignore:${versioning.trivy![0]}\n`),
        bucket('trivy', `# trivy:ignore:${versioning.trivy![0]}:exp:2020-01-01\n`),
        bucket('checkov', '', `\n  #checkov:skip=${encryption.checkov![0]}:encrypted by the account default`),
        bucket('kics', '# kics-scan ignore-block\n'),
        '# tfsec:ignore:aws-not-a-bulwark-check\n',
      ].join('\n'),
    );
    const result = await scan([folder], { today: '2026-12-03' });
    const suppressed = (resource: string) => result.findings.filter((f) => f.resource === resource && f.suppression).map((f) => f.ruleId).sort();
    assert.deepEqual(suppressed('aws_s3_bucket.tfsec'), ['BW-AWS-S3-002']);
    assert.deepEqual(suppressed('aws_s3_bucket.trivy'), [], 'expired with :exp:');
    assert.deepEqual(suppressed('aws_s3_bucket.checkov'), ['BW-AWS-S3-001']);
    assert.equal(result.findings.find((f) => f.resource === 'aws_s3_bucket.checkov' && f.suppression)!.suppression!.reason, 'encrypted by the account default');
    const kics = result.findings.filter((f) => f.resource === 'aws_s3_bucket.kics');
    assert.ok(kics.length > 1 && kics.every((f) => f.suppression), 'ignore-block covers every finding of the block');
    const warnings = result.diagnostics.filter((d) => d.code.startsWith('suppression-')).map((d) => d.code);
    // The expired Trivy comment is reported; a comment for a check Bulwark does not have is not called stale.
    assert.deepEqual(warnings, ['suppression-expired']);
  });
});

