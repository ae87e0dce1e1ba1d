// Fixes for a bucket's settings in the style the file already uses: a separate settings resource
// (provider v4+, the default) or an inline block where the file configures buckets inline (v3).

import type { HclEntry } from '../../../../edit/hcl-edit.js';
import { addBlock } from '../../../../edit/hcl-edit.js';
import type { Block } from '../../../../parse/hcl/ast.js';
import type { FixOutcome, TerraformFixContext } from '../../../fix.js';
import { addCompanion, addressOf, attribute, isLiteral, refersTo, sourceOf, usesInlineBlocks } from '../../../fix-helpers.js';

/** Inline bucket blocks of the v3 provider: a file using any of them is written in the inline style. */
const INLINE_TYPES = ['versioning', 'server_side_encryption_configuration', 'logging', 'lifecycle_rule', 'website', 'cors_rule', 'grant', 'replication_configuration', 'object_lock_configuration'];

export interface BucketSetting {
  /** The inline block, for files in the v3 style. */
  inline: Extract<HclEntry, { block: string }>;
  /** The separate settings resource: its type and its body after `bucket = …`. */
  resource: { type: string; body: HclEntry[] };
  description: string;
}

/** Adds the setting to the bucket `ctx.resource`, inline or as a settings resource, as the file does it. */
export function addBucketSetting(ctx: TerraformFixContext, setting: BucketSetting): FixOutcome {
  if (ctx.resource.labels[0] !== 'aws_s3_bucket') return { declined: `the finding is on ${addressOf(ctx.resource)}, not on a bucket` };
  if (usesInlineBlocks(ctx, INLINE_TYPES)) return { kind: 'automatic', description: setting.description, edits: addBlock(ctx.file, ctx.resource, setting.inline) };
  return addCompanion(ctx, setting.resource.type, 'bucket', 'id', setting.resource.body, setting.description);
}

/**
 * True when S3 server access logs or load balancer logs are delivered into this bucket: such buckets must keep
 * SSE-S3, since those deliveries cannot write with a KMS key.
 */
export function isLogDestination(ctx: TerraformFixContext, bucket: Block): boolean {
  const nameAttr = attribute(bucket, 'bucket');
  const literalName = nameAttr && isLiteral(nameAttr.expr) ? sourceOf(ctx, nameAttr.expr) : undefined;
  const names = (text: string) => refersTo(text, bucket) || (literalName !== undefined && text.includes(literalName));
  const destinations = ctx.memo(LOG_DESTINATIONS, () => {
    const texts: string[] = [];
    const visit = (text: string, block: Block): void => {
      for (const a of block.body.attributes) {
        if (TARGETS.includes(a.name) || (block.type === 'access_logs' && a.name === 'bucket')) texts.push(text.slice(a.expr.range.start.offset, a.expr.range.end.offset));
      }
      for (const b of block.body.blocks) visit(text, b);
    };
    for (const { file, block } of ctx.moduleBlocks) visit(file.text, block);
    return texts;
  });
  return destinations.some(names);
}

/**
 * Attributes naming a bucket that server access logs or load balancer logs are delivered to: those deliveries
 * support SSE-S3 only. (CloudTrail and flow logs can write with a KMS key whose policy lets them.)
 */
const TARGETS = ['target_bucket'];
const LOG_DESTINATIONS = Symbol('texts of log destination attributes');
