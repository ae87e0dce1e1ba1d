import { defineRule } from '../../../rule.js';
import { versioningOf } from './bucket-settings.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-002',
    title: 'S3 bucket has versioning enabled',
    problem: 'S3 bucket versioning disabled',
    severity: 'high',
    stride: 'tampering',
    cwe: ['CWE-693'],
    compliance: [
      { framework: 'GDPR', control: 'Art. 32' },
      { framework: 'SOC2', control: 'A1.2' },
      { framework: 'HIPAA', control: '164.308(a)(7)(ii)(A)' },
      { framework: 'HIPAA', control: '164.312(c)(1)' },
      { framework: 'ISO27001', control: 'A.8.13' },
      { framework: 'NIST-800-53', control: 'CP-9' },
    ],
    description:
      'Without versioning, an overwrite or delete destroys the only copy of an object: a buggy deployment, a ' +
      'compromised credential or ransomware can silently replace or erase data with no way back. Versioning keeps ' +
      'every prior version so objects can be restored, and is the prerequisite for MFA delete, Object Lock and ' +
      'replication.',
    remediation:
      'Add an `aws_s3_bucket_versioning` resource for the bucket with `versioning_configuration { status = "Enabled" }` ' +
      '(or `versioning { enabled = true }` where the file already uses inline blocks). Pair it with a lifecycle rule ' +
      'that expires noncurrent versions to control cost.',
    provider: 'aws',
    service: 's3',
    peers: { checkov: ['CKV_AWS_21'], trivy: ['AVD-AWS-0090'], kics: ['568a4d22-3517-44a6-a7ad-6a7eed88722c'] },
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
    ],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket'],
    check(bucket, ctx) {
      const versioning = versioningOf(bucket, ctx);
      if (versioning.enabled !== false) return;
      if (versioning.spot) {
        ctx.report({
          ...versioning.spot,
          message: `S3 bucket ${bucket.address} does not enable versioning (${versioning.spot.resource.address} leaves it off).`,
        });
      } else {
        ctx.report({ message: `S3 bucket ${bucket.address} does not enable versioning.` });
      }
    },
  },
  examples: {
    terraform: {
      good: [
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
        `resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  versioning {
    enabled = true
  }
}
`,
        `resource "aws_s3_bucket" "records" {
  bucket              = "acme-records"
  object_lock_enabled = true
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
          code: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Suspended"
  }
}
`,
          errors: [{ line: 8 }],
        },
        {
          code: `resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  versioning {
    enabled = false
  }
}
`,
          errors: [{ line: 4 }],
        },
      ],
    },
  },
});
