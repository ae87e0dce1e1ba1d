import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { asString, attr, isTrue, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import { inheritsStorageEncryption, isAuroraEngine, kindOf } from './rds-facts.js';
import { ENCRYPTION_AT_REST_COMPLIANCE } from '../compliance.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-RDS-001',
    title: 'RDS instances and clusters encrypt their storage',
    problem: 'RDS storage not encrypted',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-311'],
    compliance: [
      { framework: 'CIS-AWS', control: '2.3.1' },
      ...ENCRYPTION_AT_REST_COMPLIANCE,
    ],
    description:
      'Unencrypted database storage leaves the data, its automated backups, snapshots and read replicas readable to anyone who ' +
      'obtains the underlying volumes or a shared snapshot. Encryption can only be chosen at creation: turning it on later ' +
      'means restoring from an encrypted snapshot copy.',
    remediation:
      'Set `storage_encrypted = true` (optionally with `kms_key_id` naming a customer-managed key). For an existing database, ' +
      'copy a snapshot with encryption and restore from it.',
    provider: 'aws',
    service: 'rds',
    peers: {
      checkov: ['CKV_AWS_16', 'CKV_AWS_96'],
      trivy: ['AVD-AWS-0080'],
      kics: ['08bd0760-8752-44e1-9779-7bb369b2b4e4', '3199c26c-7871-4cb3-99c2-10a59244ce7f'],
    },
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
  },
  terraform: {
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    check(resource, ctx) {
      const encrypted = attr(resource.body, 'storage_encrypted');
      if (encrypted && (isTrue(encrypted.value) || isUnknown(encrypted.value))) return;
      if (!encrypted) {
        // Replicas and restores take encryption from their source; Aurora instances from their cluster.
        if (inheritsStorageEncryption(resource) || (resource.type === 'aws_db_instance' && isAuroraEngine(resource))) return;
        // Aurora Serverless v1 clusters are always encrypted.
        if (resource.type === 'aws_rds_cluster' && asString(value(resource.body, 'engine_mode')) === 'serverless') return;
      }
      const what = encrypted ? 'sets `storage_encrypted = false`' : 'does not set `storage_encrypted` (default: false)';
      ctx.report({ at: encrypted, message: `${kindOf(resource)} ${resource.address} ${what}, so its storage is not encrypted at rest.` });
    },
  },
  // Turning encryption on replaces an existing database (its data with it): always a person's decision.
  fix: { terraform: askFix('encrypting existing storage replaces the database and its data: for a new database set storage_encrypted = true; for one in use, restore an encrypted snapshot copy first') },
  examples: {
    terraform: {
      good: [
        `resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  username            = "app"
  manage_master_user_password = true
  storage_encrypted   = true
  kms_key_id          = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`,
        `resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-replica"
  instance_class      = "db.t4g.medium"
  replicate_source_db = "orders"
}
`,
        `resource "aws_rds_cluster" "reports" {
  cluster_identifier = "reports"
  engine             = "aurora-postgresql"
  engine_mode        = "serverless"
  master_username    = "app"
  manage_master_user_password = true
}
`,
      ],
      bad: [
        {
          code: `resource "aws_db_instance" "legacy" {
  identifier        = "legacy"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "admin"
  manage_master_user_password = true
}
`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: encrypting existing storage replaces the database and its data: for a new database set storage_encrypted = true; for one in use, restore an encrypted snapshot copy first
resource "aws_db_instance" "legacy" {
  identifier        = "legacy"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "admin"
  manage_master_user_password = true
}
`,
        },
        {
          code: `resource "aws_rds_cluster" "events" {
  cluster_identifier = "events"
  engine             = "aurora-mysql"
  master_username    = "admin"
  manage_master_user_password = true
  storage_encrypted  = false
}
`,
          errors: [{ line: 6 }],
          output: `# NEEDS YOUR INPUT: encrypting existing storage replaces the database and its data: for a new database set storage_encrypted = true; for one in use, restore an encrypted snapshot copy first
resource "aws_rds_cluster" "events" {
  cluster_identifier = "events"
  engine             = "aurora-mysql"
  master_username    = "admin"
  manage_master_user_password = true
  storage_encrypted  = false
}
`,
        },
      ],
    },
  },
});
