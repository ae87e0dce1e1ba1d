import { defineRule } from '../../../rule.js';
import { fixSetting } from '../../../fix-helpers.js';
import { asNumber, attr } from '../../../../evaluate/terraform/view.js';
import { isReadReplica } from './rds-facts.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-RDS-004',
    title: 'RDS instances keep automated backups',
    problem: 'RDS instance without automated backups',
    severity: 'high',
    stride: 'denial-of-service',
    cwe: ['CWE-693'],
    compliance: [
      { framework: 'GDPR', control: 'Art. 32' },
      { framework: 'SOC2', control: 'A1.2' },
      { framework: 'HIPAA', control: '164.308(a)(7)(ii)(A)' },
      { framework: 'ISO27001', control: 'A.8.13' },
      { framework: 'NIST-800-53', control: 'CP-9' },
    ],
    description:
      '`backup_retention_period = 0` turns automated backups and point-in-time recovery off. A bad migration, an accidental ' +
      'delete or ransomware then means losing every change since the last manual snapshot, if there is one.',
    remediation: 'Set `backup_retention_period` to at least 7 days (up to 35) and choose a `backup_window` outside peak hours.',
    provider: 'aws',
    service: 'rds',
    peers: { checkov: ['CKV_AWS_133'], trivy: [], kics: ['1dc73fb4-5b51-430c-8c5f-25dcf9090b02'] },
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html'],
  },
  terraform: {
    resourceTypes: ['aws_db_instance'],
    check(resource, ctx) {
      const retention = attr(resource.body, 'backup_retention_period');
      // Read replicas are recovered from their source; 0 is their normal setting.
      if (!retention || asNumber(retention.value) !== 0 || isReadReplica(resource)) return;
      ctx.report({ at: retention, message: `RDS instance ${resource.address} sets \`backup_retention_period = 0\`, disabling automated backups and point-in-time recovery.` });
    },
  },
  fix: { terraform: fixSetting('backup_retention_period', '7') },
  examples: {
    terraform: {
      good: [
        `resource "aws_db_instance" "billing" {
  identifier              = "billing"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 100
  username                = "billing"
  manage_master_user_password = true
  backup_retention_period = 14
}
`,
        `resource "aws_db_instance" "billing_replica" {
  identifier              = "billing-replica"
  instance_class          = "db.t4g.medium"
  replicate_source_db     = "billing"
  backup_retention_period = 0
}
`,
      ],
      bad: [
        {
          code: `resource "aws_db_instance" "billing" {
  identifier              = "billing"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 100
  username                = "billing"
  manage_master_user_password = true
  backup_retention_period = 0
}
`,
          errors: [{ line: 8 }],
          output: `resource "aws_db_instance" "billing" {
  identifier              = "billing"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 100
  username                = "billing"
  manage_master_user_password = true
  backup_retention_period = 7
}
`,
        },
      ],
    },
  },
});
