import { defineRule } from '../../../rule.js';
import { PUBLIC_ACCESS_BLOCK_COMPLIANCE } from './compliance.js';
import { accountPublicAccessBlocks, attachedTo } from '../../../../adapt/terraform/aws/s3/bucket-index.js';
import { PUBLIC_ACCESS_BLOCK } from './public-access.js';
import type { FixOutcome, TerraformFixContext } from '../../../fix.js';
import { addCompanion, addressOf, askAbove, attribute, referencedBy, sourceOf } from '../../../fix-helpers.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-005',
    title: 'S3 bucket is covered by a public access block',
    problem: 'S3 bucket without a public access block',
    severity: 'low',
    stride: 'information-disclosure',
    cwe: ['CWE-284'],
    compliance: [...PUBLIC_ACCESS_BLOCK_COMPLIANCE],
    description:
      'S3 Block Public Access is the guardrail that overrides ACLs and bucket policies: with it, a later mistake (a ' +
      'public ACL on an upload, a too-broad policy) cannot expose the bucket. A bucket with no ' +
      '`aws_s3_bucket_public_access_block` and no account-level `aws_s3_account_public_access_block` in the ' +
      'configuration leaves that protection to settings made outside the code.',
    remediation:
      'Add an `aws_s3_bucket_public_access_block` for the bucket with `block_public_acls`, `block_public_policy`, ' +
      '`ignore_public_acls` and `restrict_public_buckets` all set to `true`, or manage an ' +
      '`aws_s3_account_public_access_block` for the whole account.',
    provider: 'aws',
    service: 's3',
    peers: { checkov: ['CKV2_AWS_6'], trivy: ['AVD-AWS-0094'], kics: [] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block'],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket'],
    check(bucket, ctx) {
      if (accountPublicAccessBlocks(ctx).length) return;
      const attached = attachedTo(bucket, ctx, PUBLIC_ACCESS_BLOCK);
      if (attached.found.length || attached.uncertain) return;
      ctx.report({ message: `S3 bucket ${bucket.address} has no public access block (bucket- or account-level).` });
    },
  },
  fix: { terraform: fixPublicAccessBlock },
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
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
        `resource "aws_s3_bucket" "data" {
  for_each = toset(["raw", "clean"])
  bucket   = "acme-\${each.key}"
}

resource "aws_s3_bucket_public_access_block" "data" {
  for_each                = aws_s3_bucket.data
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
      ],
      bad: [
        {
          code: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_s3_bucket" "data" {
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
        },
        {
          code: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket" "other" {
  bucket = "acme-other"
}

resource "aws_s3_bucket_public_access_block" "other" {
  bucket                  = aws_s3_bucket.other.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "other" {
  bucket = "acme-other"
}

resource "aws_s3_bucket_public_access_block" "other" {
  bucket                  = aws_s3_bucket.other.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
        },
      ],
    },
  },
});

/** Block all four kinds of public access, unless the bucket looks public on purpose (a website, a public ACL or policy). */
function fixPublicAccessBlock(ctx: TerraformFixContext): FixOutcome {
  const bucket = ctx.resource;
  const acl = attribute(bucket, 'acl');
  const publicOnPurpose =
    bucket.body.blocks.some((b) => b.type === 'website') ||
    (acl !== undefined && /public/.test(sourceOf(ctx, acl.expr))) ||
    referencedBy(ctx, bucket, ['aws_s3_bucket_website_configuration', 'aws_s3_bucket_policy', 'aws_cloudfront_distribution']);
  if (publicOnPurpose) return askAbove(ctx, 'this bucket serves a website or has a bucket policy: should it be public? If not, add an aws_s3_bucket_public_access_block blocking all public access', bucket);
  const flags = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'].map((name) => ({ name, value: 'true' }));
  return addCompanion(ctx, PUBLIC_ACCESS_BLOCK, 'bucket', 'id', flags, `Blocks every kind of public access to ${addressOf(bucket)} (aws_s3_bucket_public_access_block).`);
}
