import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { asString, attr, isTrue, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import { isAwsManagedKey, kindOf } from './rds-facts.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-RDS-007',
    title: 'RDS Performance Insights data is encrypted with a customer-managed KMS key',
    problem: 'RDS Performance Insights not encrypted with a customer managed key',
    severity: 'low',
    stride: 'information-disclosure',
    cwe: ['CWE-311', 'CWE-320'],
    compliance: [
      { framework: 'PCI-DSS', control: '3.6.1' },
      { framework: 'ISO27001', control: 'A.8.24' },
      { framework: 'NIST-800-53', control: 'SC-12' },
    ],
    description:
      'Performance Insights stores the text of the queries the database runs, which often carries personal data or secrets in ' +
      'literals. Without `performance_insights_kms_key_id` it is encrypted with the AWS-managed key, whose use you cannot restrict.',
    remediation: 'Set `performance_insights_kms_key_id` to the ARN of a customer-managed KMS key (it cannot be changed once set).',
    provider: 'aws',
    service: 'rds',
    peers: { checkov: ['CKV_AWS_354'], trivy: ['AVD-AWS-0078'], kics: [] },
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.access-control.html'],
  },
  terraform: {
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    check(resource, ctx) {
      // Only judged where Performance Insights is on; BW-AWS-RDS-006 covers instances without it.
      if (!isTrue(value(resource.body, 'performance_insights_enabled'))) return;
      const key = attr(resource.body, 'performance_insights_kms_key_id');
      if (key && isUnknown(key.value)) return;
      const keyValue = key ? asString(key.value) ?? '' : '';
      if (keyValue !== '' && !isAwsManagedKey(keyValue)) return;
      const problem = keyValue ? `uses the AWS-managed key \`${keyValue}\`` : key ? 'sets an empty `performance_insights_kms_key_id`' : 'does not set `performance_insights_kms_key_id`';
      ctx.report({ at: key, message: `${kindOf(resource)} ${resource.address} enables Performance Insights but ${problem}.` });
    },
  },
  fix: { terraform: askFix('which customer managed KMS key encrypts Performance Insights? It cannot be changed once set, so choose it before enabling') },
  examples: {
    terraform: {
      good: [
        `resource "aws_kms_key" "insights" {
  description         = "Performance Insights"
  enable_key_rotation = true
}

resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "postgres"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  username                        = "orders"
  manage_master_user_password     = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.insights.arn
}
`,
        `resource "aws_rds_cluster_instance" "reader" {
  identifier                   = "orders-reader"
  cluster_identifier           = "orders"
  instance_class               = "db.r6g.large"
  engine                       = "aurora-postgresql"
  performance_insights_enabled = false
}
`,
      ],
      bad: [
        {
          code: `resource "aws_rds_cluster_instance" "writer" {
  identifier                   = "orders-writer"
  cluster_identifier           = "orders"
  instance_class               = "db.r6g.large"
  engine                       = "aurora-postgresql"
  performance_insights_enabled = true
}
`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: which customer managed KMS key encrypts Performance Insights? It cannot be changed once set, so choose it before enabling
resource "aws_rds_cluster_instance" "writer" {
  identifier                   = "orders-writer"
  cluster_identifier           = "orders"
  instance_class               = "db.r6g.large"
  engine                       = "aurora-postgresql"
  performance_insights_enabled = true
}
`,
        },
      ],
    },
  },
});
