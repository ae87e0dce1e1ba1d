import { defineRule } from '../../../rule.js';
import { fixSetting } from '../../../fix-helpers.js';
import type { TfAttribute } from '../../../../evaluate/terraform/view.js';
import { attr, blocks, isTrue } from '../../../../evaluate/terraform/view.js';
import { LAUNCHER_KIND } from './launchers.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-EC2-007',
    title: 'Instances and launch configurations do not get a public IP address',
    problem: 'Instance gets a public IP address',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'exposure',
    cwe: ['CWE-668'],
    compliance: [
      { framework: 'PCI-DSS', control: '1.4.4' },
      { framework: 'SOC2', control: 'CC6.6' },
      { framework: 'NIST-800-53', control: 'SC-7' },
      { framework: 'ISO27001', control: 'A.8.20' },
    ],
    description:
      'An instance with a public IP address is directly addressable from the internet; its security groups are then the only ' +
      'barrier, and one permissive rule exposes it. Instances behind a load balancer, NAT gateway or VPC endpoints need no ' +
      'public address. For launch configurations and templates the setting applies to every instance an Auto Scaling group starts.',
    remediation:
      'Set `associate_public_ip_address = false` (or remove it) and place the instances in private subnets behind a load ' +
      'balancer; use NAT or VPC endpoints for outbound access.',
    provider: 'aws',
    service: 'ec2',
    peers: { checkov: ['CKV_AWS_88'], trivy: ['AVD-AWS-0009'], kics: ['5a2486aa-facf-477d-a5c1-b010789459ce'] },
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_configuration#associate_public_ip_address',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#network-interfaces',
    ],
  },
  terraform: {
    resourceTypes: ['aws_instance', 'aws_launch_configuration', 'aws_launch_template'],
    check(resource, ctx) {
      const settings: TfAttribute[] = [];
      if (resource.type === 'aws_launch_template') {
        for (const nic of blocks(resource.body, 'network_interfaces')) {
          const a = nic.fromUnknownDynamic ? undefined : attr(nic, 'associate_public_ip_address');
          if (a) settings.push(a);
        }
      } else {
        const a = attr(resource.body, 'associate_public_ip_address');
        if (a) settings.push(a);
      }
      for (const setting of settings) {
        if (!isTrue(setting.value)) continue;
        ctx.report({ at: setting, message: `${LAUNCHER_KIND[resource.type]} ${resource.address} sets associate_public_ip_address = true.` });
      }
    },
  },
  fix: { terraform: fixSetting('associate_public_ip_address', 'false', { askWhenWritten: 'does this instance need a public IP? Without one it needs a NAT gateway or VPC endpoints to reach out; if not, set this to false' }) },
  examples: {
    terraform: {
      good: [
        `resource "aws_launch_configuration" "web" {
  name_prefix                 = "web-"
  image_id                    = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
}
`,
        `resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  network_interfaces {
    associate_public_ip_address = false
    security_groups             = ["sg-0123456789abcdef0"]
  }
}
`,
      ],
      bad: [
        {
          code: `resource "aws_launch_configuration" "web" {
  name_prefix                 = "web-"
  image_id                    = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}
`,
          errors: [{ line: 5 }],
          output: `# NEEDS YOUR INPUT: does this instance need a public IP? Without one it needs a NAT gateway or VPC endpoints to reach out; if not, set this to false
resource "aws_launch_configuration" "web" {
  name_prefix                 = "web-"
  image_id                    = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}
`,
        },
        {
          code: `resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  network_interfaces {
    associate_public_ip_address = "true"
    security_groups             = ["sg-0123456789abcdef0"]
  }
}
`,
          errors: [{ line: 7 }],
          output: `resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  # NEEDS YOUR INPUT: does this instance need a public IP? Without one it needs a NAT gateway or VPC endpoints to reach out; if not, set this to false
  network_interfaces {
    associate_public_ip_address = "true"
    security_groups             = ["sg-0123456789abcdef0"]
  }
}
`,
        },
        {
          code: `resource "aws_instance" "bastion" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.nano"
  subnet_id                   = "subnet-0123456789abcdef0"
  associate_public_ip_address = true
}
`,
          errors: [{ line: 5 }],
          output: `# NEEDS YOUR INPUT: does this instance need a public IP? Without one it needs a NAT gateway or VPC endpoints to reach out; if not, set this to false
resource "aws_instance" "bastion" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.nano"
  subnet_id                   = "subnet-0123456789abcdef0"
  associate_public_ip_address = true
}
`,
        },
      ],
    },
  },
});
