// Encoding and hashing functions. Pure: nothing here reads files or the clock.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { EvalError, isUnknown, toStr, UNKNOWN, type Value } from '../values/index.js';
import { jsonDecode, jsonEncode, yamlEncode } from './json.js';
import type { FunctionTable } from './registry.js';

/**
 * The yaml package, loaded on first use: few configurations call yamldecode, and loading it at start-up
 * cost about a tenth of a small scan. `require` loads it synchronously, as evaluation needs.
 */
let yaml: typeof import('yaml') | undefined;
function parseYaml(text: string, options: { maxAliasCount: number }): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text, options);
}

function hash(algorithm: string, encoding: 'hex' | 'base64') {
  return { call: ([s]: Value[]) => createHash(algorithm).update(toStr(s!), 'utf8').digest(encoding) };
}

/** Go's url.QueryEscape: only A-Z a-z 0-9 - _ . ~ stay; space becomes '+'. */
function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

export const encodingFunctions: FunctionTable = {
  // A wholly unknown argument gives an unknown result; unknowns nested in known structure render as "(unknown)".
  jsonencode: { unknowns: 'self', call: ([v]) => (isUnknown(v!) ? UNKNOWN : jsonEncode(v!)) },
  jsondecode: { call: ([s]) => jsonDecode(toStr(s!)) },
  yamlencode: { unknowns: 'self', call: ([v]) => (isUnknown(v!) ? UNKNOWN : yamlEncode(v!)) },
  yamldecode: {
    call: ([s]) => {
      try {
        return (parseYaml(toStr(s!), { maxAliasCount: 100 }) ?? null) as Value;
      } catch (e) {
        throw new EvalError(`yamldecode: ${(e as Error).message}`);
      }
    },
  },
  base64encode: { call: ([s]) => Buffer.from(toStr(s!), 'utf8').toString('base64') },
  base64decode: {
    call: ([s]) => {
      const str = toStr(s!);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(str) || str.length % 4 !== 0) throw new EvalError('base64decode: invalid base64');
      return Buffer.from(str, 'base64').toString('utf8');
    },
  },
  urlencode: { call: ([s]) => queryEscape(toStr(s!)) },
  md5: hash('md5', 'hex'),
  sha1: hash('sha1', 'hex'),
  sha256: hash('sha256', 'hex'),
  sha512: hash('sha512', 'hex'),
  base64sha256: hash('sha256', 'base64'),
  base64sha512: hash('sha512', 'base64'),
};
