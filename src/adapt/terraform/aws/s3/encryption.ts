// A bucket's default encryption, from both provider styles: the inline block on `aws_s3_bucket`
// (provider v3) and the separate `aws_s3_bucket_server_side_encryption_configuration` (v4+).

import type { TfLookups } from '../../../../evaluate/terraform/lookups.js';
import { attr, blocks, firstBlock, type TfAttribute, type TfBody, type TfResource, type Value } from '../../../../evaluate/terraform/view.js';
import type { S3Encryption } from '../../../../state/aws/s3.js';
import { tfSpot } from '../../source.js';
import { attachedTo } from './bucket-index.js';

/** Where a finding should point: an attribute or block, and the resource holding it. */
export interface TfSpot {
  resource: TfResource;
  at?: TfAttribute | TfBody;
}

// --- default encryption -------------------------------------------------------------------------

export type Encryption =
  | { state: 'unknown' }
  /** No default encryption configured; `spot` is set when a configuration exists but sets no algorithm. */
  | { state: 'none'; spot?: TfSpot }
  | { state: 'set'; algorithm: string | 'unknown'; kmsKey: Value | undefined; spot: TfSpot };

const SSE_CONFIG = 'aws_s3_bucket_server_side_encryption_configuration';

export function encryptionOf(bucket: TfResource, ctx: TfLookups): Encryption {
  const sources: { holder: TfResource; config: TfBody }[] = [];
  for (const config of blocks(bucket.body, 'server_side_encryption_configuration')) sources.push({ holder: bucket, config });
  const attached = attachedTo(bucket, ctx, SSE_CONFIG);
  for (const r of attached.found) sources.push({ holder: r, config: r.body });

  let empty: TfSpot | undefined;
  for (const { holder, config } of sources) {
    if (config.fromUnknownDynamic) return { state: 'unknown' };
    const rules = blocks(config, 'rule');
    if (rules.some((r) => r.fromUnknownDynamic)) return { state: 'unknown' };
    for (const rule of rules) {
      const byDefault = firstBlock(rule, 'apply_server_side_encryption_by_default');
      if (!byDefault) {
        empty ??= { resource: holder, at: rule };
        continue;
      }
      if (byDefault.fromUnknownDynamic) return { state: 'unknown' };
      const algorithm = attr(byDefault, 'sse_algorithm');
      if (!algorithm) {
        empty ??= { resource: holder, at: byDefault };
        continue;
      }
      return {
        state: 'set',
        algorithm: typeof algorithm.value === 'string' ? algorithm.value : 'unknown',
        kmsKey: byDefault.attributes.get('kms_master_key_id')?.value,
        spot: { resource: holder, at: algorithm },
      };
    }
    if (!rules.length) empty ??= { resource: holder, at: config };
  }
  if (attached.uncertain) return { state: 'unknown' };
  return empty ? { state: 'none', spot: empty } : { state: 'none' };
}

/** The same answer in the state every format shares. */
export function s3Encryption(bucket: TfResource, lookups: TfLookups): S3Encryption {
  const encryption = encryptionOf(bucket, lookups);
  if (encryption.state === 'unknown') return encryption;
  if (encryption.state === 'none') return encryption.spot ? { state: 'none', at: tfSpot(encryption.spot.resource, encryption.spot.at) } : { state: 'none' };
  return { state: 'set', algorithm: encryption.algorithm, kmsKeyId: encryption.kmsKey, at: tfSpot(encryption.spot.resource, encryption.spot.at) };
}
