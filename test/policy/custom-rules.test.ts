// Custom rules declared in bulwark.yaml run like built-in ones: evaluated resources, file:line, suppressions,
// fixes from their fix value, and conditions in three values (unknown is never a finding).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import type { ScanResult } from '../../src/core/result.js';

const OWNER_RULE = `version: 1
customRules:
  - id: ACME-S3-001
    title: S3 buckets carry an owner tag
    problem: S3 bucket without an owner tag
    severity: medium
    resource: aws_s3_bucket
    condition:
      attribute: tags.owner
      exists: true
    message: "{resource} has no owner tag: nobody answers for its data."
    compliance:
      - { framework: SOC2, control: CC6.1 }
    fix:
      set:
        tags.owner: platform-team
`;

const BUCKETS = `locals {
  team = "payments"
}

resource "aws_s3_bucket" "tagged" {
  bucket = "acme-tagged"
  tags = {
    owner = local.team
  }
}

resource "aws_s3_bucket" "other_tags" {
  bucket = "acme-other"
  tags = {
    Name        = "acme-other"
    cost-center = "42"
  }
}

resource "aws_s3_bucket" "bare" {
  bucket = "acme-bare"
}

variable "owner" {}

resource "aws_s3_bucket" "from_input" {
  bucket = "acme-input"
  tags = {
    owner = var.owner
  }
}
`;

function project(policy: string, main: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-custom-'));
  writeFileSync(join(dir, 'bulwark.yaml'), policy);
  writeFileSync(join(dir, 'main.tf'), main);
  return dir;
}

async function customFindings(dir: string) {
  const run = await runCli(dir, ['scan', '.', '--format', 'json', '--fail-on', 'none']);
  assert.equal(run.code, 0, run.err);
  return (JSON.parse(run.out) as ScanResult).findings.filter((f) => f.ruleId === 'ACME-S3-001');
}

describe('custom rules in the policy', () => {
  it('report violations at file:line with their message, compliance and risk; unknown values are not violations', async () => {
    const findings = await customFindings(project(OWNER_RULE, BUCKETS));
    assert.deepEqual(findings.map((f) => `${f.resource} ${f.location.file}:${f.location.range.start.line}`), ['aws_s3_bucket.other_tags main.tf:14', 'aws_s3_bucket.bare main.tf:20']);
    assert.equal(findings[1]!.message, 'aws_s3_bucket.bare has no owner tag: nobody answers for its data.');
    assert.equal(findings[1]!.severity, 'medium');
    assert.ok(findings[1]!.risk && findings[1]!.complianceFailures?.some((c) => c.startsWith('SOC2 CC6.1')));
  });

  it('are suppressible like built-in rules', async () => {
    const dir = project(OWNER_RULE, BUCKETS.replace('resource "aws_s3_bucket" "bare" {', '# bulwark:ignore ACME-S3-001 reason="scratch bucket, deleted weekly"\nresource "aws_s3_bucket" "bare" {'));
    const bare = (await customFindings(dir)).find((f) => f.resource === 'aws_s3_bucket.bare')!;
    assert.equal(bare.suppression?.kind, 'inline');
    assert.equal(bare.suppression?.reason, 'scratch bucket, deleted weekly');
  });

  it('are fixed by their fix value, verified, and a second fix changes nothing', async () => {
    const dir = project(OWNER_RULE, BUCKETS);
    const run = await runCli(dir, ['fix', '.', '--write', '--rule', 'ACME-S3-001']);
    assert.equal(run.code, 0, run.err + run.out);
    const fixed = readFileSync(join(dir, 'main.tf'), 'utf8');
    assert.ok(fixed.includes('  tags = {\n    Name        = "acme-other"\n    cost-center = "42"\n    owner       = "platform-team"\n  }'), fixed);
    assert.ok(fixed.includes('resource "aws_s3_bucket" "bare" {\n  bucket = "acme-bare"\n  tags = {\n    owner = "platform-team"\n  }\n}'), fixed);
    assert.deepEqual(await customFindings(dir), []);
    await runCli(dir, ['fix', '.', '--write']);
    const again = await runCli(dir, ['fix', '.', '--write', '--rule', 'ACME-S3-001']);
    assert.match(again.out, /No fix to apply|nothing to fix/);
  });

  it('combine conditions: all, any, not, comparisons and patterns', async () => {
    const policy = `version: 1
customRules:
  - id: ACME-RDS-001
    title: Production databases keep backups for a week and use an approved engine
    severity: high
    resource: [aws_db_instance]
    condition:
      any:
        - not: { attribute: tags.env, equals: prod }
        - all:
            - { attribute: backup_retention_period, atLeast: 7 }
            - { attribute: engine, in: [postgres, mysql] }
            - { attribute: identifier, matches: "^prod-[a-z0-9-]+$" }
`;
    const db = (name: string, env: string, days: number, engine: string) => `resource "aws_db_instance" "${name}" {
  identifier              = "${name.replace('_', '-')}"
  engine                  = "${engine}"
  backup_retention_period = ${days}
  tags = {
    env = "${env}"
  }
}
`;
    const main = [db('prod_ok', 'prod', 7, 'postgres'), db('prod_short', 'prod', 1, 'postgres'), db('prod_oracle', 'prod', 14, 'oracle-ee'), db('dev_short', 'dev', 0, 'postgres')].join('\n');
    const run = await runCli(project(policy, main), ['scan', '.', '--format', 'json', '--fail-on', 'none']);
    const ids = (JSON.parse(run.out) as ScanResult).findings.filter((f) => f.ruleId === 'ACME-RDS-001').map((f) => f.resource).sort();
    assert.deepEqual(ids, ['aws_db_instance.prod_oracle', 'aws_db_instance.prod_short']);
  });

  it('are validated with the line of the mistake', async () => {
    const bad = OWNER_RULE.replace('id: ACME-S3-001', 'id: BW-S3-999');
    const run = await runCli(project(bad, BUCKETS), ['scan', '.']);
    assert.equal(run.code, 2);
    assert.match(run.err, /bulwark\.yaml:3: .*BW- ids belong to the built-in rules/);
  });

  it('give the same results whether worker threads or the main thread run them', async () => {
    const dir = project(OWNER_RULE, BUCKETS);
    const { mkdirSync } = await import('node:fs');
    for (const env of ['dev', 'prod']) {
      mkdirSync(join(dir, env));
      writeFileSync(join(dir, env, 'main.tf'), BUCKETS);
    }
    const inThreads = async (workers: string) => {
      const previous = process.env.BULWARK_WORKERS;
      process.env.BULWARK_WORKERS = workers;
      try {
        return (await customFindings(dir)).map((f) => `${f.location.file}:${f.location.range.start.line} ${f.resource}`);
      } finally {
        if (previous === undefined) delete process.env.BULWARK_WORKERS;
        else process.env.BULWARK_WORKERS = previous;
      }
    };
    const main = await inThreads('0');
    assert.equal(main.length, 6);
    assert.deepEqual(await inThreads('2'), main);
  });
});
