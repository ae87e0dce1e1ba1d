// Scalars of the fast YAML reader (fast.ts): plain scalars resolved under the YAML 1.2 core schema as the `yaml`
// package resolves them, double-quoted escapes, folded lines; and the signal to give up on the text.

import type { YScalar } from './tree.js';

/** Thrown to give up: the text uses something the fast reader leaves to the `yaml` package. */
export class Unsupported extends Error {}

export const give = (): never => {
  throw new Unsupported();
};

/** Folded scalar lines: joined by spaces, blank lines kept as line breaks. */
export function foldLines(lines: readonly string[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i === 0) out = line;
    else if (line === '') out += '\n';
    else out += lines[i - 1] === '' ? line : ` ${line}`;
  }
  return out;
}

const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function plain(raw: string, start: number, end: number): YScalar {
  let value: YScalar['value'] = raw;
  if (NULL.test(raw)) value = null;
  else if (BOOL.test(raw)) value = raw[0] === 't' || raw[0] === 'T';
  else if (INT.test(raw)) value = Number(raw);
  else if (OCT.test(raw)) value = parseInt(raw.slice(2), 8);
  else if (HEX.test(raw)) value = parseInt(raw.slice(2), 16);
  else if (FLOAT.test(raw)) value = Number(raw);
  else if (INF.test(raw)) value = raw[0] === '-' ? -Infinity : Infinity;
  else if (NAN.test(raw)) value = NaN;
  return { kind: 'scalar', value, style: 'plain', start, end };
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', ' ': ' ', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029', '\t': '\t' };

export function unescapeDouble(body: string): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) give();
    if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) give();
      out += String.fromCodePoint(parseInt(hex, 16));
      i += n;
    } else if (ESCAPES[e!] !== undefined) out += ESCAPES[e!];
    else give();
  }
  return out;
}

export function nullAt(offset: number): YScalar {
  return { kind: 'scalar', value: null, style: 'plain', start: offset, end: offset };
}
