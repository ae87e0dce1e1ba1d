// The policy file: found from the scanned folder up to the repository top, validated with messages that name
// the file and line, refined by the files it extends, and applied to a real scan of the mission's Example C.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyPolicy } from '../../src/policy/apply.js';
import { arnWarning, findPolicyFile, loadPolicy, PolicyError } from '../../src/policy/load.js';
import { scan } from '../../src/scan.js';
import { runCli } from '../helpers/cli.js';

let top: string;
let repo: string;

const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};

before(() => {
  top = mkdtempSync(join(tmpdir(), 'bulwark-policy-'));
  repo = join(top, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  for (const dir of ['infra', 'infra/legacy']) cpSync(new URL('../../examples/terraform/example-c', import.meta.url), join(repo, dir), { recursive: true });
});
after(() => rmSync(top, { recursive: true, force: true }));

const bulwark = (cwd: string, ...argv: string[]) => runCli(cwd, argv);

describe('finding the policy file', () => {
  it('takes the nearest bulwark.yaml from the scanned folder up to the repository top, never above it', () => {
    write(join(top, 'bulwark.yaml'), 'version: 1\n');
    assert.equal(findPolicyFile(join(repo, 'infra')), undefined, 'a policy above the repository top is not the repository\'s');
    write(join(repo, 'bulwark.yaml'), 'version: 1\n');
    assert.equal(findPolicyFile(join(repo, 'infra', 'legacy')), join(repo, 'bulwark.yaml'));
    write(join(repo, 'infra', '.bulwark.yml'), 'version: 1\n');
    assert.equal(findPolicyFile(join(repo, 'infra', 'legacy', 'main.tf')), join(repo, 'infra', '.bulwark.yml'));
    rmSync(join(repo, 'infra', '.bulwark.yml'));
    rmSync(join(repo, 'bulwark.yaml'));
    rmSync(join(top, 'bulwark.yaml'));
  });
});

describe('reading the policy file', () => {
  const policyError = (text: string, files: Record<string, string> = {}) => {
    const dir = mkdtempSync(join(top, 'read-'));
    for (const [name, body] of Object.entries(files)) write(join(dir, name), body);
    write(join(dir, 'bulwark.yaml'), text);
    try {
      loadPolicy(join(dir, 'bulwark.yaml'), (p) => p.slice(dir.length + 1));
    } catch (error) {
      assert.ok(error instanceof PolicyError, String(error));
      return error.message;
    }
    assert.fail('the policy was accepted');
  };

  it('names the file and line of what is wrong', () => {
    assert.match(policyError('version: 1\nrules:\n  BW-AWS-S3-001: severe\n'), /^bulwark\.yaml:3: .*rules\.BW-AWS-S3-001/);
    assert.match(policyError('version: 1\nfailOn: high\ncolour: red\n'), /^bulwark\.yaml:3: .*colour/);
    assert.match(policyError('version: 1\nsafeDefaults:\n  kmsKey: x\n'), /^bulwark\.yaml:3: .*kmsKey/);
    assert.match(policyError('version: 2\n'), /^bulwark\.yaml:1: .* at version/);
    assert.match(policyError('version: 1\nrules: [\n'), /^bulwark\.yaml:\d+: /);
    assert.match(policyError('version: 1\nversion: 1\n'), /^bulwark\.yaml:2: .*unique/i);
  });

  it('refuses hostile policies with a message, never a crash: nesting, size, aliases', () => {
    assert.match(policyError(`version: 1\nsafeDefaults:\n  ${'kmsKeyArn: '.repeat(5_000)}x\n`), /^bulwark\.yaml:\d+: /);
    assert.match(policyError(`version: 1\nrules:\n${'  BW-AWS-S3-001: off\n'.repeat(4_000)}`), /over the 65,536 bytes limit/);
    const bomb = ['version: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array.from({ length: 10 }, () => `*a${i}`).join(', ')}]`)].join('\n');
    assert.match(policyError(`${bomb}\n`), /^bulwark\.yaml/);
  });

  it('refuses an extends loop and a missing extended file', () => {
    assert.match(policyError('version: 1\nextends: a.yaml\n', { 'a.yaml': 'version: 1\nextends: bulwark.yaml\n' }), /extends itself \(bulwark\.yaml → a\.yaml → bulwark\.yaml\)/);
    assert.match(policyError('version: 1\nextends: nowhere.yaml\n'), /nowhere\.yaml/);
  });

  it('lets the local file override one value of the file it extends, keeping the rest', () => {
    const dir = mkdtempSync(join(top, 'extends-'));
    write(join(dir, 'company.yaml'), 'version: 1\nfailOn: critical\nsafeDefaults:\n  kmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/company\n  requiredTags: [owner]\nrules:\n  service:ec2: low\n');
    write(join(dir, 'bulwark.yaml'), 'version: 1\nextends: company.yaml\nfailOn: high\nsafeDefaults:\n  requiredTags: [owner, cost-center]\n');
    const { policy } = loadPolicy(join(dir, 'bulwark.yaml'));
    assert.equal(policy.failOn, 'high');
    assert.deepEqual(policy.safeDefaults, { kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/company', requiredTags: ['owner', 'cost-center'] });
    assert.deepEqual(policy.rules.map((r) => r.selector), ['service:ec2']);
    assert.deepEqual(policy.warnings, []);
  });

  it('extends a policy installed as an npm package, never running it and never leaving it', () => {
    const dir = mkdtempSync(join(top, 'package-'));
    mkdirSync(join(dir, '.git'));
    write(join(dir, 'node_modules', '@acme', 'bulwark-policy', 'package.json'), JSON.stringify({ name: '@acme/bulwark-policy', main: 'index.js', bulwark: 'policies/default.yaml' }));
    write(join(dir, 'node_modules', '@acme', 'bulwark-policy', 'index.js'), 'throw new Error("never run")\n');
    write(join(dir, 'node_modules', '@acme', 'bulwark-policy', 'policies', 'default.yaml'), 'version: 1\nfailOn: critical\nrules:\n  service:ec2: low\n');
    write(join(dir, 'node_modules', '@acme', 'bulwark-policy', 'strict.yaml'), 'version: 1\nfailOn: medium\n');
    write(join(dir, 'node_modules', 'plain-policy', 'bulwark.yaml'), 'version: 1\nfailOn: low\n');
    const read = (extendsValue: string) => {
      write(join(dir, 'infra', 'bulwark.yaml'), `version: 1\nextends: ${extendsValue}\n`);
      return loadPolicy(join(dir, 'infra', 'bulwark.yaml')).policy;
    };
    const fromField = read('"@acme/bulwark-policy"');
    assert.equal(fromField.failOn, 'critical');
    assert.deepEqual(fromField.rules.map((r) => r.selector), ['service:ec2']);
    assert.equal(read('"@acme/bulwark-policy/strict.yaml"').failOn, 'medium');
    assert.equal(read('plain-policy').failOn, 'low');
    assert.throws(() => read('"@acme/bulwark-policy/../../../secret.yaml"'), /a file outside the package/);
    assert.throws(() => read('missing-policy'), /neither a file next to it nor an installed package/);
  });

  it("accepts the mission's KMS key ARN, with a warning about its 9-digit account id", () => {
    assert.match(arnWarning('arn:aws:kms:us-east-1:123456789:key/abc')!, /9-digit account id/);
    assert.equal(arnWarning('arn:aws:kms:eu-west-1:123456789012:alias/data'), undefined);
    assert.match(arnWarning('my-key')!, /does not look like a KMS key ARN/);
  });
});

describe('applying the policy to a scan of Example C', () => {
  it('turns rules off, changes severities by id, tag and path, and reports selectors that name nothing', async () => {
    write(join(repo, 'bulwark.yaml'), [
      'version: 1',
      'rules:',
      '  BW-AWS-S3-002: off',
      '  service:ec2: low',
      '  BW-AWS-S3-001:',
      '    severity: low',
      '    paths: ["infra/legacy/**"]',
      '  BW-AWS-S3-999: off',
      '',
    ].join('\n'));
    const { policy } = loadPolicy(join(repo, 'bulwark.yaml'), () => 'bulwark.yaml');
    const plain = await scan([join(repo, 'infra')]);
    const applied = await scan([join(repo, 'infra')], { policy });
    const of = (result: typeof plain, ruleId: string) => result.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.location.file} ${f.severity}`).sort();
    assert.equal(of(plain, 'BW-AWS-S3-002').length, 2);
    assert.deepEqual(of(applied, 'BW-AWS-S3-002'), []);
    assert.deepEqual(of(applied, 'BW-AWS-S3-001'), ['infra/legacy/main.tf low', 'infra/main.tf critical']);
    assert.ok(applied.findings.filter((f) => f.ruleId.startsWith('BW-AWS-EC2')).every((f) => f.severity === 'low'));
    const notes = applied.diagnostics.map((d) => `${d.code} ${d.message}`);
    assert.ok(notes.includes('policy bulwark.yaml:8: rules."BW-AWS-S3-999" names no rule Bulwark has; it applies to nothing'), notes.join('\n'));
    assert.ok(notes.some((n) => /^policy-applied Policy bulwark\.yaml applied: 2 findings turned off, \d+ severities changed\.$/.test(n)), notes.join('\n'));
  });

  it('takes --fail-on from the policy unless given, and refuses a broken or missing policy with exit 2', async () => {
    write(join(repo, 'bulwark.yaml'), 'version: 1\nfailOn: none\n');
    assert.equal((await bulwark(join(repo, 'infra'), 'scan', '.', '--quiet')).code, 0, 'the policy says never fail');
    assert.equal((await bulwark(join(repo, 'infra'), 'scan', '.', '--quiet', '--fail-on', 'critical')).code, 1, 'the command line wins');
    write(join(repo, 'bulwark.yaml'), 'version: 1\nfailOn: sometimes\n');
    const broken = await bulwark(join(repo, 'infra'), 'scan', '.');
    assert.equal(broken.code, 2);
    assert.match(broken.err, /\.\.\/bulwark\.yaml:2: .*failOn/);
    const missing = await bulwark(repo, 'scan', 'infra', '--config', 'nope.yaml');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /policy file not found: nope\.yaml/);
    rmSync(join(repo, 'bulwark.yaml'));
  });

  it('accepts findings listed in the policy, by rule, resource, path or fingerprint, until their expiry', async () => {
    const plain = await scan([join(repo, 'infra')]);
    const target = plain.findings.find((f) => f.ruleId === 'BW-AWS-EC2-002' && f.location.file === 'infra/main.tf')!;
    write(join(repo, 'bulwark.yaml'), [
      'version: 1',
      'suppressions:',
      '  - rule: BW-AWS-S3-010',
      '    paths: ["infra/legacy/**"]',
      '    reason: legacy buckets log elsewhere',
      '    owner: team-data',
      '    expires: 2099-01-01',
      `  - rule: BW-AWS-EC2-002`,
      `    fingerprint: ${target.fingerprint}`,
      '    reason: IMDSv1 needed by the old agent',
      '  - rule: BW-AWS-EC2-001',
      '    resource: aws_instance.web',
      '    reason: dashboards elsewhere',
      '    expires: 2020-01-01',
      '  - rule: BW-AWS-RDS-001',
      '    reason: nothing like this here',
      '',
    ].join('\n'));
    const { policy } = loadPolicy(join(repo, 'bulwark.yaml'), () => 'bulwark.yaml');
    const result = await scan([join(repo, 'infra')], { policy, today: '2026-12-03' });
    const marked = result.findings.filter((f) => f.suppression).map((f) => `${f.ruleId} ${f.location.file} ${f.suppression!.kind} ${f.suppression!.reason}`).sort();
    assert.deepEqual(marked, [
      'BW-AWS-EC2-002 infra/main.tf config IMDSv1 needed by the old agent',
      'BW-AWS-S3-010 infra/legacy/main.tf config legacy buckets log elsewhere (owner: team-data)',
    ]);
    assert.ok(result.findings.filter((f) => f.ruleId === 'BW-AWS-EC2-001').every((f) => !f.suppression), 'expired');
    const warnings = result.diagnostics.filter((d) => d.code.startsWith('suppression-')).map((d) => d.message).sort();
    assert.deepEqual(warnings, [
      'bulwark.yaml:11: suppression of BW-AWS-EC2-001 on aws_instance.web expired on 2020-01-01; its findings are reported again',
      'bulwark.yaml:15: suppression of BW-AWS-RDS-001 matches no finding; remove it',
    ]);
    rmSync(join(repo, 'bulwark.yaml'));
  });

  it('applies settings in order of specificity: every rule, then a tag, then one rule', () => {
    const finding = { ruleId: 'BW-AWS-EC2-001', severity: 'high' as const, title: 't', message: 'm', remediation: 'r', fingerprint: '0'.repeat(32), location: { file: 'main.tf', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } } };
    const meta = { id: 'BW-AWS-EC2-001', title: '', problem: '', severity: 'high' as const, stride: 'information-disclosure' as const, cwe: ['CWE-778'], compliance: [], description: '', remediation: '', provider: 'aws' as const, service: 'ec2', peers: {} };
    const policy = (rules: Record<string, unknown>) => ({ files: ['p'], rules: Object.entries(rules).map(([selector, setting]) => ({ selector, setting: setting as 'off', file: 'p' })), safeDefaults: {}, dataClasses: [], customRules: [], suppressions: [], warnings: [] });
    const severity = (rules: Record<string, unknown>) => applyPolicy([finding], [meta], policy(rules)).findings[0]?.severity ?? 'off';
    assert.equal(severity({ 'BW-AWS-EC2-001': 'critical', 'service:ec2': 'low', '*': 'off' }), 'critical');
    assert.equal(severity({ '*': 'off', 'cwe:cwe-778': 'medium' }), 'medium');
    assert.equal(severity({ 'provider:aws': 'off' }), 'off');
    assert.equal(severity({ 'provider:aws': 'off', 'BW-AWS-EC2-001': { enabled: true } }), 'high');
  });
});
