// Behaviour of the VPC rules that their examples do not pin down: severities, no double reporting,
// unknowns, counts, dynamic blocks, modules and the CIDR/port helpers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleOnSnippet, runRuleOnTerraform } from '../../../src/scanners/rule-tester.js';
import sgIngressAllPorts from '../../../src/analyze/rules/aws/vpc/sg-ingress-all-ports.js';
import sgIngressAdminPorts from '../../../src/analyze/rules/aws/vpc/sg-ingress-admin-ports.js';
import sgIngressDataStorePorts from '../../../src/analyze/rules/aws/vpc/sg-ingress-data-store-ports.js';
import sgEgressInternet from '../../../src/analyze/rules/aws/vpc/sg-egress-internet.js';
import naclIngressAllPorts from '../../../src/analyze/rules/aws/vpc/nacl-ingress-all-ports.js';
import naclIngressAdminPorts from '../../../src/analyze/rules/aws/vpc/nacl-ingress-admin-ports.js';
import sgRuleDescription from '../../../src/analyze/rules/aws/vpc/sg-rule-description.js';
import vpcFlowLogs from '../../../src/analyze/rules/aws/vpc/vpc-flow-logs.js';
import { coversAllPorts, isInternetCidr, readPorts, readProtocol } from '../../../src/state/aws/network.js';
import { UNKNOWN } from '../../../src/evaluate/terraform/view.js';

const EXAMPLE_C_SG = `resource "aws_instance" "web" {
  ami                = "ami-12345678"
  instance_type      = "t2.micro"
  security_group_ids = [aws_security_group.web.id]
}
resource "aws_security_group" "web" {
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

const ingressSg = (ingress: string) => `resource "aws_security_group" "sg" {
  name        = "sg"
  description = "test"

  ingress {
${ingress}
  }
}
`;

describe('security group ingress from the internet', () => {
  it('reports Example C as CRITICAL "open to the internet on every port", pointing at the ingress block', () => {
    const findings = runRuleOnSnippet(sgIngressAllPorts, EXAMPLE_C_SG);
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f!.severity, 'critical');
    assert.equal(f!.resource, 'aws_security_group.web');
    assert.match(f!.message, /open to the internet on every port/);
    assert.match(f!.message, /0\.0\.0\.0\/0/);
    assert.equal(f!.location.range.start.line, 7);
  });

  it('does not also report the every-port exposure as SSH/RDP or database exposure', () => {
    assert.deepEqual(runRuleOnSnippet(sgIngressAdminPorts, EXAMPLE_C_SG), []);
    assert.deepEqual(runRuleOnSnippet(sgIngressDataStorePorts, EXAMPLE_C_SG), []);
  });

  it('treats protocol "-1" and "all" as every port whatever the port numbers say', () => {
    for (const protocol of ['"-1"', '"all"', '-1']) {
      const hcl = ingressSg(`    from_port = 0\n    to_port = 0\n    protocol = ${protocol}\n    cidr_blocks = ["0.0.0.0/0"]`);
      assert.equal(runRuleOnSnippet(sgIngressAllPorts, hcl).length, 1, protocol);
    }
  });

  it('rates SSH/RDP and database ports high, and a range covering both reports each once', () => {
    const hcl = ingressSg(`    from_port = 1\n    to_port = 4000\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]`);
    const admin = runRuleOnSnippet(sgIngressAdminPorts, hcl);
    const data = runRuleOnSnippet(sgIngressDataStorePorts, hcl);
    assert.equal(admin.length, 1);
    assert.equal(admin[0]!.severity, 'high');
    assert.match(admin[0]!.message, /22 \(SSH\) and 3389 \(RDP\)/);
    assert.equal(data.length, 1);
    assert.equal(data[0]!.severity, 'high');
    assert.match(data[0]!.message, /3306 \(MySQL\)/);
    assert.deepEqual(runRuleOnSnippet(sgIngressAllPorts, hcl), []);
  });

  it('reports one finding per offending block, not per CIDR', () => {
    const hcl = ingressSg(`    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n    ipv6_cidr_blocks = ["::/0"]`);
    const findings = runRuleOnSnippet(sgIngressAdminPorts, hcl);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /0\.0\.0\.0\/0, ::\/0/);
  });

  it('ignores ports and CIDRs it cannot know', () => {
    const unknownCidr = `variable "cidr" {\n  type = string\n}\n${ingressSg(`    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = [var.cidr]`)}`;
    assert.deepEqual(runRuleOnSnippet(sgIngressAdminPorts, unknownCidr), []);
    const unknownPort = `variable "port" {\n  type = number\n}\n${ingressSg(`    from_port = var.port\n    to_port = var.port\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]`)}`;
    assert.deepEqual(runRuleOnSnippet(sgIngressAdminPorts, unknownPort), []);
    assert.deepEqual(runRuleOnSnippet(sgIngressAllPorts, unknownPort), []);
  });

  it('does not judge blocks of a dynamic whose for_each is unknown', () => {
    const hcl = `variable "rules" {
  type = list(any)
}
resource "aws_security_group" "sg" {
  name        = "sg"
  description = "test"
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = ingress.value.from
      to_port     = ingress.value.to
      protocol    = "-1"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
`;
    assert.deepEqual(runRuleOnSnippet(sgIngressAllPorts, hcl), []);
  });

  it('reports every counted instance of an open rule resource', () => {
    const hcl = `resource "aws_security_group_rule" "ssh" {
  count             = 2
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  description       = "SSH"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`;
    const findings = runRuleOnSnippet(sgIngressAdminPorts, hcl);
    assert.deepEqual(findings.map((f) => f.resource).sort(), ['aws_security_group_rule.ssh[0]', 'aws_security_group_rule.ssh[1]']);
    assert.equal(findings[0]!.location.range.start.line, 9, 'points at cidr_blocks');
  });

  it('finds exposures inside modules and keeps the call path', () => {
    const findings = runRuleOnTerraform(sgIngressAdminPorts, {
      'main.tf': 'module "net" {\n  source = "./modules/net"\n}\n',
      'modules/net/main.tf': ingressSg(`    from_port = 3389\n    to_port = 3389\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]`),
    });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.resource, 'module.net.aws_security_group.sg');
    assert.equal(findings[0]!.location.file, 'modules/net/main.tf');
    assert.equal(findings[0]!.callPath?.[0]?.module, 'module.net');
  });

  it('leaves egress to the egress rule and ingress to the ingress rules', () => {
    const egress = `resource "aws_security_group_rule" "out" {
  type              = "egress"
  security_group_id = "sg-0123456789abcdef0"
  description       = "All out"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}
`;
    assert.deepEqual(runRuleOnSnippet(sgIngressAllPorts, egress), []);
    const out = runRuleOnSnippet(sgEgressInternet, egress);
    assert.equal(out.length, 1);
    assert.equal(out[0]!.severity, 'medium');
    assert.deepEqual(runRuleOnSnippet(sgEgressInternet, EXAMPLE_C_SG), []);
  });
});

describe('network ACL ingress from the internet', () => {
  const rule = (body: string) => `resource "aws_network_acl_rule" "r" {\n  network_acl_id = "acl-0123456789abcdef0"\n  rule_number = 100\n${body}\n}\n`;

  it('ignores deny entries and egress entries', () => {
    assert.deepEqual(runRuleOnSnippet(naclIngressAllPorts, rule('  protocol = "-1"\n  rule_action = "deny"\n  cidr_block = "0.0.0.0/0"')), []);
    assert.deepEqual(runRuleOnSnippet(naclIngressAllPorts, rule('  egress = true\n  protocol = "-1"\n  rule_action = "allow"\n  cidr_block = "0.0.0.0/0"')), []);
  });

  it('reports an all-protocol allow once, as all ports rather than SSH/RDP', () => {
    const hcl = rule('  protocol = "-1"\n  rule_action = "allow"\n  cidr_block = "0.0.0.0/0"');
    assert.equal(runRuleOnSnippet(naclIngressAllPorts, hcl).length, 1);
    assert.deepEqual(runRuleOnSnippet(naclIngressAdminPorts, hcl), []);
  });

  it('rates SSH from the internet through an ACL medium', () => {
    const findings = runRuleOnSnippet(naclIngressAdminPorts, rule('  protocol = "tcp"\n  from_port = 22\n  to_port = 22\n  rule_action = "allow"\n  cidr_block = "0.0.0.0/0"'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'medium');
  });
});

describe('security group rule descriptions', () => {
  it('reports each undescribed block separately', () => {
    const hcl = `resource "aws_security_group" "sg" {
  name        = "sg"
  description = "test"
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    description = ""
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
`;
    const findings = runRuleOnSnippet(sgRuleDescription, hcl);
    assert.deepEqual(findings.map((f) => f.location.range.start.line), [4, 18]);
  });
});

describe('VPC flow logs', () => {
  it('matches a flow log to its VPC per counted instance', () => {
    const hcl = `resource "aws_vpc" "v" {
  count      = 2
  cidr_block = "10.\${count.index}.0.0/16"
}
resource "aws_flow_log" "first" {
  vpc_id          = aws_vpc.v[0].id
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::flow-logs"
}
`;
    assert.deepEqual(runRuleOnSnippet(vpcFlowLogs, hcl).map((f) => f.resource), ['aws_vpc.v[1]']);
  });
});

describe('CIDR and port helpers', () => {
  it('knows which CIDRs mean "the internet"', () => {
    for (const c of ['0.0.0.0/0', '::/0', '0.0.0.0/1', '128.0.0.0/1', '52.0.0.0/8', '2000::/3']) assert.ok(isInternetCidr(c), c);
    for (const c of ['10.0.0.0/8', '10.0.0.0/16', '203.0.113.7/32', '192.168.0.0/16', 'fc00::/7', 'fd00::/8', '1.2.3.4', 'not-a-cidr'])
      assert.ok(!isInternetCidr(c), c);
  });

  it('reads protocols and port spans', () => {
    assert.equal(readProtocol('-1'), 'all');
    assert.equal(readProtocol(6), 'tcp');
    assert.equal(readProtocol(UNKNOWN), 'unknown');
    assert.ok(coversAllPorts(readPorts('tcp', 0, 65535)));
    assert.ok(coversAllPorts(readPorts('udp', 1, 65535)));
    assert.ok(!coversAllPorts(readPorts('tcp', 1024, 65535)));
    assert.deepEqual(readPorts('icmp', -1, -1), { kind: 'none' });
    assert.deepEqual(readPorts('tcp', UNKNOWN, 22), { kind: 'unknown' });
  });
});

describe('attributes-as-blocks security group rules', () => {
  it('reads `ingress = [{ … }]` lists like blocks', () => {
    const hcl = `resource "aws_security_group" "legacy" {
  name        = "legacy"
  description = "Rules as a list attribute"
  ingress = [
    {
      description      = "HTTPS"
      from_port        = 443
      to_port          = 443
      protocol         = "tcp"
      cidr_blocks      = ["0.0.0.0/0"]
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    },
    {
      description      = "SSH"
      from_port        = 22
      to_port          = 22
      protocol         = "tcp"
      cidr_blocks      = ["0.0.0.0/0"]
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    },
  ]
}
`;
    const findings = runRuleOnSnippet(sgIngressAdminPorts, hcl);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /Ingress rule 2 of security group aws_security_group\.legacy/);
    assert.equal(findings[0]!.location.range.start.line, 4);
    assert.deepEqual(runRuleOnSnippet(sgRuleDescription, hcl), []);
  });
});
