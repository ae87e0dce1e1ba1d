import { defineRule } from '../../../rule.js';
import { attribute, fixSetting, hclString } from '../../../fix-helpers.js';
import { addAttribute } from '../../../../edit/hcl-edit.js';
import { attr, isTrue, isUnknown } from '../../../../evaluate/terraform/view.js';
import { kindOf } from './rds-facts.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-RDS-006',
    title: 'RDS instances have Performance Insights enabled',
    problem: 'RDS instance without Performance Insights',
    severity: 'low',
    stride: 'denial-of-service',
    cwe: ['CWE-778'],
    compliance: [
      { framework: 'SOC2', control: 'CC7.2' },
      { framework: 'ISO27001', control: 'A.8.16' },
      { framework: 'NIST-800-53', control: 'SI-4' },
    ],
    description:
      'Performance Insights records database load by query, wait event and user. Without it, a runaway query, lock storm or ' +
      'abusive client that degrades the database is hard to see and to attribute while it happens.',
    remediation: 'Set `performance_insights_enabled = true` (7 days of history are free) and `performance_insights_kms_key_id` to a customer-managed key.',
    provider: 'aws',
    service: 'rds',
    peers: { checkov: ['CKV_AWS_353'], trivy: ['AVD-AWS-0133'], kics: [] },
    uses: ['kmsKeyArn'],
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.html'],
  },
  terraform: {
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    check(resource, ctx) {
      const enabled = attr(resource.body, 'performance_insights_enabled');
      if (enabled && (isTrue(enabled.value) || isUnknown(enabled.value))) return;
      const what = enabled ? 'sets `performance_insights_enabled = false`' : 'does not enable Performance Insights (`performance_insights_enabled` unset)';
      ctx.report({ at: enabled, message: `${kindOf(resource)} ${resource.address} ${what}.` });
    },
  },
  fix: {
    // With the company's key, Performance Insights is encrypted with it from the start (the key cannot change later).
    terraform(ctx) {
      const enable = fixSetting('performance_insights_enabled', 'true')(ctx);
      const key = ctx.defaults.kmsKeyArn;
      if ('declined' in enable || !key || attribute(ctx.resource, 'performance_insights_kms_key_id')) return enable;
      return { ...enable, description: `${enable.description} With the policy's key ${key}.`, edits: [...enable.edits, ...addAttribute(ctx.file, ctx.resource, 'performance_insights_kms_key_id', hclString(key))] };
    },
    bringsIntoScope: ['BW-AWS-RDS-007'],
  },
  examples: {
    terraform: {
      good: [
        `resource "aws_rds_cluster_instance" "writer" {
  identifier                      = "orders-writer"
  cluster_identifier              = "orders"
  instance_class                  = "db.r6g.large"
  engine                          = "aurora-postgresql"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
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
  performance_insights_enabled = false
}
`,
          errors: [{ line: 6 }],
          output: `resource "aws_rds_cluster_instance" "writer" {
  identifier                   = "orders-writer"
  cluster_identifier           = "orders"
  instance_class               = "db.r6g.large"
  engine                       = "aurora-postgresql"
  performance_insights_enabled = true
}
`,
        },
        {
          code: `resource "aws_db_instance" "reporting" {
  identifier        = "reporting"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  allocated_storage = 100
  username          = "reporting"
  manage_master_user_password = true
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_db_instance" "reporting" {
  identifier        = "reporting"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  allocated_storage = 100
  username          = "reporting"
  manage_master_user_password = true
  performance_insights_enabled = true
}
`,
        },
      ],
    },
  },
});
