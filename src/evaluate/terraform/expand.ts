// `count` and `for_each` expansion, shared by resources, data sources and module calls.

import type { Attribute, Block } from '../../parse/hcl/ast.js';
import { SENSITIVE_REF } from './expr.js';
import { containsUnknown, isObject, isUnknown, LIMITS, sortedKeys, UNKNOWN, type Value } from './values/index.js';
import { toSet } from './values/sets.js';

/** What `count.index` / `each.key` / `each.value` mean inside one instance. */
export interface InstanceVars {
  countIndex?: Value;
  eachKey?: Value;
  eachValue?: Value;
  /**
   * When `for_each` iterates another resource's instances (`for_each = aws_s3_bucket.logs`), the address of the
   * instance `each.value` stands for (`aws_s3_bucket.logs["raw"]`): reading it is a reference to that resource.
   */
  eachValueRef?: string | undefined;
}

export interface ExpandedInstance {
  key: number | string;
  vars: InstanceVars;
}

export type Expansion =
  | { kind: 'single' }
  | { kind: 'count' | 'for_each'; instances: ExpandedInstance[] }
  /** count/for_each could not be evaluated: one stand-in instance whose count/each values are unknown. */
  | { kind: 'unknown'; vars: InstanceVars };

export interface ExpansionProblem {
  message: string;
  attribute: Attribute;
}

export function findAttribute(block: Block, name: string): Attribute | undefined {
  return block.body.attributes.find((a) => a.name === name);
}

/**
 * Expands a block's `count` or `for_each`. `evaluateMeta` evaluates the meta-argument in the block's enclosing scope
 * and must return UNKNOWN rather than throw. Problems (bad values, too many instances) are returned for reporting.
 */
export function expandBlock(
  block: Block,
  evaluateMeta: (attr: Attribute) => { value: Value; refs: readonly string[] },
): { expansion: Expansion; problem?: ExpansionProblem } {
  const countAttr = findAttribute(block, 'count');
  if (countAttr) return expandCount(evaluateMeta(countAttr).value, countAttr);
  const forEachAttr = findAttribute(block, 'for_each');
  if (!forEachAttr) return { expansion: { kind: 'single' } };
  const { value, refs } = evaluateMeta(forEachAttr);
  if (refs.includes(SENSITIVE_REF)) {
    // Terraform refuses it ("Invalid for_each argument"): instance keys would reveal the value.
    return {
      expansion: unknownExpansion('for_each'),
      problem: { message: 'for_each uses a sensitive value, which Terraform rejects (its instance keys would reveal the value); the instances are treated as unknown', attribute: forEachAttr },
    };
  }
  return expandForEach(value, forEachAttr, iteratedResource(forEachAttr, refs));
}

/** `for_each = aws_s3_bucket.logs` (or `module.x.aws_s3_bucket.logs`): the resource whose instances are iterated. */
function iteratedResource(attr: Attribute, refs: readonly string[]): string | undefined {
  let expr = attr.expr;
  while (expr.kind === 'Paren') expr = expr.expr;
  if (expr.kind !== 'GetAttr' || expr.target.kind !== 'Variable' || refs.length !== 1) return undefined;
  const ref = refs[0]!;
  return ref.endsWith(`${expr.target.name}.${expr.name}`) && !ref.endsWith(']') ? ref : undefined;
}

function unknownExpansion(kind: 'count' | 'for_each'): Expansion {
  return { kind: 'unknown', vars: kind === 'count' ? { countIndex: UNKNOWN } : { eachKey: UNKNOWN, eachValue: UNKNOWN } };
}

function capped(instances: ExpandedInstance[], attribute: Attribute): { expansion: Expansion; problem?: ExpansionProblem } {
  return {
    expansion: { kind: 'for_each', instances: instances.slice(0, LIMITS.maxInstances) },
    problem: { message: `for_each yields ${instances.length} instances; only the first ${LIMITS.maxInstances} are evaluated`, attribute },
  };
}

function expandCount(v: Value, attribute: Attribute): { expansion: Expansion; problem?: ExpansionProblem } {
  if (isUnknown(v)) return { expansion: unknownExpansion('count') };
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0) {
    return { expansion: unknownExpansion('count'), problem: { message: `count must be a non-negative whole number, got ${JSON.stringify(v)}`, attribute } };
  }
  const total = Math.min(n, LIMITS.maxInstances);
  const instances: ExpandedInstance[] = [];
  for (let i = 0; i < total; i++) instances.push({ key: i, vars: { countIndex: i } });
  const expansion: Expansion = { kind: 'count', instances };
  if (n > total) return { expansion, problem: { message: `count of ${n} exceeds the limit; only the first ${total} instances are evaluated`, attribute } };
  return { expansion };
}

/** `collection`: the resource whose instances are iterated, when there is one (see InstanceVars.eachValueRef). */
function expandForEach(v: Value, attribute: Attribute, collection: string | undefined): { expansion: Expansion; problem?: ExpansionProblem } {
  if (isUnknown(v)) return { expansion: unknownExpansion('for_each') };
  if (v === null) return { expansion: { kind: 'for_each', instances: [] }, problem: { message: 'for_each is null', attribute } };
  if (isObject(v)) {
    const keys = sortedKeys(v);
    // Every instance's vars get the same fields, so they share one shape.
    const instances = keys.map((k) => ({ key: k, vars: { eachKey: k, eachValue: v[k]!, eachValueRef: collection === undefined ? undefined : `${collection}[${JSON.stringify(k)}]` } }));
    return instances.length > LIMITS.maxInstances ? capped(instances, attribute) : { expansion: { kind: 'for_each', instances } };
  }
  if (Array.isArray(v)) {
    // Sets of strings; element values must be known to become keys.
    if (v.some((item) => containsUnknown(item))) return { expansion: unknownExpansion('for_each') };
    if (!v.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) {
      return { expansion: unknownExpansion('for_each'), problem: { message: 'for_each needs a map or a set of strings', attribute } };
    }
    const keys = toSet(v.map((x) => String(x))) as string[];
    const instances = keys.map((k) => ({ key: k, vars: { eachKey: k, eachValue: k } }));
    return instances.length > LIMITS.maxInstances ? capped(instances, attribute) : { expansion: { kind: 'for_each', instances } };
  }
  return { expansion: unknownExpansion('for_each'), problem: { message: `for_each needs a map or a set of strings, got ${typeof v}`, attribute } };
}

/** `[0]` or `["logs"]`, as Terraform writes instance keys in addresses. */
export function instanceSuffix(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
