import { defineRule } from '../../../rule.js';
import { wholeOf } from '../../../../state/source.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-001',
    title: 'S3 bucket has default server-side encryption configured',
    problem: 'S3 bucket without default encryption',
    severity: 'critical',
    stride: 'information-disclosure',
    cwe: ['CWE-311'],
    compliance: [
      { framework: 'GDPR', control: 'Art. 32' },
      { framework: 'PCI-DSS', control: '3.5.1' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'SOC2', control: 'CC6.7' },
      { framework: 'HIPAA', control: '164.312(a)(2)(iv)' },
      { framework: 'ISO27001', control: 'A.8.24' },
      { framework: 'NIST-800-53', control: 'SC-28' },
      { framework: 'CIS-AWS', control: '2.1.1' },
    ],
    description:
      'A bucket without a default encryption configuration leaves the protection of its objects to whatever each ' +
      'writer asks for and to the platform default, and records no decision about keys. Declaring default ' +
      'encryption (SSE-KMS with a key you control, or at least SSE-S3) makes every object encrypted at rest, lets ' +
      'access to the data be governed and audited through the key, and gives auditors evidence in the code.',
    remediation:
      'Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket (or an inline ' +
      '`server_side_encryption_configuration` block where the file already uses inline blocks) whose ' +
      '`rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms", kms_master_key_id = <key ARN> } }` ' +
      'sets the encryption.',
    provider: 'aws',
    service: 's3',
    peers: { checkov: ['CKV_AWS_19'], trivy: ['AVD-AWS-0088'], kics: [] },
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html',
    ],
  },
  aws: {
    collection: 's3.buckets',
    check(bucket, ctx) {
      const { encryption } = bucket;
      if (encryption.state !== 'none') return;
      const name = bucket.source.address;
      if (encryption.at) {
        ctx.report({
          at: encryption.at,
          message: `S3 bucket ${name} has an encryption configuration (${encryption.at.source.address}) that sets no default encryption algorithm.`,
        });
      } else {
        ctx.report({ at: wholeOf(bucket.source), message: `S3 bucket ${name} has no default server-side encryption configured.` });
      }
    },
  },
  examples: {
    terraform: {
      good: [
        `resource "aws_kms_key" "data" {
  description         = "Key for the data bucket"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}
`,
        `resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}
`,
        `variable "sse_algorithm" {
  type = string
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "reports" {
  bucket = aws_s3_bucket.reports.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.sse_algorithm
    }
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
        },
        {
          code: `resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  rule {
    bucket_key_enabled = true
  }
}
`,
          errors: [{ line: 7 }],
        },
      ],
    },
  },
});
