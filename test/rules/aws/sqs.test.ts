// Focused SQS behaviour: encryption modes, key forms and queue-policy shapes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runRulesOnTerraform } from '../../../src/scanners/rule-tester.js';
import { sqsRules } from '../../../src/analyze/rules/aws/sqs/index.js';

const ids = (hcl: string) =>
  runRulesOnTerraform(sqsRules, { 'main.tf': hcl })
    .map((f) => f.ruleId)
    .filter((id) => id.startsWith('BW-AWS-SQS'))
    .sort();

const queue = (attrs: string) => `resource "aws_sqs_queue" "q" {\n  name = "q"\n${attrs}\n}\n`;

describe('SQS encryption', () => {
  it('accepts SSE-SQS and customer keys, including computed key references', () => {
    assert.deepEqual(ids(queue('  sqs_managed_sse_enabled = true')), []);
    assert.deepEqual(ids(queue('  kms_master_key_id = "alias/orders"')), []);
    assert.deepEqual(ids(`resource "aws_kms_key" "k" {}\n` + queue('  kms_master_key_id = aws_kms_key.k.arn')), []);
  });

  it('reports the AWS-managed key (alias or ARN) only as a key-choice issue', () => {
    assert.deepEqual(ids(queue('  kms_master_key_id = "alias/aws/sqs"')), ['BW-AWS-SQS-002']);
    assert.deepEqual(ids(queue('  kms_master_key_id = "arn:aws:kms:eu-west-1:123456789012:alias/aws/sqs"')), ['BW-AWS-SQS-002']);
  });

  it('an empty key with SSE-SQS disabled is unencrypted, and the message says why', () => {
    const findings = runRulesOnTerraform(sqsRules, { 'main.tf': queue('  kms_master_key_id = ""\n  sqs_managed_sse_enabled = false') });
    assert.deepEqual(findings.map((f) => f.ruleId), ['BW-AWS-SQS-001']);
    assert.match(findings[0]!.message, /sqs_managed_sse_enabled = false/);
  });
});

describe('SQS queue policies', () => {
  const policy = (statement: string) =>
    queue('  sqs_managed_sse_enabled = true') +
    `resource "aws_sqs_queue_policy" "p" {\n  queue_url = aws_sqs_queue.q.id\n  policy = jsonencode({ Version = "2012-10-17", Statement = [${statement}] })\n}\n`;

  it('matches wildcard actions case-insensitively and ignores Deny statements', () => {
    assert.deepEqual(ids(policy('{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "SQS:*" }')), ['BW-AWS-SQS-003']);
    assert.deepEqual(ids(policy('{ Effect = "Deny", Principal = "*", Action = "*" }')), []);
  });

  it('treats {AWS = "*"} like "*" and accepts a pinning condition', () => {
    assert.deepEqual(ids(policy('{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sqs:SendMessage" }')), ['BW-AWS-SQS-004']);
    assert.deepEqual(
      ids(policy('{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sqs:SendMessage", Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } } }')),
      [],
    );
  });

  it('a public, all-actions statement is reported by both policy rules', () => {
    assert.deepEqual(ids(policy('{ Effect = "Allow", Principal = "*", Action = "*" }')), ['BW-AWS-SQS-003', 'BW-AWS-SQS-004']);
  });

  it('a policy that cannot be known is not judged', () => {
    const hcl = queue('  sqs_managed_sse_enabled = true') +
      `variable "policy" {\n  type = string\n}\nresource "aws_sqs_queue_policy" "p" {\n  queue_url = aws_sqs_queue.q.id\n  policy    = var.policy\n}\n`;
    assert.deepEqual(ids(hcl), []);
  });
});
