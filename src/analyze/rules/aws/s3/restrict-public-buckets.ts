import { defineRule } from '../../../rule.js';
import { checkBlockFlag } from './block-flag.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-009',
    title: 'S3 public access block restricts public bucket policies',
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-284'],
    compliance: [
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'ISO27001', control: 'A.8.3' },
      { framework: 'NIST-800-53', control: 'AC-3' },
      { framework: 'CIS-AWS', control: '2.1.5' },
    ],
    description:
      'With `restrict_public_buckets`, a bucket whose policy is public can only be accessed by AWS services and principals of the owning account. Without it, a public policy (already attached or added later) grants access to anyone, including anonymous users. ' +
      'The flag is not reported when the account-level public access block sets it, since S3 applies the stricter ' +
      'setting; a bucket with no public access block at all is reported by BW-AWS-S3-005 instead.',
    remediation: 'Set `restrict_public_buckets = true` on the `aws_s3_bucket_public_access_block` (or on the account-level block).',
    provider: 'aws',
    service: 's3',
    peers: { checkov: ['CKV_AWS_56'], trivy: ['AVD-AWS-0093'], kics: ['1ec253ab-c220-4d63-b2de-5b40e0af9293'] },
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket_public_access_block'],
    check(block, ctx) {
      checkBlockFlag(block, ctx, 'restrict_public_buckets', 'a public bucket policy still grants access to anyone');
    },
  },
  examples: {
    terraform: {
      good: [
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
        `resource "aws_s3_account_public_access_block" "account" {
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket = aws_s3_bucket.data.id
}
`,
      ],
      bad: [
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket = aws_s3_bucket.data.id
}
`,
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false
}
`,
      ],
    },
  },
});
