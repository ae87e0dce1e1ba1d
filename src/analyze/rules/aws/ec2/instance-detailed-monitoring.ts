import { defineRule } from '../../../rule.js';
import { attr, isTrue, isUnknown } from '../../../../evaluate/terraform/view.js';
import { addressOf, setLiteral } from '../../../fix-helpers.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-EC2-001',
    title: 'EC2 instances have detailed monitoring enabled',
    problem: 'EC2 instance without detailed monitoring',
    severity: 'high',
    stride: 'repudiation',
    cwe: ['CWE-778'],
    compliance: [
      { framework: 'SOC2', control: 'CC7.2' },
      { framework: 'NIST-800-53', control: 'SI-4' },
      { framework: 'ISO27001', control: 'A.8.16' },
    ],
    description:
      'Basic monitoring reports instance metrics every five minutes; detailed monitoring reports every minute. Short spikes ' +
      'from cryptomining, data exfiltration or a denial-of-service attack vanish in five-minute averages, and alarms fire ' +
      'several minutes later. Detailed monitoring makes abnormal behaviour visible while it is happening.',
    remediation: 'Set `monitoring = true` on the instance.',
    provider: 'aws',
    service: 'ec2',
    peers: { checkov: ['CKV_AWS_126'], trivy: [], kics: ['23b70e32-032e-4fa6-ba5c-82f56b9980e6'] },
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#monitoring',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html',
    ],
  },
  terraform: {
    resourceTypes: ['aws_instance'],
    check(resource, ctx) {
      const monitoring = attr(resource.body, 'monitoring');
      if (monitoring && (isTrue(monitoring.value) || isUnknown(monitoring.value))) return;
      ctx.report({
        at: monitoring,
        message: monitoring
          ? `EC2 instance ${resource.address} sets monitoring = ${String(monitoring.value)}: no detailed monitoring.`
          : `EC2 instance ${resource.address} has no detailed monitoring (monitoring is not set to true).`,
      });
    },
  },
  fix: {
    terraform: (ctx) => setLiteral(ctx, 'monitoring', 'true', `Sets monitoring = true on ${addressOf(ctx.resource)}.`),
  },
  examples: {
    terraform: {
      good: [
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  monitoring    = true
}
`,
        `variable "detailed_monitoring" {
  type = bool
}

resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  monitoring    = var.detailed_monitoring
}
`,
      ],
      bad: [
        {
          code: `resource "aws_instance" "web" {
  ami                    = "ami-12345678"
  instance_type          = "t2.micro"
  vpc_security_group_ids = ["sg-0123456789abcdef0"]
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_instance" "web" {
  ami                    = "ami-12345678"
  instance_type          = "t2.micro"
  vpc_security_group_ids = ["sg-0123456789abcdef0"]
  monitoring             = true
}
`,
        },
        {
          code: `resource "aws_instance" "batch" {
  count         = 3
  ami           = "ami-0abcdef1234567890"
  instance_type = "c6i.large"
  monitoring    = false
}
`,
          errors: [{ line: 5 }, { line: 5 }, { line: 5 }],
          output: `resource "aws_instance" "batch" {
  count         = 3
  ami           = "ami-0abcdef1234567890"
  instance_type = "c6i.large"
  monitoring    = true
}
`,
        },
      ],
    },
  },
});
