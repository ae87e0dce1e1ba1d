// The function library: one table of built-ins, and the call rule that keeps unknowns flowing instead of crashing.
// Functions that read files, the clock or randomness (file, templatefile, timestamp, uuid, ...) are absent on
// purpose: an unsupported function yields unknown, and Bulwark never reads scanned content beyond the parse.

import { charge, containsUnknown, EvalError, isObject, isUnknown, UNKNOWN, type StepBudget, type Value } from '../values/index.js';
import { collectionFunctions } from './collections.js';
import { encodingFunctions } from './encoding.js';
import { networkFunctions } from './network.js';
import { numericFunctions } from './numeric.js';
import type { FunctionTable, TfFunction } from './registry.js';
import { stringFunctions, trimEndWhere } from './strings.js';

const isSlash = (code: number): boolean => code === 47;

const miscFunctions: FunctionTable = {
  sensitive: { unknowns: 'self', shares: true, call: ([v]) => v! },
  nonsensitive: { unknowns: 'self', shares: true, call: ([v]) => v! },
  basename: { call: ([p]) => trimEndWhere(String(p), isSlash).split('/').pop() ?? '' },
  dirname: {
    call: ([p]) => {
      const s = trimEndWhere(String(p), isSlash);
      const i = s.lastIndexOf('/');
      return i < 0 ? '.' : i === 0 ? '/' : s.slice(0, i);
    },
  },
};

const FUNCTIONS: FunctionTable = {
  ...stringFunctions,
  ...collectionFunctions,
  ...numericFunctions,
  ...encodingFunctions,
  ...networkFunctions,
  ...miscFunctions,
};

export function hasFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** Characters of text read or written that cost one evaluation step. */
const CHARS_PER_STEP = 16;

/**
 * Calls a built-in. Unknown or unsupported functions return unknown; bad arguments throw EvalError. The text
 * a call reads and the text or elements it returns are charged to the budget: each is bounded in size, but
 * a loop could otherwise call a function on a huge string, or build a huge result, a million times.
 */
export function callFunction(name: string, args: Value[], budget: StepBudget): Value {
  const fn: TfFunction | undefined = hasFunction(name) ? FUNCTIONS[name] : undefined;
  if (!fn) return UNKNOWN;
  const policy = fn.unknowns ?? 'deep';
  if (policy === 'deep' && args.some((arg) => containsUnknown(arg))) return UNKNOWN;
  if (policy === 'shallow' && args.some(isUnknown)) return UNKNOWN;
  if (fn.minArgs !== undefined && args.length < fn.minArgs) throw new EvalError(`${name}: too few arguments`);
  if (fn.maxArgs !== undefined && args.length > fn.maxArgs) throw new EvalError(`${name}: too many arguments`);
  let chars = 0;
  for (const arg of args) if (typeof arg === 'string') chars += arg.length;
  if (chars >= CHARS_PER_STEP) charge(budget, Math.floor(chars / CHARS_PER_STEP));
  const result = fn.call(args, budget);
  if (!fn.shares) charge(budget, resultSize(result));
  return result;
}

/** Steps a new result costs: its text, or its elements (not counting nested ones, charged when built). */
function resultSize(result: Value): number {
  if (typeof result === 'string') return Math.floor(result.length / CHARS_PER_STEP);
  if (Array.isArray(result)) return result.length;
  return isObject(result) ? Object.keys(result).length : 0;
}
