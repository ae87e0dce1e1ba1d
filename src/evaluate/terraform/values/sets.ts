// Equality and sets of values. Values share structure (a local listed four times in another is one object),
// so a naive deep comparison of two separately built values can take exponential time, and deduplicating
// by comparing every pair takes quadratic time: hostile input can ask for both.

import { charge, compareStrings, isUnknown, LIMITS, type StepBudget, type Value } from './index.js';

/** After this many nodes, pairs found equal are remembered, so shared substructure is compared once. */
const MEMO_AFTER = 1024;

interface EqualState {
  nodes: number;
  equalPairs?: Map<object, Set<object>>;
}

/**
 * Deep equality; callers handle unknowns first. Numbers and numeric strings differ, as in Terraform. With a
 * budget, the comparison's work is charged to it.
 */
export function valuesEqual(a: Value, b: Value, budget?: StepBudget): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const state: EqualState = { nodes: 0 };
  const equal = deepEqual(a, b, state);
  if (budget) charge(budget, state.nodes >> 4);
  return equal;
}

function deepEqual(a: Value, b: Value, state: EqualState): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || isUnknown(a) || isUnknown(b)) return false;
  if (++state.nodes > MEMO_AFTER && state.equalPairs?.get(a)?.has(b)) return true;
  let equal: boolean;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    equal = true;
    for (let i = 0; equal && i < a.length; i++) equal = deepEqual(a[i]!, b[i]!, state);
  } else {
    if (Array.isArray(b)) return false;
    const ka = Object.keys(a);
    equal = ka.length === Object.keys(b).length;
    for (let i = 0; equal && i < ka.length; i++) {
      const k = ka[i]!;
      equal = k in b && deepEqual(a[k]!, b[k]!, state);
    }
  }
  if (equal && state.nodes > MEMO_AFTER) {
    state.equalPairs ??= new Map();
    let seen = state.equalPairs.get(a);
    if (!seen) state.equalPairs.set(a, (seen = new Set()));
    seen.add(b);
  }
  return equal;
}

/** A key equal values share (unequal values may share one too, so values are compared within a key). */
function hashKey(v: Value): string {
  if (v === null) return 'n';
  if (typeof v === 'string') return 's' + v;
  if (typeof v === 'number') return 'd' + v;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (isUnknown(v)) return 'u';
  // Composites by their size and first few primitive members: cheap, and enough to tell most apart.
  if (Array.isArray(v)) {
    let key = 'a' + v.length;
    for (let i = 0; i < v.length && i < 8; i++) key += primitiveText(v[i]!);
    return key;
  }
  const names = Object.keys(v);
  let key = 'o' + names.length;
  for (let i = 0; i < names.length && i < 8; i++) key += '\0' + names[i] + primitiveText(v[names[i]!]!);
  return key;
}

function primitiveText(v: Value): string {
  return v === null || typeof v !== 'object' ? '\0' + typeof v + String(v) : '\0';
}

/** Values without duplicates, found by hashing; comparisons within a hash are charged to the budget. */
export class ValueSet {
  private readonly buckets = new Map<string, Value[]>();
  constructor(private readonly budget: StepBudget = { steps: 0, limit: LIMITS.maxStepsPerExpression }) {}

  /** Adds `v` unless an equal value is present; true when it was added. */
  add(v: Value): boolean {
    const key = hashKey(v);
    const bucket = this.buckets.get(key);
    if (!bucket) {
      this.buckets.set(key, [v]);
      return true;
    }
    if (this.find(bucket, v)) return false;
    bucket.push(v);
    return true;
  }

  has(v: Value): boolean {
    const bucket = this.buckets.get(hashKey(v));
    return bucket !== undefined && this.find(bucket, v);
  }

  private find(bucket: readonly Value[], v: Value): boolean {
    for (const x of bucket) {
      charge(this.budget, 1);
      if (valuesEqual(x, v, this.budget)) return true;
    }
    return false;
  }
}

/** Sets are lists with duplicates removed; strings and numbers are ordered the way Terraform orders them. */
export function toSet(items: readonly Value[], budget?: StepBudget): Value[] {
  const seen = new ValueSet(budget);
  const out = items.filter((item) => seen.add(item));
  if (out.every((x) => typeof x === 'string')) return (out as string[]).sort(compareStrings);
  if (out.every((x) => typeof x === 'number')) return (out as number[]).sort((a, b) => a - b);
  return out;
}
