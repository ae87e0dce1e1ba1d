import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expr, show, slice } from './helpers.js';

test('binary operators follow HCL precedence and associate to the left', () => {
  assert.equal(show(expr('1 + 2 * 3')), '(+ 1 (* 2 3))');
  assert.equal(show(expr('1 - 2 - 3')), '(- (- 1 2) 3)');
  assert.equal(show(expr('8 / 4 % 3 * 2')), '(* (% (/ 8 4) 3) 2)');
  assert.equal(show(expr('a < b == c >= d')), '(== (< a b) (>= c d))');
  assert.equal(show(expr('a || b && c == d')), '(|| a (&& b (== c d)))');
  assert.equal(show(expr('!a && -b.c > 1')), '(&& (! a) (> (- b.c) 1))');
  assert.equal(show(expr('(1 + 2) * 3')), '(* (paren (+ 1 2)) 3)');
  assert.equal(show(expr('- - 1')), '(- (- 1))');
});

test('conditionals are the lowest precedence and nest to the right', () => {
  assert.equal(show(expr('a == 1 ? b + 1 : c || d')), '(? (== a 1) (+ b 1) (|| c d))');
  assert.equal(show(expr('a ? b : c ? d : e')), '(? a b (? c d e))');
  assert.equal(show(expr('a ? b ? c : d : e')), '(? a (? b c d) e)');
});

test('literals: numbers, booleans, null', () => {
  assert.equal(show(expr('[1, 2.5, 1e3, 1.5E-2, true, false, null]')), '[1 2.5 1000 0.015 true false null]');
});

test('traversals: attributes, indexes and the legacy .0 index', () => {
  assert.equal(show(expr('aws_instance.web[0].private_ip')), 'aws_instance.web[0].private_ip');
  assert.equal(show(expr('module.vpc.subnets["a"]')), 'module.vpc.subnets["a"]');
  assert.equal(show(expr('a.0.b.12')), 'a[0].b[12]');
  const e = expr('list.0.1');
  assert.equal(show(e), 'list[0][1]');
});

test('splats: full and attribute-only, with the traversal applied to each element', () => {
  assert.equal(show(expr('aws_instance.web[*].id')), '(splat-full aws_instance.web *.id)');
  assert.equal(show(expr('aws_instance.web.*.id')), '(splat-attr aws_instance.web *.id)');
  assert.equal(show(expr('a[*].b[0].c')), '(splat-full a *.b[0].c)');
  // An attribute splat takes only .name steps: `[0]` indexes its result (HCL's rule).
  assert.equal(show(expr('a.*.b[0]')), '(splat-attr a *.b)[0]');
  assert.equal(show(expr('a[*].b[*].c')), '(splat-full (splat-full a *.b) *.c)');
  assert.equal(show(expr('values(m)[*]')), '(splat-full values(m))');
  const text = 'x = aws_instance.web[*].tags.Name\n';
  const full = expr('aws_instance.web[*].tags.Name');
  assert.equal(full.kind, 'Splat');
  if (full.kind === 'Splat') {
    assert.equal(slice(text, full.range), 'aws_instance.web[*].tags.Name');
    assert.equal(full.each?.kind === 'GetAttr' && slice(text, full.each.range), '[*].tags.Name');
  }
});

test('function calls, argument expansion and provider-defined functions', () => {
  assert.equal(show(expr('merge(local.tags, { Name = "x" })')), 'merge(local.tags {Name="x"})');
  assert.equal(show(expr('concat(var.a, var.b...)')), 'concat(var.a var.b...)');
  assert.equal(show(expr('min(\n  1,\n  2,\n)')), 'min(1 2)');
  assert.equal(show(expr('provider::aws::arn_parse(var.arn).region')), 'provider::aws::arn_parse(var.arn).region');
  const text = 'x = provider::aws::arn_parse(var.arn)\n';
  const call = expr('provider::aws::arn_parse(var.arn)');
  assert.ok(call.kind === 'Call');
  assert.equal(slice(text, call.nameRange), 'provider::aws::arn_parse');
});

test('tuples and objects with = or :, commas or newlines', () => {
  assert.equal(show(expr('[1, "two", [3],]')), '[1 "two" [3]]');
  assert.equal(show(expr('{ a = 1, "b" : 2 }')), '{a=1 "b"=2}');
  assert.equal(show(expr('{\n  a = 1\n  b = [\n    2,\n  ]\n\n  c = { d = true }\n}')), '{a=1 b=[2] c={d=true}}');
  assert.equal(show(expr('{ (var.k) = 1, for = 2 }')), '{(paren var.k)=1 for=2}');
  assert.equal(show(expr('{}')), '{}');
  assert.equal(show(expr('[]')), '[]');
});

test('for expressions: tuple, object, grouping and conditions', () => {
  assert.equal(show(expr('[for s in var.list : upper(s)]')), '(for-tuple s var.list upper(s))');
  assert.equal(show(expr('[for i, s in var.list : "${i}=${s}" if s != ""]')), '(for-tuple i,s var.list "${i}=${s}" if (!= s ""))');
  assert.equal(show(expr('{ for k, v in var.map : k => v.id }')), '(for-object k,v var.map k=>v.id)');
  assert.equal(show(expr('{ for u in var.users : u.role => u.name... }')), '(for-object u var.users u.role=>u.name...)');
  assert.equal(show(expr('{\n  for k, v in m :\n  k => v\n  if v != null\n}')), '(for-object k,v m k=>v if (!= v null))');
  assert.equal(show(expr('[for x in [for y in z : y] : x]')), '(for-tuple x (for-tuple y z y) x)');
});

test('expression ranges cover exactly their source text', () => {
  const text = 'x = var.a == "b" ? [for v in local.vs : v.id] : { k = -1 }\n';
  const e = expr('var.a == "b" ? [for v in local.vs : v.id] : { k = -1 }');
  assert.ok(e.kind === 'Conditional');
  assert.equal(slice(text, e.range), 'var.a == "b" ? [for v in local.vs : v.id] : { k = -1 }');
  assert.equal(slice(text, e.condition.range), 'var.a == "b"');
  assert.equal(slice(text, e.then.range), '[for v in local.vs : v.id]');
  assert.equal(slice(text, e.else.range), '{ k = -1 }');
  assert.ok(e.else.kind === 'Object');
  assert.equal(slice(text, e.else.items[0]!.range), 'k = -1');
  assert.equal(slice(text, e.else.items[0]!.value.range), '-1');
});
