import { defineRule } from '../../../rule.js';
import { fixSetting } from '../../../fix-helpers.js';
import { asString, attr, isTrue, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import { isReadReplica, kindOf } from './rds-facts.js';

/** Engines that support IAM database authentication (Oracle, SQL Server and Db2 do not). */
const IAM_AUTH_ENGINES = /^(mysql|mariadb|postgres|aurora|aurora-mysql|aurora-postgresql)$/;

export default defineRule({
  meta: {
    id: 'BW-AWS-RDS-008',
    title: 'RDS databases accept IAM authentication',
    problem: 'RDS database without IAM authentication',
    severity: 'low',
    stride: 'spoofing',
    cwe: ['CWE-287', 'CWE-798'],
    compliance: [
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'ISO27001', control: 'A.8.5' },
      { framework: 'NIST-800-53', control: 'IA-2' },
    ],
    description:
      'Without IAM database authentication every client needs a long-lived database password, which ends up in configuration, ' +
      'environment variables and CI secrets. IAM authentication issues 15-minute tokens tied to an IAM identity, so access is ' +
      'granted, audited and revoked in one place.',
    remediation: 'Set `iam_database_authentication_enabled = true` and grant `rds-db:connect` to the roles that need the database.',
    provider: 'aws',
    service: 'rds',
    peers: { checkov: ['CKV_AWS_161', 'CKV_AWS_162'], trivy: [], kics: [] },
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html'],
  },
  terraform: {
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    check(resource, ctx) {
      if (isReadReplica(resource)) return;
      // A cluster without `engine` is Aurora MySQL: the AWS provider (v4) defaults it to `aurora` (v5 requires it).
      const engine = value(resource.body, 'engine') ?? (resource.type === 'aws_rds_cluster' ? 'aurora' : undefined);
      // Unknown or unsupported engines are not judged.
      if (typeof engine !== 'string' || !IAM_AUTH_ENGINES.test(asString(engine) ?? '')) return;
      const enabled = attr(resource.body, 'iam_database_authentication_enabled');
      if (enabled && (isTrue(enabled.value) || isUnknown(enabled.value))) return;
      const what = enabled ? 'sets `iam_database_authentication_enabled = false`' : 'does not enable IAM database authentication';
      ctx.report({ at: enabled, message: `${kindOf(resource)} ${resource.address} ${what}; clients must use static passwords.` });
    },
  },
  fix: { terraform: fixSetting('iam_database_authentication_enabled', 'true') },
  examples: {
    terraform: {
      good: [
        `resource "aws_db_instance" "api" {
  identifier                          = "api"
  engine                              = "postgres"
  instance_class                      = "db.t4g.medium"
  allocated_storage                   = 20
  username                            = "api"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
}
`,
        `# SQL Server does not support IAM authentication.
resource "aws_db_instance" "erp" {
  identifier        = "erp"
  engine            = "sqlserver-se"
  instance_class    = "db.m6i.xlarge"
  allocated_storage = 200
  username          = "erp"
  manage_master_user_password = true
  license_model     = "license-included"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_rds_cluster" "api" {
  cluster_identifier          = "api"
  engine                      = "aurora-mysql"
  master_username             = "api"
  manage_master_user_password = true
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_rds_cluster" "api" {
  cluster_identifier                  = "api"
  engine                              = "aurora-mysql"
  master_username                     = "api"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
}
`,
        },
        {
          // No engine: the provider's default (v4) is Aurora MySQL, which supports IAM authentication.
          code: `resource "aws_rds_cluster" "reports" {
  cluster_identifier                  = "reports"
  master_username                     = "reports"
  manage_master_user_password         = true
  iam_database_authentication_enabled = false
}
`,
          errors: [{ line: 5 }],
          output: `resource "aws_rds_cluster" "reports" {
  cluster_identifier                  = "reports"
  master_username                     = "reports"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
}
`,
        },
      ],
    },
  },
});
