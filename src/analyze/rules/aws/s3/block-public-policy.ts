import { defineRule } from '../../../rule.js';
import { checkBlockFlag } from './block-flag.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-007',
    title: 'S3 public access block blocks public bucket policies',
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
      'With `block_public_policy`, S3 rejects a bucket policy that grants public access. Without it, anyone allowed to change the policy can open the bucket to the internet with one statement. ' +
      'The flag is not reported when the account-level public access block sets it, since S3 applies the stricter ' +
      'setting; a bucket with no public access block at all is reported by BW-AWS-S3-005 instead.',
    remediation: 'Set `block_public_policy = true` on the `aws_s3_bucket_public_access_block` (or on the account-level block).',
    provider: 'aws',
    service: 's3',
    peers: { checkov: ['CKV_AWS_54'], trivy: ['AVD-AWS-0087'], kics: ['1a4bc881-9f69-4d44-8c9a-d37d08f54c50'] },
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket_public_access_block'],
    check(block, ctx) {
      checkBlockFlag(block, ctx, 'block_public_policy', 'a bucket policy granting public access can be attached');
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
  block_public_policy = true
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
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
      ],
    },
  },
});
