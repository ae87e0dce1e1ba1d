import { DEFAULT_TRAIL, defineTrailSettingRule, requireSet } from './trail-setting.js';
import { askAbove, fixSetting, hclString } from '../../../fix-helpers.js';

export default defineTrailSettingRule({
  id: 'BW-AWS-CLOUDTRAIL-003',
  title: 'CloudTrail log files are encrypted with a customer managed KMS key',
  problem: 'CloudTrail logs not encrypted with a customer managed key',
  severity: 'medium',
  stride: 'information-disclosure',
  cwe: ['CWE-311'],
  compliance: [
    { framework: 'PCI-DSS', control: '10.3.2' },
    { framework: 'SOC2', control: 'CC6.1' },
    { framework: 'HIPAA', control: '164.312(a)(2)(iv)' },
    { framework: 'ISO27001', control: 'A.8.24' },
    { framework: 'NIST-800-53', control: 'AU-9' },
    { framework: 'CIS-AWS', control: '3.7' },
  ],
  description:
    'CloudTrail logs describe every API call in the account: who did what, from where, with which parameters. ' +
    'By default they are stored with S3-managed encryption, so anyone who can read the bucket can read them. ' +
    'SSE-KMS with a customer managed key adds a key policy as a second gate and records each decryption.',
  remediation:
    'Create an `aws_kms_key` whose key policy lets `cloudtrail.amazonaws.com` encrypt, and set the trail\'s ' +
    '`kms_key_id` to its ARN (or an alias ARN).',
  peers: { checkov: ['CKV_AWS_35'], trivy: ['AVD-AWS-0015'], kics: [] },
  links: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html'],
  setting: 'kms_key_id',
  uses: ['kmsKeyArn'],
  fix: {
    terraform: (ctx) =>
      ctx.defaults.kmsKeyArn
        ? fixSetting('kms_key_id', hclString(ctx.defaults.kmsKeyArn))(ctx)
        : askAbove(ctx, 'which KMS key encrypts this trail (its key policy must let CloudTrail use it)? Name it as safeDefaults.kmsKeyArn in bulwark.yaml and run bulwark fix again'),
  },
  require: requireSet,
  consequence: 'its log files are readable by anyone who can read the bucket',
  examples: {
    good: [
      `resource "aws_kms_key" "trail" {
  description         = "CloudTrail log encryption"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
  kms_key_id     = aws_kms_key.trail.arn
}
`,
    ],
    bad: [{
          code: DEFAULT_TRAIL,
          errors: [{ line: 1 }],
          defaults: {kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'},
          output: `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
  kms_key_id     = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`,
        }],
  },
});
