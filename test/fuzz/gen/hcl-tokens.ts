// HCL's special tokens and bracket pairs, for mutating real Terraform files.

import type { MutationOptions } from './mutate.js';

export const HCL_MUTATION: MutationOptions = {
  tokens: [
    '${', '%{', '}', '{', '[', ']', '(', ')', '"', '\\', '\\"', '${~', '~}', '%{ if x }', '%{ else }', '%{ endif }', '%{ for a in b }', '%{ endfor }',
    '<<EOF\n', '<<-EOF\n', '\nEOF\n', 'EOF', '<<', '/*', '*/', '#', '//', '\n', '\r\n', '\r', '=', '==', '=>', '...', '.*', '[*]', '?', ':',
    ',', '.', '.0', '!', '-', 'for x in y :', ' if ', 'null', 'true', '1e999', 'provider::aws::', '::', '$${', '%%{', '\\u', '\\U0010FFFF',
    '\\uD800', '\t', ' ', 'resource "aws_s3_bucket" "b" {\n', 'dynamic "x" {\n', 'variable "v" {\n', 'each.value', 'count.index', 'var.',
    'local.', '__proto__', 'constructor', 'toString',
  ],
  nesting: [
    ['[', ']'], ['(', ')'], ['{', '}'], ['"${', '}"'], ['x {\n', '}\n'], ['[for a in b : ', ']'], ['!', ''], ['-', ''], ['a ? ', ' : b'],
    ['f(', ')'], ['"%{ if x }', '%{ endif }"'], ['<<EOF\n${', '}\nEOF\n'], ['{ k = ', ' }'], ['(((', ')))'],
  ],
};
