// Variable definition files in JSON (`*.tfvars.json`): a flat object of variable values, turned into
// the same syntax tree HCL tfvars produce, so the evaluator reads both alike. Strings are literals here
// (Terraform does not interpolate tfvars.json values).

import type { Position, Range } from '../core/types.js';
import type { Attribute, Expr, HclFile } from './hcl/ast.js';
import { MAX_NESTING_DEPTH } from './hcl/expression.js';

/** Thrown by toExpr past the nesting limit; caught per variable. */
class TooDeep {}

export function parseJsonVarFile(text: string, path: string): HclFile {
  const positions = new Positions(text);
  const whole = positions.range(positions.bom, text.length);
  const file: HclFile = { path, text, comments: [], errors: [], body: { kind: 'Body', attributes: [], blocks: [], items: [], range: whole } };
  let value: unknown;
  try {
    value = JSON.parse(text.slice(positions.bom));
  } catch (error) {
    // JSON.parse counts from after the BOM it was not given, and names no position when the text ends early.
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Math.min(Number(at[1]) + positions.bom, text.length) : /end of JSON input/.test(message) ? text.length : positions.bom;
    file.errors.push({ message: `invalid JSON: ${(error as Error).message}`, range: positions.range(offset, offset) });
    return file;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    file.errors.push({ message: 'a variables file in JSON must hold one object of variable values', range: whole });
    return file;
  }
  // JSON.parse keeps no positions: point at each variable's key, found in one pass over the text.
  const keys = topLevelKeys(text, positions.bom);
  for (const [name, v] of Object.entries(value)) {
    const key = keys.get(name);
    const range = key ? positions.range(key.start, key.end) : whole;
    let expr: Expr;
    try {
      expr = toExpr(v, range, 1);
    } catch (e) {
      if (!(e instanceof TooDeep)) throw e;
      // Like the HCL parser's limit: evaluating a deeper value would exhaust the stack further on.
      file.errors.push({ message: `Nesting is too deep (more than ${MAX_NESTING_DEPTH} levels) in the value of "${name}"`, range });
      continue;
    }
    const attribute: Attribute = { kind: 'Attribute', name, nameRange: range, expr, range };
    file.body.attributes.push(attribute);
    file.body.items.push(attribute);
  }
  return file;
}

function toExpr(value: unknown, range: Range, depth: number): Expr {
  if (depth > MAX_NESTING_DEPTH) throw new TooDeep();
  if (typeof value === 'string') return { kind: 'Template', parts: [{ kind: 'TemplateLiteral', value, range }], range };
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return { kind: 'Literal', value, range };
  if (Array.isArray(value)) return { kind: 'Tuple', items: value.map((v) => toExpr(v, range, depth + 1)), range };
  const items = Object.entries(value as Record<string, unknown>).map(([k, v]) => ({ key: toExpr(k, range, depth + 1), value: toExpr(v, range, depth + 1), range }));
  return { kind: 'Object', items, range };
}

/**
 * Where each key of the top-level object is written (its last occurrence, the one JSON.parse keeps), for a
 * text JSON.parse accepted. Linear: a search per key would be quadratic in a file of many variables, and
 * could land on the same text inside a value.
 */
function topLevelKeys(text: string, from: number): Map<string, { start: number; end: number }> {
  const keys = new Map<string, { start: number; end: number }>();
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
    else if (c === 34) {
      const start = i;
      for (i++; text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
      if (depth !== 1) continue;
      let j = i + 1;
      while (j < text.length && isJsonSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 58) keys.set(JSON.parse(text.slice(start, i + 1)) as string, { start, end: i + 1 });
    }
  }
  return keys;
}

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Line and column of offsets, with columns after a leading BOM not counting it (as the HCL parser does). */
class Positions {
  readonly bom: number;
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.lineStarts = [this.bom];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1, offset };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
