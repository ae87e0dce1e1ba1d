// Collection functions. Lists, tuples and sets are arrays; maps and objects are plain objects.

import {
  charge,
  checkCollectionSize,
  EvalError,
  isObject,
  isUnknown,
  sortedKeys,
  toList,
  toNum,
  toObject,
  toStr,
  UNKNOWN,
  type StepBudget,
  type Value,
  type ValueObject,
} from '../values/index.js';
import { toSet, ValueSet, valuesEqual } from '../values/sets.js';
import { pushAll } from '../../../core/arrays.js';
import type { FunctionTable } from './registry.js';

/** Every element is charged: lists that share structure can hold far more (empty) lists than they look. */
function flattenInto(out: Value[], list: readonly Value[], depth: number, budget: StepBudget): boolean {
  if (depth > 100) throw new EvalError('flatten: nesting too deep');
  charge(budget, list.length);
  for (const item of list) {
    if (isUnknown(item)) return false;
    if (Array.isArray(item)) {
      if (!flattenInto(out, item, depth + 1, budget)) return false;
    } else out.push(item);
    checkCollectionSize(out.length);
  }
  return true;
}

function intIndex(v: Value, what: string): number {
  const n = toNum(v, what);
  if (!Number.isInteger(n)) throw new EvalError(`${what}: index must be a whole number`);
  return n;
}

function collectionValues(v: Value, what: string): Value[] {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return sortedKeys(v).map((k) => v[k]!);
  throw new EvalError(`${what}: expected a collection`);
}

export const collectionFunctions: FunctionTable = {
  concat: {
    unknowns: 'shallow',
    call: (args) => {
      const out: Value[] = [];
      for (const a of args) pushAll(out, toList(a, 'concat'));
      checkCollectionSize(out.length);
      return out;
    },
  },
  flatten: {
    unknowns: 'shallow',
    call: ([l], budget) => {
      const out: Value[] = [];
      return flattenInto(out, toList(l!, 'flatten'), 0, budget) ? out : UNKNOWN;
    },
  },
  merge: {
    unknowns: 'shallow',
    call: (args) => {
      const out: ValueObject = {};
      for (const a of args) {
        if (a === null) continue;
        const obj = toObject(a, 'merge');
        for (const k of Object.keys(obj)) out[k] = obj[k]!;
      }
      return out;
    },
  },
  lookup: {
    unknowns: 'shallow',
    shares: true,
    minArgs: 2,
    maxArgs: 3,
    call: ([m, k, d]) => {
      const obj = toObject(m!, 'lookup');
      const key = toStr(k!);
      if (Object.prototype.hasOwnProperty.call(obj, key)) return obj[key]!;
      if (d !== undefined) return d;
      throw new EvalError(`lookup: no key "${key}"`);
    },
  },
  element: {
    unknowns: 'shallow',
    shares: true,
    call: ([l, i]) => {
      const list = toList(l!, 'element');
      if (list.length === 0) throw new EvalError('element: empty list');
      const idx = intIndex(i!, 'element');
      if (idx < 0) throw new EvalError('element: negative index');
      return list[idx % list.length]!;
    },
  },
  length: {
    unknowns: 'shallow',
    call: ([v]) => {
      if (typeof v === 'string') return Array.from(v).length;
      if (Array.isArray(v)) return v.length;
      if (isObject(v)) return Object.keys(v).length;
      throw new EvalError('length: expected a string or collection');
    },
  },
  keys: { unknowns: 'shallow', call: ([m]) => sortedKeys(toObject(m!, 'keys')) },
  values: { unknowns: 'shallow', call: ([m]) => collectionValues(toObject(m!, 'values'), 'values') },
  contains: { call: ([l, v], budget) => collectionValues(l!, 'contains').some((x) => valuesEqual(x, v!, budget)) },
  distinct: {
    call: ([l], budget) => {
      const seen = new ValueSet(budget);
      return toList(l!, 'distinct').filter((x) => seen.add(x));
    },
  },
  compact: {
    unknowns: 'shallow',
    call: ([l]) => {
      const list = toList(l!, 'compact');
      if (list.some(isUnknown)) return UNKNOWN;
      return list.filter((x) => x !== null && x !== '').map((x) => toStr(x));
    },
  },
  coalesce: {
    unknowns: 'self',
    shares: true,
    call: (args) => {
      for (const a of args) {
        if (isUnknown(a)) return UNKNOWN;
        if (a !== null && a !== '') return a;
      }
      throw new EvalError('coalesce: no non-null, non-empty argument');
    },
  },
  coalescelist: {
    unknowns: 'self',
    shares: true,
    call: (args) => {
      for (const a of args) {
        if (isUnknown(a)) return UNKNOWN;
        if (toList(a, 'coalescelist').length > 0) return a;
      }
      throw new EvalError('coalescelist: no non-empty list');
    },
  },
  slice: {
    unknowns: 'shallow',
    call: ([l, s, e]) => {
      const list = toList(l!, 'slice');
      const start = intIndex(s!, 'slice');
      const end = intIndex(e!, 'slice');
      if (start < 0 || end > list.length || start > end) throw new EvalError('slice: index out of range');
      return list.slice(start, end);
    },
  },
  range: {
    minArgs: 1,
    maxArgs: 3,
    call: (args) => {
      const nums = args.map((a) => toNum(a, 'range'));
      const [start, limit, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? (nums[0]! <= nums[1]! ? 1 : -1)];
      if (step === 0) throw new EvalError('range: step must not be zero');
      const count = Math.ceil((limit - start) / step);
      if (count <= 0) return [];
      checkCollectionSize(count);
      const out: number[] = [];
      for (let i = 0; i < count; i++) out.push(start + i * step);
      return out;
    },
  },
  zipmap: {
    unknowns: 'shallow',
    call: ([k, v]) => {
      const keys = toList(k!, 'zipmap');
      const vals = toList(v!, 'zipmap');
      if (keys.length !== vals.length) throw new EvalError('zipmap: lists must have the same length');
      if (keys.some(isUnknown)) return UNKNOWN;
      const out: ValueObject = {};
      keys.forEach((key, i) => (out[toStr(key)] = vals[i]!));
      return out;
    },
  },
  toset: { call: ([l], budget) => toSetValue(l!, budget) },
  tolist: {
    unknowns: 'shallow',
    shares: true,
    call: ([l]) => {
      if (l === null) return null;
      return toList(l!, 'tolist');
    },
  },
  tomap: {
    unknowns: 'shallow',
    call: ([m]) => (m === null ? null : { ...toObject(m!, 'tomap') }),
  },
  setunion: { call: (args, budget) => toSetValue(args.flatMap((a) => toList(a, 'setunion')), budget) },
  setintersection: {
    call: ([first, ...rest], budget) => {
      const others = rest.map((r) => valueSet(toList(r, 'setintersection'), budget));
      return toSetValue(toList(first!, 'setintersection').filter((x) => others.every((set) => set.has(x))), budget);
    },
  },
  setsubtract: {
    call: ([a, b], budget) => {
      const remove = valueSet(toList(b!, 'setsubtract'), budget);
      return toSetValue(toList(a!, 'setsubtract').filter((x) => !remove.has(x)), budget);
    },
  },
  setproduct: {
    call: (args) => {
      const lists = args.map((a) => toList(a, 'setproduct'));
      const total = lists.reduce((n, l) => n * l.length, 1);
      checkCollectionSize(total);
      let out: Value[][] = [[]];
      for (const l of lists) out = out.flatMap((prefix) => l.map((x) => [...prefix, x]));
      return lists.length ? out : [];
    },
  },
  one: {
    unknowns: 'shallow',
    shares: true,
    call: ([l]) => {
      if (l === null) return null;
      const list = toList(l!, 'one');
      if (list.length > 1) throw new EvalError('one: more than one element');
      return list.length ? list[0]! : null;
    },
  },
  index: {
    call: ([l, v], budget) => {
      const i = toList(l!, 'index').findIndex((x) => valuesEqual(x, v!, budget));
      if (i < 0) throw new EvalError('index: value not found');
      return i;
    },
  },
  reverse: { unknowns: 'shallow', call: ([l]) => [...toList(l!, 'reverse')].reverse() },
  sort: { call: ([l]) => toList(l!, 'sort').map((x) => toStr(x)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) },
  transpose: {
    call: ([m]) => {
      const obj = toObject(m!, 'transpose');
      const out: Record<string, string[]> = {};
      for (const k of sortedKeys(obj)) {
        for (const v of toList(obj[k]!, 'transpose')) (out[toStr(v)] ??= []).push(k);
      }
      return out;
    },
  },
  chunklist: {
    unknowns: 'shallow',
    call: ([l, n]) => {
      const list = toList(l!, 'chunklist');
      const size = intIndex(n!, 'chunklist');
      if (size < 0) throw new EvalError('chunklist: negative size');
      if (size === 0) return [list];
      const out: Value[] = [];
      for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
      return out;
    },
  },
  matchkeys: {
    call: ([vals, keys, search], budget) => {
      const v = toList(vals!, 'matchkeys');
      const k = toList(keys!, 'matchkeys');
      if (v.length !== k.length) throw new EvalError('matchkeys: lists must have the same length');
      const s = valueSet(toList(search!, 'matchkeys'), budget);
      return v.filter((_x, i) => s.has(k[i]!));
    },
  },
  sum: {
    call: ([l]) => {
      const list = collectionValues(l!, 'sum');
      if (list.length === 0) throw new EvalError('sum: empty list');
      return list.reduce<number>((n, x) => n + toNum(x, 'sum'), 0);
    },
  },
  alltrue: { unknowns: 'shallow', call: ([l]) => boolFold(toList(l!, 'alltrue'), true) },
  anytrue: { unknowns: 'shallow', call: ([l]) => boolFold(toList(l!, 'anytrue'), false) },
};

/** `alltrue` (all=true) and `anytrue` (all=false): a decisive known element wins over unknown ones. */
function boolFold(list: readonly Value[], all: boolean): Value {
  let sawUnknown = false;
  for (const x of list) {
    if (isUnknown(x)) {
      sawUnknown = true;
      continue;
    }
    const b = x === true || x === 'true';
    if (b !== all) return !all;
  }
  return sawUnknown ? UNKNOWN : all;
}

function valueSet(items: readonly Value[], budget: StepBudget): ValueSet {
  const set = new ValueSet(budget);
  for (const item of items) set.add(item);
  return set;
}

/** Terraform sets hold one element type; mixed primitives unify to strings. */
export function toSetValue(l: Value, budget?: StepBudget): Value {
  if (l === null) return null;
  const list = toList(l, 'toset');
  const primitives = list.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean');
  const mixed = primitives && new Set(list.map((x) => typeof x)).size > 1;
  return toSet(mixed ? list.map((x) => toStr(x)) : list, budget);
}
