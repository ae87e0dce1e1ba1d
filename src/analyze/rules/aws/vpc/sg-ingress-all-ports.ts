import { defineRule } from '../../../rule.js';
import { fixInternetIngress } from './ingress-fix.js';
import { coversAllPorts, describePorts } from '../../../../state/aws/network.js';
import { internetCidrs } from './sg-exposure.js';
import { OPEN_INGRESS_COMPLIANCE } from './compliance.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-001',
    title: 'Security groups do not allow ingress from the internet on every port',
    problem: 'Security group open to the internet on every port',
    severity: 'critical',
    stride: 'elevation-of-privilege',
    risk: 'exposure',
    cwe: ['CWE-668', 'CWE-284'],
    compliance: [
      ...OPEN_INGRESS_COMPLIANCE,
      { framework: 'CIS-AWS', control: '5.2' },
      { framework: 'CIS-AWS', control: '5.3' },
    ],
    description:
      'A security group rule that accepts traffic from 0.0.0.0/0 or ::/0 on every port (protocol `-1`, or TCP/UDP 0-65535) ' +
      'exposes every service on the attached instances, including ones never meant to be reachable, such as admin ' +
      'consoles, databases and debug endpoints. Internet-wide scanners find such hosts within minutes.',
    remediation:
      'Replace the rule with one rule per port that must be reachable, and restrict its source to the networks that need it ' +
      '(a load balancer security group, a VPN range, a corporate CIDR).',
    provider: 'aws',
    service: 'vpc',
    peers: { checkov: ['CKV_AWS_277'], trivy: [], kics: ['4728cd65-a20c-49da-8b31-9c08b423e4db'] },
    uses: ['allowedIngressCidrs', 'allowedIngressPorts'],
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group#ingress',
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    ],
  },
  aws: {
    collection: 'vpc.securityGroupRules',
    check(rule, ctx) {
      if (rule.direction !== 'ingress' || !coversAllPorts(rule.ports)) return;
      const open = internetCidrs(rule);
      if (!open.length) return;
      ctx.report({
        at: rule.at,
        message: `${rule.label} allows ingress from ${open.join(', ')} on ${describePorts(rule.protocol, rule.ports)}: open to the internet on every port.`,
      });
    },
  },
  fix: { terraform: (ctx) => fixInternetIngress(ctx, 'which ports must be reachable, and from which networks? Replace this rule with one rule per port') },
  examples: {
    terraform: {
      good: [
        `resource "aws_security_group" "web" {
  name        = "web"
  description = "HTTPS from anywhere, everything else from the VPC"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "Everything from inside the VPC"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
`,
        `variable "trusted_cidrs" {
  type = list(string)
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "Application tier"
}

resource "aws_vpc_security_group_ingress_rule" "all_from_trusted" {
  security_group_id = aws_security_group.app.id
  description       = "All traffic from the trusted ranges"
  ip_protocol       = "-1"
  cidr_ipv4         = var.trusted_cidrs[0]
}
`,
      ],
      bad: [
        {
          code: `resource "aws_security_group" "web" {
  name        = "web"
  description = "Web servers"

  ingress {
    description = "Everything"
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
          errors: [{ line: 5 }],
          output: `resource "aws_security_group" "web" {
  name        = "web"
  description = "Web servers"

  # NEEDS YOUR INPUT: which ports must be reachable, and from which networks? Replace this rule with one rule per port
  ingress {
    description = "Everything"
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
        },
        {
          code: `resource "aws_security_group" "app" {
  name        = "app"
  description = "Application tier"
}

resource "aws_vpc_security_group_ingress_rule" "everything_v6" {
  security_group_id = aws_security_group.app.id
  description       = "All IPv6 traffic"
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}
`,
          errors: [{ line: 10 }],
          output: `resource "aws_security_group" "app" {
  name        = "app"
  description = "Application tier"
}

# NEEDS YOUR INPUT: which ports must be reachable, and from which networks? Replace this rule with one rule per port
resource "aws_vpc_security_group_ingress_rule" "everything_v6" {
  security_group_id = aws_security_group.app.id
  description       = "All IPv6 traffic"
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}
`,
        },
        {
          code: `locals {
  open_rules = [
    { port = 0, to = 0, protocol = "-1" },
  ]
}

resource "aws_security_group" "dyn" {
  name        = "dyn"
  description = "Rules from a local list"

  dynamic "ingress" {
    for_each = local.open_rules
    content {
      description = "From the list"
      from_port   = ingress.value.port
      to_port     = ingress.value.to
      protocol    = ingress.value.protocol
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
`,
          errors: [{ line: 11 }],
          output: `locals {
  open_rules = [
    { port = 0, to = 0, protocol = "-1" },
  ]
}

resource "aws_security_group" "dyn" {
  name        = "dyn"
  description = "Rules from a local list"

  # NEEDS YOUR INPUT: which ports must be reachable, and from which networks? Replace this rule with one rule per port
  dynamic "ingress" {
    for_each = local.open_rules
    content {
      description = "From the list"
      from_port   = ingress.value.port
      to_port     = ingress.value.to
      protocol    = ingress.value.protocol
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
`,
        },
      ],
    },
  },
});
