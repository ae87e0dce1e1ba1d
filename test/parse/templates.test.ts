import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TemplateExpr } from '../../src/parse/hcl/ast.js';
import { attr, expr, show, slice } from './helpers.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';

function template(source: string): TemplateExpr {
  const e = expr(source);
  assert.equal(e.kind, 'Template');
  return e as TemplateExpr;
}

/** The literal text of a template with no sequences. */
function literal(source: string): string {
  const t = template(source);
  assert.equal(t.parts.length, 1);
  const part = t.parts[0]!;
  assert.equal(part.kind, 'TemplateLiteral');
  return part.kind === 'TemplateLiteral' ? part.value : '';
}

test('a plain string is one literal part; the empty string too', () => {
  assert.equal(literal('"hello"'), 'hello');
  assert.equal(literal('""'), '');
});

test('escapes are decoded', () => {
  assert.equal(literal('"a\\nb\\tc\\"d\\\\e\\rf"'), 'a\nb\tc"d\\e\rf');
  assert.equal(literal('"\\u00e9\\U0001F600"'), 'é😀');
  assert.equal(literal('"$${not} %%{this} $$ %%"'), '${not} %{this} $$ %%');
});

test('interpolations, nested templates and unicode', () => {
  const text = 'x = "Grüße ${var.name}! ${ "in ${x}" } 世界"\n';
  const t = attr(text).expr as TemplateExpr;
  assert.equal(show(t), '"Grüße ${var.name}! ${"in ${x}"} 世界"');
  const interp = t.parts[1]!;
  assert.equal(slice(text, interp.range), '${var.name}');
  assert.equal(slice(text, t.range), text.slice(4, -1));
});

test('if and for directives, with else', () => {
  assert.equal(show(template('"Hi %{ if name != "" }${name}%{ else }there%{ endif }."')), '"Hi %{if (!= name "")}${name}%{else}there%{endif}."');
  assert.equal(show(template('"%{ for i, s in list }${i}:${s},%{ endfor }"')), '"%{for i,s in list}${i}:${s},%{endfor}"');
  const text = 'x = "a%{ if c }b%{ endif }"\n';
  const t = attr(text).expr as TemplateExpr;
  assert.equal(slice(text, t.parts[1]!.range), '%{ if c }b%{ endif }');
});

test('strip markers remove the adjacent whitespace, including newlines', () => {
  assert.equal(show(template('"a  ${~ x ~}  b"')), '"a${x}b"');
  const interp = template('"a ${~x} b"').parts[1]!;
  assert.ok(interp.kind === 'TemplateInterpolation' && interp.stripLeft && !interp.stripRight);
  assert.equal(show(template('<<EOT\nitems:\n%{ for s in l ~}\n  - ${s}\n%{ endfor ~}\ndone\nEOT')), '"items:\n%{for s in l}  - ${s}\n%{endfor}done\n"');
});

test('a heredoc keeps its text verbatim, with templates inside', () => {
  const text = 'policy = <<EOF\n{\n  "Resource": "${var.arn}",\n  "Quote": "\\n stays"\n}\nEOF\nnext = 1\n';
  const a = attr(text, 'policy');
  const t = a.expr as TemplateExpr;
  assert.deepEqual(t.heredoc, { marker: 'EOF', indented: false });
  assert.equal(show(t), '"{\n  "Resource": "${var.arn}",\n  "Quote": "\\n stays"\n}\n"');
  assert.equal(slice(text, t.range), text.slice(text.indexOf('<<'), text.indexOf('EOF\nnext') + 3));
  assert.equal(slice(text, a.range), text.slice(0, text.indexOf('\nnext')));
});

test('an indented heredoc removes the common indentation, as Terraform does', () => {
  const t = template('<<-EOT\n    line one\n      indented more\n\n    ${var.x} after\n    EOT');
  // Spaces before a sequence count as that line's indentation.
  assert.equal(show(t), '"line one\n  indented more\n\n${var.x} after\n"');
  assert.deepEqual(t.heredoc, { marker: 'EOT', indented: true });
  // A line that opens with a sequence leaves nothing to remove anywhere.
  assert.equal(show(template('<<-EOT\n  a\n${b}\n  EOT')), '"  a\n${b}\n"');
  // Whitespace-only lines neither count nor are trimmed.
  assert.equal(show(template('<<-EOT\n    a\n  \n    b\n  EOT')), '"a\n  \nb\n"');
  // Directives inside an indented heredoc.
  assert.equal(show(template('<<-EOT\n  %{ if x }\n  yes\n  %{ endif }\n  EOT')), '"%{if x}\nyes\n%{endif}\n"');
});

test('a closing marker followed by spaces or tabs closes the heredoc, as HCL trims the line', () => {
  const text = 'a = <<EOT\nx\nEOT   \nb = <<-EOT\n  y\n  EOT\t\r\nc = 1\n';
  const file = parseHcl(text, 'main.tf');
  assert.deepEqual(file.errors, []);
  assert.equal(show(attr(text, 'a').expr as TemplateExpr), '"x\n"');
  assert.equal(show(attr(text, 'b').expr as TemplateExpr), '"y\n"');
  assert.deepEqual(file.body.attributes.map((x) => x.name), ['a', 'b', 'c']);
  // Text after the marker on the same line still does not close it.
  assert.match(parseHcl('a = <<EOT\nx\nEOT x\n', 'main.tf').errors[0]?.message ?? '', /Unterminated heredoc/);
});

test('a plain heredoc keeps indentation and may close on an indented marker', () => {
  assert.equal(show(template('<<EOT\n  two spaces\nEOT')), '"  two spaces\n"');
  assert.equal(show(template('<<EOT\nx\n    EOT')), '"x\n"');
  assert.equal(show(template('<<EOT\nEOT')), '""');
  assert.equal(show(template('<<EOT\nEOTX\nEOT')), '"EOTX\n"');
});

test('after a heredoc in an object, the newline is the separator and a comma on the next line is an error, as in HCL', () => {
  // HCL's scanner emits the closing marker and the newline after it as two tokens (hclsyntax/scan_tokens.rl,
  // heredocLiteralEOL), and its object parser takes that newline as the item separator; a `,` that follows
  // then starts the next key and is rejected. tree-sitter folds the newline into the heredoc and accepts the
  // comma (fuzz: hcl-agreement-400bf26310): there tree-sitter is the one that differs from Terraform.
  assert.deepEqual(parseHcl('tags = {\n  policy = <<EOT\n{}\nEOT\n  Name = "web"\n}\n', 'main.tf').errors, []);
  const file = parseHcl('tags = {\n  policy = <<EOT\n{}\nEOT\n  , Name = "web"\n}\n', 'main.tf');
  assert.equal(file.errors.length, 1);
  assert.match(file.errors[0]!.message, /Expected an expression, found ","/);
  assert.equal(file.errors[0]!.range.start.line, 5);
});
