import { defineRule } from '../../../rule.js';
import { attr } from '../../../../evaluate/terraform/view.js';
import { publicExposures } from '../s3/public-access.js';
import { trailBuckets } from './trail-bucket.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-CLOUDTRAIL-005',
    title: 'S3 bucket receiving CloudTrail logs is not public',
    problem: 'CloudTrail log bucket is public',
    severity: 'critical',
    stride: 'information-disclosure',
    risk: 'exposure',
    cwe: ['CWE-732'],
    compliance: [
      { framework: 'GDPR', control: 'Art. 32' },
      { framework: 'PCI-DSS', control: '10.3.1' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'HIPAA', control: '164.312(b)' },
      { framework: 'ISO27001', control: 'A.8.15' },
      { framework: 'NIST-800-53', control: 'AU-9' },
      { framework: 'CIS-AWS', control: '3.3' },
    ],
    description:
      'CloudTrail logs map the whole account: users and roles, resource names, IP addresses, and every ' +
      'configuration change. In a publicly readable bucket they hand an attacker a reconnaissance report, and in a ' +
      'publicly writable one they can be forged. This reports the trail whose destination bucket, declared in the ' +
      'same configuration, is public through an ACL or bucket policy; the bucket itself is also reported by the ' +
      'S3 public-access rules.',
    remediation:
      'Make the log bucket private: remove public ACLs and wildcard-principal policy statements (the bucket policy ' +
      'should allow only `cloudtrail.amazonaws.com` with an `aws:SourceArn` condition), and add an ' +
      '`aws_s3_bucket_public_access_block` with all four settings `true`.',
    provider: 'aws',
    service: 'cloudtrail',
    peers: { checkov: [], trivy: ['AVD-AWS-0161'], kics: ['bd0088a5-c133-4b20-b129-ec9968b16ef3'] },
    links: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html'],
  },
  terraform: {
    resourceTypes: ['aws_cloudtrail'],
    check(trail, ctx) {
      for (const bucket of trailBuckets(trail, ctx)) {
        const exposure = publicExposures(bucket, ctx)[0];
        if (!exposure) continue;
        ctx.report({
          at: attr(trail.body, 's3_bucket_name'),
          message: `CloudTrail trail ${trail.address} delivers logs to S3 bucket ${bucket.address}, which is public through ${exposure.reason}.`,
        });
      }
    },
  },
  noFix:
    "The bucket is public through its ACL or policy; that is fixed on the bucket (BW-AWS-S3-003, BW-AWS-S3-004, BW-AWS-S3-005), and whether anything relies on it is the owner's call.",
  examples: {
    terraform: {
      good: [
        `resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail-logs"
}

resource "aws_s3_bucket_public_access_block" "trail" {
  bucket                  = aws_s3_bucket.trail.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
`,
      ],
      bad: [
        {
          code: `resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail-logs"
}

resource "aws_s3_bucket_acl" "trail" {
  bucket = aws_s3_bucket.trail.id
  acl    = "public-read"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
`,
          errors: [{ line: 12 }],
        },
        {
          code: `resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail-logs"
}

resource "aws_s3_bucket_policy" "trail" {
  bucket = aws_s3_bucket.trail.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = ["arn:aws:s3:::acme-trail-logs", "arn:aws:s3:::acme-trail-logs/*"]
    }]
  })
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
}
`,
          errors: [{ line: 20 }],
        },
      ],
    },
  },
});
