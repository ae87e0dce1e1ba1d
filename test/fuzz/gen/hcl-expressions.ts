// HCL2 expressions as text, from the grammar: literals, quoted templates (escapes, interpolations with
// strip markers, if/for directives), heredocs (plain and indented), tuples, objects, for-expressions,
// splats, indexes (also the legacy `.0`), attribute access, function calls with `...`, conditionals,
// unary and binary operators, parentheses. References are Terraform's (var., local., resource types
// from the vocabulary, each., count., module., data., path.).
// Two flavours: `expr` may hold heredocs and newlines (attribute values, call arguments), `flat` may not
// (inside quoted templates, where a newline would end the string).

import fc from 'fast-check';
import { mostly, pick, PROTOTYPE_NAMES } from './common.js';
import type { TerraformVocabulary } from './terraform-vocabulary.js';

export const FUNCTIONS = [
  'abs', 'ceil', 'floor', 'log', 'max', 'min', 'parseint', 'pow', 'signum', 'chomp', 'endswith', 'format', 'formatlist', 'indent', 'join',
  'lower', 'regex', 'regexall', 'replace', 'split', 'startswith', 'strcontains', 'strrev', 'substr', 'title', 'trim', 'trimprefix',
  'trimsuffix', 'trimspace', 'upper', 'alltrue', 'anytrue', 'chunklist', 'coalesce', 'coalescelist', 'compact', 'concat', 'contains',
  'distinct', 'element', 'flatten', 'index', 'keys', 'length', 'lookup', 'matchkeys', 'merge', 'one', 'range', 'reverse', 'setintersection',
  'setproduct', 'setsubtract', 'setunion', 'slice', 'sort', 'sum', 'transpose', 'values', 'zipmap', 'base64decode', 'base64encode',
  'csvdecode', 'jsondecode', 'jsonencode', 'textdecodebase64', 'urlencode', 'yamldecode', 'yamlencode', 'abspath', 'dirname', 'pathexpand',
  'basename', 'file', 'fileexists', 'fileset', 'filebase64', 'templatefile', 'formatdate', 'timeadd', 'timestamp', 'base64sha256', 'md5',
  'sha1', 'sha256', 'uuid', 'cidrhost', 'cidrnetmask', 'cidrsubnet', 'cidrsubnets', 'can', 'nonsensitive', 'sensitive', 'tobool', 'tolist',
  'tomap', 'tonumber', 'toset', 'tostring', 'try', 'type', 'provider::aws::arn_parse', 'no_such_function',
];

export const VARIABLES = ['name', 'env', 'environment', 'cidr', 'enabled', 'tags', 'ports', 'buckets', 'config', 'kms_key_id', 'region', 'rules', 'count'];
export const LOCALS = ['common_tags', 'prefix', 'ids', 'rules', 'name', 'encrypted', 'policy', 'ports'];
export const RESOURCE_NAMES = ['this', 'main', 'a', 'b', 'logs', 'example', 'data'];
export const MODULES = ['stack', 'vpc', 'storage'];
const OPERATORS = ['||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%'];
const TEMPLATE_TEXT = ['', 'a', 'abc', ' ', 'arn:aws:s3:::', '0.0.0.0/0', '-', '/', 'é', '日本', '{', '}', '$', '%', '~', 'x y', '\\\\', '\\n', '\\t', '\\r', '\\"', '\\u00e9', '\\U0001F600', '$${', '%%{', '$${x}', '%%{ if }'];

export interface Expressions {
  /** May hold heredocs and newlines. */
  expr: fc.Arbitrary<string>;
  /** One line, no heredocs. */
  flat: fc.Arbitrary<string>;
  /** A quoted template. */
  quoted: fc.Arbitrary<string>;
  identifier: fc.Arbitrary<string>;
}

export function identifierArb(extra: readonly string[] = []): fc.Arbitrary<string> {
  return mostly(
    fc.oneof(pick(['a', 'b', 'x', 'name', 'value', 'id', 'enabled', 'for', 'in', 'if', 'true', 'null', 'count', 'each', 'self', 'dynamic', ...extra])),
    fc.oneof(
      pick(PROTOTYPE_NAMES),
      fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_-]{0,12}$/),
      pick(['é', 'café', 'Δx', '日本', '_', '_-', 'a--b', 'a-', 'x1']),
    ),
    2,
  );
}

export function expressions(vocab: TerraformVocabulary, maxDepth = 4): Expressions {
  const identifier = identifierArb(vocab.attributeNames.slice(0, 200));
  const attribute = mostly(pick(vocab.attributeNames.length ? vocab.attributeNames : ['id']), identifier, 1, 4);
  const number = fc.oneof(
    fc.nat({ max: 1000 }).map(String),
    pick(['0', '1', '22', '80', '443', '3389', '65535', '-1', '1.5', '0.25', '1e3', '1E-2', '2.5e+10', '007']),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }).map((d) => String(d)).filter((s) => /^[0-9.e+-]+$/i.test(s) && !s.includes('e-')),
  );
  const literal = fc.oneof({ arbitrary: number, weight: 3 }, { arbitrary: pick(['true', 'false', 'null']), weight: 2 });
  const stringLiteral = mostly(pick(vocab.strings.length ? vocab.strings : ['x']), pick(TEMPLATE_TEXT), 1, 3).map((s) => `"${escapeTemplate(s)}"`);
  const reference = fc.oneof(
    pick(VARIABLES).map((v) => `var.${v}`),
    pick(LOCALS).map((l) => `local.${l}`),
    fc.tuple(pick(vocab.resourceTypes.length ? vocab.resourceTypes : ['aws_s3_bucket']), pick(RESOURCE_NAMES), attribute).map(([t, n, a]) => `${t}.${n}.${a}`),
    fc.tuple(pick(vocab.dataTypes.length ? vocab.dataTypes : ['aws_iam_policy_document']), pick(RESOURCE_NAMES), attribute).map(([t, n, a]) => `data.${t}.${n}.${a}`),
    fc.tuple(pick(MODULES), identifier).map(([m, o]) => `module.${m}.${o}`),
    pick(['each.key', 'each.value', 'count.index', 'path.module', 'path.root', 'path.cwd', 'terraform.workspace', 'self.id', 'self']),
    identifier,
  );

  const flatAt: fc.Arbitrary<string>[] = [];
  const exprAt: fc.Arbitrary<string>[] = [];
  const quotedAt: fc.Arbitrary<string>[] = [];
  const leaf = fc.oneof({ arbitrary: literal, weight: 3 }, { arbitrary: reference, weight: 4 }, { arbitrary: stringLiteral, weight: 3 });
  flatAt.push(leaf);
  exprAt.push(leaf);
  quotedAt.push(stringLiteral);
  for (let d = 1; d <= maxDepth; d++) {
    const flatSub = flatAt[d - 1]!;
    const exprSub = exprAt[d - 1]!;
    const quoted = quotedTemplate(flatSub, identifier);
    const heredoc = heredocTemplate(flatSub, identifier);
    quotedAt.push(quoted);
    flatAt.push(compound(flatSub, leaf, quoted, undefined, identifier, attribute, false));
    exprAt.push(compound(exprSub, leaf, quoted, heredoc, identifier, attribute, true));
  }
  return { expr: exprAt[maxDepth]!, flat: flatAt[maxDepth]!, quoted: quotedAt[maxDepth]!, identifier };
}

function compound(
  sub: fc.Arbitrary<string>,
  leaf: fc.Arbitrary<string>,
  quoted: fc.Arbitrary<string>,
  heredoc: fc.Arbitrary<string> | undefined,
  identifier: fc.Arbitrary<string>,
  attribute: fc.Arbitrary<string>,
  multiline: boolean,
): fc.Arbitrary<string> {
  const sep = multiline ? mostly(pick([', ', ',']), pick([',\n', '\n, ', ' ,\n  '])) : pick([', ', ',', ' , ']);
  const list = (min: number, max: number) =>
    fc.tuple(fc.array(sub, { minLength: min, maxLength: max }), fc.array(sep, { minLength: max, maxLength: max }), fc.boolean()).map(([items, seps, trailing]) =>
      items.map((it, i) => it + (i < items.length - 1 ? seps[i] : trailing && items.length ? ',' : '')).join(''),
    );
  const postfixTarget = fc.oneof(sub.filter((s) => !/^[-!0-9]/.test(s) && !s.includes('?') && !/ [-+*/%<>=!|&]+ /.test(s)), identifier);
  const step = fc.oneof(
    attribute.map((a) => `.${a}`),
    fc.nat({ max: 3 }).map((n) => `.${n}`),
    sub.map((k) => `[${k}]`),
    fc.nat({ max: 5 }).map((n) => `[${n}]`),
    pick(['[*]', '.*', '[*].id', '.*.name', '[*].tags["Name"]', '.*.0']),
  );
  const objectKey = fc.oneof(identifier, quoted, sub.map((k) => `(${k})`));
  const objectItems = fc.array(fc.tuple(objectKey, pick([' = ', ' : ', '=', ': ']), sub), { maxLength: 4 });
  const objectSep = multiline ? pick(['\n', ',\n', ', ', ',']) : pick([', ', ',']);
  const forVars = fc.oneof(identifier, fc.tuple(identifier, identifier).map(([k, v]) => `${k}, ${v}`));
  const cond = fc.option(sub.map((c) => ` if ${c}`), { nil: '' });
  const parts: { arbitrary: fc.Arbitrary<string>; weight: number }[] = [
    { arbitrary: leaf, weight: 6 },
    { arbitrary: quoted, weight: 4 },
    { arbitrary: fc.tuple(sub, pick(OPERATORS), sub).map(([a, op, b]) => `${a} ${op} ${b}`), weight: 3 },
    { arbitrary: fc.tuple(pick(['-', '!', '- ', '!!']), sub).map(([op, a]) => `${op}${a}`), weight: 1 },
    { arbitrary: fc.tuple(sub, sub, sub).map(([c, t, e]) => `${c} ? ${t} : ${e}`), weight: 2 },
    { arbitrary: sub.map((e) => `(${e})`), weight: 2 },
    { arbitrary: list(0, 4).map((items) => `[${items}]`), weight: 3 },
    {
      arbitrary: fc.tuple(objectItems, objectSep, fc.boolean()).map(([items, s, nl]) => {
        const body = items.map(([k, eq, v]) => `${k}${eq}${v}`).join(s);
        return multiline && nl ? `{\n${body}\n}` : `{${body ? ` ${body} ` : ''}}`;
      }),
      weight: 3,
    },
    { arbitrary: fc.tuple(pick(FUNCTIONS), list(0, 3), fc.boolean()).map(([f, args, expand]) => `${f}(${args}${expand && args && !args.endsWith(',') ? '...' : ''})`), weight: 4 },
    { arbitrary: fc.tuple(postfixTarget, fc.array(step, { minLength: 1, maxLength: 3 })).map(([t, s]) => t + s.join('')), weight: 4 },
    { arbitrary: fc.tuple(forVars, sub, sub, cond).map(([v, c, e, i]) => `[for ${v} in ${c} : ${e}${i}]`), weight: 2 },
    {
      arbitrary: fc.tuple(forVars, sub, sub, sub, fc.boolean(), cond).map(([v, c, k, e, g, i]) => `{for ${v} in ${c} : ${k} => ${e}${g ? '...' : ''}${i}}`),
      weight: 2,
    },
  ];
  if (heredoc) parts.push({ arbitrary: heredoc, weight: 2 });
  return fc.oneof(...parts);
}

/** Text safe inside a quoted template: quotes, backslashes and template openers escaped. */
export function escapeTemplate(s: string): string {
  if (/\\[ntr"\\uU]/.test(s) || s.includes('$${') || s.includes('%%{')) return s.replace(/"/g, '\\"'); // already in template syntax
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function templateParts(flat: fc.Arbitrary<string>, identifier: fc.Arbitrary<string>, depth: number, inHeredoc: boolean): fc.Arbitrary<string> {
  const text = inHeredoc ? pick(['', 'line', '  indented', '\t', 'x = 1', '"quoted"', '$${lit}', '%%{lit}', '\\n', '$', '%', '}']) : pick(TEMPLATE_TEXT);
  const strip = (open: string) => fc.tuple(fc.boolean(), fc.boolean()).map(([l, r]) => [`${open}${l ? '~' : ''}`, `${r ? '~' : ''}}`] as const);
  const spaced = (s: string) => fc.constantFrom(s, ` ${s} `, ` ${s}`);
  const interpolation = fc.tuple(strip('${'), flat).chain(([[o, c], e]) => spaced(e).map((x) => `${o}${x}${c}`));
  const part: fc.Arbitrary<string> = fc.oneof({ arbitrary: text, weight: 4 }, { arbitrary: interpolation, weight: 3 });
  const seq = (p: fc.Arbitrary<string>) => fc.array(p, { maxLength: 4 }).map((ps) => ps.join(inHeredoc ? '\n' : ''));
  if (depth <= 0) return seq(part);
  const inner = templateParts(flat, identifier, depth - 1, inHeredoc);
  const ifDirective = fc.tuple(strip('%{'), flat, inner, fc.option(inner), strip('%{'), strip('%{')).map(
    ([[o1, c1], cond, then, otherwise, [o2, c2], [o3, c3]]) => `${o1} if ${cond} ${c1}${then}${otherwise !== null ? `${o2} else ${c2}${otherwise}` : ''}${o3} endif ${c3}`,
  );
  const forDirective = fc.tuple(strip('%{'), identifier, fc.option(identifier), flat, inner, strip('%{')).map(
    ([[o1, c1], v, k, coll, body, [o2, c2]]) => `${o1} for ${k !== null ? `${k}, ` : ''}${v} in ${coll} ${c1}${body}${o2} endfor ${c2}`,
  );
  return seq(fc.oneof({ arbitrary: part, weight: 5 }, { arbitrary: ifDirective, weight: 1 }, { arbitrary: forDirective, weight: 1 }));
}

function quotedTemplate(flat: fc.Arbitrary<string>, identifier: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return templateParts(flat, identifier, 1, false).map((body) => `"${body.replace(/\n/g, '\\n')}"`);
}

function heredocTemplate(flat: fc.Arbitrary<string>, identifier: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(pick(['EOT', 'EOF', 'POLICY', 'END', 'x']), fc.boolean(), templateParts(flat, identifier, 1, true), pick(['', '  ', '\t', '    ']), pick(['', '  ']))
    .map(([marker, indented, body, lineIndent, closeIndent]) => {
      const content = body.split('\n').map((l) => (l ? lineIndent + l : l)).join('\n');
      // The marker must not close the heredoc early: a body line equal to it is changed.
      const safe = content.split('\n').map((l) => (l.trim() === marker ? `${l}_` : l)).join('\n');
      // A heredoc ends at its closing line's newline, so what follows starts on a new line.
      return `<<${indented ? '-' : ''}${marker}\n${safe}${safe ? '\n' : ''}${indented ? closeIndent : ''}${marker}\n`;
    });
}
