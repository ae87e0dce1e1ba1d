import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { attr, isFalse, isUnknown } from '../../../../evaluate/terraform/view.js';
import { ebsDefaultKmsKeyConfigured } from './account-defaults.js';

/** The AWS managed EBS key, by alias or alias ARN: encryption, but not under the customer's key policy. */
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\/ebs$/;

export default defineRule({
  meta: {
    id: 'BW-AWS-EC2-005',
    title: 'EBS volumes are encrypted with a customer managed KMS key',
    problem: 'EBS volume not encrypted with a customer managed key',
    severity: 'low',
    stride: 'information-disclosure',
    cwe: ['CWE-320'],
    compliance: [
      { framework: 'PCI-DSS', control: '3.6.1' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'NIST-800-53', control: 'SC-12' },
      { framework: 'ISO27001', control: 'A.8.24' },
    ],
    description:
      'Without `kms_key_id`, EBS uses the AWS managed key `aws/ebs`, whose key policy you cannot change: you cannot limit who ' +
      'may decrypt, share encrypted snapshots with other accounts, disable the key in an incident, or separate duties between ' +
      'key administrators and users. A customer managed key gives you those controls and its own CloudTrail audit trail. ' +
      'An `aws_ebs_default_kms_key` in the same configuration supplies a customer managed default, and counts.',
    remediation: 'Set `kms_key_id` to the ARN of a customer managed `aws_kms_key` (with rotation enabled), or set `aws_ebs_default_kms_key`.',
    provider: 'aws',
    service: 'ec2',
    peers: { checkov: ['CKV_AWS_189'], trivy: ['AVD-AWS-0027'], kics: [] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume#kms_key_id'],
  },
  terraform: {
    resourceTypes: ['aws_ebs_volume'],
    check(resource, ctx) {
      // An explicitly unencrypted volume is BW-AWS-EC2-004's finding; which key it would use is moot.
      if (isFalse(attr(resource.body, 'encrypted')?.value)) return;
      const kmsKey = attr(resource.body, 'kms_key_id');
      if (kmsKey && kmsKey.value !== null) {
        if (typeof kmsKey.value === 'string' && AWS_MANAGED_ALIAS.test(kmsKey.value)) {
          ctx.report({ at: kmsKey, message: `EBS volume ${resource.address} uses the AWS managed key (${kmsKey.value}) rather than a customer managed key.` });
        }
        return;
      }
      if (isUnknown(kmsKey?.value) || ebsDefaultKmsKeyConfigured(ctx)) return;
      ctx.report({ message: `EBS volume ${resource.address} sets no kms_key_id, so it is encrypted (if at all) with the AWS managed aws/ebs key.` });
    },
  },
  fix: { terraform: askFix('which customer managed KMS key encrypts this volume? Changing the key replaces the volume, so plan the data migration') },
  examples: {
    terraform: {
      good: [
        `resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}
`,
        `resource "aws_kms_key" "ebs" {
  description         = "Default EBS key"
  enable_key_rotation = true
}

resource "aws_ebs_encryption_by_default" "on" {}

resource "aws_ebs_default_kms_key" "default" {
  key_arn = aws_kms_key.ebs.arn
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
}
`,
      ],
      bad: [
        {
          code: `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}
`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: which customer managed KMS key encrypts this volume? Changing the key replaces the volume, so plan the data migration
resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}
`,
        },
        {
          code: `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:alias/aws/ebs"
}
`,
          errors: [{ line: 5 }],
          output: `# NEEDS YOUR INPUT: which customer managed KMS key encrypts this volume? Changing the key replaces the volume, so plan the data migration
resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:alias/aws/ebs"
}
`,
        },
      ],
    },
  },
});
