import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { asString, attr, isUnknown } from '../../../../evaluate/terraform/view.js';
import { inheritsStorageEncryption, isAwsManagedKey } from './rds-facts.js';
import { CUSTOMER_MANAGED_KEY_COMPLIANCE } from '../compliance.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-RDS-002',
    title: 'RDS clusters encrypt storage with a customer-managed KMS key',
    problem: 'RDS cluster not encrypted with a customer managed key',
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-311', 'CWE-320'],
    compliance: [...CUSTOMER_MANAGED_KEY_COMPLIANCE],
    description:
      'With the AWS-managed `aws/rds` key (the default when `kms_key_id` is empty) you cannot restrict who may use the key, ' +
      'audit its use separately, rotate it on your schedule, or share encrypted snapshots with another account. A ' +
      'customer-managed key keeps that control. A cluster without any storage encryption has no such key either and is reported here as well.',
    remediation:
      'Create an `aws_kms_key` for the database and set `storage_encrypted = true` and `kms_key_id = aws_kms_key.<name>.arn` on the cluster ' +
      '(changing the key of an existing cluster requires a snapshot restore).',
    provider: 'aws',
    service: 'rds',
    peers: { checkov: [], trivy: ['AVD-AWS-0079'], kics: [] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#kms_key_id'],
  },
  terraform: {
    resourceTypes: ['aws_rds_cluster'],
    check(resource, ctx) {
      const key = attr(resource.body, 'kms_key_id');
      if (key && isUnknown(key.value)) return;
      const keyValue = key ? asString(key.value) ?? '' : '';
      if (keyValue !== '' && !isAwsManagedKey(keyValue)) return;
      // A replica or restore without its own key follows its source's key choice.
      if (!key && inheritsStorageEncryption(resource)) return;
      const problem = keyValue ? `uses the AWS-managed key \`${keyValue}\`` : key ? 'sets an empty `kms_key_id`' : 'does not set `kms_key_id`';
      ctx.report({ at: key, message: `RDS cluster ${resource.address} ${problem}, so its storage is not encrypted with a customer-managed key.` });
    },
  },
  fix: { terraform: askFix('which customer managed KMS key encrypts this cluster? Changing it replaces the cluster: migrate through an encrypted snapshot copy') },
  examples: {
    terraform: {
      good: [
        `resource "aws_kms_key" "db" {
  description         = "orders database"
  enable_key_rotation = true
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.db.arn
}
`,
      ],
      bad: [
        {
          code: `resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
}
`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: which customer managed KMS key encrypts this cluster? Changing it replaces the cluster: migrate through an encrypted snapshot copy
resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
}
`,
        },
        {
          code: `resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = "arn:aws:kms:eu-west-1:123456789012:alias/aws/rds"
}
`,
          errors: [{ line: 7 }],
          output: `# NEEDS YOUR INPUT: which customer managed KMS key encrypts this cluster? Changing it replaces the cluster: migrate through an encrypted snapshot copy
resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = "arn:aws:kms:eu-west-1:123456789012:alias/aws/rds"
}
`,
        },
      ],
    },
  },
});
