import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { assertPositionsConsistent, parseOk, show, slice } from './helpers.js';

test('blocks, labels and attributes have exact ranges', () => {
  const text = [
    '# leading comment',
    'resource "aws_s3_bucket" main {',
    '  bucket = "logs" # trailing',
    '',
    '  versioning {',
    '    enabled = true',
    '  }',
    '}',
    '',
  ].join('\n');
  const file = parseOk(text);
  const block = file.body.blocks[0]!;
  assert.equal(slice(text, block.range), text.slice(text.indexOf('resource'), text.lastIndexOf('}') + 1));
  assert.equal(slice(text, block.typeRange), 'resource');
  assert.deepEqual(block.labels, ['aws_s3_bucket', 'main']);
  assert.deepEqual(block.labelRanges.map((r) => slice(text, r)), ['"aws_s3_bucket"', 'main']);
  assert.equal(slice(text, block.bodyRange), text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
  assert.deepEqual(block.typeRange.start, { line: 2, column: 1, offset: 18 });
  const bucket = block.body.attributes[0]!;
  assert.equal(slice(text, bucket.range), 'bucket = "logs"');
  assert.equal(slice(text, bucket.nameRange), 'bucket');
  assert.equal(slice(text, bucket.expr.range), '"logs"');
  assert.deepEqual(bucket.nameRange.start, { line: 3, column: 3, offset: 52 });
  const nested = block.body.blocks[0]!;
  assert.equal(slice(text, nested.range), 'versioning {\n    enabled = true\n  }');
  assert.deepEqual(block.body.items.map((i) => i.kind), ['Attribute', 'Block']);
  assert.equal(file.body.range.start.offset, 0);
  assert.equal(file.body.range.end.offset, text.length);
});

test('one-line and empty blocks', () => {
  const file = parseOk('resource "aws_sqs_queue" "q" { name = "events" }\ndata "aws_caller_identity" "me" {}\nlocals {\n}\n');
  assert.deepEqual(file.body.blocks.map((b) => [b.type, b.labels, b.body.items.length]), [
    ['resource', ['aws_sqs_queue', 'q'], 1],
    ['data', ['aws_caller_identity', 'me'], 0],
    ['locals', [], 0],
  ]);
  assert.equal(show(file.body.blocks[0]!.body.attributes[0]!.expr), '"events"');
});

test('dynamic blocks with for_each, iterator and nested content', () => {
  const text = [
    'resource "aws_security_group" "web" {',
    '  dynamic "ingress" {',
    '    for_each = { for p in var.ports : tostring(p) => p }',
    '    iterator = port',
    '    content {',
    '      from_port = port.value',
    '      to_port   = port.value',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  const dyn = parseOk(text).body.blocks[0]!.body.blocks[0]!;
  assert.equal(dyn.type, 'dynamic');
  assert.deepEqual(dyn.labels, ['ingress']);
  assert.deepEqual(dyn.body.attributes.map((a) => a.name), ['for_each', 'iterator']);
  assert.equal(show(dyn.body.attributes[0]!.expr), '(for-object p var.ports tostring(p)=>p)');
  const content = dyn.body.blocks[0]!;
  assert.equal(content.type, 'content');
  assert.equal(show(content.body.attributes[1]!.expr), 'port.value');
});

test('comments of all three styles are kept with ranges, and do not disturb parsing', () => {
  const text = '# hash\n// slash\n/* block\n   spans */ a = 1 /* inline */ + 2 // end\nb = [ # inside\n  1, /* x */ 2,\n]\n';
  const file = parseOk(text);
  assert.deepEqual(file.comments.map((c) => [c.style, slice(text, c.range)]), [
    ['hash', '# hash'],
    ['slash', '// slash'],
    ['block', '/* block\n   spans */'],
    ['block', '/* inline */'],
    ['slash', '// end'],
    ['hash', '# inside'],
    ['block', '/* x */'],
  ]);
  assert.equal(file.comments[2]!.text, '/* block\n   spans */');
  assert.equal(show(file.body.attributes[0]!.expr), '(+ 1 2)');
  assert.equal(show(file.body.attributes[1]!.expr), '[1 2]');
});

test('CRLF line endings: same tree, ranges exclude the carriage return', () => {
  const lf = 'resource "a" "b" {\n  x = "y" # c\n  h = <<-EOT\n    one\n    EOT\n}\n';
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = parseOk(lf);
  const b = parseOk(crlf);
  const block = b.body.blocks[0]!;
  assert.equal(slice(crlf, block.body.attributes[0]!.range), 'x = "y"');
  assert.deepEqual(block.body.attributes[0]!.range.start, { line: 2, column: 3, offset: 22 });
  assert.equal(b.comments[0]!.text, '# c');
  assert.equal(show(a.body.blocks[0]!.body.attributes[0]!.expr), show(block.body.attributes[0]!.expr));
  // Heredoc text keeps the file's own line endings.
  assert.equal(show(block.body.attributes[1]!.expr), '"one\r\n"');
});

test('a byte order mark is skipped and columns count from the first visible character', () => {
  const text = '\uFEFFa = 1\n';
  const file = parseOk(text);
  assert.deepEqual(file.body.attributes[0]!.nameRange.start, { line: 1, column: 1, offset: 1 });
});

test('unicode identifiers and strings; columns count UTF-16 code units', () => {
  const text = 'locals {\n  straße = "😀 ${größe}"\n  ok = 1\n}\n';
  const file = parseOk(text);
  const attrs = file.body.blocks[0]!.body.attributes;
  assert.equal(attrs[0]!.name, 'straße');
  assert.equal(show(attrs[0]!.expr), '"😀 ${größe}"');
  const interp = attrs[0]!.expr.kind === 'Template' ? attrs[0]!.expr.parts[1]! : undefined;
  assert.equal(interp && slice(text, interp.range), '${größe}');
  // The emoji is two code units, so `${` starts at column 16 on its line.
  assert.equal(interp?.range.start.column, 16);
  assert.deepEqual(attrs[1]!.nameRange.start, { line: 3, column: 3, offset: 36 });
});

test('an empty file and a file of only comments', () => {
  assert.deepEqual(parseOk('').body.items, []);
  const file = parseOk('# nothing here\n\n');
  assert.deepEqual(file.body.items, []);
  assert.equal(file.comments.length, 1);
});

test('positions stay consistent on a large mixed file', () => {
  const text = 'a = "x"\r\nb = <<EOT\r\n${y}\r\nEOT\r\nc { d = [for v in e : v] }\r\n';
  const file = parseHcl(text, 'mixed.tf');
  assert.deepEqual(file.errors, []);
  assertPositionsConsistent(file);
});
