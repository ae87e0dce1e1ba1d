import { defineRule } from '../../../rule.js';
import { checkBlockFlag } from './block-flag.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-008',
    title: 'S3 public access block ignores public ACLs',
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
      'With `ignore_public_acls`, S3 disregards every public ACL on the bucket and its objects, including ones set before the block existed. Without it, any public ACL that slips through keeps granting access. ' +
      'The flag is not reported when the account-level public access block sets it, since S3 applies the stricter ' +
      'setting; a bucket with no public access block at all is reported by BW-AWS-S3-005 instead.',
    remediation: 'Set `ignore_public_acls = true` on the `aws_s3_bucket_public_access_block` (or on the account-level block).',
    provider: 'aws',
    service: 's3',
    peers: { checkov: ['CKV_AWS_55'], trivy: ['AVD-AWS-0091'], kics: ['4fa66806-0dd9-4f8d-9480-3174d39c7c91'] },
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket_public_access_block'],
    check(block, ctx) {
      checkBlockFlag(block, ctx, 'ignore_public_acls', 'existing public ACLs on the bucket and its objects stay in effect');
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
  ignore_public_acls = true
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
  ignore_public_acls      = false
  restrict_public_buckets = true
}
`,
      ],
    },
  },
});
