import { defineRule } from '../../../rule.js';
import { fixSetting } from '../../../fix-helpers.js';
import { asNumber, attr, isUnknown } from '../../../../evaluate/terraform/view.js';
import { isReadReplica, kindOf } from './rds-facts.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-RDS-005',
    title: 'RDS instances and clusters retain backups for more than one day',
    problem: 'RDS backups kept for one day or less',
    severity: 'medium',
    stride: 'denial-of-service',
    cwe: ['CWE-693'],
    compliance: [
      { framework: 'SOC2', control: 'A1.2' },
      { framework: 'HIPAA', control: '164.308(a)(7)(ii)(A)' },
      { framework: 'ISO27001', control: 'A.8.13' },
      { framework: 'NIST-800-53', control: 'CP-9' },
    ],
    description:
      'The default retention of one day (used when `backup_retention_period` is not set) leaves a very short window: a ' +
      'corruption noticed after a weekend can no longer be rolled back with point-in-time recovery.',
    remediation: 'Set `backup_retention_period` explicitly to 7 days or more (up to 35).',
    provider: 'aws',
    service: 'rds',
    peers: { checkov: [], trivy: ['AVD-AWS-0077'], kics: [] },
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html#USER_WorkingWithAutomatedBackups.BackupRetention'],
  },
  terraform: {
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    check(resource, ctx) {
      if (isReadReplica(resource)) return;
      const retention = attr(resource.body, 'backup_retention_period');
      if (!retention) {
        ctx.report({ message: `${kindOf(resource)} ${resource.address} does not set \`backup_retention_period\`, so backups are kept for the default of 1 day.` });
        return;
      }
      if (isUnknown(retention.value)) return;
      const days = asNumber(retention.value);
      // 0 (backups off) is BW-AWS-RDS-004's finding.
      if (days === undefined || days === 0 || days > 1) return;
      ctx.report({ at: retention, message: `${kindOf(resource)} ${resource.address} keeps backups for only ${days} day.` });
    },
  },
  fix: { terraform: fixSetting('backup_retention_period', '7') },
  examples: {
    terraform: {
      good: [
        `resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "aurora-postgresql"
  master_username             = "ledger"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 14
  preferred_backup_window     = "02:00-03:00"
}
`,
        `resource "aws_db_instance" "ledger_replica" {
  identifier          = "ledger-replica"
  instance_class      = "db.t4g.large"
  replicate_source_db = "ledger"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_db_instance" "ledger" {
  identifier        = "ledger"
  engine            = "mysql"
  instance_class    = "db.t4g.large"
  allocated_storage = 50
  username          = "ledger"
  manage_master_user_password = true
  storage_encrypted = true
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_db_instance" "ledger" {
  identifier        = "ledger"
  engine            = "mysql"
  instance_class    = "db.t4g.large"
  allocated_storage = 50
  username          = "ledger"
  manage_master_user_password = true
  storage_encrypted = true
  backup_retention_period = 7
}
`,
        },
        {
          code: `resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "aurora-mysql"
  master_username             = "ledger"
  manage_master_user_password = true
  backup_retention_period     = 1
}
`,
          errors: [{ line: 6 }],
          output: `resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "aurora-mysql"
  master_username             = "ledger"
  manage_master_user_password = true
  backup_retention_period     = 7
}
`,
        },
      ],
    },
  },
});
