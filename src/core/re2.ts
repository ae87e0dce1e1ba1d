// The linear-time regular-expression engine (re2js), loaded on first use: most runs compile no pattern,
// and loading it costs start-up time.

import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

let engine: typeof RE2JS | undefined;

export function re2(): typeof RE2JS {
  return (engine ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS);
}
