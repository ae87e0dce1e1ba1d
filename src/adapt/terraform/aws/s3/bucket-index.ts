// Which S3 settings resources (provider-v4 split style: `aws_s3_bucket_versioning`, `aws_s3_bucket_acl`, ...)
// apply to which bucket. A settings resource names its bucket in `bucket` by reference (`aws_s3_bucket.b.id`)
// or by literal name. One index per project and type keeps lookups linear in the number of resources.

import type { TfLookups } from '../../../../evaluate/terraform/lookups.js';
import { isUnknown, type TfAttribute, type TfResource } from '../../../../evaluate/terraform/view.js';

export const BUCKET_TYPE = 'aws_s3_bucket';

/** Settings resources found for a bucket; `uncertain` when some resource of the type might apply but cannot be matched. */
export interface Attached {
  found: TfResource[];
  uncertain: boolean;
}

interface TypeIndex {
  byRef: Map<string, TfResource[]>;
  byName: Map<string, TfResource[]>;
  /** Resources whose target is an unknown variable or local, by module instance and expression (`module.a\0var.n`). */
  byExpression: Map<string, TfResource[]>;
  /** Resources whose target bucket is not known (unknown value that references no bucket). */
  unmatched: TfResource[];
  /** Resources that name a bucket literally; may be a bucket whose own name is unknown. */
  literal: TfResource[];
}

const INDEXES = Symbol('settings resources by type and attribute');

/** The bucket's literal name, when the configuration states it. */
export function bucketName(bucket: TfResource): string | undefined {
  const v = bucket.body.attributes.get('bucket')?.value;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** True when the bucket's name exists but cannot be known statically (e.g. `bucket = var.name`). */
export function bucketNameUnknown(bucket: TfResource): boolean {
  return isUnknown(bucket.body.attributes.get('bucket')?.value);
}

/** A bucket name from a value that may be a plain name or a bucket ARN. */
export function nameFromBucketValue(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const arn = /^arn:aws[a-z-]*:s3:::([^/]+)$/.exec(value);
  return arn ? arn[1] : value;
}

/** Refs of an attribute that name an `aws_s3_bucket` (module-qualified addresses). */
export function bucketRefs(a: TfAttribute): string[] {
  return a.refs.filter((r) => /(^|\.)aws_s3_bucket\.[^.]+$/.test(r.replace(/\[[^\]]*\]$/, '')));
}

function buildIndex(ctx: TfLookups, type: string, attribute: string): TypeIndex {
  const index: TypeIndex = { byRef: new Map(), byName: new Map(), byExpression: new Map(), unmatched: [], literal: [] };
  const push = (map: Map<string, TfResource[]>, key: string, r: TfResource) => {
    const list = map.get(key) ?? [];
    if (!list.includes(r)) list.push(r);
    map.set(key, list);
  };
  for (const r of ctx.ofType(type)) {
    const a = r.body.attributes.get(attribute);
    if (!a) continue;
    const refs = bucketRefs(a);
    for (const ref of refs) push(index.byRef, ref, r);
    const name = nameFromBucketValue(a.value);
    if (name !== undefined) {
      push(index.byName, name, r);
      if (!refs.length) index.literal.push(r);
    } else if (!refs.length && isUnknown(a.value)) {
      index.unmatched.push(r);
      if (a.expression !== undefined) push(index.byExpression, `${r.module}\0${a.expression}`, r);
    }
  }
  return index;
}

function indexFor(ctx: TfLookups, type: string, attribute: string): TypeIndex {
  const perProject = ctx.memo(INDEXES, () => new Map<string, TypeIndex>());
  const key = `${type}\0${attribute}`;
  let index = perProject.get(key);
  if (!index) perProject.set(key, (index = buildIndex(ctx, type, attribute)));
  return index;
}

/** Settings resources of `type` whose `attribute` (default `bucket`) targets `bucket`. */
export function attachedTo(bucket: TfResource, ctx: TfLookups, type: string, attribute = 'bucket'): Attached {
  const index = indexFor(ctx, type, attribute);
  const found: TfResource[] = [];
  const add = (list: TfResource[] | undefined) => {
    for (const r of list ?? []) if (!found.includes(r)) found.push(r);
  };
  // Refs are module-qualified, so an address match is always within the bucket's own module.
  add(index.byRef.get(bucket.address));
  // A reference to the whole counted resource (`aws_s3_bucket.b`) covers each of its instances.
  if (bucket.baseAddress !== bucket.address) add(index.byRef.get(bucket.baseAddress));
  // Bucket names are global, so a literal name matches across modules.
  const name = bucketName(bucket);
  if (name !== undefined) add(index.byName.get(name));
  // `bucket = var.name` on both the bucket and the settings resource, in one module instance: the same bucket.
  const expression = bucket.body.attributes.get('bucket')?.expression;
  if (expression !== undefined) add(index.byExpression.get(`${bucket.module}\0${expression}`));
  // A settings resource whose target is unknown could be this bucket only if this bucket's name is not known
  // either (a known name would have to equal the unknown by chance): it makes only such buckets uncertain.
  // A bucket whose name is computed may also be the target of any literal name no other bucket claims.
  const nameKnown = name !== undefined;
  const uncertain =
    (!nameKnown && index.unmatched.some((r) => !found.includes(r))) ||
    (bucketNameUnknown(bucket) && index.literal.some((r) => !found.includes(r) && !claimedName(ctx, r, attribute)));
  return { found, uncertain };
}

interface BucketLookup {
  byAddress: Map<string, TfResource[]>;
  byName: Map<string, TfResource[]>;
}

const LOOKUP = Symbol('buckets by address and name');

/** Buckets by address, base address (`aws_s3_bucket.b` for every `aws_s3_bucket.b[i]`) and literal name. */
function bucketLookup(ctx: TfLookups): BucketLookup {
  return ctx.memo(LOOKUP, () => buildBucketLookup(ctx));
}

function buildBucketLookup(ctx: TfLookups): BucketLookup {
  const lookup: BucketLookup = { byAddress: new Map(), byName: new Map() };
  const push = (map: Map<string, TfResource[]>, key: string, b: TfResource) => {
    const list = map.get(key) ?? [];
    if (!list.includes(b)) list.push(b);
    map.set(key, list);
  };
  for (const b of ctx.ofType(BUCKET_TYPE)) {
    push(lookup.byAddress, b.address, b);
    push(lookup.byAddress, b.baseAddress, b);
    const name = bucketName(b);
    if (name !== undefined) push(lookup.byName, name, b);
  }
  return lookup;
}

/** Buckets an attribute points at: by reference, or by literal bucket name or ARN. */
export function bucketsNamedBy(a: TfAttribute, ctx: TfLookups): TfResource[] {
  const lookup = bucketLookup(ctx);
  const out = new Set<TfResource>();
  for (const ref of bucketRefs(a)) for (const b of lookup.byAddress.get(ref) ?? []) out.add(b);
  const name = nameFromBucketValue(a.value);
  if (name !== undefined) for (const b of lookup.byName.get(name) ?? []) out.add(b);
  return [...out];
}

/** The buckets a settings resource (or a trail, a log config, ...) points at through `attribute`. */
export function targetBuckets(resource: TfResource, ctx: TfLookups, attribute = 'bucket'): TfResource[] {
  const a = resource.body.attributes.get(attribute);
  return a ? bucketsNamedBy(a, ctx) : [];
}

/** True when the literal bucket name `resource` targets belongs to a bucket declared with that name. */
function claimedName(ctx: TfLookups, resource: TfResource, attribute: string): boolean {
  const name = nameFromBucketValue(resource.body.attributes.get(attribute)?.value);
  return name !== undefined && bucketLookup(ctx).byName.has(name);
}

/** Every account-level public access block in the project (they apply to all buckets of the account). */
export function accountPublicAccessBlocks(ctx: TfLookups): readonly TfResource[] {
  return ctx.ofType('aws_s3_account_public_access_block');
}
