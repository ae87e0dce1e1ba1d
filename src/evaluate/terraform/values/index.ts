// Value helpers shared by the expression evaluator and the function library.
// Values are immutable by convention: functions build new arrays/objects and never mutate their inputs,
// so references can be shared freely instead of deep-cloned.

import { isUnknown, UNKNOWN, type Value } from '../../../core/value.js';

export { isUnknown, UNKNOWN };
export type { Value };

/**
 * A Terraform evaluation error (type mismatch, missing key, bad function argument). `try()`/`can()` catch these.
 * Thrown as control flow, often once per instance: it records no stack trace, which cost more than the evaluation
 * (10,000 instances of a resource whose attributes fail took a third of a second just capturing stacks).
 */
export class EvalError extends Error {
  constructor(message?: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** The evaluation budget ran out (expression bomb). Never caught by `try()`; the attribute becomes unknown. */
export class BudgetError extends Error {}

/** Evaluation steps spent and allowed: expression nodes, loop iterations, and work functions do on large values. */
export interface StepBudget {
  steps: number;
  limit: number;
}

/** Spends `steps` of the budget; BudgetError once it is exhausted. */
export function charge(budget: StepBudget, steps: number): void {
  budget.steps += steps;
  if (budget.steps > budget.limit) throw new BudgetError('evaluation budget exhausted');
}

/**
 * Marks an object whose unlisted attributes are unknown rather than absent: a resource or module seen from
 * outside, where computed attributes (`id`, `arn`) exist but are known only after apply.
 */
export const OPEN = Symbol('bulwark.openObject');

export type ValueObject = { [key: string]: Value };

export function isObject(v: Value | undefined): v is ValueObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}

export function isOpen(v: ValueObject): boolean {
  return (v as Record<symbol, unknown>)[OPEN] === true;
}

export function openObject(): ValueObject {
  const obj: ValueObject = {};
  Object.defineProperty(obj, OPEN, { value: true, enumerable: false });
  return obj;
}

/** Computes the lazy properties of the objects it backs (see defineLazy). */
export interface LazySource {
  lazyValue(key: string): Value;
}

const LAZY_SOURCE = Symbol('lazy source');

/**
 * Defines `key` on `obj` as computed on first read (by `source.lazyValue(key)`), then stored. Lets references
 * to a resource evaluate only what they use. The getter captures nothing but the key: a getter closing over
 * the resource let V8's call feedback keep whole evaluated projects alive past their scan, and garbage
 * collection became the largest cost of a scan.
 */
export function defineLazy(obj: ValueObject, key: string, source: LazySource): void {
  if ((obj as Record<symbol, unknown>)[LAZY_SOURCE] !== source) Object.defineProperty(obj, LAZY_SOURCE, { value: source, configurable: true });
  Object.defineProperty(obj, key, { enumerable: true, configurable: true, get: lazyGetter(key) });
}

function lazyGetter(key: string): (this: ValueObject) => Value {
  return function (this: ValueObject) {
    const v = ((this as Record<symbol, unknown>)[LAZY_SOURCE] as LazySource).lazyValue(key);
    Object.defineProperty(this, key, { value: v, enumerable: true, configurable: true, writable: false });
    return v;
  };
}

export function containsUnknown(v: Value, visited?: Set<object>): boolean {
  if (isUnknown(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  // Values share structure (a local used four times in a list is one object): visit each object once,
  // or a few levels of sharing make this walk exponential.
  const seen = visited ?? new Set<object>();
  if (seen.has(v)) return false;
  seen.add(v);
  if (Array.isArray(v)) return v.some((item) => containsUnknown(item, seen));
  for (const k in v) if (containsUnknown(v[k]!, seen)) return true;
  return false;
}

/** Terraform iterates maps and objects in lexical key order. */
export function sortedKeys(obj: ValueObject): string[] {
  return Object.keys(obj).sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (isUnknown(v)) return 'unknown';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** Terraform's number formatting: integers without a decimal point, others in shortest form. */
export function numberToString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** Converts a primitive to string the way Terraform's automatic conversion does; collections and null are errors. */
export function toStr(v: Value, what = 'value'): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new EvalError(`${what}: cannot convert ${typeName(v)} to string`);
}

export function toNum(v: Value, what = 'value'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    if (!Number.isNaN(n)) return n;
  }
  throw new EvalError(`${what}: cannot convert ${typeName(v)} to number`);
}

export function toBool(v: Value, what = 'value'): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new EvalError(`${what}: cannot convert ${typeName(v)} to bool`);
}

export function toList(v: Value, what = 'value'): Value[] {
  if (Array.isArray(v)) return v;
  throw new EvalError(`${what}: expected a list, got ${typeName(v)}`);
}

export function toObject(v: Value, what = 'value'): ValueObject {
  if (isObject(v)) return v;
  throw new EvalError(`${what}: expected a map or object, got ${typeName(v)}`);
}

/** Limits that keep hostile input from exhausting memory. */
export const LIMITS = {
  maxCollection: 100_000,
  maxString: 4 * 1024 * 1024,
  /** Instances of one resource or module call (`count`, `for_each`). */
  maxInstances: 10_000,
  /** Resource and module instances of one root module, all modules included. */
  maxInstancesPerRoot: 10_000,
  /**
   * Instances made by `count` and `for_each` beyond the first of each block, in a whole scan: shared evenly by
   * its root modules, so a thousand tiny roots of `count = 10000` cannot each make ten thousand. (The first
   * instance of each block is not counted: plain blocks grow only with the text.)
   */
  maxExpansionsPerScan: 10_000,
  maxModuleDepth: 32,
  /** Evaluations waiting on one another: a chain of references (resource to resource, output to output). */
  maxReferenceDepth: 400,
  /** Evaluation steps (expression nodes + loop iterations) for one top-level expression, locals it reads included. */
  maxStepsPerExpression: 2_000_000,
  /** Evaluation steps for a whole project. */
  maxSteps: 50_000_000,
} as const;

export function checkCollectionSize(n: number): void {
  if (n > LIMITS.maxCollection) throw new BudgetError(`collection of ${n} elements exceeds the limit of ${LIMITS.maxCollection}`);
}

export function checkStringSize(n: number): void {
  if (n > LIMITS.maxString) throw new BudgetError(`string of ${n} characters exceeds the limit of ${LIMITS.maxString}`);
}
