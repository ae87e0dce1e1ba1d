// S3 as every format describes it, after the format's own adapter has resolved styles and references.

import type { Value } from '../../core/value.js';
import type { Spot, StateSource } from '../source.js';

export interface S3Bucket {
  source: StateSource;
  encryption: S3Encryption;
}

/**
 * Default server-side encryption: `unknown` when it cannot be told (an unresolved setting, a dynamic
 * block), `none` when nothing sets an algorithm (`at` is the configuration that sets none, if there is
 * one), `set` with the algorithm and key.
 */
export type S3Encryption =
  | { state: 'unknown' }
  | { state: 'none'; at?: Spot }
  | { state: 'set'; algorithm: string | 'unknown'; kmsKeyId: Value | undefined; at: Spot };
