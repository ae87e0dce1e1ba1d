import { defineRule } from '../../../rule.js';
import { fixInternetIngress } from './ingress-fix.js';
import { ADMIN_PORTS } from '../../../../state/aws/network.js';
import { reportInternetIngressTo } from './sg-exposure.js';
import { OPEN_INGRESS_COMPLIANCE } from './compliance.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-002',
    title: 'Security groups do not allow ingress from the internet to SSH or RDP',
    problem: 'SSH or RDP open to the internet',
    severity: 'high',
    stride: 'elevation-of-privilege',
    risk: 'exposure',
    cwe: ['CWE-668', 'CWE-284'],
    compliance: [
      ...OPEN_INGRESS_COMPLIANCE,
      { framework: 'CIS-AWS', control: '5.2' },
      { framework: 'CIS-AWS', control: '5.3' },
    ],
    description:
      'SSH (22) and RDP (3389) reachable from 0.0.0.0/0 or ::/0 are brute-forced and probed for exploits around the clock. ' +
      'Remote administration should come through a bastion, a VPN, or AWS Systems Manager Session Manager, never straight from the internet. ' +
      'Port ranges that include 22 or 3389 count. (Rules open on every port are reported by BW-AWS-VPC-001 instead.)',
    remediation:
      'Restrict the rule\'s source to the administrators\' network (VPN or office CIDR, or a bastion security group), ' +
      'or remove it and use AWS Systems Manager Session Manager.',
    provider: 'aws',
    service: 'vpc',
    peers: {
      checkov: ['CKV_AWS_24', 'CKV_AWS_25'],
      trivy: ['AVD-AWS-0107'],
      kics: ['65905cec-d691-4320-b320-2000436cb696'],
    },
    uses: ['allowedIngressCidrs'],
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group_rule',
      'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
    ],
  },
  aws: {
    collection: 'vpc.securityGroupRules',
    check(rule, ctx) {
      reportInternetIngressTo(rule, ctx, ADMIN_PORTS, (ports) => `exposing ${ports.join(' and ')} to the internet`);
    },
  },
  fix: { terraform: (ctx) => fixInternetIngress(ctx, 'which networks need SSH or RDP here (a bastion, a VPN range)? Or use SSM Session Manager and remove this rule') },
  examples: {
    terraform: {
      good: [
        `resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "SSH from the office only"

  ingress {
    description = "SSH from the office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }
}
`,
        `resource "aws_security_group" "web" {
  name        = "web"
  description = "Web"
}

resource "aws_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  description       = "HTTPS from anywhere"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`,
      ],
      bad: [
        {
          code: `resource "aws_security_group" "admin" {
  name        = "admin"
  description = "Admin access"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  description       = "SSH"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`,
          errors: [{ line: 13 }],
          output: `resource "aws_security_group" "admin" {
  name        = "admin"
  description = "Admin access"
}

# NEEDS YOUR INPUT: which networks need SSH or RDP here (a bastion, a VPN range)? Or use SSM Session Manager and remove this rule
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  description       = "SSH"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`,
        },
        {
          code: `resource "aws_security_group" "windows" {
  name        = "windows"
  description = "Windows hosts"

  ingress {
    description      = "Low ports, including RDP"
    from_port        = 1
    to_port          = 4000
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
`,
          errors: [{ line: 5 }],
          output: `resource "aws_security_group" "windows" {
  name        = "windows"
  description = "Windows hosts"

  # NEEDS YOUR INPUT: which networks need SSH or RDP here (a bastion, a VPN range)? Or use SSM Session Manager and remove this rule
  ingress {
    description      = "Low ports, including RDP"
    from_port        = 1
    to_port          = 4000
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
`,
        },
        {
          code: `resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = "sg-0123456789abcdef0"
  description       = "RDP"
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0"
}
`,
          errors: [{ line: 7 }],
          output: `# NEEDS YOUR INPUT: which networks need SSH or RDP here (a bastion, a VPN range)? Or use SSM Session Manager and remove this rule
resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = "sg-0123456789abcdef0"
  description       = "RDP"
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0"
}
`,
        },
      ],
    },
  },
});
