import { DEFAULT_TRAIL, defineTrailSettingRule, requireSet } from './trail-setting.js';

export default defineTrailSettingRule({
  id: 'BW-AWS-CLOUDTRAIL-004',
  title: 'CloudTrail trail delivers events to CloudWatch Logs',
  problem: 'CloudTrail trail not sent to CloudWatch Logs',
  severity: 'low',
  stride: 'repudiation',
  cwe: ['CWE-778'],
  compliance: [
    { framework: 'PCI-DSS', control: '10.4.1' },
    { framework: 'SOC2', control: 'CC7.2' },
    { framework: 'HIPAA', control: '164.308(a)(1)(ii)(D)' },
    { framework: 'ISO27001', control: 'A.8.16' },
    { framework: 'NIST-800-53', control: 'SI-4' },
    { framework: 'CIS-AWS', control: '3.4' },
  ],
  description:
    'Logs that only land in S3 are read after the fact, if at all. Sending the trail to CloudWatch Logs enables ' +
    'metric filters and alarms on events such as root logins, IAM policy changes or disabled trails, so an ' +
    'intrusion is noticed while it happens.',
  remediation:
    'Set `cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.<name>.arn}:*"` and `cloud_watch_logs_role_arn` ' +
    'to a role that lets CloudTrail write to that log group.',
  peers: { checkov: ['CKV2_AWS_10'], trivy: ['AVD-AWS-0162'], kics: ['17b30f8f-8dfb-4597-adf6-57600b6cf25e'] },
  links: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html'],
  setting: 'cloud_watch_logs_group_arn',
  require: requireSet,
  consequence: 'no alarm can fire on its events',
  noFix:
    'Delivering to CloudWatch Logs needs a log group, an IAM role CloudTrail can assume and a retention decision; Bulwark does not create them for you.',
  examples: {
    good: [
      `resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/main"
  retention_in_days = 365
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-trail-logs"
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
}
`,
    ],
    bad: [{
          code: DEFAULT_TRAIL,
          errors: [{ line: 1 }],
        }],
  },
});
