import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown, value } from '../../src/evaluate/terraform/view.js';
import { byAddress, evaluateMemory } from './helpers.js';

test('locals resolve in any order and through chains', () => {
  const { project, diagnostics } = evaluateMemory({
    'z.tf': 'locals {\n  full = "${local.prefix}-${local.suffix}"\n}\n',
    'main.tf': `
locals {
  suffix = upper(local.env)
  prefix = "acme"
}
locals {
  env = terraform.workspace
}
resource "aws_s3_bucket" "b" {
  bucket = local.full
  tags   = { Module = path.module, Root = path.root }
}
`,
  });
  assert.deepEqual(diagnostics, []);
  const b = byAddress(project, 'aws_s3_bucket.b');
  assert.equal(value(b.body, 'bucket'), 'acme-DEFAULT');
  assert.deepEqual(value(b.body, 'tags'), { Module: '.', Root: '.' });
});

test('cyclic locals and cyclic resource references become unknown with a warning, not a hang', () => {
  const { project, diagnostics } = evaluateMemory({
    'main.tf': `
locals {
  a = "\${local.b}-x"
  b = "\${local.c}-y"
  c = local.a
  self = local.self
}
resource "aws_s3_bucket" "one" {
  bucket = "\${aws_s3_bucket.two.bucket}-1"
  tags   = { Cycle = local.a, Self = local.self }
}
resource "aws_s3_bucket" "two" {
  bucket = "\${aws_s3_bucket.one.bucket}-2"
}
resource "aws_instance" "i" {
  count = length(aws_instance.i)
  ami   = "ami-1"
}
`,
  });
  const one = byAddress(project, 'aws_s3_bucket.one');
  assert.ok(isUnknown(value(one.body, 'bucket')));
  const tags = value(one.body, 'tags') as Record<string, unknown>;
  assert.ok(isUnknown(tags.Cycle));
  assert.ok(isUnknown(tags.Self));
  assert.ok(diagnostics.some((d) => /cycle/.test(d.message)));
  assert.equal(byAddress(project, 'aws_instance.i').unknownCount, true);
});

test('expansion is capped at 10,000 instances with a diagnostic', () => {
  const { project, diagnostics } = evaluateMemory({
    'main.tf': 'resource "aws_sqs_queue" "q" {\n  count = 50000\n  name  = "q-${count.index}"\n}\n',
  });
  assert.equal(project.resources.length, 10_000);
  assert.equal(value(project.resources[9_999]!.body, 'name'), 'q-9999');
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0]!.message, /count of 50000 exceeds the limit/);
  assert.equal(diagnostics[0]!.location?.range.start.line, 2);
});

test('expression bombs stop with unknown values and a diagnostic', () => {
  const { project, diagnostics } = evaluateMemory({
    'main.tf': `
locals {
  huge_range = range(100000000)
  s0 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
  s1 = "\${local.s0}\${local.s0}\${local.s0}\${local.s0}\${local.s0}\${local.s0}\${local.s0}\${local.s0}"
  s2 = "\${local.s1}\${local.s1}\${local.s1}\${local.s1}\${local.s1}\${local.s1}\${local.s1}\${local.s1}"
  s3 = "\${local.s2}\${local.s2}\${local.s2}\${local.s2}\${local.s2}\${local.s2}\${local.s2}\${local.s2}"
  s4 = "\${local.s3}\${local.s3}\${local.s3}\${local.s3}\${local.s3}\${local.s3}\${local.s3}\${local.s3}"
  s5 = "\${local.s4}\${local.s4}\${local.s4}\${local.s4}\${local.s4}\${local.s4}\${local.s4}\${local.s4}"
  s6 = "\${local.s5}\${local.s5}\${local.s5}\${local.s5}\${local.s5}\${local.s5}\${local.s5}\${local.s5}"
  nested = flatten([for i in range(5000) : [for j in range(5000) : [for k in range(5000) : k]]])
}
resource "aws_sqs_queue" "q" {
  name   = "q"
  a      = length(local.huge_range)
  b      = length(local.s6)
  c      = length(local.nested)
  d      = length(local.s4)
}
`,
  });
  const q = byAddress(project, 'aws_sqs_queue.q');
  assert.equal(value(q.body, 'name'), 'q');
  assert.ok(isUnknown(value(q.body, 'a')));
  assert.ok(isUnknown(value(q.body, 'b')));
  assert.ok(isUnknown(value(q.body, 'c')));
  // Large but bounded values still evaluate: 64 * 8^4 characters.
  assert.equal(value(q.body, 'd'), 64 * 8 ** 4);
  assert.ok(diagnostics.length >= 1);
  assert.ok(diagnostics.every((d) => d.severity === 'warning'));
});

test('files with syntax errors still evaluate what parsed; references to undeclared things are unknown', () => {
  const { project } = evaluateMemory({
    'main.tf': `
resource "aws_s3_bucket" "ok" {
  bucket = var.undeclared
  acl    = local.missing
  policy = aws_iam_policy.nope.arn
  region = each.key
  index  = count.index
}
resource "aws_s3_bucket" "broken" {
  bucket = "x" +
}
`,
  });
  const ok = byAddress(project, 'aws_s3_bucket.ok');
  for (const name of ['bucket', 'acl', 'policy', 'region', 'index']) assert.ok(isUnknown(value(ok.body, name)), name);
  assert.deepEqual(ok.body.attributes.get('policy')!.refs, ['aws_iam_policy.nope']);
});

test('values that share structure cannot blow up: encoding, formatting and unknown checks stay bounded', { timeout: 120_000 }, () => {
  // Each local lists the previous one four times: 4^30 leaves if expanded, a few dozen objects as shared values.
  const locals = Array.from({ length: 30 }, (_, i) => `  l${i + 1} = [local.l${i}, local.l${i}, local.l${i}, local.l${i}]`).join('\n');
  const { project, diagnostics } = evaluateMemory({
    'main.tf': `
locals {
  l0 = "xxxxxxxxxx"
${locals}
}
resource "aws_s3_bucket" "b" {
  bucket = jsonencode(local.l30)
  tags = {
    Formatted = format("%v", local.l30)
    Yaml      = yamlencode(local.l30)
    Count     = length(local.l30)
  }
}
`,
  });
  const b = byAddress(project, 'aws_s3_bucket.b');
  assert.ok(isUnknown(value(b.body, 'bucket')), 'an encoding over the size limit is unknown');
  const tags = value(b.body, 'tags') as Record<string, unknown>;
  assert.ok(isUnknown(tags) || (isUnknown(tags.Formatted) && isUnknown(tags.Yaml) && tags.Count === 4));
  assert.ok(diagnostics.some((d) => /exceeds the limit/.test(d.message)), diagnostics.map((d) => d.message).join('\n'));
});
