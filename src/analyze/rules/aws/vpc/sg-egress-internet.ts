import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { describePorts } from '../../../../state/aws/network.js';
import { internetCidrs } from './sg-exposure.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-004',
    title: 'Security groups do not allow unrestricted egress to the internet',
    problem: 'Security group allows unrestricted egress',
    // Trivy rates this critical; unrestricted egress is an exfiltration enabler rather than a direct exposure,
    // and it is so common that a critical rating would drown the findings that need action first.
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-668'],
    compliance: [
      { framework: 'PCI-DSS', control: '1.3.2' },
      { framework: 'SOC2', control: 'CC6.6' },
      { framework: 'NIST-800-53', control: 'SC-7(5)' },
      { framework: 'ISO27001', control: 'A.8.20' },
    ],
    description:
      'An egress rule to 0.0.0.0/0 or ::/0 lets a compromised workload send data anywhere and talk to any command-and-control ' +
      'server. Restricting egress to the destinations the workload needs (VPC endpoints, a proxy, named partner ranges) turns ' +
      'exfiltration from trivial into hard. Terraform removes the AWS default allow-all egress rule, so every such rule here is explicit.',
    remediation:
      'Limit egress to the ports and destinations the workload needs: other security groups, VPC endpoint prefix lists, ' +
      'or an egress proxy/NAT with filtering.',
    provider: 'aws',
    service: 'vpc',
    peers: { checkov: ['CKV_AWS_382'], trivy: ['AVD-AWS-0104'], kics: [] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group#egress'],
  },
  aws: {
    collection: 'vpc.securityGroupRules',
    check(rule, ctx) {
      if (rule.direction !== 'egress') return;
      const open = internetCidrs(rule);
      if (!open.length) return;
      const ports = rule.ports.kind === 'unknown' ? '' : ` on ${describePorts(rule.protocol, rule.ports)}`;
      ctx.report({ at: rule.at, message: `${rule.label} allows egress to ${open.join(', ')}${ports}.` });
    },
  },
  fix: { terraform: askFix('which destinations does this group need to reach? Narrow egress to them (VPC endpoints, a proxy, named CIDRs)') },
  examples: {
    terraform: {
      good: [
        `resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers reach the database and the proxy only"

  egress {
    description = "PostgreSQL inside the VPC"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }

  egress {
    description     = "HTTPS via the egress proxy"
    from_port       = 3128
    to_port         = 3128
    protocol        = "tcp"
    security_groups = ["sg-0aaaaaaaaaaaaaaaa"]
  }
}
`,
      ],
      bad: [
        {
          code: `resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"

  egress {
    description = "Anywhere"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
          errors: [{ line: 5 }],
          output: `resource "aws_security_group" "app" {
  name        = "app"
  description = "App servers"

  # NEEDS YOUR INPUT: which destinations does this group need to reach? Narrow egress to them (VPC endpoints, a proxy, named CIDRs)
  egress {
    description = "Anywhere"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
        },
        {
          code: `resource "aws_vpc_security_group_egress_rule" "https_out" {
  security_group_id = "sg-0123456789abcdef0"
  description       = "HTTPS anywhere over IPv6"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = "::/0"
}
`,
          errors: [{ line: 7 }],
          output: `# NEEDS YOUR INPUT: which destinations does this group need to reach? Narrow egress to them (VPC endpoints, a proxy, named CIDRs)
resource "aws_vpc_security_group_egress_rule" "https_out" {
  security_group_id = "sg-0123456789abcdef0"
  description       = "HTTPS anywhere over IPv6"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = "::/0"
}
`,
        },
      ],
    },
  },
});
