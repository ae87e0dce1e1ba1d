import { defineRule } from '../../../rule.js';
import { versioningOf } from './bucket-settings.js';
import type { FixOutcome, TerraformFixContext } from '../../../fix.js';
import { addressOf, setFoundLiteral, setLiteral } from '../../../fix-helpers.js';
import { addBucketSetting } from './settings-fix.js';

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
  fix: { terraform: fixVersioning, bringsIntoScope: ['BW-AWS-S3-012'] },
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
          output: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
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
          output: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
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
          output: `resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  versioning {
    enabled = true
  }
}
`,
        },
      ],
    },
  },
});

function fixVersioning(ctx: TerraformFixContext): FixOutcome {
  const description = `Enables versioning on ${ctx.resource.labels[0] === 'aws_s3_bucket' ? addressOf(ctx.resource) : `the bucket of ${addressOf(ctx.resource)}`}.`;
  const at = ctx.at;
  if (at?.kind === 'Attribute') return setFoundLiteral(ctx, at.name === 'status' ? '"Enabled"' : 'true', description);
  if (at?.kind === 'Block' && at.type === 'versioning_configuration') return setLiteral(ctx, 'status', '"Enabled"', description, at);
  if (at?.kind === 'Block' && at.type === 'versioning') return setLiteral(ctx, 'enabled', 'true', description, at);
  return addBucketSetting(ctx, {
    inline: { block: 'versioning', body: [{ name: 'enabled', value: 'true' }] },
    resource: { type: 'aws_s3_bucket_versioning', body: [{ block: 'versioning_configuration', body: [{ name: 'status', value: '"Enabled"' }] }] },
    description,
  });
}
