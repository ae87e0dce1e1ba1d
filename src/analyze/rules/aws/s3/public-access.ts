// Is a bucket public, and through what? Public ACLs (canned or grants to everyone) and bucket policies
// that allow any principal, each weighed against the S3 Block Public Access settings that neutralise
// them (`ignore_public_acls`, `restrict_public_buckets`) at bucket or account level.

import type { TerraformRuleContext } from '../../../rule.js';
import { attr, blocks, isTrue, isUnknown, type TfResource } from '../../../../evaluate/terraform/view.js';
import { accountPublicAccessBlocks, attachedTo, targetBuckets } from '../../../../adapt/terraform/aws/s3/bucket-index.js';
import { aclGrantees, type Spot } from './bucket-settings.js';
import { firstPublicStatement, readPolicy } from './policy-document.js';

export const PUBLIC_ACCESS_BLOCK = 'aws_s3_bucket_public_access_block';

export type BlockFlag = 'block_public_acls' | 'block_public_policy' | 'ignore_public_acls' | 'restrict_public_buckets';

/** True when the account-level block sets `flag`; it then holds for every bucket whatever the bucket says. */
export function accountBlocks(ctx: TerraformRuleContext, flag: BlockFlag): boolean | 'unknown' {
  let result: boolean | 'unknown' = false;
  for (const block of accountPublicAccessBlocks(ctx)) {
    const v = attr(block.body, flag)?.value;
    if (isTrue(v)) return true;
    if (isUnknown(v)) result = 'unknown';
  }
  return result;
}

/** True when `flag` is in force for the bucket, from its own block or the account's; unknown counts as in force. */
export function flagInForce(bucket: TfResource, ctx: TerraformRuleContext, flag: BlockFlag): boolean {
  if (accountBlocks(ctx, flag) !== false) return true;
  const attached = attachedTo(bucket, ctx, PUBLIC_ACCESS_BLOCK);
  if (attached.uncertain) return true;
  return attached.found.some((b) => {
    const v = attr(b.body, flag)?.value;
    return isTrue(v) || isUnknown(v);
  });
}

/** Flag in force for the bucket(s) a settings resource targets (buckets outside the configuration: by literal name). */
function flagInForceFor(settings: TfResource, ctx: TerraformRuleContext, flag: BlockFlag): boolean {
  const buckets = targetBuckets(settings, ctx);
  if (buckets.length) return buckets.every((b) => flagInForce(b, ctx, flag));
  if (accountBlocks(ctx, flag) !== false) return true;
  const target = attr(settings.body, 'bucket')?.value;
  if (isUnknown(target)) return true;
  return ctx.ofType(PUBLIC_ACCESS_BLOCK).some((b) => {
    const other = attr(b.body, 'bucket')?.value;
    const v = attr(b.body, flag)?.value;
    return (other === target || isUnknown(other)) && (isTrue(v) || isUnknown(v));
  });
}

// --- ACLs -----------------------------------------------------------------------------------------

const PUBLIC_CANNED_ACLS: Record<string, string> = {
  'public-read': 'anyone on the internet can list and read objects',
  'public-read-write': 'anyone on the internet can list, read, write and delete objects',
  'authenticated-read': 'any AWS account holder can list and read objects',
};

const PUBLIC_GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers (anyone on the internet)',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers (any AWS account holder)',
};

export interface PublicExposure extends Spot {
  /** What is public and to whom, for the message. */
  reason: string;
}

/** Public ACL settings held by `holder` itself (a bucket's `acl`/`grant`, or an `aws_s3_bucket_acl`). */
function publicAclsOf(holder: TfResource): PublicExposure[] {
  const out: PublicExposure[] = [];
  const acl = attr(holder.body, 'acl');
  if (acl && typeof acl.value === 'string' && PUBLIC_CANNED_ACLS[acl.value]) {
    out.push({ resource: holder, at: acl, reason: `canned ACL "${acl.value}": ${PUBLIC_CANNED_ACLS[acl.value]}` });
  }
  // Inline `grant { type = "Group", uri = ..., permissions = [...] }` (provider v3 style).
  for (const grant of blocks(holder.body, 'grant')) {
    const group = PUBLIC_GROUPS[String(attr(grant, 'uri')?.value)];
    if (group) out.push({ resource: holder, at: grant, reason: `a grant to ${group}` });
  }
  // `access_control_policy { grant { grantee { type = "Group", uri = ... } permission = ... } }`.
  for (const grantee of aclGrantees(holder.body)) {
    const group = PUBLIC_GROUPS[String(attr(grantee, 'uri')?.value)];
    if (group) out.push({ resource: holder, at: grantee, reason: `a grant to ${group}` });
  }
  return out;
}

/** Public ACLs that take effect for the bucket (those S3 would ignore under `ignore_public_acls` are left out). */
export function publicAclExposures(bucket: TfResource, ctx: TerraformRuleContext): PublicExposure[] {
  if (flagInForce(bucket, ctx, 'ignore_public_acls')) return [];
  return [bucket, ...attachedTo(bucket, ctx, 'aws_s3_bucket_acl').found].flatMap(publicAclsOf);
}

/** Public ACLs an `aws_s3_bucket_acl` applies, when they take effect. */
export function publicAclExposuresOfAclResource(acl: TfResource, ctx: TerraformRuleContext): PublicExposure[] {
  if (flagInForceFor(acl, ctx, 'ignore_public_acls')) return [];
  return publicAclsOf(acl);
}

// --- bucket policies ------------------------------------------------------------------------------

/** A public statement in `holder`'s own `policy` attribute (a bucket's inline policy or an `aws_s3_bucket_policy`). */
function publicPolicyOf(holder: TfResource, ctx: TerraformRuleContext): PublicExposure | undefined {
  const policy = attr(holder.body, 'policy');
  if (!policy) return undefined;
  const statements = readPolicy(policy, holder, ctx);
  const open = statements && firstPublicStatement(statements);
  if (!open) return undefined;
  const actions = open.actions.length ? open.actions.join(', ') : 'its actions';
  return { resource: holder, at: policy, reason: `a policy statement allowing ${actions} to any principal without a narrowing condition` };
}

/** Public policies that take effect for the bucket (`restrict_public_buckets` limits them to the owner's account). */
export function publicPolicyExposures(bucket: TfResource, ctx: TerraformRuleContext): PublicExposure[] {
  if (flagInForce(bucket, ctx, 'restrict_public_buckets')) return [];
  return [bucket, ...attachedTo(bucket, ctx, 'aws_s3_bucket_policy').found]
    .map((holder) => publicPolicyOf(holder, ctx))
    .filter((e): e is PublicExposure => e !== undefined);
}

/** The public statement of an `aws_s3_bucket_policy`, when it takes effect. */
export function publicPolicyExposureOfPolicyResource(policy: TfResource, ctx: TerraformRuleContext): PublicExposure | undefined {
  if (flagInForceFor(policy, ctx, 'restrict_public_buckets')) return undefined;
  return publicPolicyOf(policy, ctx);
}

/** Every way the bucket is public, ACLs first. */
export function publicExposures(bucket: TfResource, ctx: TerraformRuleContext): PublicExposure[] {
  return [...publicAclExposures(bucket, ctx), ...publicPolicyExposures(bucket, ctx)];
}
