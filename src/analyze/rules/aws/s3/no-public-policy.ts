import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { PUBLIC_BUCKET_COMPLIANCE } from './compliance.js';
import { publicPolicyExposureOfPolicyResource, publicPolicyExposures } from './public-access.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-004',
    title: 'S3 bucket policy does not allow access to any principal',
    problem: 'S3 bucket policy allows any principal',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'exposure',
    cwe: ['CWE-284'],
    compliance: [...PUBLIC_BUCKET_COMPLIANCE],
    description:
      'A bucket policy statement with `Effect = "Allow"` and `Principal = "*"` (or `{ AWS = "*" }`, or any ' +
      '`NotPrincipal`) grants its actions to everyone, including anonymous internet users, unless a condition ties ' +
      'the request to your accounts, organisation, VPC endpoints, source IPs or a specific source resource. Read ' +
      'actions expose the data; write or delete actions let anyone replace or erase it. A policy that S3 restricts ' +
      'because `restrict_public_buckets` is in force is not reported.',
    remediation:
      'Name the principals that need access (account, role or service ARNs), or keep `Principal = "*"` only with a ' +
      'narrowing condition such as `aws:PrincipalOrgID`, `aws:SourceVpce` or `aws:SourceArn`. For public websites, ' +
      'serve through CloudFront with origin access control and allow only the distribution.',
    provider: 'aws',
    service: 's3',
    peers: { checkov: ['CKV_AWS_70'], trivy: [], kics: ['7af43613-6bb9-4a0e-8c4d-1314b799425e'] },
    links: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_policy',
    ],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy'],
    check(resource, ctx) {
      // Each policy is reported where it is written: an inline `policy` on the bucket, or the policy resource.
      const exposures =
        resource.type === 'aws_s3_bucket'
          ? publicPolicyExposures(resource, ctx).filter((e) => e.resource === resource)
          : [publicPolicyExposureOfPolicyResource(resource, ctx)].filter((e) => e !== undefined);
      for (const e of exposures) {
        ctx.report({ at: e.at, message: `${resource.address} makes the bucket public through ${e.reason}.` });
      }
    },
  },
  fix: { terraform: askFix('is this bucket public on purpose? If not, name the principals that need access instead of everyone') },
  examples: {
    terraform: {
      good: [
        `data "aws_iam_policy_document" "org_read" {
  statement {
    sid       = "OrgRead"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-shared/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_s3_bucket" "shared" {
  bucket = "acme-shared"
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = data.aws_iam_policy_document.org_read.json
}
`,
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_policy" "tls_only" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`,
      ],
      bad: [
        {
          code: `resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-site/*"
    }]
  })
}
`,
          errors: [{ line: 7 }],
          output: `resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

# NEEDS YOUR INPUT: is this bucket public on purpose? If not, name the principals that need access instead of everyone
resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-site/*"
    }]
  })
}
`,
        },
        {
          code: `data "aws_iam_policy_document" "anyone" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::acme-inbox/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket" "inbox" {
  bucket = "acme-inbox"
}

resource "aws_s3_bucket_policy" "inbox" {
  bucket = aws_s3_bucket.inbox.id
  policy = data.aws_iam_policy_document.anyone.json
}
`,
          errors: [{ line: 18 }],
          output: `data "aws_iam_policy_document" "anyone" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::acme-inbox/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket" "inbox" {
  bucket = "acme-inbox"
}

# NEEDS YOUR INPUT: is this bucket public on purpose? If not, name the principals that need access instead of everyone
resource "aws_s3_bucket_policy" "inbox" {
  bucket = aws_s3_bucket.inbox.id
  policy = data.aws_iam_policy_document.anyone.json
}
`,
        },
      ],
    },
  },
});
