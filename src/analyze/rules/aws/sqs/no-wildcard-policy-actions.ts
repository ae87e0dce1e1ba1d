import { defineRule } from '../../../rule.js';
import { actionsWhere } from '../iam/policy-match.js';
import { QUEUE_POLICY_TYPES, reportQueuePolicy } from './queue-policies.js';
import { LEAST_PRIVILEGE_COMPLIANCE } from '../compliance.js';

/** `*`, `sqs:*` (any case) and `*:*` grant every queue action. */
function isAllQueueActions(action: string): boolean {
  return action === '*' || action === '*:*' || /^sqs:\*+$/i.test(action);
}

export default defineRule({
  meta: {
    id: 'BW-AWS-SQS-003',
    title: 'SQS queue policies do not allow every action',
    problem: 'SQS queue policy allows every action',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-732'],
    compliance: [...LEAST_PRIVILEGE_COMPLIANCE],
    description:
      'A queue policy that allows `*` or `sqs:*` lets the named principals not only send and receive but also purge the queue, ' +
      'delete it, and rewrite its policy and attributes, including its encryption and redrive settings.',
    remediation:
      'Allow only the actions each principal needs: typically `sqs:SendMessage` for producers and `sqs:ReceiveMessage`, ' +
      '`sqs:DeleteMessage`, `sqs:GetQueueAttributes` for consumers.',
    provider: 'aws',
    service: 'sqs',
    peers: { checkov: ['CKV_AWS_72'], trivy: ['AVD-AWS-0097'], kics: ['816ea8cf-d589-442d-a917-2dd0ce0e45e3'] },
    links: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-using-identity-based-policies.html'],
  },
  terraform: {
    resourceTypes: QUEUE_POLICY_TYPES,
    check(resource, ctx) {
      reportQueuePolicy(resource, ctx, (s) => {
        const wild = actionsWhere(s, isAllQueueActions);
        return wild.length ? `allows every queue action (\`${wild[0]}\`).` : undefined;
      });
    },
  },
  noFix:
    'Replacing sqs:* needs the actions the principals really use.',
  examples: {
    terraform: {
      good: [
        `resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true
}

data "aws_iam_policy_document" "jobs" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.jobs.arn]
    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = ["arn:aws:sns:eu-west-1:123456789012:jobs"]
    }
  }
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy    = data.aws_iam_policy_document.jobs.json
}
`,
      ],
      bad: [
        {
          code: `resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:role/worker" }
      Action    = "sqs:*"
      Resource  = aws_sqs_queue.jobs.arn
    }]
  })
}
`,
          errors: [{ line: 8 }],
        },
        {
          code: `resource "aws_sqs_queue" "inline" {
  name                    = "inline"
  sqs_managed_sse_enabled = true
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "*" }
  ]
}
POLICY
}
`,
          errors: [{ line: 4 }],
        },
      ],
    },
  },
});
