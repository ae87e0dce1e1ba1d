import { ACTIVITY_LOGGING_COMPLIANCE } from '../compliance.js';
import { DEFAULT_TRAIL, defineTrailSettingRule, requireTrue } from './trail-setting.js';

export default defineTrailSettingRule({
  id: 'BW-AWS-CLOUDTRAIL-001',
  title: 'CloudTrail trail records events in all regions',
  problem: 'CloudTrail trail records a single region only',
  severity: 'medium',
  stride: 'repudiation',
  cwe: ['CWE-778'],
  compliance: [
    ...ACTIVITY_LOGGING_COMPLIANCE,
    { framework: 'CIS-AWS', control: '3.1' },
  ],
  description:
    'A single-region trail records nothing about activity in the other regions, which is exactly where an ' +
    'attacker with stolen credentials tends to launch resources unnoticed. Unlike the console, the Terraform ' +
    'resource creates single-region trails unless told otherwise.',
  remediation: 'Set `is_multi_region_trail = true` on the trail (and keep `include_global_service_events` at its default `true`).',
  peers: { checkov: ['CKV_AWS_67'], trivy: ['AVD-AWS-0014'], kics: ['8173d5eb-96b5-4aa6-a71b-ecfa153c123d'] },
  links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#is_multi_region_trail'],
  setting: 'is_multi_region_trail',
  require: requireTrue,
  consequence: 'activity in other regions goes unrecorded',
  examples: {
    good: [
      `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-trail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
`,
    ],
    bad: [
      {
          code: DEFAULT_TRAIL,
          errors: [{ line: 1 }],
          output: `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-trail-logs"
  is_multi_region_trail = true
}
`,
        },
      {
          code: `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-trail-logs"
  is_multi_region_trail = false
}
`,
          errors: [{ line: 4 }],
          output: `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-trail-logs"
  is_multi_region_trail = true
}
`,
        },
    ],
  },
});
