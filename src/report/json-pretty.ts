// `JSON.stringify(value, null, 2)` of one value written at a given indentation, in plain code: the same
// text, about twice as fast on report-shaped values (V8's JSON.stringify has no fast path with a gap).
// Anything unusual (toJSON, class instances, boxed values, big integers) goes to JSON.stringify itself.

/** Strings JSON writes unchanged between quotes: no quote, backslash, control character or surrogate. */
const PLAIN_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function plainContainer(value: object): boolean {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
export function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** JSON.stringify's own text for `value`, re-indented to start at `indent`. */
function stringified(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  // JSON strings never hold a raw line break, so every one is indentation.
  return indent && text.includes('\n') ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** `value` (not one JSON.stringify omits) as JSON.stringify(value, null, 2) writes it at `indent`. */
export function prettyJson(value: unknown, indent: string): string {
  switch (typeof value) {
    case 'string':
      return PLAIN_STRING.test(value) ? `"${value}"` : JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (!plainContainer(value)) return stringified(value, indent);
      return Array.isArray(value) ? prettyArray(value, indent) : prettyObject(value as Record<string, unknown>, indent);
    default:
      return stringified(value, indent);
  }
}

function prettyArray(value: readonly unknown[], indent: string): string {
  if (value.length === 0) return '[]';
  const inner = `${indent}  `;
  let text = '[';
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    text += `${i === 0 ? '\n' : ',\n'}${inner}${omitted(item) ? 'null' : prettyJson(item, inner)}`;
  }
  return `${text}\n${indent}]`;
}

/** Keys repeat in every item of a report: each is quoted once (up to a bound, as keys can be anything). */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 4096;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = prettyJson(key, '');
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function prettyObject(value: Record<string, unknown>, indent: string): string {
  const inner = `${indent}  `;
  let text = '';
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (omitted(item)) continue;
    text += `${text ? ',\n' : '{\n'}${inner}${quotedKey(key)}: ${prettyJson(item, inner)}`;
  }
  return text ? `${text}\n${indent}}` : '{}';
}
