// JSON and YAML encoding the way Terraform renders it: object keys sorted, `<>&` escaped like Go's encoder.
// An unknown nested inside a known structure renders as the string "(unknown)" (Unknown.toJSON), so rules can still
// parse and inspect the known parts of a policy; a wholly unknown value is handled by the caller (result unknown).

import { checkStringSize, EvalError, isObject, isUnknown, numberToString, sortedKeys, type Value } from '../values/index.js';

const UNKNOWN_JSON = '"(unknown)"';

export function jsonEncode(v: Value, indent = ''): string {
  const out = encode(v, indent, '');
  checkStringSize(out.length);
  return out;
}

function encode(v: Value, indent: string, current: string): string {
  if (v === null) return 'null';
  if (isUnknown(v)) return UNKNOWN_JSON;
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? numberToString(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const inner = current + indent;
  const sep = indent ? ',\n' + inner : ',';
  const open = indent ? '\n' + inner : '';
  const close = indent ? '\n' + current : '';
  // Values share structure (a local used four times in a list is one object), so output can grow
  // exponentially with nesting: check every composite as it is built, not only the final string.
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return bounded('[' + open + v.map((x) => encode(x, indent, inner)).join(sep) + close + ']');
  }
  const keys = sortedKeys(v);
  if (keys.length === 0) return '{}';
  const colon = indent ? ': ' : ':';
  return bounded('{' + open + keys.map((k) => quote(k) + colon + encode(v[k]!, indent, inner)).join(sep) + close + '}');
}

function bounded(text: string): string {
  checkStringSize(text.length);
  return text;
}

function quote(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function jsonDecode(text: string): Value {
  try {
    return JSON.parse(text) as Value;
  } catch (e) {
    throw new EvalError(`jsondecode: ${(e as Error).message}`);
  }
}

/** A small YAML emitter matching Terraform's yamlencode for plain data: double-quoted strings, block style. */
export function yamlEncode(v: Value): string {
  const out = yamlNode(v, '');
  checkStringSize(out.length);
  return out.endsWith('\n') ? out : out + '\n';
}

function yamlScalar(v: Value): string | undefined {
  if (v === null) return 'null';
  if (isUnknown(v)) return UNKNOWN_JSON;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (isObject(v) && Object.keys(v).length === 0) return '{}';
  return undefined;
}

function yamlNode(v: Value, indent: string): string {
  const scalar = yamlScalar(v);
  if (scalar !== undefined) return scalar + '\n';
  if (Array.isArray(v)) {
    return bounded(v
      .map((item) => {
        const s = yamlScalar(item);
        if (s !== undefined) return `${indent}- ${s}\n`;
        const nested = yamlNode(item, indent + '  ');
        return `${indent}- ${nested.slice(indent.length + 2)}`;
      })
      .join(''));
  }
  if (!isObject(v)) throw new EvalError('yamlencode: unsupported value');
  return bounded(sortedKeys(v)
    .map((k) => {
      const item = v[k]!;
      const s = yamlScalar(item);
      if (s !== undefined) return `${indent}${JSON.stringify(k)}: ${s}\n`;
      const childIndent = Array.isArray(item) ? indent : indent + '  ';
      return `${indent}${JSON.stringify(k)}:\n${yamlNode(item, childIndent)}`;
    })
    .join(''));
}
