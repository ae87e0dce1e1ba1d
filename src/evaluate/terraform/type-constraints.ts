// Variable type constraints (`type = list(object({...}))`) and the conversions Terraform applies to inputs:
// "true" → true for bool, "5" → 5 for number, sets deduplicated, optional object attributes filled with defaults.
// A value that does not fit is passed through unchanged: Terraform would reject it, Bulwark still scans.

import type { Expr } from '../../parse/hcl/ast.js';
import { isObject, isUnknown, type Value, type ValueObject } from './values/index.js';
import { toSet } from './values/sets.js';

export type TypeSpec =
  | { kind: 'any' }
  | { kind: 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; element: TypeSpec }
  | { kind: 'tuple'; elements: TypeSpec[] }
  | { kind: 'object'; attributes: Map<string, { type: TypeSpec; optional: boolean; default?: Expr }> };

const ANY: TypeSpec = { kind: 'any' };

/** Reads a type expression; anything unrecognised is `any`. */
export function parseType(expr: Expr | undefined): TypeSpec {
  if (!expr) return ANY;
  if (expr.kind === 'Variable') {
    if (expr.name === 'string' || expr.name === 'number' || expr.name === 'bool') return { kind: expr.name };
    return ANY;
  }
  const quoted = literalString(expr);
  if (quoted !== undefined) {
    // Legacy quoted types: "string", "list", "map".
    const name = quoted;
    if (name === 'string') return { kind: 'string' };
    if (name === 'list' || name === 'map') return { kind: name, element: ANY };
    return ANY;
  }
  if (expr.kind !== 'Call') return ANY;
  const arg = expr.args[0];
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map':
      return { kind: expr.name, element: parseType(arg) };
    case 'tuple':
      return arg?.kind === 'Tuple' ? { kind: 'tuple', elements: arg.items.map(parseType) } : ANY;
    case 'object': {
      if (arg?.kind !== 'Object') return ANY;
      const attributes = new Map<string, { type: TypeSpec; optional: boolean; default?: Expr }>();
      for (const item of arg.items) {
        const key = item.key.kind === 'Variable' ? item.key.name : literalString(item.key);
        if (key === undefined) continue;
        const v = item.value;
        if (v.kind === 'Call' && v.name === 'optional') {
          attributes.set(key, { type: parseType(v.args[0]), optional: true, ...(v.args[1] ? { default: v.args[1] } : {}) });
        } else attributes.set(key, { type: parseType(v), optional: false });
      }
      return { kind: 'object', attributes };
    }
    default:
      return ANY;
  }
}

function literalString(expr: Expr): string | undefined {
  const only = expr.kind === 'Template' && expr.parts.length === 1 ? expr.parts[0] : undefined;
  return only?.kind === 'TemplateLiteral' ? only.value : undefined;
}

/**
 * Converts `value` to `type`. `evalDefault` evaluates an `optional(T, default)` default expression (constants only).
 */
export function convert(value: Value, type: TypeSpec, evalDefault: (e: Expr) => Value): Value {
  if (isUnknown(value) || value === null) return value;
  switch (type.kind) {
    case 'any':
      return value;
    case 'string':
      if (typeof value === 'number') return String(value);
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      return value;
    case 'number':
      if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
      return value;
    case 'bool':
      if (value === 'true') return true;
      if (value === 'false') return false;
      return value;
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) return value;
      const items = value.map((v) => convert(v, type.element, evalDefault));
      return type.kind === 'set' && !items.some(isUnknown) ? toSet(items) : items;
    }
    case 'tuple':
      if (!Array.isArray(value)) return value;
      return value.map((v, i) => convert(v, type.elements[i] ?? ANY, evalDefault));
    case 'map': {
      if (!isObject(value)) return value;
      const out: ValueObject = {};
      for (const k of Object.keys(value)) out[k] = convert(value[k]!, type.element, evalDefault);
      return out;
    }
    case 'object': {
      if (!isObject(value)) return value;
      const out: ValueObject = {};
      for (const [name, a] of type.attributes) {
        if (Object.prototype.hasOwnProperty.call(value, name) && value[name] !== null) out[name] = convert(value[name]!, a.type, evalDefault);
        else if (a.default) out[name] = convert(evalDefault(a.default), a.type, evalDefault);
        else out[name] = null;
      }
      return out;
    }
  }
}

/** Converts a `-var name=value` string for a variable of `type`: primitives directly, complex types need parsing. */
export function isPrimitiveType(type: TypeSpec): boolean {
  return type.kind === 'string' || type.kind === 'number' || type.kind === 'bool' || type.kind === 'any';
}
