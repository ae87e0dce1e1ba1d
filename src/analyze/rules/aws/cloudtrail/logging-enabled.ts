import { defineRule } from '../../../rule.js';
import { fixSetting } from '../../../fix-helpers.js';
import { ACTIVITY_LOGGING_COMPLIANCE } from '../compliance.js';
import { attr, isFalse } from '../../../../evaluate/terraform/view.js';
import { DEFAULT_TRAIL } from './trail-setting.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-CLOUDTRAIL-007',
    title: 'CloudTrail trail is logging',
    problem: 'CloudTrail trail not logging',
    severity: 'medium',
    stride: 'repudiation',
    cwe: ['CWE-778'],
    compliance: [...ACTIVITY_LOGGING_COMPLIANCE],
    description:
      '`enable_logging = false` creates the trail but pauses it: nothing is recorded, while the trail\'s presence ' +
      'suggests the account is audited.',
    remediation: 'Remove `enable_logging = false` (it defaults to `true`) or set it to `true`.',
    provider: 'aws',
    service: 'cloudtrail',
    peers: { checkov: ['CKV_AWS_251'], trivy: [], kics: ['4bb76f17-3d63-4529-bdca-2b454529d774'] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#enable_logging'],
  },
  terraform: {
    resourceTypes: ['aws_cloudtrail'],
    check(trail, ctx) {
      const logging = attr(trail.body, 'enable_logging');
      if (!logging || !isFalse(logging.value)) return;
      ctx.report({ at: logging, message: `CloudTrail trail ${trail.address} sets enable_logging = false, so it records nothing.` });
    },
  },
  fix: { terraform: fixSetting('enable_logging', 'true', { askWhenWritten: 'logging is switched off on purpose? A trail that does not log records nothing; if not intended, set enable_logging = true' }) },
  examples: {
    terraform: {
      good: [DEFAULT_TRAIL],
      bad: [
        {
          code: `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
  enable_logging = false
}
`,
          errors: [{ line: 4 }],
          output: `# NEEDS YOUR INPUT: logging is switched off on purpose? A trail that does not log records nothing; if not intended, set enable_logging = true
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
  enable_logging = false
}
`,
        },
      ],
    },
  },
});
