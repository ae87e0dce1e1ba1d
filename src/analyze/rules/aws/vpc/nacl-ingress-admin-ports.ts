import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { aclEntries, admitsEverything, admitsPort, allowsInternetIngress, effectiveIngress, NACL_RULE_TYPES, naclEntries, naclReportTarget } from './nacl-rules.js';
import { ADMIN_PORTS, coversAllPorts, describePorts, includesPort } from '../../../../state/aws/network.js';
import { OPEN_INGRESS_COMPLIANCE } from './compliance.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-006',
    title: 'Network ACLs do not allow ingress from the internet to SSH or RDP',
    problem: 'Network ACL allows SSH or RDP from the internet',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    risk: 'exposure',
    cwe: ['CWE-668', 'CWE-284'],
    compliance: [
      ...OPEN_INGRESS_COMPLIANCE,
      { framework: 'CIS-AWS', control: '5.1' },
    ],
    description:
      'A network ACL that admits SSH (22) or RDP (3389) from 0.0.0.0/0 or ::/0 leaves only security groups between remote ' +
      'administration ports and the internet. CIS asks that no network ACL allow ingress from anywhere to remote administration ports. ' +
      '(Entries open on every port are reported by BW-AWS-VPC-005 instead.)',
    remediation: 'Allow 22/3389 in the network ACL only from the administrators\' network, or not at all when Session Manager is used.',
    provider: 'aws',
    service: 'vpc',
    peers: {
      checkov: ['CKV_AWS_231', 'CKV_AWS_232'],
      trivy: ['AVD-AWS-0105'],
      kics: ['3af7f2fd-06e6-4dab-b996-2912bea19ba4', 'a20be318-cac7-457b-911d-04cc6e812c25'],
    },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/network_acl_rule'],
  },
  terraform: {
    resourceTypes: NACL_RULE_TYPES,
    check(resource, ctx) {
      const siblings = aclEntries(resource, ctx);
      for (const entry of naclEntries(resource, ctx)) {
        if (!allowsInternetIngress(entry)) continue;
        // Rules are evaluated lowest rule_no first: a deny before this allow takes those ports back.
        const effective = effectiveIngress(entry, siblings);
        if (effective.uncertain) continue;
        // Every port still open is BW-AWS-VPC-005's finding.
        if (coversAllPorts(entry.ports) && admitsEverything(entry, effective)) continue;
        const ports = [...ADMIN_PORTS].filter(([port]) => includesPort(entry.ports, port) && admitsPort(effective, port)).map(([port, name]) => `${port} (${name})`);
        if (!ports.length) continue;
        ctx.report({
          at: naclReportTarget(entry),
          message: `${entry.where} allows ingress from ${entry.internetCidrs.join(', ')} on ${describePorts(entry.protocol, entry.ports)}, admitting ${ports.join(' and ')} from the internet.`,
        });
      }
    },
  },
  fix: { terraform: askFix('which networks need SSH or RDP through this network ACL? Narrow cidr_block to them') },
  examples: {
    terraform: {
      good: [
        `resource "aws_network_acl_rule" "ssh_from_vpn" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 22
  to_port        = 22
  cidr_block     = "10.8.0.0/16"
}
`,
        `resource "aws_network_acl_rule" "ssh_out" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  egress         = true
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 22
  to_port        = 22
  cidr_block     = "0.0.0.0/0"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_network_acl_rule" "ssh_in" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 22
  to_port        = 22
  cidr_block     = "0.0.0.0/0"
}
`,
          errors: [{ line: 9 }],
          output: `# NEEDS YOUR INPUT: which networks need SSH or RDP through this network ACL? Narrow cidr_block to them
resource "aws_network_acl_rule" "ssh_in" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 22
  to_port        = 22
  cidr_block     = "0.0.0.0/0"
}
`,
        },
        {
          code: `resource "aws_network_acl" "windows" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 3000
    to_port    = 4000
    cidr_block = "0.0.0.0/0"
  }
}
`,
          errors: [{ line: 4 }],
          output: `resource "aws_network_acl" "windows" {
  vpc_id = "vpc-0123456789abcdef0"

  # NEEDS YOUR INPUT: which networks need SSH or RDP through this network ACL? Narrow cidr_block to them
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 3000
    to_port    = 4000
    cidr_block = "0.0.0.0/0"
  }
}
`,
        },
      ],
    },
  },
});
