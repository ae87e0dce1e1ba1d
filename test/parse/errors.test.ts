import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HclFile } from '../../src/parse/hcl/ast.js';
import { MAX_NESTING_DEPTH, parseHcl } from '../../src/parse/hcl/parser.js';
import { assertPositionsConsistent, show, slice } from './helpers.js';

function parseBad(text: string): HclFile {
  const file = parseHcl(text, 'bad.tf');
  assert.ok(file.errors.length > 0, 'reports a syntax error');
  assertPositionsConsistent(file);
  return file;
}

const names = (file: HclFile): string[] => file.body.items.map((i) => (i.kind === 'Block' ? `${i.type} ${i.labels.join(' ')}`.trim() : i.name));
const at = (file: HclFile, i = 0): string => {
  const r = file.errors[i]!.range;
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
};

test('a missing expression is located where it is missing and the next blocks survive', () => {
  const text = 'a = = 1\nresource "x" "y" {\n  b = 2\n}\n';
  const file = parseBad(text);
  assert.equal(file.errors.length, 1);
  assert.equal(at(file), '1:5-1:6');
  assert.deepEqual(names(file), ['resource x y']);
});

test('an operator with no right operand at the end of a line', () => {
  const file = parseBad('a = 1 +\nb = 2\n');
  assert.equal(at(file), '1:8-2:1');
  assert.match(file.errors[0]!.message, /end of the line/);
  assert.deepEqual(names(file), ['b']);
});

test('an error inside a multi-line object skips to the object end, not into it', () => {
  const file = parseBad('a = {\n  x = 1 +\n  y = 2\n}\nb = 1\nc "d" {}\n');
  assert.equal(file.errors.length, 1);
  assert.equal(at(file), '2:10-3:1');
  assert.deepEqual(names(file), ['b', 'c d']);
});

test('an error inside a nested block keeps the rest of that block and everything after', () => {
  const file = parseBad('r "a" {\n  x = = 1\n  inner {\n    y = 2\n  }\n}\nz = 1\n');
  assert.equal(file.errors.length, 1);
  assert.equal(at(file), '2:7-2:8');
  assert.deepEqual(names(file), ['r a', 'z']);
  assert.equal(file.body.blocks[0]!.body.blocks[0]!.body.attributes[0]!.name, 'y');
});

test('junk after a complete argument keeps the argument', () => {
  const file = parseBad('a = 1 b = 2\nc = 3\n');
  assert.equal(at(file), '1:7-1:8');
  assert.deepEqual(names(file), ['a', 'c']);
});

test('an unterminated string is reported at its opening quote and ends at the line end', () => {
  const text = 'a = "abc\nb = 1\n';
  const file = parseBad(text);
  assert.equal(file.errors.length, 1);
  assert.equal(at(file), '1:5-1:6');
  assert.deepEqual(names(file), ['a', 'b']);
  assert.equal(slice(text, file.body.attributes[0]!.expr.range), '"abc');
});

test('an unterminated heredoc is reported at its opener', () => {
  const file = parseBad('x = 1\na = <<EOT\nhello\n');
  assert.equal(at(file), '2:5-2:10');
  assert.match(file.errors[0]!.message, /heredoc/);
  assert.deepEqual(names(file), ['x', 'a']);
});

test('an unterminated block is reported at its start and keeps what it holds', () => {
  const file = parseBad('ok {}\nresource "x" "y" {\n  a = 1\n');
  assert.equal(at(file), '2:1-2:19');
  assert.deepEqual(names(file), ['ok', 'resource x y']);
  assert.equal(file.body.blocks[1]!.body.attributes[0]!.name, 'a');
});

test('an unterminated block comment is reported at its start', () => {
  const file = parseBad('a = 1\n/* open\nb = 2\n');
  assert.equal(at(file), '2:1-2:3');
  assert.deepEqual(names(file), ['a']);
});

test('template errors: bad escape, unclosed directive, empty interpolation, unknown directive', () => {
  let file = parseBad('a = "x\\qy"\n');
  assert.equal(at(file), '1:7-1:9');
  assert.equal(show(file.body.attributes[0]!.expr), '"x\\qy"');
  file = parseBad('a = "%{ if x }yes"\nb = 1\n');
  assert.equal(at(file), '1:6-1:15');
  assert.deepEqual(names(file), ['a', 'b']);
  file = parseBad('a = "${}"\nb = 1\n');
  assert.equal(at(file), '1:8-1:9');
  assert.deepEqual(names(file), ['b']);
  file = parseBad('a = "%{ while x }"\nb = 1\n');
  assert.match(file.errors[0]!.message, /Unknown template directive "while"/);
  assert.deepEqual(names(file), ['b']);
});

test('stray tokens and braces at the top level', () => {
  let file = parseBad('}\na = 1\n');
  assert.equal(at(file), '1:1-1:2');
  assert.deepEqual(names(file), ['a']);
  file = parseBad('@@@ !!\nresource "a" "b" {}\n');
  assert.equal(at(file), '1:1-1:2');
  assert.deepEqual(names(file), ['resource a b']);
  file = parseBad('resource "a" "b"\nx = 1\n');
  assert.deepEqual(names(file), ['x']);
});

test('template sequences in block labels are an error on the sequence', () => {
  const file = parseBad('resource "a${x}" "b" {}\n');
  assert.equal(at(file), '1:12-1:16');
  assert.deepEqual(file.body.blocks[0]!.labels, ['a', 'b']);
});

test('nesting bombs are errors, not crashes', () => {
  const bombs: Record<string, string> = {
    brackets: 'a = ' + '['.repeat(100_000) + '\n',
    parens: 'a = ' + '('.repeat(100_000),
    objects: 'a = ' + '{x='.repeat(100_000),
    blocks: 'a {\n'.repeat(100_000) + 'b = 1\n',
    bangs: 'a = ' + '!'.repeat(100_000) + 'x\nb = 2\n',
    templates: 'a = ' + '"${'.repeat(50_000),
    heredocs: 'a = ' + '<<EOT\n${'.repeat(20_000),
    conditionals: 'a = ' + 'x ? y : '.repeat(100_000) + 'z\nb = 1\n',
  };
  for (const [name, text] of Object.entries(bombs)) {
    const file = parseHcl(text, `${name}.tf`);
    assert.ok(file.errors.some((e) => e.message.includes(`more than ${MAX_NESTING_DEPTH} levels`)), name);
    assert.ok(file.errors.length <= 201, `${name}: errors are capped`);
  }
  // Recovery continues after a line-local bomb.
  assert.deepEqual(names(parseHcl('a = ' + '!'.repeat(100_000) + 'x\nb = 2\n', 'x.tf')), ['b']);
});

test('nesting just under the limit is fine', () => {
  const depth = MAX_NESTING_DEPTH - 10;
  const file = parseHcl('a = ' + '['.repeat(depth) + ']'.repeat(depth) + '\n', 'deep.tf');
  assert.deepEqual(file.errors, []);
});

test('hostile bytes never throw', () => {
  const samples = ['\u0000\u0001', '"\\', '<<', '<<-', '${', 'a = "${', 'a = <<EOT', 'a = [1,', 'a "', '\uD800', 'a = 1.', 'a = a.', 'a = a[*', 'a = {for', 'a = [for x in y', 'a = f(x...', '/*', 'a = "%{ for x in y }"', 'a = "%{ endif }"'];
  for (const text of samples) {
    const file = parseHcl(text, 'x.tf');
    assert.ok(Array.isArray(file.errors), JSON.stringify(text));
    assert.ok(file.errors.length > 0, `${JSON.stringify(text)} reports an error`);
  }
});

test('every truncation of a realistic file parses without internal errors and with consistent positions', async () => {
  const { readFileSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const text = readFileSync(fileURLToPath(new URL('../fixtures/hcl/iam.tf', import.meta.url)), 'utf8');
  for (let cut = 0; cut < text.length; cut += 7) {
    for (const variant of [text.slice(0, cut), text.slice(0, cut) + text.slice(cut + 3)]) {
      const file = parseHcl(variant, 'cut.tf');
      assert.ok(!file.errors.some((e) => e.message.startsWith('Internal')), `cut at ${cut}: ${file.errors[0]?.message}`);
      assertPositionsConsistent(file);
    }
  }
});

test('a backslash before a line end in a skipped string leaves the newline counted (found by fuzzing)', () => {
  // The broken line is skipped in recovery; a `\` at its end used to swallow the newline, so every later
  // position was a line short and the body's range pointed past the end of its line.
  const file = parseBad('"\\\n\nbucket = "x"\nu\n');
  assert.equal(at(file, 1), '4:2-5:1');
  assert.deepEqual(names(file), ['bucket']);
  assert.deepEqual(file.body.range.end, { line: 5, column: 1, offset: file.text.length });
});

test('a lone carriage return is an invalid character, as in HCL, and never a line end', () => {
  // HCL knows CR only in CRLF. A heredoc line "\rEOT" does not close the heredoc.
  const heredoc = parseBad('a = <<EOT\n\rEOT\nEOT\nb = 1\n');
  assert.match(heredoc.errors[0]!.message, /carriage return/);
  assert.equal(at(heredoc), '2:1-2:2');
  assert.deepEqual(names(heredoc), ['a', 'b']);
  assert.match(parseBad('a = 1 \r b = 2\n').errors[0]!.message, /newline after the argument/);
  assert.match(parseBad('a = "x\ry"\n').errors[0]!.message, /Unterminated template string/);
  // CRLF files and carriage returns in comments are fine.
  assert.deepEqual(parseHcl('# note\r still a comment\r\na = <<EOT\r\nx\r\nEOT\r\n', 'ok.tf').errors, []);
});
