// Focused RDS behaviour: inherited settings, unknowns, and which rule speaks when two could.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleOnTerraform, runRulesOnTerraform } from '../../../src/scanners/rule-tester.js';
import { rdsRules } from '../../../src/analyze/rules/aws/rds/index.js';

const ids = (hcl: string) =>
  runRulesOnTerraform(rdsRules, { 'main.tf': hcl })
    .map((f) => f.ruleId)
    .filter((id) => id.startsWith('BW-AWS-RDS'))
    .sort();
const byId = (id: string) => rdsRules.find((r) => r.meta.id === id)!;
const run = (id: string, hcl: string) => runRuleOnTerraform(byId(id), { 'main.tf': hcl });

const instance = (extra: string) => `resource "aws_db_instance" "db" {
  identifier                          = "db"
  engine                              = "postgres"
  instance_class                      = "db.t4g.medium"
  allocated_storage                   = 20
  username                            = "app"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = "arn:aws:kms:eu-west-1:123456789012:key/abcd"
${extra}
}
`;

describe('RDS rules', () => {
  it('a well-configured instance has no findings', () => {
    assert.deepEqual(ids(instance('  storage_encrypted = true\n  backup_retention_period = 7')), []);
  });

  it('backups off is reported once, by the backups rule, not also as short retention', () => {
    assert.deepEqual(ids(instance('  storage_encrypted = true\n  backup_retention_period = 0')), ['BW-AWS-RDS-004']);
  });

  it('unknown settings are not violations', () => {
    const hcl = `variable "encrypted" {\n  type = bool\n}\nvariable "days" {\n  type = number\n}\n` +
      instance('  storage_encrypted = var.encrypted\n  backup_retention_period = var.days');
    assert.deepEqual(ids(hcl), []);
  });

  it('restores from a snapshot inherit encryption', () => {
    assert.deepEqual(run('BW-AWS-RDS-001', instance('  snapshot_identifier = "db-final"\n  backup_retention_period = 7')), []);
    assert.equal(run('BW-AWS-RDS-001', instance('  snapshot_identifier = "db-final"\n  storage_encrypted = false')).length, 1);
  });

  it('an Aurora Serverless v1 cluster is encrypted but still lacks a customer-managed key', () => {
    const hcl = `resource "aws_rds_cluster" "c" {
  cluster_identifier          = "c"
  engine                      = "aurora-postgresql"
  engine_mode                 = "serverless"
  master_username             = "app"
  manage_master_user_password = true
  backup_retention_period     = 7
  iam_database_authentication_enabled = true
}
`;
    assert.deepEqual(ids(hcl), ['BW-AWS-RDS-002']);
  });

  it('an unencrypted cluster is reported by both encryption rules (the CMK rule follows Trivy here)', () => {
    const hcl = `resource "aws_rds_cluster" "c" {
  cluster_identifier          = "c"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  backup_retention_period     = 7
  iam_database_authentication_enabled = true
}
`;
    assert.deepEqual(ids(hcl), ['BW-AWS-RDS-001', 'BW-AWS-RDS-002']);
  });

  it('reports each public instance of a counted resource at the attribute', () => {
    const hcl = `resource "aws_db_instance" "db" {
  count               = 2
  identifier          = "db-\${count.index}"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  manage_master_user_password = true
  publicly_accessible = count.index == 0
}
`;
    const findings = run('BW-AWS-RDS-003', hcl);
    assert.deepEqual(findings.map((f) => f.resource), ['aws_db_instance.db[0]']);
    assert.equal(findings[0]!.location.range.start.line, 9);
  });

  it('Performance Insights key is only judged where Performance Insights is on', () => {
    const off = `resource "aws_db_instance" "db" {\n  engine = "postgres"\n  performance_insights_enabled = false\n}\n`;
    assert.deepEqual(run('BW-AWS-RDS-007', off), []);
    assert.equal(run('BW-AWS-RDS-006', off).length, 1);
    const managed = `resource "aws_db_instance" "db" {\n  engine = "postgres"\n  performance_insights_enabled = true\n  performance_insights_kms_key_id = "alias/aws/rds"\n}\n`;
    assert.match(run('BW-AWS-RDS-007', managed)[0]!.message, /AWS-managed/);
  });

  it('read replicas are exempt from retention and IAM-auth rules', () => {
    const hcl = `resource "aws_db_instance" "r" {\n  identifier = "r"\n  instance_class = "db.t4g.medium"\n  replicate_source_db = "db"\n  engine = "postgres"\n}\n`;
    assert.deepEqual(run('BW-AWS-RDS-005', hcl), []);
    assert.deepEqual(run('BW-AWS-RDS-008', hcl), []);
  });
});
