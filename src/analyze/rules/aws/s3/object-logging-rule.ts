// The two object-level logging rules (read events, write events): some CloudTrail trail must select the
// bucket's data events of that kind. Each rule file states its kind of events and its metadata.

import type { ComplianceRef, PeerIds, Rule } from '../../../rule.js';
import { defineRule } from '../../../rule.js';
import { objectEventsLogged, type ObjectEvents } from './object-logging.js';

export interface ObjectLoggingRule {
  id: string;
  title: string;
  problem: string;
  events: ObjectEvents;
  compliance: ComplianceRef[];
  description: string;
  remediation: string;
  peers: PeerIds;
}

export function defineObjectLoggingRule(spec: ObjectLoggingRule): Rule {
  const { events } = spec;
  // The bad example's trail selects the other kind of events only.
  const otherEventsOnly = events === 'read' ? 'WriteOnly' : 'ReadOnly';
  return defineRule({
    meta: {
      id: spec.id,
      title: spec.title,
      problem: spec.problem,
      severity: 'low',
      stride: 'repudiation',
      cwe: ['CWE-778'],
      compliance: spec.compliance,
      description: spec.description,
      remediation: spec.remediation,
      provider: 'aws',
      service: 's3',
      peers: spec.peers,
      links: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html'],
    },
    terraform: {
      resourceTypes: ['aws_s3_bucket'],
      check(bucket, ctx) {
        if (objectEventsLogged(bucket, ctx, events)) return;
        ctx.report({ message: `No CloudTrail trail in this configuration logs object-level ${events} events for S3 bucket ${bucket.address}.` });
      },
    },
    noFix:
      'Object-level events are logged by a CloudTrail trail, usually one per account; which trail, and whether its data-event cost is wanted, is a decision for its owner.',
    examples: {
      terraform: {
        good: [
          `${BUCKET}
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
          `${BUCKET}
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
          // Every finding is on the bucket (line 1), the resource whose objects go unlogged.
          { code: BUCKET, errors: [{ line: 1 }] },
          {
            code: `${BUCKET}
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
  event_selector {
    read_write_type = "${otherEventsOnly}"
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}
`,
            errors: [{ line: 1 }],
          },
          {
            code: `${BUCKET}
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
            errors: [{ line: 1 }],
          },
        ],
      },
    },
  });
}

const BUCKET = `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`;
