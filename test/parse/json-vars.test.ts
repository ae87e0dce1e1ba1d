// Variable files in JSON: regressions found by the fuzzer (npm run fuzz -- --target tfvars-json).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_NESTING_DEPTH } from '../../src/parse/hcl/parser.js';
import { parseJsonVarFile } from '../../src/parse/json-vars.js';
import { assertPositionsConsistent } from './helpers.js';

test('a BOM is not counted in columns, as in HCL files', () => {
  const file = parseJsonVarFile('\ufeff{"name": "x"}', 'terraform.tfvars.json');
  assert.deepEqual(file.errors, []);
  const name = file.body.attributes[0]!;
  assert.deepEqual(name.nameRange.start, { line: 1, column: 2, offset: 2 });
  assertPositionsConsistent(file);
});

test('a syntax error after a BOM points at the offending character', () => {
  const text = '\ufeff{"a": 1 x}';
  const file = parseJsonVarFile(text, 'terraform.tfvars.json');
  assert.equal(file.errors.length, 1);
  assert.equal(text[file.errors[0]!.range.start.offset], 'x');
  assertPositionsConsistent(file);
  const truncated = parseJsonVarFile('\ufeff{"a": [1,\n', 'terraform.tfvars.json');
  assert.deepEqual(truncated.errors[0]!.range.start, { line: 2, column: 1, offset: 11 }, 'a text that ends early is reported at its end');
});

test('values nested past the nesting limit are an error, not a stack overflow', () => {
  for (const [open, close] of [['[', ']'], ['{"a":', '}']] as const) {
    const depth = 100_000;
    const text = `{"ok": 1, "deep": ${open.repeat(depth)}1${close.repeat(depth)}}`;
    const file = parseJsonVarFile(text, 'terraform.tfvars.json');
    assert.equal(file.errors.length, 1);
    assert.match(file.errors[0]!.message, new RegExp(`more than ${MAX_NESTING_DEPTH} levels`));
    assert.deepEqual(file.body.attributes.map((a) => a.name), ['ok'], 'the variable that is too deep is left out');
    assertPositionsConsistent(file);
  }
});

test('values nested up to the limit are read', () => {
  const depth = MAX_NESTING_DEPTH - 1;
  const file = parseJsonVarFile(`{"deep": ${'['.repeat(depth)}1${']'.repeat(depth)}}`, 'terraform.tfvars.json');
  assert.deepEqual(file.errors, []);
  let e = file.body.attributes[0]!.expr;
  let levels = 0;
  while (e.kind === 'Tuple') {
    e = e.items[0]!;
    levels++;
  }
  assert.equal(levels, depth);
});

test('each variable points at its own top-level key, never at the same text inside a value', () => {
  const text = '{\n  "tags": {"region": "eu", "name": "region"},\n  "region": "eu-west-1",\n  "say\\"hi": 1,\n  "tags": {"env": "prod"}\n}\n';
  const file = parseJsonVarFile(text, 'terraform.tfvars.json');
  assert.deepEqual(file.errors, []);
  const at = Object.fromEntries(file.body.attributes.map((a) => [a.name, `${a.nameRange.start.line}:${a.nameRange.start.column}`]));
  // "region" first appears as a nested key and as a string value on line 2; the variable is on line 3. A
  // duplicate key points at the occurrence JSON keeps, the last one.
  assert.deepEqual(at, { tags: '5:3', region: '3:3', 'say"hi': '4:3' });
  assertPositionsConsistent(file);
});
