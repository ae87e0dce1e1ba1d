import { defineRule } from '../../../rule.js';
import { objectEventsLogged } from './object-logging.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-014',
    title: 'S3 bucket object-level read events are logged by CloudTrail',
    severity: 'low',
    stride: 'repudiation',
    cwe: ['CWE-778'],
    compliance: [
      { framework: 'PCI-DSS', control: '10.2.1' },
      { framework: 'SOC2', control: 'CC7.2' },
      { framework: 'HIPAA', control: '164.312(b)' },
      { framework: 'ISO27001', control: 'A.8.15' },
      { framework: 'NIST-800-53', control: 'AU-12' },
      { framework: 'CIS-AWS', control: '3.11' },
    ],
    description:
      'CloudTrail records only management events by default. Object-level read calls (GetObject) are data events ' +
      'and are logged only when a trail selects them for the bucket. Without them there is no record of who read objects, ' +
      'which an investigation of a data breach or tampering needs. A trail counts when its event selector covers ' +
      'all buckets (`arn:aws:s3`) or this bucket\'s objects (`arn:aws:s3:::<bucket>/`) for read events.',
    remediation:
      'Add to an `aws_cloudtrail` an `event_selector` with `read_write_type = "All"` (or "ReadOnly") and a ' +
      '`data_resource { type = "AWS::S3::Object", values = ["${aws_s3_bucket.<name>.arn}/"] }`, or an equivalent ' +
      '`advanced_event_selector`.',
    provider: 'aws',
    service: 's3',
    peers: { checkov: [], trivy: ['AVD-AWS-0172'], kics: ['a8fc2180-b3ac-4c93-bd0d-a55b974e4b07'] },
    links: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html'],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket'],
    check(bucket, ctx) {
      if (objectEventsLogged(bucket, ctx, 'read')) return;
      ctx.report({ message: `No CloudTrail trail in this configuration logs object-level read events for S3 bucket ${bucket.address}.` });
    },
  },
  examples: {
    terraform: {
      good: [
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
  event_selector {
    read_write_type           = "All"
    include_management_events = true
    data_resource {
      type   = "AWS::S3::Object"
      values = ["\${aws_s3_bucket.data.arn}/"]
    }
  }
}
`,
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
  advanced_event_selector {
    name = "All S3 object events"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
}
`,
      ],
      bad: [
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
  event_selector {
    read_write_type = "WriteOnly"
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}
`,
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
  event_selector {
    read_write_type = "All"
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::acme-other/"]
    }
  }
}
`,
      ],
    },
  },
});
