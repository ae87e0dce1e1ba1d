import { defineRule } from '../../../rule.js';
import { askAbove, fixSetting, hclString } from '../../../fix-helpers.js';
import { asString, attr } from '../../../../evaluate/terraform/view.js';

/** `alias/aws/sqs` or an ARN naming it: the AWS-managed key. */
function isAwsManagedSqsKey(key: string): boolean {
  return /(^|:)alias\/aws\/sqs$/.test(key);
}

export default defineRule({
  meta: {
    id: 'BW-AWS-SQS-002',
    title: 'KMS-encrypted SQS queues use a customer-managed key',
    problem: 'SQS queue not encrypted with a customer managed key',
    severity: 'low',
    stride: 'information-disclosure',
    cwe: ['CWE-320'],
    compliance: [
      { framework: 'PCI-DSS', control: '3.6.1' },
      { framework: 'ISO27001', control: 'A.8.24' },
      { framework: 'NIST-800-53', control: 'SC-12' },
    ],
    description:
      'The AWS-managed `alias/aws/sqs` key cannot carry a key policy of yours: you cannot limit who decrypts messages, audit ' +
      'key use separately, or let producers in other accounts or services such as SNS and EventBridge use it. A ' +
      'customer-managed key gives that control.',
    remediation: 'Create an `aws_kms_key` for the queue and set `kms_master_key_id` to its ARN or alias.',
    provider: 'aws',
    service: 'sqs',
    peers: { checkov: [], trivy: ['AVD-AWS-0135'], kics: [] },
    uses: ['kmsKeyArn'],
    links: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html'],
  },
  terraform: {
    resourceTypes: ['aws_sqs_queue'],
    check(resource, ctx) {
      const key = attr(resource.body, 'kms_master_key_id');
      const keyValue = key ? asString(key.value) : undefined;
      if (!key || !keyValue || !isAwsManagedSqsKey(keyValue)) return;
      ctx.report({ at: key, message: `SQS queue ${resource.address} is encrypted with the AWS-managed key \`${keyValue}\` rather than a customer-managed key.` });
    },
  },
  fix: {
    terraform: (ctx) =>
      ctx.defaults.kmsKeyArn
        ? fixSetting('kms_master_key_id', hclString(ctx.defaults.kmsKeyArn))(ctx)
        : askAbove(ctx, 'which customer managed KMS key encrypts this queue (its key policy must let the producers use it)? Name it as safeDefaults.kmsKeyArn in bulwark.yaml'),
  },
  examples: {
    terraform: {
      good: [
        `resource "aws_kms_key" "queue" {
  description         = "payments queue"
  enable_key_rotation = true
}

resource "aws_kms_alias" "queue" {
  name          = "alias/payments-queue"
  target_key_id = aws_kms_key.queue.key_id
}

resource "aws_sqs_queue" "payments" {
  name              = "payments"
  kms_master_key_id = aws_kms_alias.queue.name
}
`,
        `resource "aws_sqs_queue" "payments" {
  name              = "payments"
  kms_master_key_id = "alias/payments-queue"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_sqs_queue" "payments" {
  name              = "payments"
  kms_master_key_id = "alias/aws/sqs"
}
`,
          errors: [{ line: 3 }],
          defaults: {kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'},
          output: `resource "aws_sqs_queue" "payments" {
  name              = "payments"
  kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`,
        },
      ],
    },
  },
});
