// Numeric and type-conversion functions.

import { maxOf, minOf } from '../../../core/arrays.js';
import { EvalError, isUnknown, toBool, toList, toNum, toStr, UNKNOWN, type Value } from '../values/index.js';
import type { FunctionTable } from './registry.js';

function numbers(args: readonly Value[], what: string): number[] {
  const flat = args.length === 1 && Array.isArray(args[0]) ? toList(args[0]!) : args;
  if (flat.length === 0) throw new EvalError(`${what}: needs at least one number`);
  return flat.map((a) => toNum(a, what));
}

export const numericFunctions: FunctionTable = {
  min: { minArgs: 1, call: (args) => minOf(numbers(args, 'min')) },
  max: { minArgs: 1, call: (args) => maxOf(numbers(args, 'max')) },
  abs: { call: ([n]) => Math.abs(toNum(n!)) },
  ceil: { call: ([n]) => Math.ceil(toNum(n!)) },
  floor: { call: ([n]) => Math.floor(toNum(n!)) },
  signum: { call: ([n]) => Math.sign(toNum(n!)) },
  pow: { call: ([a, b]) => Math.pow(toNum(a!), toNum(b!)) },
  log: { call: ([a, b]) => Math.log(toNum(a!)) / Math.log(toNum(b!)) },
  parseint: {
    call: ([s, b]) => {
      const base = toNum(b!);
      if (!Number.isInteger(base) || base < 2 || base > 62) throw new EvalError('parseint: base must be between 2 and 62');
      const str = toStr(s!);
      const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
      const body = str.replace(/^[-+]/, '');
      if (body === '') throw new EvalError('parseint: empty number');
      let n = 0;
      for (const c of body) {
        const d = base <= 36 ? digits.indexOf(c.toLowerCase()) : digits.indexOf(c);
        if (d < 0 || d >= base) throw new EvalError(`parseint: "${str}" is not a base-${base} number`);
        n = n * base + d;
      }
      return str.startsWith('-') ? -n : n;
    },
  },
  tonumber: { unknowns: 'self', call: ([v]) => (isUnknown(v!) ? UNKNOWN : v === null ? null : toNum(v!, 'tonumber')) },
  tostring: {
    unknowns: 'self',
    call: ([v]) => (isUnknown(v!) ? UNKNOWN : v === null ? null : toStr(v!, 'tostring')),
  },
  tobool: { unknowns: 'self', call: ([v]) => (isUnknown(v!) ? UNKNOWN : v === null ? null : toBool(v!, 'tobool')) },
};
