// Limits of the HCL parser on hostile input: past each, the file is parsed in part, with a warning that is
// not a syntax error (nothing is wrong with what the file says).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { manyResources } from '../hostile/terraform-inputs.js';

test('a file with more top-level blocks than the limit is parsed up to it, with a too-many-blocks warning', () => {
  // 20,000 blocks: the limit. 200,000 one-line resources took 450 MB of syntax tree.
  const text = manyResources(20_001)['main.tf']!;
  const file = parseHcl(text, 'main.tf');
  assert.deepEqual(file.errors, []);
  assert.equal(file.body.blocks.length, 20_000);
  assert.deepEqual(file.body.blocks.at(-1)!.labels, ['aws_s3_bucket', 'b19999']);
  assert.equal(file.warnings?.length, 1);
  const warning = file.warnings![0]!;
  assert.equal(warning.code, 'too-many-blocks');
  assert.match(warning.message, /main\.tf has more than 20,000 top-level blocks and arguments.*from line 60001, was not parsed or checked/);
  assert.equal(warning.range.start.line, 60_001);
  // The file's body still spans the whole text, at a position that agrees with its offset (fuzz: hcl-locations-d2dbe20b8d).
  assert.deepEqual(file.body.range.end, { line: 60_004, column: 1, offset: text.length });
});

test('a file at the block limit is parsed whole, with no warning', () => {
  const file = parseHcl(manyResources(20_000)['main.tf']!, 'main.tf');
  assert.equal(file.body.blocks.length, 20_000);
  assert.equal(file.warnings, undefined);
});
