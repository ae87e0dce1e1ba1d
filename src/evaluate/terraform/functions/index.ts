// The function library: one table of built-ins, and the call rule that keeps unknowns flowing instead of crashing.
// Functions that read files, the clock or randomness (file, templatefile, timestamp, uuid, ...) are absent on
// purpose: an unsupported function yields unknown, and Bulwark never reads scanned content beyond the parse.

import { containsUnknown, EvalError, isUnknown, UNKNOWN, type Value } from '../values/index.js';
import { collectionFunctions } from './collections.js';
import { encodingFunctions } from './encoding.js';
import { networkFunctions } from './network.js';
import { numericFunctions } from './numeric.js';
import type { FunctionTable, TfFunction } from './registry.js';
import { stringFunctions } from './strings.js';

const miscFunctions: FunctionTable = {
  sensitive: { unknowns: 'self', call: ([v]) => v! },
  nonsensitive: { unknowns: 'self', call: ([v]) => v! },
  basename: { call: ([p]) => String(p).replace(/\/+$/, '').split('/').pop() ?? '' },
  dirname: {
    call: ([p]) => {
      const s = String(p).replace(/\/+$/, '');
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

/** Calls a built-in. Unknown or unsupported functions return unknown; bad arguments throw EvalError. */
export function callFunction(name: string, args: Value[]): Value {
  const fn: TfFunction | undefined = hasFunction(name) ? FUNCTIONS[name] : undefined;
  if (!fn) return UNKNOWN;
  const policy = fn.unknowns ?? 'deep';
  if (policy === 'deep' && args.some((arg) => containsUnknown(arg))) return UNKNOWN;
  if (policy === 'shallow' && args.some(isUnknown)) return UNKNOWN;
  if (fn.minArgs !== undefined && args.length < fn.minArgs) throw new EvalError(`${name}: too few arguments`);
  if (fn.maxArgs !== undefined && args.length > fn.maxArgs) throw new EvalError(`${name}: too many arguments`);
  return fn.call(args);
}
