import { defineRule } from '../../../rule.js';
import { versioningOf } from './bucket-settings.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-012',
    title: 'Versioned S3 bucket requires MFA to delete versions',
    problem: 'S3 bucket versions deletable without MFA',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-308'],
    compliance: [
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'ISO27001', control: 'A.8.13' },
      { framework: 'NIST-800-53', control: 'CP-9' },
      { framework: 'CIS-AWS', control: '2.1.3' },
    ],
    description:
      'Versioning keeps old versions, but anyone with `s3:DeleteObjectVersion` can still purge them, and ' +
      'suspend versioning. MFA delete requires the root user\'s MFA code for both, so a stolen access key alone ' +
      'cannot destroy the history. Buckets without versioning are reported by BW-AWS-S3-002 instead.',
    remediation:
      'Set `mfa_delete = "Enabled"` in the `versioning_configuration` of the `aws_s3_bucket_versioning` (with the ' +
      '`mfa` argument, applied by the root user), or protect the versions with S3 Object Lock.',
    provider: 'aws',
    service: 's3',
    peers: { checkov: [], trivy: ['AVD-AWS-0170'], kics: ['c5b31ab9-0f26-4a49-b8aa-4cc064392f4d'] },
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html'],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket'],
    check(bucket, ctx) {
      const versioning = versioningOf(bucket, ctx);
      if (versioning.enabled !== true || versioning.mfaDelete !== false) return;
      ctx.report({
        ...versioning.mfaSpot,
        message: `S3 bucket ${bucket.address} is versioned but does not require MFA to delete object versions.`,
      });
    },
  },
  noFix:
    'MFA delete can only be turned on by the root user with an MFA device, through the API; Terraform cannot do it unattended.',
  examples: {
    terraform: {
      good: [
        `resource "aws_s3_bucket" "records" {
  bucket = "acme-records"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  mfa    = "arn:aws:iam::111122223333:mfa/root-account-mfa-device 123456"
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}
`,
        `resource "aws_s3_bucket" "scratch" {
  bucket = "acme-scratch"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_s3_bucket" "records" {
  bucket = "acme-records"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Disabled"
  }
}
`,
          errors: [{ line: 9 }],
        },
        {
          code: `resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  versioning {
    enabled = true
  }
}
`,
          errors: [{ line: 3 }],
        },
      ],
    },
  },
});
