import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blocks, isUnknown, value } from '../../src/evaluate/terraform/view.js';
import { byAddress, evaluateMemory } from './helpers.js';

test('count expands into indexed instances with count.index', () => {
  const { project } = evaluateMemory({
    'main.tf': `
variable "azs" {
  default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}
resource "aws_subnet" "private" {
  count             = length(var.azs)
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index + 10)
}
resource "aws_instance" "none" {
  count = 0
  ami   = "ami-123"
}
`,
  });
  assert.deepEqual(project.resources.map((r) => r.address), ['aws_subnet.private[0]', 'aws_subnet.private[1]', 'aws_subnet.private[2]']);
  const second = byAddress(project, 'aws_subnet.private[1]');
  assert.equal(second.instanceKey, 1);
  assert.equal(second.baseAddress, 'aws_subnet.private');
  assert.equal(value(second.body, 'availability_zone'), 'eu-west-1b');
  assert.equal(value(second.body, 'cidr_block'), '10.0.11.0/24');
});

test('for_each over a map and over a set of strings', () => {
  const { project } = evaluateMemory({
    'main.tf': `
locals {
  buckets = {
    logs   = { acl = "log-delivery-write" }
    assets = { acl = "private" }
  }
}
resource "aws_s3_bucket" "b" {
  for_each = local.buckets
  bucket   = "acme-\${each.key}"
}
resource "aws_s3_bucket_acl" "b" {
  for_each = local.buckets
  bucket   = aws_s3_bucket.b[each.key].id
  acl      = each.value.acl
}
resource "aws_iam_user" "u" {
  for_each = toset(["bob", "alice", "bob"])
  name     = each.value
}
`,
  });
  assert.deepEqual(project.resources.map((r) => r.address), [
    'aws_s3_bucket.b["assets"]',
    'aws_s3_bucket.b["logs"]',
    'aws_s3_bucket_acl.b["assets"]',
    'aws_s3_bucket_acl.b["logs"]',
    'aws_iam_user.u["alice"]',
    'aws_iam_user.u["bob"]',
  ]);
  const acl = byAddress(project, 'aws_s3_bucket_acl.b["logs"]');
  assert.equal(acl.instanceKey, 'logs');
  assert.equal(value(acl.body, 'acl'), 'log-delivery-write');
  assert.deepEqual(acl.body.attributes.get('bucket')!.refs, ['aws_s3_bucket.b["logs"]']);
  assert.equal(value(byAddress(project, 'aws_iam_user.u["bob"]').body, 'name'), 'bob');
});

test('unknown count or for_each yields one instance marked unknownCount', () => {
  const { project } = evaluateMemory({
    'main.tf': `
variable "replicas" {
  type = number
}
variable "names" {
  type = set(string)
}
resource "aws_instance" "web" {
  count         = var.replicas
  ami           = "ami-0abc"
  tags          = { Name = "web-\${count.index}" }
}
resource "aws_sqs_queue" "q" {
  for_each = var.names
  name     = each.key
  delay_seconds = 5
}
`,
  });
  const web = byAddress(project, 'aws_instance.web');
  assert.equal(web.unknownCount, true);
  assert.equal(web.instanceKey, undefined);
  assert.equal(value(web.body, 'ami'), 'ami-0abc');
  // The tags map is known; only its count.index-derived value is not.
  const tags = value(web.body, 'tags') as Record<string, unknown>;
  assert.deepEqual(Object.keys(tags), ['Name']);
  assert.ok(isUnknown(tags.Name));
  const q = byAddress(project, 'aws_sqs_queue.q');
  assert.equal(q.unknownCount, true);
  assert.ok(isUnknown(value(q.body, 'name')));
  assert.equal(value(q.body, 'delay_seconds'), 5);
});

test('dynamic blocks expand with the default iterator, a named iterator and nesting', () => {
  const { project } = evaluateMemory({
    'main.tf': `
locals {
  ports = [22, 443]
  rules = {
    web = { port = 443, cidrs = ["0.0.0.0/0"] }
    ssh = { port = 22, cidrs = ["10.0.0.0/8", "10.1.0.0/16"] }
  }
}
resource "aws_security_group" "sg" {
  name = "sg"
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
  egress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
  }
}
resource "aws_wafv2_web_acl" "acl" {
  name = "acl"
  dynamic "rule" {
    for_each = local.rules
    iterator = r
    content {
      name = r.key
      dynamic "cidr" {
        for_each = r.value.cidrs
        content {
          block    = cidr.value
          position = cidr.key
          port     = r.value.port
        }
      }
    }
  }
}
`,
  });
  const sg = byAddress(project, 'aws_security_group.sg');
  const ingress = blocks(sg.body, 'ingress');
  assert.deepEqual(ingress.map((b) => value(b, 'from_port')), [22, 443]);
  assert.equal(ingress[0]!.fromUnknownDynamic, undefined);
  // Expanded blocks point at the dynamic block; their attributes at the content lines.
  assert.equal(ingress[0]!.range.start.line, 11);
  assert.equal(ingress[0]!.attributes.get('from_port')!.range.start.line, 14);
  assert.equal(blocks(sg.body, 'egress').length, 1);
  const acl = byAddress(project, 'aws_wafv2_web_acl.acl');
  const rules = blocks(acl.body, 'rule');
  assert.deepEqual(rules.map((b) => value(b, 'name')), ['ssh', 'web']);
  assert.deepEqual(
    blocks(rules[0]!, 'cidr').map((b) => [value(b, 'block'), value(b, 'position'), value(b, 'port')]),
    [
      ['10.0.0.0/8', 0, 22],
      ['10.1.0.0/16', 1, 22],
    ],
  );
  assert.deepEqual(blocks(rules[1]!, 'cidr').map((b) => value(b, 'block')), ['0.0.0.0/0']);
});

test('a dynamic block over an unknown collection is one block flagged fromUnknownDynamic', () => {
  const { project } = evaluateMemory({
    'main.tf': `
variable "rules" {
  type = list(object({ port = number }))
}
resource "aws_security_group" "sg" {
  name = "sg"
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
`,
  });
  const ingress = blocks(byAddress(project, 'aws_security_group.sg').body, 'ingress');
  assert.equal(ingress.length, 1);
  assert.equal(ingress[0]!.fromUnknownDynamic, true);
  assert.ok(isUnknown(value(ingress[0]!, 'from_port')));
  assert.deepEqual(value(ingress[0]!, 'cidr_blocks'), ['0.0.0.0/0']);
});

test('splat and for expressions over counted resources', () => {
  const { project } = evaluateMemory({
    'main.tf': `
resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-\${count.index}"
  instance_type = "t3.micro"
}
resource "aws_lb_target_group_attachment" "a" {
  count            = 2
  target_group_arn = "arn:tg"
  target_id        = aws_instance.web[count.index].id
}
resource "aws_ssm_parameter" "amis" {
  name  = "amis"
  type  = "StringList"
  value = join(",", aws_instance.web[*].ami)
  description = join(",", [for i in aws_instance.web : i.instance_type])
}
`,
  });
  const p = byAddress(project, 'aws_ssm_parameter.amis');
  assert.equal(value(p.body, 'value'), 'ami-0,ami-1');
  assert.equal(value(p.body, 'description'), 't3.micro,t3.micro');
  assert.deepEqual(p.body.attributes.get('value')!.refs, ['aws_instance.web']);
  const a = byAddress(project, 'aws_lb_target_group_attachment.a[1]');
  assert.ok(isUnknown(value(a.body, 'target_id')));
  assert.deepEqual(a.body.attributes.get('target_id')!.refs, ['aws_instance.web[1]']);
});
