import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { ACTIVITY_LOGGING_COMPLIANCE } from '../compliance.js';
import { accessLoggingOf, isAccessLogTarget } from './bucket-settings.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-010',
    title: 'S3 bucket has server access logging enabled',
    problem: 'S3 bucket without access logging',
    severity: 'low',
    stride: 'repudiation',
    cwe: ['CWE-778'],
    compliance: [...ACTIVITY_LOGGING_COMPLIANCE],
    description:
      'Server access logs record every request made to the bucket: who, from where, which object, and the result. ' +
      'Without them an investigation cannot tell which objects were read or changed. Buckets that themselves ' +
      'receive access logs are not reported, since logging them would only log the log delivery.',
    remediation:
      'Add an `aws_s3_bucket_logging` resource for the bucket (or an inline `logging` block where the file already ' +
      'uses inline blocks) with `target_bucket` set to a dedicated log bucket and a `target_prefix`.',
    provider: 'aws',
    service: 's3',
    peers: { checkov: ['CKV_AWS_18'], trivy: ['AVD-AWS-0089'], kics: ['f861041c-8c9f-4156-acfc-5e6e524f5884'] },
    links: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging',
    ],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket'],
    check(bucket, ctx) {
      if (accessLoggingOf(bucket, ctx) !== false || isAccessLogTarget(bucket, ctx)) return;
      ctx.report({ message: `S3 bucket ${bucket.address} has no server access logging.` });
    },
  },
  fix: { terraform: askFix('which bucket receives the access logs of this bucket? Add an aws_s3_bucket_logging with that target_bucket') },
  examples: {
    terraform: {
      good: [
        `resource "aws_s3_bucket" "logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "data/"
}
`,
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  logging {
    target_bucket = "acme-central-access-logs"
    target_prefix = "data/"
  }
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
          output: `# NEEDS YOUR INPUT: which bucket receives the access logs of this bucket? Add an aws_s3_bucket_logging with that target_bucket
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
        },
        {
          code: `resource "aws_s3_bucket" "logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "data/"
}
`,
          errors: [{ line: 9 }],
          output: `resource "aws_s3_bucket" "logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

# NEEDS YOUR INPUT: which bucket receives the access logs of this bucket? Add an aws_s3_bucket_logging with that target_bucket
resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "data/"
}
`,
        },
      ],
    },
  },
});
