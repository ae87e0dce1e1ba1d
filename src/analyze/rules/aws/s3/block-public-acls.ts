import { defineRule } from '../../../rule.js';
import { checkBlockFlag } from './block-flag.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-006',
    title: 'S3 public access block blocks public ACLs',
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
      'With `block_public_acls`, S3 rejects any request that would set a public ACL on the bucket or on an object in it. Without it, one upload with `x-amz-acl: public-read` or a mistaken ACL change makes data public. ' +
      'The flag is not reported when the account-level public access block sets it, since S3 applies the stricter ' +
      'setting; a bucket with no public access block at all is reported by BW-AWS-S3-005 instead.',
    remediation: 'Set `block_public_acls = true` on the `aws_s3_bucket_public_access_block` (or on the account-level block).',
    provider: 'aws',
    service: 's3',
    peers: { checkov: ['CKV_AWS_53'], trivy: ['AVD-AWS-0086'], kics: ['d0cc8694-fcad-43ff-ac86-32331d7e867f'] },
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket_public_access_block'],
    check(block, ctx) {
      checkBlockFlag(block, ctx, 'block_public_acls', 'new public ACLs on the bucket or its objects are accepted');
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
  block_public_acls = true
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
  block_public_acls       = false
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
      ],
    },
  },
});
