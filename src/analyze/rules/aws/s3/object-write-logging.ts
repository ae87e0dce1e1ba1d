import { ACTIVITY_LOGGING_COMPLIANCE } from '../compliance.js';
import { defineObjectLoggingRule } from './object-logging-rule.js';

export default defineObjectLoggingRule({
  id: 'BW-AWS-S3-013',
  title: 'S3 bucket object-level write events are logged by CloudTrail',
  problem: 'S3 object writes not logged by CloudTrail',
  events: 'write',
  compliance: [
    ...ACTIVITY_LOGGING_COMPLIANCE,
    { framework: 'CIS-AWS', control: '3.10' },
  ],
  description:
    'CloudTrail records only management events by default. Object-level write calls (PutObject, DeleteObject) are data events ' +
    'and are logged only when a trail selects them for the bucket. Without them there is no record of who modified or deleted objects, ' +
    'which an investigation of a data breach or tampering needs. A trail counts when its event selector covers ' +
    'all buckets (`arn:aws:s3`) or this bucket\'s objects (`arn:aws:s3:::<bucket>/`) for write events.',
  remediation:
    'Add to an `aws_cloudtrail` an `event_selector` with `read_write_type = "All"` (or "WriteOnly") and a ' +
    '`data_resource { type = "AWS::S3::Object", values = ["${aws_s3_bucket.<name>.arn}/"] }`, or an equivalent ' +
    '`advanced_event_selector`.',
  peers: { checkov: [], trivy: ['AVD-AWS-0171'], kics: ['a8fc2180-b3ac-4c93-bd0d-a55b974e4b07'] },
});
