import { DEFAULT_TRAIL, defineTrailSettingRule, requireTrue } from './trail-setting.js';

export default defineTrailSettingRule({
  id: 'BW-AWS-CLOUDTRAIL-002',
  title: 'CloudTrail trail has log file integrity validation enabled',
  problem: 'CloudTrail log file validation disabled',
  severity: 'medium',
  stride: 'tampering',
  cwe: ['CWE-354'],
  compliance: [
    { framework: 'PCI-DSS', control: '10.3.4' },
    { framework: 'SOC2', control: 'CC7.2' },
    { framework: 'HIPAA', control: '164.312(c)(1)' },
    { framework: 'ISO27001', control: 'A.8.15' },
    { framework: 'NIST-800-53', control: 'AU-9' },
    { framework: 'CIS-AWS', control: '3.2' },
  ],
  description:
    'With log file validation, CloudTrail delivers signed digest files that prove whether a log file was ' +
    'modified or deleted after delivery. Without it, an intruder who reaches the log bucket can erase their tracks ' +
    'and nobody can tell the logs were changed.',
  remediation: 'Set `enable_log_file_validation = true` on the trail.',
  peers: { checkov: ['CKV_AWS_36'], trivy: ['AVD-AWS-0016'], kics: ['52ffcfa6-6c70-4ea6-8376-d828d3961669'] },
  links: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html'],
  setting: 'enable_log_file_validation',
  require: requireTrue,
  consequence: 'tampering with delivered log files cannot be detected',
  examples: {
    good: [
      `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-trail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
`,
      `variable "validate_logs" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-trail-logs"
  enable_log_file_validation = var.validate_logs
}
`,
    ],
    bad: [
      {
          code: DEFAULT_TRAIL,
          errors: [{ line: 1 }],
          output: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-trail-logs"
  enable_log_file_validation = true
}
`,
        },
      {
          code: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-trail-logs"
  enable_log_file_validation = false
}
`,
          errors: [{ line: 4 }],
          output: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-trail-logs"
  enable_log_file_validation = true
}
`,
        },
    ],
  },
});
