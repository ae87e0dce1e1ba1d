import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { attr } from '../../../../evaluate/terraform/view.js';
import { accessLoggingOf } from '../s3/bucket-settings.js';
import { trailBuckets } from './trail-bucket.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-CLOUDTRAIL-006',
    title: 'S3 bucket receiving CloudTrail logs has server access logging enabled',
    problem: 'CloudTrail log bucket without access logging',
    severity: 'low',
    stride: 'repudiation',
    cwe: ['CWE-778'],
    compliance: [
      { framework: 'PCI-DSS', control: '10.2.1' },
      { framework: 'SOC2', control: 'CC7.2' },
      { framework: 'HIPAA', control: '164.312(b)' },
      { framework: 'ISO27001', control: 'A.8.15' },
      { framework: 'NIST-800-53', control: 'AU-9' },
      { framework: 'CIS-AWS', control: '3.6' },
    ],
    description:
      'Access logging on the trail\'s bucket records who read, copied or deleted the audit logs themselves, which is ' +
      'how an attempt to study or erase them is detected. This reports the trail whose destination bucket, declared ' +
      'in the same configuration, has no server access logging; the bucket itself is also reported by the S3 ' +
      'access-logging rule.',
    remediation:
      'Add an `aws_s3_bucket_logging` for the trail\'s bucket that delivers to a separate log bucket.',
    provider: 'aws',
    service: 'cloudtrail',
    peers: { checkov: [], trivy: ['AVD-AWS-0163'], kics: ['ee9e50e8-b2ed-4176-ad42-8fc0cf7593f4'] },
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html'],
  },
  terraform: {
    resourceTypes: ['aws_cloudtrail'],
    check(trail, ctx) {
      for (const bucket of trailBuckets(trail, ctx)) {
        if (accessLoggingOf(bucket, ctx) !== false) continue;
        ctx.report({
          at: attr(trail.body, 's3_bucket_name'),
          message: `CloudTrail trail ${trail.address} delivers logs to S3 bucket ${bucket.address}, which has no server access logging.`,
        });
      }
    },
  },
  fix: { terraform: askFix('which bucket receives the access logs of the trail bucket? Add an aws_s3_bucket_logging for it') },
  examples: {
    terraform: {
      good: [
        `resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail-logs"
}

resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = "acme-access-logs"
  target_prefix = "trail/"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
`,
        `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "bucket-managed-elsewhere"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail-logs"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
`,
          errors: [{ line: 7 }],
          output: `resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail-logs"
}

# NEEDS YOUR INPUT: which bucket receives the access logs of the trail bucket? Add an aws_s3_bucket_logging for it
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
`,
        },
      ],
    },
  },
});
