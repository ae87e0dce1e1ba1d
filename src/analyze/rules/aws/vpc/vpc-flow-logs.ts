import { defineRule } from '../../../rule.js';
import { attr, isUnknown } from '../../../../evaluate/terraform/view.js';

/** A reference to a VPC resource or data source, possibly module-qualified or indexed. */
const VPC_REF = /(^|\.)aws_(default_)?vpc\./;

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-011',
    title: 'VPCs have flow logs enabled',
    problem: 'VPC without flow logs',
    severity: 'medium',
    stride: 'repudiation',
    cwe: ['CWE-778'],
    compliance: [
      { framework: 'CIS-AWS', control: '3.7' },
      { framework: 'PCI-DSS', control: '10.2.1' },
      { framework: 'SOC2', control: 'CC7.2' },
      { framework: 'HIPAA', control: '164.312(b)' },
      { framework: 'NIST-800-53', control: 'AU-12' },
      { framework: 'ISO27001', control: 'A.8.15' },
    ],
    description:
      'VPC flow logs record which addresses talked to which, on which ports, and whether traffic was accepted or rejected. ' +
      'Without them there is no record to investigate an intrusion, confirm exfiltration, or spot scanning against rejected ports.',
    remediation:
      'Add an `aws_flow_log` with `vpc_id` set to this VPC, sending at least REJECT traffic (ideally ALL) to CloudWatch Logs or S3.',
    provider: 'aws',
    service: 'vpc',
    peers: { checkov: ['CKV2_AWS_11'], trivy: ['AVD-AWS-0178'], kics: ['f83121ea-03da-434f-9277-9cd247ab3047'] },
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/flow_log',
      'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
    ],
  },
  terraform: {
    resourceTypes: ['aws_vpc', 'aws_default_vpc'],
    check(resource, ctx) {
      if (ctx.referencing(resource, 'aws_flow_log', 'vpc_id').length) return;
      // A flow log whose VPC comes from a variable or module output may well be this VPC's: unknown is not a violation.
      const maybeOurs = ctx.ofType('aws_flow_log').some((log) => {
        const vpcId = attr(log.body, 'vpc_id');
        return vpcId !== undefined && isUnknown(vpcId.value) && !vpcId.refs.some((ref) => VPC_REF.test(ref));
      });
      if (maybeOurs) return;
      ctx.report({ message: `VPC ${resource.address} has no flow log (no aws_flow_log with vpc_id pointing at it).` });
    },
  },
  noFix:
    'A flow log needs a destination (CloudWatch Logs with an IAM role, or an S3 bucket) and a retention decision; Bulwark does not create them for you.',
  examples: {
    terraform: {
      good: [
        `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_cloudwatch_log_group" "flow" {
  name              = "vpc-flow-logs"
  retention_in_days = 365
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = "arn:aws:iam::123456789012:role/flow-logs"
}
`,
        `variable "vpc_id" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "from_variable" {
  vpc_id               = var.vpc_id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-log-archive"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`,
          errors: [{ line: 1 }],
        },
        {
          code: `resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_flow_log" "only_a" {
  vpc_id          = aws_vpc.a.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:us-east-1:123456789012:log-group:flow"
  iam_role_arn    = "arn:aws:iam::123456789012:role/flow-logs"
}
`,
          errors: [{ line: 5 }],
        },
      ],
    },
  },
});
