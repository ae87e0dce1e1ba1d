// The risk score orders the work: Severity × Exploitability × Data sensitivity, 0–10, factors shown.
// The mission's three calibration points, scanned as a user would, then the evidence each factor reads.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../src/scan.js';
import { parsePolicyText } from '../../src/policy/load.js';
import type { Finding } from '../../src/core/types.js';

async function scanText(text: string, policyYaml?: string): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-risk-'));
  writeFileSync(join(dir, 'main.tf'), text);
  const policy = policyYaml === undefined ? undefined : { ...parsePolicyFor(policyYaml) };
  return (await scan([dir], { projectRoot: dir, ...(policy ? { policy } : {}) })).findings;
}

function parsePolicyFor(yaml: string) {
  const { document } = parsePolicyText(yaml, 'bulwark.yaml');
  return { files: ['bulwark.yaml'], rules: [], safeDefaults: document.safeDefaults ?? {}, dataClasses: document.dataClasses ?? [], customRules: [], suppressions: [], warnings: [] };
}

function riskOf(findings: Finding[], ruleId: string): NonNullable<Finding['risk']> {
  const f = findings.find((x) => x.ruleId === ruleId);
  assert.ok(f?.risk, `${ruleId} with a risk score`);
  return f.risk;
}

describe('risk calibration (mission)', () => {
  it('a public S3 bucket holding PII is critical, 9–10', async () => {
    const findings = await scanText(`resource "aws_s3_bucket" "exports" {
  bucket = "acme-customer-pii-exports"
}

resource "aws_s3_bucket_acl" "exports" {
  bucket = aws_s3_bucket.exports.id
  acl    = "public-read"
}
`);
    const risk = riskOf(findings, 'BW-AWS-S3-003');
    assert.ok(risk.score >= 9 && risk.score <= 10, `score ${risk.score}`);
    assert.equal(risk.rating, 'critical');
    assert.match(risk.exploitability.reason, /internet/);
    assert.match(risk.dataSensitivity.reason, /restricted/);
  });

  it('missing monitoring is low, at most 3', async () => {
    const findings = await scanText(`resource "aws_instance" "payments_api" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
`);
    const risk = riskOf(findings, 'BW-AWS-EC2-001');
    assert.ok(risk.score <= 3, `score ${risk.score}`);
    assert.equal(risk.rating, 'low');
  });

  it('an unencrypted dev database is medium, 4–6', async () => {
    const findings = await scanText(`resource "aws_db_instance" "dev" {
  identifier          = "orders-dev"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  username            = "app"
  storage_encrypted   = false
  publicly_accessible = false
  tags = {
    Environment = "dev"
  }
}
`);
    const risk = riskOf(findings, 'BW-AWS-RDS-001');
    assert.ok(risk.score >= 4 && risk.score <= 6, `score ${risk.score}`);
    assert.equal(risk.rating, 'medium');
    assert.match(risk.dataSensitivity.reason, /non-production/);
  });
});

describe('risk evidence', () => {
  it('internet exposure of a resource raises every finding on it', async () => {
    const text = (publicly: boolean) => `resource "aws_db_instance" "main" {
  identifier          = "main"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  username            = "app"
  storage_encrypted   = false
  publicly_accessible = ${publicly}
}
`;
    const hidden = riskOf(await scanText(text(false)), 'BW-AWS-RDS-001');
    const exposed = riskOf(await scanText(text(true)), 'BW-AWS-RDS-001');
    assert.equal(hidden.exploitability.factor, 0.6);
    assert.equal(exposed.exploitability.factor, 1);
    assert.match(exposed.exploitability.reason, /BW-AWS-RDS-003 on the same resource/);
    assert.ok(exposed.score > hidden.score);
  });

  it('the policy\'s data classes win over names, matched by tag, name or path', async () => {
    const text = `resource "aws_s3_bucket" "scratch" {
  bucket = "acme-scratch"
  tags = {
    data-class = "cardholder"
  }
}
`;
    const byTag = riskOf(await scanText(text), 'BW-AWS-S3-001');
    assert.match(byTag.dataSensitivity.reason, /restricted data \(tag data-class = cardholder\)/);
    const classed = riskOf(await scanText(text, 'version: 1\ndataClasses:\n  - level: public\n    names: ["*scratch*"]\n'), 'BW-AWS-S3-001');
    assert.equal(classed.dataSensitivity.factor, 0.4);
    assert.match(classed.dataSensitivity.reason, /public data \(policy: name aws_s3_bucket\.scratch\)/);
    const byPath = riskOf(await scanText(text, 'version: 1\ndataClasses:\n  - level: internal\n    paths: ["*.tf"]\n'), 'BW-AWS-S3-001');
    assert.match(byPath.dataSensitivity.reason, /internal data \(policy: path main\.tf\)/);
  });

  it('findings are ordered by risk, and the score follows a severity the policy changes', async () => {
    const text = `resource "aws_instance" "web" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}
`;
    const findings = await scanText(text);
    const scores = findings.map((f) => f.risk!.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-risk-'));
    writeFileSync(join(dir, 'main.tf'), text);
    const { loadPolicy } = await import('../../src/policy/load.js');
    writeFileSync(join(dir, 'bulwark.yaml'), 'version: 1\nrules:\n  BW-AWS-EC2-001: low\n');
    const policy = loadPolicy(join(dir, 'bulwark.yaml')).policy;
    const lowered = (await scan([dir], { projectRoot: dir, policy })).findings.find((f) => f.ruleId === 'BW-AWS-EC2-001')!;
    assert.equal(lowered.risk!.severityWeight, 3);
    assert.equal(lowered.risk!.score, Math.round(3 * lowered.risk!.exploitability.factor * lowered.risk!.dataSensitivity.factor * 10) / 10);
  });
});
