import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { NACL_RULE_TYPES, aclEntries, admitsEverything, allowsInternetIngress, effectiveIngress, naclEntries, naclReportTarget } from './nacl-rules.js';
import { coversAllPorts, describePorts } from '../../../../state/aws/network.js';
import { OPEN_INGRESS_COMPLIANCE } from './compliance.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-005',
    title: 'Network ACLs do not allow ingress from the internet on every port',
    problem: 'Network ACL open to the internet on every port',
    // Trivy rates this critical; a network ACL is the outer, stateless layer and security groups still filter
    // behind it, so the exposure is real but one step removed from an open security group (BW-AWS-VPC-001).
    severity: 'high',
    stride: 'elevation-of-privilege',
    risk: 'exposure',
    cwe: ['CWE-668', 'CWE-284'],
    compliance: [
      ...OPEN_INGRESS_COMPLIANCE,
      { framework: 'CIS-AWS', control: '5.1' },
    ],
    description:
      'A network ACL entry that allows every protocol (or every TCP/UDP port) from 0.0.0.0/0 or ::/0 removes the subnet-level ' +
      'layer of defence: any security group mistake in the subnet is then directly reachable from the internet. ' +
      'Egress entries are not reported: stateless ACLs need wide egress for return traffic.',
    remediation:
      'Allow only the ports the subnet serves (and the ephemeral return range) from the internet; keep broader rules for ' +
      'trusted CIDRs such as the VPC range.',
    provider: 'aws',
    service: 'vpc',
    peers: { checkov: ['CKV_AWS_352'], trivy: ['AVD-AWS-0102'], kics: [] },
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/network_acl_rule',
      'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
    ],
  },
  terraform: {
    resourceTypes: NACL_RULE_TYPES,
    check(resource, ctx) {
      const siblings = aclEntries(resource, ctx);
      for (const entry of naclEntries(resource, ctx)) {
        if (!allowsInternetIngress(entry) || !coversAllPorts(entry.ports)) continue;
        // A lower-numbered deny evaluated first may take some of it back.
        const effective = effectiveIngress(entry, siblings);
        if (effective.uncertain || !admitsEverything(entry, effective)) continue;
        ctx.report({
          at: naclReportTarget(entry),
          message: `${entry.where} allows ingress from ${entry.internetCidrs.join(', ')} on ${describePorts(entry.protocol, entry.ports)}.`,
        });
      }
    },
  },
  fix: { terraform: askFix('which ports must this network ACL let in? Replace this entry with one entry per port range') },
  examples: {
    terraform: {
      good: [
        `resource "aws_network_acl" "public" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "10.0.0.0/16"
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}
`,
        `resource "aws_network_acl_rule" "deny_all" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 200
  egress         = false
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_network_acl" "main" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_network_acl_rule" "all_in" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  protocol       = "all"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
`,
          errors: [{ line: 10 }],
          output: `resource "aws_network_acl" "main" {
  vpc_id = "vpc-0123456789abcdef0"
}

# NEEDS YOUR INPUT: which ports must this network ACL let in? Replace this entry with one entry per port range
resource "aws_network_acl_rule" "all_in" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  protocol       = "all"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
`,
        },
        {
          code: `resource "aws_default_network_acl" "default" {
  default_network_acl_id = "acl-0123456789abcdef0"

  ingress {
    rule_no         = 101
    action          = "allow"
    protocol        = "-1"
    from_port       = 0
    to_port         = 0
    ipv6_cidr_block = "::/0"
  }
}
`,
          errors: [{ line: 4 }],
          output: `resource "aws_default_network_acl" "default" {
  default_network_acl_id = "acl-0123456789abcdef0"

  # NEEDS YOUR INPUT: which ports must this network ACL let in? Replace this entry with one entry per port range
  ingress {
    rule_no         = 101
    action          = "allow"
    protocol        = "-1"
    from_port       = 0
    to_port         = 0
    ipv6_cidr_block = "::/0"
  }
}
`,
        },
      ],
    },
  },
});
