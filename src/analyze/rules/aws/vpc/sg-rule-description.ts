import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { attr, isUnknown } from '../../../../evaluate/terraform/view.js';
import { SECURITY_GROUP_RULE_TYPES, securityGroupRules } from '../../../../adapt/terraform/aws/vpc/security-group-rules.js';
import { DESCRIBED_FIREWALL_COMPLIANCE } from './compliance.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-008',
    title: 'Security group rules have a description',
    problem: 'Security group rule without a description',
    severity: 'low',
    stride: 'repudiation',
    cwe: ['CWE-710'],
    compliance: [
      ...DESCRIBED_FIREWALL_COMPLIANCE,
      { framework: 'PCI-DSS', control: '1.2.5' },
    ],
    description:
      'Each allowed flow should say why it is allowed. PCI DSS asks that every allowed service, protocol and port be identified ' +
      'and have a business need; a rule description is where that justification lives, and it lets reviewers spot rules that ' +
      'outlived their purpose.',
    remediation: 'Add a `description` to each rule saying what the flow is for, e.g. "PostgreSQL from the app tier".',
    provider: 'aws',
    service: 'vpc',
    peers: { checkov: ['CKV_AWS_23'], trivy: ['AVD-AWS-0124'], kics: ['68eb4bf3-f9bf-463d-b5cf-e029bb446d2e'] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group_rule#description'],
  },
  terraform: {
    resourceTypes: SECURITY_GROUP_RULE_TYPES,
    check(resource, ctx) {
      for (const rule of securityGroupRules(resource, ctx)) {
        const description = attr(rule.body, 'description');
        if (description && (isUnknown(description.value) || (typeof description.value === 'string' && description.value.trim()))) continue;
        ctx.report({
          at: description ?? rule.body,
          message: `${rule.where} has ${description ? 'an empty' : 'no'} description.`,
          ...(rule.part ? { part: description ? `${rule.part}.description` : rule.part } : {}),
        });
      }
    },
  },
  fix: { terraform: askFix('why does this rule exist? Describe who it lets in or out') },
  examples: {
    terraform: {
      good: [
        `resource "aws_security_group" "web" {
  name        = "web"
  description = "Web servers"

  ingress {
    description = "HTTPS from the load balancer"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_security_group_rule" "metrics" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  description       = "Prometheus scrape from the monitoring subnet"
  from_port         = 9100
  to_port           = 9100
  protocol          = "tcp"
  cidr_blocks       = ["10.0.200.0/24"]
}
`,
      ],
      bad: [
        {
          code: `resource "aws_security_group" "web" {
  name        = "web"
  description = "Web servers"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
`,
          errors: [{ line: 5 }],
          output: `resource "aws_security_group" "web" {
  name        = "web"
  description = "Web servers"

  # NEEDS YOUR INPUT: why does this rule exist? Describe who it lets in or out
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
`,
        },
        {
          code: `resource "aws_vpc_security_group_egress_rule" "https_out" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.0.0.0/16"
}
`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: why does this rule exist? Describe who it lets in or out
resource "aws_vpc_security_group_egress_rule" "https_out" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.0.0.0/16"
}
`,
        },
      ],
    },
  },
});
