import { defineRule } from '../../../rule.js';
import { askAbove, hclString, parentOf, setLiteral } from '../../../fix-helpers.js';
import type { FixOutcome, TerraformFixContext } from '../../../fix.js';
import { isUnknown } from '../../../../evaluate/terraform/view.js';
import { encryptionOf, isAccessLogTarget, isLoadBalancerLogTarget } from './bucket-settings.js';
import { CUSTOMER_MANAGED_KEY_COMPLIANCE } from '../compliance.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-011',
    title: 'S3 bucket encryption uses a customer managed KMS key',
    problem: 'S3 bucket not encrypted with a customer managed key',
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-320'],
    compliance: [...CUSTOMER_MANAGED_KEY_COMPLIANCE],
    description:
      'SSE-S3 (`AES256`) and the AWS managed `aws/s3` key encrypt data at rest, but anyone allowed to read the ' +
      'objects can decrypt them: there is no separate key policy, no way to revoke access by disabling the key, and ' +
      'no per-key audit trail. A customer managed KMS key adds that second, independently controlled gate. Buckets ' +
      'that receive S3 server access logs or load balancer logs are not reported: those services only deliver to ' +
      'SSE-S3 buckets. A bucket without any default encryption is reported by BW-AWS-S3-001 instead.',
    remediation:
      'Set `sse_algorithm = "aws:kms"` and `kms_master_key_id` to a customer managed `aws_kms_key` (with rotation ' +
      'enabled) in the bucket\'s default encryption rule; consider `bucket_key_enabled = true` to cut KMS costs.',
    provider: 'aws',
    service: 's3',
    peers: { checkov: ['CKV_AWS_145'], trivy: ['AVD-AWS-0132'], kics: [] },
    uses: ['kmsKeyArn'],
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html'],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket'],
    check(bucket, ctx) {
      const encryption = encryptionOf(bucket, ctx);
      if (encryption.state !== 'set' || encryption.algorithm === 'unknown') return;
      const key = encryption.kmsKey;
      let problem: string | undefined;
      if (encryption.algorithm === 'AES256') problem = 'uses SSE-S3 (AES256) with an S3-managed key';
      else if (encryption.algorithm.startsWith('aws:kms')) {
        if (key === undefined || key === null || key === '') problem = 'uses SSE-KMS with the AWS managed aws/s3 key';
        else if (typeof key === 'string' && /(^|:)alias\/aws\/s3$/.test(key)) problem = 'uses the AWS managed alias/aws/s3 key';
        else if (isUnknown(key) || typeof key === 'string') return;
      }
      if (!problem || isAccessLogTarget(bucket, ctx) || isLoadBalancerLogTarget(bucket, ctx)) return;
      ctx.report({
        ...encryption.spot,
        message: `S3 bucket ${bucket.address} ${problem}, not a customer managed KMS key.`,
      });
    },
  },
  fix: { terraform: fixCustomerKey },
  examples: {
    terraform: {
      good: [
        `resource "aws_kms_key" "data" {
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
  }
}
`,
        `resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "data/"
}
`,
        `resource "aws_s3_bucket" "plain" {
  bucket = "acme-plain"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
`,
          errors: [{ line: 9 }],
          defaults: {kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'},
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
          code: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}
`,
          errors: [{ line: 6 }],
          defaults: {kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'},
          output: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      }
    }
  }
}
`,
        },
      ],
    },
  },
});

/** The policy's key in the encryption default the finding points at; without one, which key is asked. */
function fixCustomerKey(ctx: TerraformFixContext): FixOutcome {
  const key = ctx.defaults.kmsKeyArn;
  const at = ctx.at;
  if (!key) return askAbove(ctx, 'which customer managed KMS key encrypts this bucket? Name it as safeDefaults.kmsKeyArn in bulwark.yaml and run bulwark fix again');
  if (at?.kind !== 'Attribute') return { declined: 'the finding does not point at the encryption setting' };
  const byDefault = parentOf(ctx.resource, at);
  const algorithm = setLiteral(ctx, 'sse_algorithm', '"aws:kms"', '', byDefault);
  const keyId = setLiteral(ctx, 'kms_master_key_id', hclString(key), '', byDefault);
  if ('declined' in algorithm) return algorithm;
  if ('declined' in keyId) return keyId;
  return { kind: 'automatic', description: `Encrypts with the policy's key ${key} (SSE-KMS).`, edits: [...algorithm.edits, ...keyId.edits] };
}
