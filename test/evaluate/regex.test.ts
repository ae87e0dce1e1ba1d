// Terraform's regex, regexall and replace with a /pattern/ run Go's RE2: its syntax, its replacement
// expansion, linear time. JavaScript's backtracking engine differed in all three.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PATTERN_LENGTH } from '../../src/evaluate/terraform/functions/regex.js';
import { evalExpr } from './helpers.js';

test('replace expands $1, ${1} and ${name} as Go does, and $$ is a dollar sign', () => {
  assert.equal(evalExpr('replace("ami-123", "/ami-(\\\\d+)/", "image-$1")'), 'image-123');
  assert.equal(evalExpr('replace("ami-123", "/ami-(\\\\d+)/", "image-$${1}x")'), 'image-123x');
  assert.equal(evalExpr('replace("ami-123", "/ami-(?P<id>\\\\d+)/", "image-$${id}")'), 'image-123');
  // `$1x` names the group "1x" (the longest run of name characters), which does not exist: nothing is inserted.
  assert.equal(evalExpr('replace("ami-123", "/ami-(\\\\d+)/", "image-$1x")'), 'image-');
  assert.equal(evalExpr('replace("a1", "/(\\\\d)/", "$$$1")'), 'a$1');
});

test('RE2 syntax: \\z, \\A, (?i) and (?P<name>...) work; backreferences and lookarounds are errors', () => {
  assert.equal(evalExpr('regex("(?i)^ABC\\\\z", "abc")'), 'abc');
  assert.deepEqual(evalExpr('regex("\\\\A(?P<env>[a-z]+)-", "prod-eu")'), { env: 'prod' });
  assert.equal(evalExpr('can(regex("(a)\\\\1", "aa"))'), false);
  assert.equal(evalExpr('can(regex("a(?=b)", "ab"))'), false);
});

test('empty matches follow Go: regexall and replace advance by a whole character', () => {
  assert.deepEqual(evalExpr('regexall("a*", "baaab")'), ['', 'aaa', '']);
  assert.equal(evalExpr('replace("abc", "/x*/", "-")'), '-a-b-c-');
  assert.equal(evalExpr('replace("日本", "/x*/", "-")'), '-日-本-');
});

test('a pattern that would backtrack exponentially finishes, with the answer RE2 gives', () => {
  const subject = `${'a'.repeat(40)}!`;
  assert.equal(evalExpr(`can(regex("(a+)+$", "${subject}"))`), false);
  assert.deepEqual(evalExpr(`regexall("(a|aa)+$", "${subject}")`), []);
  assert.equal(evalExpr(`replace("${subject}", "/(a*)*b/", "x")`), subject);
});

test('a pattern over the length limit, or an invalid one, is an evaluation error (try falls back), never a crash', () => {
  const long = 'a'.repeat(MAX_PATTERN_LENGTH + 1);
  assert.equal(evalExpr(`try(regex("${long}", "a"), "too long")`), 'too long');
  assert.throws(() => evalExpr(`regex("${long}", "a")`), /longer than 32768 characters/);
  assert.equal(evalExpr('try(regex("(", "x"), "invalid")'), 'invalid');
  assert.throws(() => evalExpr('regex("(?P<a>x)(y)", "xy")'), /named and unnamed/);
});
