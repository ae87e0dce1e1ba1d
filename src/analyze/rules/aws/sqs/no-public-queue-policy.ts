import { defineRule } from '../../../rule.js';
import { hasCondition, isEveryonePrincipal, knownStrings } from '../iam/policy-match.js';
import { QUEUE_POLICY_TYPES, reportQueuePolicy } from './queue-policies.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-SQS-004',
    title: 'SQS queue policies do not grant access to everyone',
    problem: 'SQS queue policy grants access to everyone',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'exposure',
    cwe: ['CWE-284', 'CWE-732'],
    compliance: [
      { framework: 'GDPR', control: 'Art. 32' },
      { framework: 'PCI-DSS', control: '7.2.1' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'ISO27001', control: 'A.5.15' },
      { framework: 'NIST-800-53', control: 'AC-3' },
    ],
    description:
      'An Allow statement with `"Principal": "*"` and no condition lets any AWS account send to, read from or manage the queue: ' +
      'injecting forged messages into the consumers, or reading and deleting the messages meant for them.',
    remediation:
      'Name the principals (account, role or service) in the policy, or keep the wildcard only with a condition that pins the ' +
      'caller, such as `aws:SourceArn`, `aws:SourceAccount` or `aws:PrincipalOrgID`.',
    provider: 'aws',
    service: 'sqs',
    peers: { checkov: ['CKV_AWS_168'], trivy: [], kics: ['abb06e5f-ef9a-4a99-98c6-376d396bfcdf'] },
    links: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html'],
  },
  terraform: {
    resourceTypes: QUEUE_POLICY_TYPES,
    check(resource, ctx) {
      reportQueuePolicy(resource, ctx, (s) => {
        if (!isEveryonePrincipal(s.principals) || hasCondition(s)) return undefined;
        const actions = knownStrings(s.actions);
        return `allows everyone (\`Principal: "*"\`) ${actions.length ? actions.map((a) => `\`${a}\``).join(', ') : 'access'} without a condition.`;
      });
    },
  },
  noFix:
    "Which principals may use the queue is the owner's decision; narrowing the wildcard blindly breaks the producers and consumers that rely on it.",
  examples: {
    terraform: {
      good: [
        `resource "aws_sqs_queue" "uploads" {
  name                    = "uploads"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue_policy" "uploads" {
  queue_url = aws_sqs_queue.uploads.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.uploads.arn
      Condition = { ArnLike = { "aws:SourceArn" = "arn:aws:s3:::uploads-bucket" } }
    }]
  })
}
`,
        `# A wildcard principal pinned to one source topic.
resource "aws_sqs_queue_policy" "fanout" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/fanout"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = "arn:aws:sqs:eu-west-1:123456789012:fanout"
      Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:123456789012:events" } }
    }]
  })
}
`,
      ],
      bad: [
        {
          code: `resource "aws_sqs_queue_policy" "open" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/open"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["sqs:SendMessage", "sqs:ReceiveMessage"]
      Resource  = "arn:aws:sqs:eu-west-1:123456789012:open"
    }]
  })
}
`,
          errors: [{ line: 3 }],
        },
      ],
    },
  },
});
