import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import type { Range } from '../../src/core/types.js';

const slice = (text: string, r: Range): string => text.slice(r.start.offset, r.end.offset);

test('parses a resource block with labels, attributes and a nested block', () => {
  const text = 'resource "aws_s3_bucket" "logs" {\n  bucket = "my-logs"\n  acl    = var.acl\n\n  versioning {\n    enabled = true\n  }\n}\n';
  const file = parseHcl(text, 'main.tf');
  assert.deepEqual(file.errors, []);
  assert.equal(file.body.blocks.length, 1);
  const block = file.body.blocks[0]!;
  assert.equal(block.type, 'resource');
  assert.deepEqual(block.labels, ['aws_s3_bucket', 'logs']);
  assert.deepEqual(block.labelRanges.map((r) => slice(text, r)), ['"aws_s3_bucket"', '"logs"']);
  assert.equal(slice(text, block.range), text.slice(0, -1));
  assert.deepEqual(block.body.attributes.map((a) => a.name), ['bucket', 'acl']);
  assert.equal(slice(text, block.body.attributes[1]!.range), 'acl    = var.acl');
  const acl = block.body.attributes[1]!.expr;
  assert.equal(acl.kind, 'GetAttr');
  const nested = block.body.blocks[0]!;
  assert.equal(nested.type, 'versioning');
  assert.equal(slice(text, nested.bodyRange), '{\n    enabled = true\n  }');
  const enabled = nested.body.attributes[0]!.expr;
  assert.deepEqual(enabled.kind === 'Literal' && enabled.value, true);
});

test('records a syntax error and keeps the following blocks', () => {
  const text = 'a = = 1\nresource "x" "y" {\n  b = 2\n}\n';
  const file = parseHcl(text, 'bad.tf');
  assert.equal(file.errors.length, 1);
  assert.equal(file.errors[0]!.range.start.line, 1);
  assert.equal(file.errors[0]!.range.start.column, 5);
  assert.equal(file.body.blocks.length, 1);
  assert.equal(file.body.blocks[0]!.body.attributes[0]!.name, 'b');
});
