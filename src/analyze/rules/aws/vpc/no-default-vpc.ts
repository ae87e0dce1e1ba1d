import { defineRule } from '../../../rule.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-010',
    title: 'The default VPC is not used',
    problem: 'Default VPC in use',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-1188'],
    compliance: [
      { framework: 'SOC2', control: 'CC6.6' },
      { framework: 'NIST-800-53', control: 'SC-7' },
      { framework: 'ISO27001', control: 'A.8.22' },
    ],
    description:
      'The default VPC is built for convenience: every default subnet is public and assigns public IPs, and it has no flow ' +
      'logs or deliberate segmentation. Workloads placed there are internet-facing by default. Bringing it under Terraform ' +
      'with `aws_default_vpc` keeps it in use.',
    remediation:
      'Create a dedicated `aws_vpc` with private and public subnets for the workload. To retire the default VPC, adopt it with ' +
      '`force_destroy = true`, apply, then destroy it.',
    provider: 'aws',
    service: 'vpc',
    peers: { checkov: ['CKV_AWS_148'], trivy: ['AVD-AWS-0101'], kics: ['96ed3526-0179-4c73-b1b2-372fde2e0d13'] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_vpc'],
  },
  terraform: {
    resourceTypes: ['aws_default_vpc'],
    check(resource, ctx) {
      ctx.report({ message: `${resource.address} manages the account's default VPC; use a dedicated VPC instead.` });
    },
  },
  noFix:
    'Leaving the default VPC means moving what runs in it to a dedicated VPC, a migration Bulwark cannot plan.',
  examples: {
    terraform: {
      good: [
        `resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}
`,
      ],
      bad: [
        {
          code: `resource "aws_default_vpc" "default" {
  tags = {
    Name = "default"
  }
}
`,
          errors: [{ line: 1 }],
        },
      ],
    },
  },
});
