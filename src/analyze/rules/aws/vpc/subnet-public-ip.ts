import { defineRule } from '../../../rule.js';
import { fixSetting } from '../../../fix-helpers.js';
import { attr, isTrue } from '../../../../evaluate/terraform/view.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-009',
    title: 'Subnets do not assign public IP addresses to instances by default',
    problem: 'Subnet assigns public IP addresses by default',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'exposure',
    cwe: ['CWE-668'],
    compliance: [
      { framework: 'PCI-DSS', control: '1.4.4' },
      { framework: 'SOC2', control: 'CC6.6' },
      { framework: 'NIST-800-53', control: 'SC-7' },
      { framework: 'ISO27001', control: 'A.8.22' },
    ],
    description:
      'With `map_public_ip_on_launch = true`, every instance launched into the subnet gets a public address, whether or not ' +
      'it should be reachable; a single permissive security group then exposes it. Load balancers and NAT gateways do not ' +
      'need this setting: they get their own public addresses.',
    remediation:
      'Set `map_public_ip_on_launch = false` (the default) and give the few instances that must be public an Elastic IP, ' +
      'or put them behind a load balancer.',
    provider: 'aws',
    service: 'vpc',
    peers: { checkov: ['CKV_AWS_130'], trivy: ['AVD-AWS-0164'], kics: ['52f04a44-6bfa-4c41-b1d3-4ae99a2de05c'] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/subnet#map_public_ip_on_launch'],
  },
  terraform: {
    resourceTypes: ['aws_subnet', 'aws_default_subnet'],
    check(resource, ctx) {
      const mapPublic = attr(resource.body, 'map_public_ip_on_launch');
      if (!mapPublic || !isTrue(mapPublic.value)) return;
      ctx.report({ at: mapPublic, message: `Subnet ${resource.address} sets map_public_ip_on_launch = true: every instance launched in it gets a public IP.` });
    },
  },
  fix: { terraform: fixSetting('map_public_ip_on_launch', 'false', { askWhenWritten: 'is this a public subnet on purpose? Instances launched here get public IPs; if not intended, set this to false' }) },
  examples: {
    terraform: {
      good: [
        `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public" {
  count                   = 2
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.\${count.index}.0/24"
  map_public_ip_on_launch = true
}
`,
          errors: [{ line: 9 }, { line: 9 }],
          output: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# NEEDS YOUR INPUT: is this a public subnet on purpose? Instances launched here get public IPs; if not intended, set this to false
resource "aws_subnet" "public" {
  count                   = 2
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.\${count.index}.0/24"
  map_public_ip_on_launch = true
}
`,
        },
      ],
    },
  },
});
