// Does some CloudTrail trail record S3 data events (object-level API calls) for a bucket? Reads both
// `event_selector { data_resource { type = "AWS::S3::Object", values = [...] } }` and
// `advanced_event_selector { field_selector { ... } }`. Unknown selectors count as covering the bucket.

import type { TerraformRuleContext } from '../../../rule.js';
import {
  attr,
  blocks,
  isFalse,
  isUnknown,
  type TfAttribute,
  type TfBody,
  type TfResource,
} from '../../../../evaluate/terraform/view.js';
import { bucketName, bucketNameUnknown } from '../../../../adapt/terraform/aws/s3/bucket-index.js';

export type ObjectEvents = 'read' | 'write';

const S3_OBJECT = 'AWS::S3::Object';
/** `arn:aws:s3` or `arn:aws:s3:::` selects every bucket (any partition). */
const ALL_BUCKETS = /^arn:aws[a-z-]*:s3(:::)?$/;

interface BucketRef {
  bucket: TfResource;
  name: string | undefined;
  nameUnknown: boolean;
}

/** Whether one selector value (an ARN or ARN prefix) covers the bucket's objects. */
function valueCovers(value: unknown, target: BucketRef): boolean {
  if (isUnknown(value)) return true;
  if (typeof value !== 'string') return false;
  if (ALL_BUCKETS.test(value)) return true;
  // Objects of one bucket: `arn:aws:s3:::name/` or a prefix inside it; the bare bucket ARN selects no objects.
  const m = /^arn:aws[a-z-]*:s3:::([^/]+)\//.exec(value);
  if (!m) return false;
  return target.name !== undefined ? m[1] === target.name : target.nameUnknown;
}

function attributeCovers(a: TfAttribute | undefined, target: BucketRef): boolean {
  if (!a) return false;
  if (isUnknown(a.value)) return true;
  // `"\${aws_s3_bucket.b.arn}/"` may stay unknown inside the list; the reference says which bucket it is.
  if (a.refs.some((r) => r === target.bucket.address || r === target.bucket.baseAddress)) return true;
  const list = Array.isArray(a.value) ? a.value : [a.value];
  return list.some((v) => valueCovers(v, target));
}

function readWriteCovers(selector: TfBody, events: ObjectEvents): boolean {
  const v = attr(selector, 'read_write_type')?.value;
  if (v === undefined || v === null || isUnknown(v) || v === 'All') return true;
  return events === 'read' ? v === 'ReadOnly' : v === 'WriteOnly';
}

function basicSelectorCovers(selector: TfBody, target: BucketRef, events: ObjectEvents): boolean {
  if (selector.fromUnknownDynamic) return true;
  if (!readWriteCovers(selector, events)) return false;
  return blocks(selector, 'data_resource').some((d) => {
    if (d.fromUnknownDynamic) return true;
    const type = attr(d, 'type')?.value;
    if (!isUnknown(type) && type !== S3_OBJECT) return false;
    return attributeCovers(attr(d, 'values'), target);
  });
}

function fieldSelector(selector: TfBody, field: string): TfBody | undefined {
  return blocks(selector, 'field_selector').find((f) => attr(f, 'field')?.value === field);
}

function listOf(f: TfBody | undefined, name: string): unknown[] | undefined {
  const v = f ? attr(f, name)?.value : undefined;
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v : [v];
}

function advancedSelectorCovers(selector: TfBody, target: BucketRef, events: ObjectEvents): boolean {
  if (selector.fromUnknownDynamic || blocks(selector, 'field_selector').some((f) => f.fromUnknownDynamic)) return true;
  const category = listOf(fieldSelector(selector, 'eventCategory'), 'equals');
  if (!category || !category.some((c) => c === 'Data' || isUnknown(c))) return false;
  const types = listOf(fieldSelector(selector, 'resources.type'), 'equals');
  if (!types || !types.some((t) => t === S3_OBJECT || isUnknown(t))) return false;
  const readOnly = listOf(fieldSelector(selector, 'readOnly'), 'equals');
  if (readOnly && !readOnly.some((r) => isUnknown(r) || String(r) === (events === 'read' ? 'true' : 'false'))) return false;
  const arn = fieldSelector(selector, 'resources.ARN');
  if (!arn) return true;
  const startsWith = attr(arn, 'starts_with');
  const equals = attr(arn, 'equals');
  if (startsWith || equals) {
    if ([startsWith, equals].some((a) => a && attributeCovers(a, target))) return true;
    // A plain prefix such as `arn:aws:s3:::name` (no slash) also selects that bucket's objects.
    return (listOf(arn, 'starts_with') ?? []).some(
      (v) => typeof v === 'string' && target.name !== undefined && `arn:aws:s3:::${target.name}/`.startsWith(v),
    );
  }
  // Only exclusions (not_starts_with, ...): the bucket is covered unless we could prove it excluded; assume covered.
  return true;
}

/** True when some trail in the project logs the bucket's object-level `events` (or might: unknowns count). */
export function objectEventsLogged(bucket: TfResource, ctx: TerraformRuleContext, events: ObjectEvents): boolean {
  const target: BucketRef = { bucket, name: bucketName(bucket), nameUnknown: bucketNameUnknown(bucket) };
  return ctx.ofType('aws_cloudtrail').some((trail) => {
    // A trail with logging switched off records nothing.
    if (isFalse(attr(trail.body, 'enable_logging')?.value)) return false;
    return (
      blocks(trail.body, 'event_selector').some((s) => basicSelectorCovers(s, target, events)) ||
      blocks(trail.body, 'advanced_event_selector').some((s) => advancedSelectorCovers(s, target, events))
    );
  });
}
