// Reads a bucket's effective settings from both provider styles: inline blocks on `aws_s3_bucket`
// (provider v3) and the separate settings resources of provider v4+. Each reader answers with what
// the configuration says, `unknown` when it cannot be told, and where the deciding text is.

import type { TerraformRuleContext } from '../../../rule.js';
import type { TfSpot as Spot } from '../../../../adapt/terraform/aws/s3/encryption.js';
import {
  attr,
  blocks,
  firstBlock,
  isFalse,
  isTrue,
  isUnknown,
  type TfAttribute,
  type TfBody,
  type TfResource,
  type Value,
} from '../../../../evaluate/terraform/view.js';
import { attachedTo, bucketsNamedBy } from '../../../../adapt/terraform/aws/s3/bucket-index.js';
import { allowsService } from './policy-document.js';

export { encryptionOf, type Encryption } from '../../../../adapt/terraform/aws/s3/encryption.js';
export type { Spot };

// --- versioning ----------------------------------------------------------------------------------

export interface Versioning {
  enabled: boolean | 'unknown';
  /** The setting that disables versioning, when there is one. */
  spot?: Spot;
  mfaDelete: boolean | 'unknown';
  mfaSpot?: Spot;
}

const VERSIONING = 'aws_s3_bucket_versioning';

export function versioningOf(bucket: TfResource, ctx: TerraformRuleContext): Versioning {
  const seen: Versioning[] = [];
  for (const block of blocks(bucket.body, 'versioning')) {
    if (block.fromUnknownDynamic) {
      seen.push({ enabled: 'unknown', mfaDelete: 'unknown' });
      continue;
    }
    const enabled = attr(block, 'enabled');
    const mfa = attr(block, 'mfa_delete');
    seen.push({
      enabled: triOf(enabled?.value, false),
      spot: { resource: bucket, at: enabled ?? block },
      mfaDelete: triOf(mfa?.value, false),
      mfaSpot: { resource: bucket, at: mfa ?? block },
    });
  }
  const attached = attachedTo(bucket, ctx, VERSIONING);
  for (const r of attached.found) {
    const config = firstBlock(r.body, 'versioning_configuration');
    if (!config || config.fromUnknownDynamic) {
      seen.push({ enabled: 'unknown', mfaDelete: 'unknown' });
      continue;
    }
    const status = attr(config, 'status');
    const mfa = attr(config, 'mfa_delete');
    seen.push({
      enabled: status === undefined ? false : isUnknown(status.value) ? 'unknown' : status.value === 'Enabled',
      spot: { resource: r, at: status ?? config },
      mfaDelete: mfa === undefined ? false : isUnknown(mfa.value) ? 'unknown' : mfa.value === 'Enabled',
      mfaSpot: { resource: r, at: mfa ?? config },
    });
  }
  // Object Lock can only be enabled on a versioned bucket: S3 turns versioning on with it.
  if (objectLockEnabled(bucket)) seen.push({ enabled: true, mfaDelete: false, mfaSpot: { resource: bucket } });

  const mfaRank = (v: Versioning) => (v.mfaDelete === true ? 2 : v.mfaDelete === 'unknown' ? 1 : 0);
  const enabled = seen.filter((v) => v.enabled === true).sort((a, b) => mfaRank(b) - mfaRank(a));
  if (enabled.length) return enabled[0]!;
  if (attached.uncertain || seen.some((v) => v.enabled === 'unknown')) return { enabled: 'unknown', mfaDelete: 'unknown' };
  return seen[0] ?? { enabled: false, mfaDelete: false };
}

function objectLockEnabled(bucket: TfResource): boolean {
  if (isTrue(attr(bucket.body, 'object_lock_enabled')?.value)) return true;
  return blocks(bucket.body, 'object_lock_configuration').some((b) => attr(b, 'object_lock_enabled')?.value === 'Enabled');
}

function triOf(v: Value | undefined, absent: boolean): boolean | 'unknown' {
  if (v === undefined || v === null) return absent;
  if (isUnknown(v)) return 'unknown';
  if (isTrue(v)) return true;
  if (isFalse(v)) return false;
  return 'unknown';
}

// --- server access logging -----------------------------------------------------------------------

const LOGGING = 'aws_s3_bucket_logging';

/** Whether the bucket delivers server access logs somewhere. */
export function accessLoggingOf(bucket: TfResource, ctx: TerraformRuleContext): boolean | 'unknown' {
  const inline = blocks(bucket.body, 'logging');
  if (inline.some((b) => !b.fromUnknownDynamic && attr(b, 'target_bucket'))) return true;
  const attached = attachedTo(bucket, ctx, LOGGING);
  if (attached.found.length) return true;
  if (attached.uncertain || inline.some((b) => b.fromUnknownDynamic)) return 'unknown';
  return false;
}

// --- log destinations ----------------------------------------------------------------------------

const LOG_DELIVERY_GROUP = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

/**
 * True when the bucket receives S3 server access logs: it is another bucket's logging target, grants
 * the LogDelivery group, uses the `log-delivery-write` ACL, or lets `logging.s3.amazonaws.com` write.
 * Such buckets need no access logging of their own, and may only use SSE-S3 encryption.
 */
export function isAccessLogTarget(bucket: TfResource, ctx: TerraformRuleContext): boolean {
  if (attr(bucket.body, 'acl')?.value === 'log-delivery-write') return true;
  if (blocks(bucket.body, 'grant').some((g) => attr(g, 'uri')?.value === LOG_DELIVERY_GROUP)) return true;
  for (const acl of attachedTo(bucket, ctx, 'aws_s3_bucket_acl').found) {
    if (attr(acl.body, 'acl')?.value === 'log-delivery-write') return true;
    if (aclGrantees(acl.body).some((g) => attr(g, 'uri')?.value === LOG_DELIVERY_GROUP)) return true;
  }
  const policies = [bucket, ...attachedTo(bucket, ctx, 'aws_s3_bucket_policy').found];
  if (policies.some((owner) => allowsServiceIn(owner, ctx, 'logging.s3.amazonaws.com'))) return true;
  // Named as the target of another bucket's inline `logging` block or of an `aws_s3_bucket_logging`.
  if (attachedTo(bucket, ctx, LOGGING, 'target_bucket').found.length) return true;
  return inlineLogTargets(ctx).has(bucket);
}

const LOG_TARGETS = Symbol('inline access-log target buckets');

/** Buckets named as `target_bucket` in some bucket's inline `logging` block, computed once per project. */
function inlineLogTargets(ctx: TerraformRuleContext): Set<TfResource> {
  return ctx.memo(LOG_TARGETS, () => findInlineLogTargets(ctx));
}

function findInlineLogTargets(ctx: TerraformRuleContext): Set<TfResource> {
  const targets = new Set<TfResource>();
  for (const other of ctx.ofType('aws_s3_bucket')) {
    for (const l of blocks(other.body, 'logging')) {
      const target = attr(l, 'target_bucket');
      if (target) for (const b of bucketsNamedBy(target, ctx)) targets.add(b);
    }
  }
  return targets;
}

const LB_LOG_TARGETS = Symbol('load balancer access-log target buckets');

/**
 * True when an Elastic Load Balancer writes its access logs to the bucket. ELB log delivery
 * supports only SSE-S3 on the destination bucket.
 */
export function isLoadBalancerLogTarget(bucket: TfResource, ctx: TerraformRuleContext): boolean {
  const targets = ctx.memo(LB_LOG_TARGETS, () => {
    const found = new Set<TfResource>();
    for (const type of ['aws_lb', 'aws_alb', 'aws_elb']) {
      for (const lb of ctx.ofType(type)) {
        for (const l of blocks(lb.body, 'access_logs')) {
          const target = attr(l, 'bucket');
          if (target) for (const b of bucketsNamedBy(target, ctx)) found.add(b);
        }
      }
    }
    return found;
  });
  return targets.has(bucket);
}

function allowsServiceIn(owner: TfResource, ctx: TerraformRuleContext, service: string): boolean {
  const policy = attr(owner.body, 'policy');
  return policy !== undefined && allowsService(policy, owner, ctx, service);
}

/** `grantee` blocks of an `aws_s3_bucket_acl`'s `access_control_policy`, each with its grant's permission. */
export function aclGrantees(aclBody: TfBody): TfBody[] {
  return blocks(aclBody, 'access_control_policy').flatMap((p) => blocks(p, 'grant').flatMap((g) => blocks(g, 'grantee')));
}
