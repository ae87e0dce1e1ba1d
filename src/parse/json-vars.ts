// Variable definition files in JSON (`*.tfvars.json`): a flat object of variable values, turned into
// the same syntax tree HCL tfvars produce, so the evaluator reads both alike. Strings are literals here
// (Terraform does not interpolate tfvars.json values).

import type { Range } from '../core/types.js';
import type { Attribute, Expr, HclFile } from './hcl/ast.js';

export function parseJsonVarFile(text: string, path: string): HclFile {
  const whole = rangeOf(text, 0, text.length);
  const file: HclFile = { path, text, comments: [], errors: [], body: { kind: 'Body', attributes: [], blocks: [], items: [], range: whole } };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const offset = at ? Math.min(Number(at[1]), text.length) : 0;
    file.errors.push({ message: `invalid JSON: ${(error as Error).message}`, range: rangeOf(text, offset, offset) });
    return file;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    file.errors.push({ message: 'a variables file in JSON must hold one object of variable values', range: whole });
    return file;
  }
  for (const [name, v] of Object.entries(value)) {
    // JSON.parse keeps no positions: point at the variable's key, found by text search.
    const keyAt = text.indexOf(JSON.stringify(name));
    const range = keyAt >= 0 ? rangeOf(text, keyAt, keyAt + JSON.stringify(name).length) : whole;
    const attribute: Attribute = { kind: 'Attribute', name, nameRange: range, expr: toExpr(v, range), range };
    file.body.attributes.push(attribute);
    file.body.items.push(attribute);
  }
  return file;
}

function toExpr(value: unknown, range: Range): Expr {
  if (typeof value === 'string') return { kind: 'Template', parts: [{ kind: 'TemplateLiteral', value, range }], range };
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return { kind: 'Literal', value, range };
  if (Array.isArray(value)) return { kind: 'Tuple', items: value.map((v) => toExpr(v, range)), range };
  const items = Object.entries(value as Record<string, unknown>).map(([k, v]) => ({ key: toExpr(k, range), value: toExpr(v, range), range }));
  return { kind: 'Object', items, range };
}

function rangeOf(text: string, startOffset: number, endOffset: number): Range {
  const position = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1, offset };
  };
  return { start: position(startOffset), end: position(endOffset) };
}
