// Terraform's `format` verbs (a subset of Go's fmt): %s %d %f %e %g %t %v %q %x %X %o %b %%, flags, width,
// precision and explicit argument indexes like %[2]s.

import { EvalError, isObject, numberToString, toNum, toStr, type Value } from '../values/index.js';
import { jsonEncode } from './json.js';

// A width cannot start with 0 (that is the flag): `(\d+)` there let a run of zeros split two ways, and
// a long run with no verb after it took quadratic time.
const VERB = /%(?:\[(\d+)\])?([-+ #0]*)([1-9]\d*|\*)?(?:\.(\d+))?([a-zA-Z%])/g;
const MAX_WIDTH = 10_000;

export function formatString(spec: string, args: readonly Value[]): string {
  let next = 0;
  return spec.replace(VERB, (_all, index: string | undefined, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (index !== undefined) next = Number(index) - 1;
    let widthN = width === undefined ? 0 : width === '*' ? toNum(args[next++] ?? null) : Number(width);
    if (widthN > MAX_WIDTH) throw new EvalError('format: width too large');
    if (next >= args.length || next < 0) throw new EvalError(`format: not enough arguments for "${spec}"`);
    const arg = args[next++]!;
    const precisionN = precision === undefined ? undefined : Number(precision);
    if (precisionN !== undefined && precisionN > MAX_WIDTH) throw new EvalError('format: precision too large');
    const body = formatVerb(verb, flags, precisionN, arg);
    return pad(body, widthN, flags);
  });
}

function formatVerb(verb: string, flags: string, precision: number | undefined, arg: Value): string {
  switch (verb) {
    case 's': {
      const s = toStr(arg, 'format %s');
      return precision === undefined ? s : Array.from(s).slice(0, precision).join('');
    }
    case 'q':
      return JSON.stringify(toStr(arg, 'format %q'));
    case 'v':
      if (typeof arg === 'string' || typeof arg === 'number' || typeof arg === 'boolean') return toStr(arg);
      return jsonEncode(arg);
    case 't':
      if (typeof arg !== 'boolean') throw new EvalError('format %t needs a bool');
      return String(arg);
    case 'd': {
      const n = toNum(arg, 'format %d');
      if (!Number.isInteger(n)) throw new EvalError('format %d needs a whole number');
      return sign(n, flags) + numberToString(Math.abs(n));
    }
    case 'f':
    case 'F': {
      const n = toNum(arg, 'format %f');
      return sign(n, flags) + Math.abs(n).toFixed(precision ?? 6);
    }
    case 'e':
    case 'E': {
      const n = toNum(arg, 'format %e');
      const s = Math.abs(n).toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      return sign(n, flags) + (verb === 'E' ? s.toUpperCase() : s);
    }
    case 'g':
    case 'G':
      return sign(toNum(arg), flags) + numberToString(Math.abs(toNum(arg, 'format %g')));
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      if (typeof arg === 'string' && (verb === 'x' || verb === 'X')) {
        const hex = Buffer.from(arg, 'utf8').toString('hex');
        return verb === 'X' ? hex.toUpperCase() : hex;
      }
      const n = toNum(arg, `format %${verb}`);
      if (!Number.isInteger(n)) throw new EvalError(`format %${verb} needs a whole number`);
      const radix = verb === 'o' ? 8 : verb === 'b' ? 2 : 16;
      const s = Math.abs(n).toString(radix);
      return sign(n, flags) + (verb === 'X' ? s.toUpperCase() : s);
    }
    default:
      if (isObject(arg)) throw new EvalError(`format: unsupported verb %${verb}`);
      throw new EvalError(`format: unsupported verb %${verb}`);
  }
}

function sign(n: number, flags: string): string {
  if (n < 0) return '-';
  if (flags.includes('+')) return '+';
  if (flags.includes(' ')) return ' ';
  return '';
}

function pad(s: string, width: number, flags: string): string {
  const length = Array.from(s).length;
  if (length >= width) return s;
  const fill = width - length;
  if (flags.includes('-')) return s + ' '.repeat(fill);
  if (flags.includes('0')) {
    const signChar = /^[-+ ]/.test(s) ? s[0]! : '';
    return signChar + '0'.repeat(fill) + s.slice(signChar.length);
  }
  return ' '.repeat(fill) + s;
}
