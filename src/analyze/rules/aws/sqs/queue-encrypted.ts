import { defineRule } from '../../../rule.js';
import { fixSetting } from '../../../fix-helpers.js';
import { asString, attr, isFalse, isTrue, isUnknown } from '../../../../evaluate/terraform/view.js';
import { ENCRYPTION_AT_REST_COMPLIANCE } from '../compliance.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-SQS-001',
    title: 'SQS queues declare server-side encryption',
    problem: 'SQS queue without server-side encryption',
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-311'],
    compliance: [...ENCRYPTION_AT_REST_COMPLIANCE],
    description:
      'Messages often carry personal data, tokens or order details. A queue with `sqs_managed_sse_enabled = false` and no KMS key ' +
      'stores them unencrypted; a queue that declares neither relies on the account-side default, which older queues and some ' +
      'API paths do not get, so the configuration does not guarantee encryption.',
    remediation: 'Set `kms_master_key_id` to a customer-managed KMS key (preferred) or `sqs_managed_sse_enabled = true`.',
    provider: 'aws',
    service: 'sqs',
    peers: { checkov: ['CKV_AWS_27'], trivy: ['AVD-AWS-0096'], kics: ['6e8849c1-3aa7-40e3-9063-b85ee300f29f'] },
    links: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html'],
  },
  terraform: {
    resourceTypes: ['aws_sqs_queue'],
    check(resource, ctx) {
      const key = attr(resource.body, 'kms_master_key_id');
      if (key && (isUnknown(key.value) || (asString(key.value) ?? '') !== '')) return;
      const managed = attr(resource.body, 'sqs_managed_sse_enabled');
      if (managed && (isTrue(managed.value) || isUnknown(managed.value))) return;
      if (managed && isFalse(managed.value)) {
        ctx.report({ at: managed, message: `SQS queue ${resource.address} sets \`sqs_managed_sse_enabled = false\` without a KMS key: messages are stored unencrypted.` });
        return;
      }
      ctx.report({ at: key, message: `SQS queue ${resource.address} declares no server-side encryption (neither \`kms_master_key_id\` nor \`sqs_managed_sse_enabled\`).` });
    },
  },
  fix: { terraform: fixSetting('sqs_managed_sse_enabled', 'true') },
  examples: {
    terraform: {
      good: [
        `resource "aws_kms_key" "queue" {
  description         = "orders queue"
  enable_key_rotation = true
}

resource "aws_sqs_queue" "orders" {
  name                              = "orders"
  kms_master_key_id                 = aws_kms_key.queue.arn
  kms_data_key_reuse_period_seconds = 300
}
`,
        `resource "aws_sqs_queue" "events" {
  name                    = "events"
  sqs_managed_sse_enabled = true
}
`,
      ],
      bad: [
        {
          code: `resource "aws_sqs_queue" "orders" {
  name = "orders"
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = true
}
`,
        },
        {
          code: `resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = false
}
`,
          errors: [{ line: 3 }],
          output: `resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = true
}
`,
        },
      ],
    },
  },
});
