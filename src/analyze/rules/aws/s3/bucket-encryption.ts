import { defineRule } from '../../../rule.js';
import { wholeOf } from '../../../../state/source.js';
import { addBlock, hclString, type HclEntry } from '../../../../edit/hcl-edit.js';
import type { FixOutcome, TerraformFixContext } from '../../../fix.js';
import { addressOf, askAbove } from '../../../fix-helpers.js';
import { addBucketSetting, isLogDestination } from './settings-fix.js';

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
    uses: ['kmsKeyArn'],
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
  fix: { terraform: fixEncryption },
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
          defaults: { kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
          output: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}
`,
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
          defaults: { kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
          output: `resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}
`,
        },
        {
          // Without a key in the policy, which key to use is a person's decision.
          code: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: which KMS key encrypts this bucket? Name it as safeDefaults.kmsKeyArn in bulwark.yaml and run bulwark fix again
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
        },
      ],
    },
  },
});

/**
 * SSE-KMS with the policy's key; SSE-S3 for buckets AWS services deliver logs to (they cannot write with an
 * arbitrary KMS key). Without a key in the policy, which key to use is a person's decision.
 */
function fixEncryption(ctx: TerraformFixContext): FixOutcome {
  const bucket = ctx.resource;
  const logs = bucket.labels[0] === 'aws_s3_bucket' && isLogDestination(ctx, bucket);
  const key = ctx.defaults.kmsKeyArn;
  if (!logs && !key) return askAbove(ctx, 'which KMS key encrypts this bucket? Name it as safeDefaults.kmsKeyArn in bulwark.yaml and run bulwark fix again', bucket);
  const byDefault: HclEntry[] = logs ? [{ name: 'sse_algorithm', value: '"AES256"' }] : [{ name: 'sse_algorithm', value: '"aws:kms"' }, { name: 'kms_master_key_id', value: hclString(key!) }];
  const how = logs ? 'SSE-S3 (it receives service logs, which cannot be written with a KMS key)' : `SSE-KMS with ${key}`;
  const description = `Encrypts ${addressOf(bucket)} by default with ${how}.`;
  const applyDefault = { block: 'apply_server_side_encryption_by_default', body: byDefault };
  const at = ctx.at;
  if (at?.kind === 'Block' && at.type === 'rule') return { kind: 'automatic', description, edits: addBlock(ctx.file, at, applyDefault) };
  if (at?.kind === 'Block' && (at.type === 'server_side_encryption_configuration' || bucket.labels[0] !== 'aws_s3_bucket')) {
    return { kind: 'automatic', description, edits: addBlock(ctx.file, at, { block: 'rule', body: [applyDefault] }) };
  }
  return addBucketSetting(ctx, {
    inline: { block: 'server_side_encryption_configuration', body: [{ block: 'rule', body: [applyDefault] }] },
    resource: { type: 'aws_s3_bucket_server_side_encryption_configuration', body: [{ block: 'rule', body: [applyDefault] }] },
    description,
  });
}
