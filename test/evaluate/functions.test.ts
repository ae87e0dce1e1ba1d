// Each case is an example from Terraform's function documentation (or Go's fmt/RE2 semantics it relies on),
// with the result Terraform documents.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown, UNKNOWN, value } from '../../src/evaluate/terraform/view.js';
import { byAddress, evalExpr, evaluateMemory } from './helpers.js';

const CASES: [string, unknown][] = [
  // strings
  ['format("Hello, %s!", "Ander")', 'Hello, Ander!'],
  ['format("There are %d lights", 4)', 'There are 4 lights'],
  ['format("%03d|%-4s|%5.2f|%t|%q", 7, "ab", 3.14159, true, "x")', '007|ab  | 3.14|true|"x"'],
  ['format("%[2]s %[1]s", "world", "hello")', 'hello world'],
  ['formatlist("Hello, %s!", ["Valentina", "Ander"])', ['Hello, Valentina!', 'Hello, Ander!']],
  ['formatlist("%s, %s", "Salutations", ["Valentina", "Ander"])', ['Salutations, Valentina', 'Salutations, Ander']],
  ['join(", ", ["foo", "bar", "baz"])', 'foo, bar, baz'],
  ['join(", ", ["foo"])', 'foo'],
  ['split(",", "foo,bar,baz")', ['foo', 'bar', 'baz']],
  ['split(",", "")', ['']],
  ['lower("HELLO")', 'hello'],
  ['upper("hello")', 'HELLO'],
  ['title("hello world")', 'Hello World'],
  ['trimspace("  hello\\n\\n")', 'hello'],
  ['trim("?!hello?!", "!?")', 'hello'],
  ['trimprefix("helloworld", "hello")', 'world'],
  ['trimprefix("helloworld", "cat")', 'helloworld'],
  ['trimsuffix("helloworld", "world")', 'hello'],
  ['replace("1 + 2 + 3", "+", "-")', '1 - 2 - 3'],
  ['replace("hello world", "/w.*d/", "everybody")', 'hello everybody'],
  ['replace("ami-123", "/^ami-(\\\\d+)$/", "image-$1")', 'image-123'],
  ['substr("hello world", 1, 4)', 'ello'],
  ['substr("🤔🤷", 0, 1)', '🤔'],
  ['substr("hello world", -5, -1)', 'world'],
  ['regex("[a-z]+", "53453453.345345aaabbbccc23454")', 'aaabbbccc'],
  ['regex("(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)", "2019-02-01")', ['2019', '02', '01']],
  ['regex("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/")', { scheme: 'https', authority: 'terraform.io' }],
  ['regexall("[a-z]+", "1234abcd5678efgh9")', ['abcd', 'efgh']],
  ['length(regexall("[a-z]+", "123"))', 0],
  ['startswith("hello world", "hello")', true],
  ['endswith("hello world", "hello")', false],
  ['strcontains("hello world", "wor")', true],
  ['chomp("hello\\n")', 'hello'],
  ['chomp("hello\\r\\n")', 'hello'],
  ['chomp("hello\\n\\n")', 'hello'],
  ['indent(2, "[\\n  foo,\\n  bar,\\n]\\n")', '[\n    foo,\n    bar,\n  ]\n  '],
  // collections
  ['concat(["a", ""], ["b", "c"])', ['a', '', 'b', 'c']],
  ['flatten([["a", "b"], [], ["c"]])', ['a', 'b', 'c']],
  ['flatten([[["a", "b"], []], ["c"]])', ['a', 'b', 'c']],
  ['merge({a="b", c="d"}, {e="f", c="z"})', { a: 'b', c: 'z', e: 'f' }],
  ['lookup({a="ay", b="bee"}, "a", "what?")', 'ay'],
  ['lookup({a="ay", b="bee"}, "c", "what?")', 'what?'],
  ['element(["a", "b", "c"], 1)', 'b'],
  ['element(["a", "b", "c"], 3)', 'a'],
  ['length([])', 0],
  ['length(["a", "b"])', 2],
  ['length({"a" = "b"})', 1],
  ['length("hello")', 5],
  ['keys({a=1, c=2, d=3})', ['a', 'c', 'd']],
  ['values({a=3, c=2, d=1})', [3, 2, 1]],
  ['contains(["a", "b", "c"], "a")', true],
  ['contains(["a", "b", "c"], "d")', false],
  ['distinct(["a", "b", "a", "c", "d", "b"])', ['a', 'b', 'c', 'd']],
  ['compact(["a", "", "b", null, "c"])', ['a', 'b', 'c']],
  ['coalesce("a", "b")', 'a'],
  ['coalesce("", "b")', 'b'],
  ['coalesce(1, 2)', 1],
  ['coalescelist(["a", "b"], ["c", "d"])', ['a', 'b']],
  ['coalescelist([], ["c", "d"])', ['c', 'd']],
  ['slice(["a", "b", "c", "d"], 1, 3)', ['b', 'c']],
  ['range(3)', [0, 1, 2]],
  ['range(1, 4)', [1, 2, 3]],
  ['range(1, 8, 2)', [1, 3, 5, 7]],
  ['range(4, 1)', [4, 3, 2]],
  ['range(10, 5, -2)', [10, 8, 6]],
  ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
  ['toset(["a", "b", "c", "b"])', ['a', 'b', 'c']],
  ['toset(["c", "b", "b"])', ['b', 'c']],
  ['tolist(toset(["b", "a"]))', ['a', 'b']],
  ['tomap({a = "b"})', { a: 'b' }],
  ['setunion(["a", "b"], ["b", "c"], ["d"])', ['a', 'b', 'c', 'd']],
  ['setintersection(["a", "b"], ["b", "c"], ["b", "d"])', ['b']],
  ['setsubtract(["a", "b", "c"], ["a", "c"])', ['b']],
  ['setproduct(["a", "b"], [1, 2])', [['a', 1], ['a', 2], ['b', 1], ['b', 2]]],
  ['one([])', null],
  ['one(["hello"])', 'hello'],
  ['index(["a", "b", "c"], "b")', 1],
  ['reverse([1, 2, 3])', [3, 2, 1]],
  ['sort(["e", "d", "a", "x"])', ['a', 'd', 'e', 'x']],
  ['transpose({"a" = ["1", "2"], "b" = ["2", "3"]})', { '1': ['a'], '2': ['a', 'b'], '3': ['b'] }],
  ['chunklist(["a", "b", "c", "d", "e"], 2)', [['a', 'b'], ['c', 'd'], ['e']]],
  ['sum([10, 13, 6, 4.5])', 33.5],
  ['alltrue(["true", true])', true],
  ['anytrue([false, true])', true],
  ['try({a = 1}.b, "default")', 'default'],
  ['try(jsondecode("{bad"), "fallback")', 'fallback'],
  ['can(regex("^ami-", "ami-123"))', true],
  ['can(regex("^ami-", "foo"))', false],
  // encoding
  ['jsonencode({"hello"="world"})', '{"hello":"world"}'],
  ['jsonencode({b = [1, true, null], a = "<x>"})', '{"a":"\\u003cx\\u003e","b":[1,true,null]}'],
  ['jsondecode("{\\"hello\\": \\"world\\"}")', { hello: 'world' }],
  ['jsondecode("true")', true],
  ['yamlencode({"a":"b", "c":"d"})', '"a": "b"\n"c": "d"\n'],
  ['yamlencode({"foo":[1, 2, 3], "bar": "baz"})', '"bar": "baz"\n"foo":\n- 1\n- 2\n- 3\n'],
  ['yamlencode({"foo":[1, {"a":"b","c":"d"}, 3], "bar": "baz"})', '"bar": "baz"\n"foo":\n- 1\n- "a": "b"\n  "c": "d"\n- 3\n'],
  ['yamldecode("hello: world\\nlist: [1, 2]")', { hello: 'world', list: [1, 2] }],
  ['base64encode("Hello World")', 'SGVsbG8gV29ybGQ='],
  ['base64decode("SGVsbG8gV29ybGQ=")', 'Hello World'],
  ['urlencode("Hello World!")', 'Hello+World%21'],
  ['urlencode("☃")', '%E2%98%83'],
  ['urlencode("foo:bar@localhost?foo=bar&bar=baz")', 'foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz'],
  ['sha256("hello world")', 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'],
  // numeric
  ['min(12, 54, 3)', 3],
  ['max(12, 54, 3)', 54],
  ['max([12, 54, 3]...)', 54],
  ['abs(-12.4)', 12.4],
  ['ceil(5.1)', 6],
  ['floor(4.9)', 4],
  ['parseint("100", 10)', 100],
  ['parseint("FF", 16)', 255],
  ['parseint("-10", 16)', -16],
  ['parseint("1011111011101111", 2)', 48879],
  ['parseint("aA", 62)', 656],
  ['tonumber("1")', 1],
  ['tostring(1)', '1'],
  ['tostring(true)', 'true'],
  ['tobool("true")', true],
  ['pow(3, 2)', 9],
  ['pow(4, 0)', 1],
  ['signum(-13)', -1],
  ['signum(0)', 0],
  // ip
  ['cidrsubnet("172.16.0.0/12", 4, 2)', '172.18.0.0/16'],
  ['cidrsubnet("10.1.2.0/24", 4, 15)', '10.1.2.240/28'],
  ['cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)', 'fd00:fd12:3456:7800:a200::/72'],
  ['cidrhost("10.12.112.0/20", 16)', '10.12.112.16'],
  ['cidrhost("10.12.112.0/20", 268)', '10.12.113.12'],
  ['cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)', 'fd00:fd12:3456:7890::22'],
  ['cidrnetmask("172.16.0.0/12")', '255.240.0.0'],
  ['cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)', ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']],
  // language
  ['1 + 2 * 3', 7],
  ['"5" + 1', 6],
  ['5 % 3', 2],
  ['!true', false],
  ['1 == "1"', false],
  ['[1, "a"] == [1, "a"]', true],
  ['true ? "yes" : "no"', 'yes'],
  ['[for s in ["a", "b"] : upper(s)]', ['A', 'B']],
  ['[for i, s in ["a", "b", "c"] : "${i}=${s}" if s != "b"]', ['0=a', '2=c']],
  ['{for s in ["a", "bb"] : s => length(s)}', { a: 1, bb: 2 }],
  ['{for k, v in {a = 1, b = 2, c = 1} : v => k...}', { '1': ['a', 'c'], '2': ['b'] }],
  ['[{a = 1}, {a = 2}][*].a', [1, 2]],
  ['{a = 1}[*].a', [1]],
  ['"%{ for ip in ["10.0.0.1", "10.0.0.2"] }server ${ip}\\n%{ endfor }"', 'server 10.0.0.1\nserver 10.0.0.2\n'],
  ['"Hello, %{ if "x" != "" }named%{ else }unnamed%{ endif }!"', 'Hello, named!'],
  ['"a ${~ "b" ~} c"', 'abc'],
  ['"${[1, 2]}"', [1, 2]],
  ['"$${literal} %%{x}"', '${literal} %{x}'],
  ['<<-EOT\n    line ${1 + 1}\n      indented\n    EOT\n', 'line 2\n  indented\n'],
];

test('function and expression results match Terraform', () => {
  const failures: string[] = [];
  for (const [expr, expected] of CASES) {
    let actual: unknown;
    try {
      actual = evalExpr(expr);
    } catch (e) {
      actual = `threw ${(e as Error).message}`;
    }
    try {
      assert.deepEqual(actual, expected);
    } catch {
      failures.push(`${expr}\n    expected ${JSON.stringify(expected)}\n    got      ${JSON.stringify(actual)}`);
    }
  }
  assert.equal(failures.length, 0, failures.join('\n'));
});

test('functions that read files, time or randomness, and unknown functions, give unknown', () => {
  for (const expr of ['file("x.json")', 'templatefile("t.tpl", {})', 'timestamp()', 'uuid()', 'no_such_function(1)', 'provider::aws::arn_parse("x")']) {
    assert.ok(isUnknown(evalExpr(expr)), expr);
  }
});

test('bad arguments are errors (caught by try), not crashes', () => {
  for (const expr of ['element([], 0)', 'cidrsubnet("nonsense", 4, 1)', 'lookup({}, "a")', 'regex("(", "x")', 'slice([1], 0, 5)', 'parseint("zz", 10)', 'one([1, 2])']) {
    assert.throws(() => evalExpr(expr), expr);
    assert.equal(evalExpr(`try(${expr}, "fallback")`), 'fallback', expr);
  }
});

test('unknown arguments flow through functions', () => {
  const { project } = evaluateMemory({
    'main.tf': `
variable "name" {
  type = string
}
resource "aws_sqs_queue" "q" {
  name        = upper(var.name)
  tags        = merge({ Team = "core" }, { Name = var.name })
  policy      = jsonencode({ Resource = var.name, Action = "sqs:*" })
  list        = concat(["a"], [var.name])
  list_length = length(concat(["a"], [var.name]))
  coalesced   = coalesce(var.name, "fallback")
  tried       = try(var.name, "fallback")
  either      = var.name == "x" || true
  chosen      = var.name == "x" ? "a" : "b"
  formatted   = format("%s-%s", "q", var.name)
}
`,
  });
  const q = byAddress(project, 'aws_sqs_queue.q').body;
  assert.ok(isUnknown(value(q, 'name')));
  assert.deepEqual(value(q, 'tags'), { Team: 'core', Name: UNKNOWN });
  assert.equal(value(q, 'policy'), '{"Action":"sqs:*","Resource":"(unknown)"}');
  assert.deepEqual(value(q, 'list'), ['a', UNKNOWN]);
  assert.equal(value(q, 'list_length'), 2);
  assert.ok(isUnknown(value(q, 'coalesced')));
  assert.ok(isUnknown(value(q, 'tried')));
  assert.equal(value(q, 'either'), true);
  assert.ok(isUnknown(value(q, 'chosen')));
  assert.ok(isUnknown(value(q, 'formatted')));
});
