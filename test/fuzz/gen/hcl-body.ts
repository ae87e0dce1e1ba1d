// HCL2 bodies as text: attributes, blocks with identifier or quoted labels (nested, one-line, empty),
// comments of all three styles, blank lines, CRLF now and then. Terraform's own block shapes (resource,
// data, variable, locals, module, dynamic, lifecycle ...) come with the types and attributes the
// vocabulary learnt from the seeds.

import fc from 'fast-check';
import { mostly, pick } from './common.js';
import { escapeTemplate, LOCALS, MODULES, RESOURCE_NAMES, VARIABLES, type Expressions } from './hcl-expressions.js';
import type { TerraformVocabulary } from './terraform-vocabulary.js';

const COMMENTS = ['# comment', '// comment', '/* block */', '/* multi\nline */', '#', '//', '# ${not.a.template}', '/**/', '# é ✓'];

export interface BodyOptions {
  /** Nesting of blocks. */
  depth: number;
  maxItems: number;
}

/** A generic body: any block type, any attribute name. */
export function hclBody(exprs: Expressions, vocab: TerraformVocabulary, options: BodyOptions = { depth: 3, maxItems: 6 }): fc.Arbitrary<string> {
  const label = fc.oneof(exprs.identifier, exprs.quoted.filter((q) => !q.includes('${') && !q.includes('%{')), pick(vocab.resourceTypes).map((t) => `"${t}"`));
  const blockType = mostly(pick(['resource', 'data', 'variable', 'locals', 'module', 'output', 'provider', 'terraform', 'dynamic', 'content', 'lifecycle', 'statement', 'ingress', 'rule']), exprs.identifier, 1, 2);
  return bodyAt(options.depth, exprs, blockType, fc.array(label, { maxLength: 3 }), options.maxItems, '');
}

function bodyAt(
  depth: number,
  exprs: Expressions,
  blockType: fc.Arbitrary<string>,
  labels: fc.Arbitrary<string[]>,
  maxItems: number,
  pad: string,
): fc.Arbitrary<string> {
  const attribute = fc.tuple(exprs.identifier, pick([' = ', '=', '  =  ']), exprs.expr, fc.option(pick(COMMENTS.filter((c) => !c.includes('\n'))), { freq: 8 })).map(
    ([name, eq, value, comment]) => `${pad}${name}${eq}${value}${value.endsWith('\n') ? '' : comment !== null ? ` ${comment}\n` : '\n'}`,
  );
  const comment = pick(COMMENTS).map((c) => `${pad}${c}\n`);
  const blank = fc.constant('\n');
  const items: { arbitrary: fc.Arbitrary<string>; weight: number }[] = [
    { arbitrary: attribute, weight: 6 },
    { arbitrary: comment, weight: 1 },
    { arbitrary: blank, weight: 1 },
  ];
  if (depth > 0) {
    const inner = bodyAt(depth - 1, exprs, blockType, labels, Math.max(1, maxItems - 2), `${pad}  `);
    const oneLine = fc.tuple(exprs.identifier, exprs.flat).map(([n, v]) => `{ ${n} = ${v} }`);
    const block = fc.tuple(blockType, labels, fc.oneof({ arbitrary: inner.map((b) => `{\n${b}${pad}}`), weight: 6 }, { arbitrary: oneLine, weight: 1 }, { arbitrary: fc.constant('{}'), weight: 1 })).map(
      ([type, ls, body]) => `${pad}${[type, ...ls].join(' ')} ${body}\n`,
    );
    items.push({ arbitrary: block, weight: 4 });
  }
  return fc.array(fc.oneof(...items), { maxLength: maxItems }).map((xs) => xs.join(''));
}

/** A Terraform file: the top-level blocks Terraform knows, with plausible resource bodies. */
export function terraformFile(exprs: Expressions, vocab: TerraformVocabulary, maxBlocks = 6): fc.Arbitrary<string> {
  const attr = (names: fc.Arbitrary<string>, pad: string) =>
    fc.tuple(names, exprs.expr).map(([n, v]) => `${pad}${n} = ${v}${v.endsWith('\n') ? '' : '\n'}`);
  const namesFor = (key: string) => mostly(pick(vocab.attributes.get(key) ?? vocab.attributeNames), exprs.identifier, 1, 6);
  const nested = (key: string, pad: string, depth: number): fc.Arbitrary<string> => {
    const types = vocab.blocks.get(key) ?? [];
    const attrs = fc.array(attr(namesFor(key), pad), { maxLength: 4 });
    if (depth <= 0 || types.length === 0) return attrs.map((a) => a.join(''));
    const child = pick(types).chain((t) => nested(`${key}/${t}`, `${pad}  `, depth - 1).map((b) => `${pad}${t} {\n${b}${pad}}\n`));
    const dynamic = fc.tuple(pick(types), exprs.expr).chain(([t, each]) =>
      nested(`${key}/${t}`, `${pad}    `, depth - 1).map((b) => `${pad}dynamic "${t}" {\n${pad}  for_each = ${each.trimEnd()}\n${pad}  content {\n${b}${pad}  }\n${pad}}\n`),
    );
    return fc.tuple(attrs, fc.array(fc.oneof({ arbitrary: child, weight: 4 }, { arbitrary: dynamic, weight: 1 }), { maxLength: 3 })).map(([a, b]) => [...a, ...b].join(''));
  };
  const meta = fc.oneof(
    exprs.flat.map((e) => `  count = ${e}\n`),
    exprs.flat.map((e) => `  for_each = ${e}\n`),
    pick(['  count = 2\n', '  for_each = toset(["a", "b"])\n', '  for_each = var.buckets\n', '  provider = aws.west\n', '  depends_on = [aws_s3_bucket.this]\n', '  lifecycle {\n    prevent_destroy = true\n  }\n']),
  );
  const resource = fc.tuple(pick(vocab.resourceTypes), pick(RESOURCE_NAMES), fc.option(meta, { freq: 3 })).chain(([type, name, m]) =>
    nested(type, '  ', 3).map((body) => `resource "${type}" "${name}" {\n${m ?? ''}${body}}\n`),
  );
  const data = fc.tuple(pick(vocab.dataTypes.length ? vocab.dataTypes : ['aws_iam_policy_document']), pick(RESOURCE_NAMES)).chain(([type, name]) =>
    nested(`data.${type}`, '  ', 3).map((body) => `data "${type}" "${name}" {\n${body}}\n`),
  );
  const typeConstraint = pick(['string', 'number', 'bool', 'any', 'list(string)', 'map(string)', 'set(number)', 'object({ a = string, b = optional(number, 1) })', 'tuple([string, number])', 'map(object({ cidr = string }))', 'list(any)', 'strang', 'list(']);
  const variable = fc.tuple(pick(VARIABLES), fc.option(typeConstraint), fc.option(exprs.expr), fc.boolean(), fc.option(exprs.flat)).map(([name, type, def, sensitive, validation]) =>
    `variable "${name}" {\n${type !== null ? `  type = ${type}\n` : ''}${def !== null ? `  default = ${def}${def.endsWith('\n') ? '' : '\n'}` : ''}${sensitive ? '  sensitive = true\n' : ''}${
      validation !== null ? `  validation {\n    condition = ${validation}\n    error_message = "bad"\n  }\n` : ''
    }}\n`,
  );
  const locals = fc.array(attr(pick(LOCALS), '  '), { minLength: 1, maxLength: 4 }).map((as) => `locals {\n${as.join('')}}\n`);
  const output = fc.tuple(exprs.identifier, exprs.expr).map(([n, v]) => `output "${escapeTemplate(n)}" {\n  value = ${v}${v.endsWith('\n') ? '' : '\n'}}\n`);
  const module = fc.tuple(pick(MODULES), pick(['./modules/a', './modules/b', '../shared', './modules/a//sub', 'git::https://example.com/m.git', 'hashicorp/vpc/aws', './', '.', '/abs', './modules/missing']), fc.array(attr(pick(VARIABLES), '  '), { maxLength: 3 })).map(
    ([name, source, inputs]) => `module "${name}" {\n  source = "${source}"\n${inputs.join('')}}\n`,
  );
  const provider = pick(['provider "aws" {\n  region = "us-east-1"\n}\n', 'provider "aws" {\n  alias = "west"\n  region = var.region\n}\n', 'terraform {\n  required_version = ">= 1.5"\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "~> 5.0" }\n  }\n}\n']);
  const block = fc.oneof(
    { arbitrary: resource, weight: 6 },
    { arbitrary: data, weight: 1 },
    { arbitrary: variable, weight: 2 },
    { arbitrary: locals, weight: 2 },
    { arbitrary: output, weight: 1 },
    { arbitrary: module, weight: 1 },
    { arbitrary: provider, weight: 1 },
  );
  return fc.array(block, { minLength: 1, maxLength: maxBlocks }).map((bs) => bs.join('\n'));
}

/** A tfvars file: attributes named like the generated variables. */
export function tfvarsFile(exprs: Expressions): fc.Arbitrary<string> {
  return fc.array(fc.tuple(mostly(pick(VARIABLES), exprs.identifier, 1, 5), exprs.expr).map(([n, v]) => `${n} = ${v}${v.endsWith('\n') ? '' : '\n'}`), { maxLength: 5 }).map((as) => as.join(''));
}
