// What rules see of Terraform: evaluated resources with the location of every attribute and block.
// Produced by the evaluator; read by rules. Rules never see raw syntax or unevaluated expressions.

import type { CallSite, Range } from '../../core/types.js';
import { isUnknown as isUnknownValue, UNKNOWN_JSON_TEXT, UNKNOWN_MARK, type Value } from '../../core/value.js';

export { asNumber, asString, isUnknown, Unknown, UNKNOWN, type Value } from '../../core/value.js';

/** One evaluated attribute. */
export interface TfAttribute {
  name: string;
  value: Value;
  /** Range of the whole `name = expr` in `file`. */
  range: Range;
  /** Range of the expression alone. */
  valueRange: Range;
  /**
   * Addresses of the resources/data sources/modules the expression refers to, qualified with the module path
   * of the referring module, e.g. `aws_s3_bucket.data`, `module.net.aws_kms_key.k`, `aws_s3_bucket.logs[0]`.
   * Keys appear when the reference indexes a specific instance.
   */
  refs: string[];
  /**
   * For a template whose value is unknown (a heredoc policy with a computed ARN in it): its text with each unknown
   * part written as UNKNOWN_MARK, so a reader can still see the known parts. See jsonWithUnknowns.
   */
  template?: string;
  /**
   * For an unknown value read from a variable or local (`var.name`, `local.names["logs"]`): that expression, so
   * two attributes of one module instance holding the same unknown can be recognised as equal.
   */
  expression?: string;
  /** Derived from a sensitive value (a `sensitive = true` variable or `sensitive(...)`): never quote it. */
  sensitive?: boolean;
}

/** An evaluated block body: a resource's top level, or a nested block such as `ingress {}` or an expanded `dynamic`. */
export interface TfBody {
  /** Block type for nested blocks (`ingress`), resource type for a resource's top level. */
  type: string;
  labels: string[];
  /** Range of the whole block in `file`. */
  range: Range;
  file: string;
  attributes: ReadonlyMap<string, TfAttribute>;
  /** Nested blocks in source order; `dynamic "x"` blocks appear expanded as blocks of type `x`. */
  blocks: readonly TfBody[];
  /** True when this block came from a `dynamic` block whose `for_each` could not be evaluated (contents are then partly unknown). */
  fromUnknownDynamic?: boolean;
}

export interface TfResource {
  /**
   * `managed` resources and `data` sources; also the configuration blocks rules may judge: `provider` blocks (type =
   * provider name, e.g. `aws`; address `provider.aws` or `provider.aws.west`) and `variable` declarations (type
   * `variable`; address `var.name`). Rules index them as `provider.aws` and `variable`.
   */
  mode: 'managed' | 'data' | 'provider' | 'variable';
  /** e.g. `aws_s3_bucket` */
  type: string;
  /** The block's name label, e.g. `data` */
  name: string;
  /** Full instance address, e.g. `module.store.aws_s3_bucket.data["logs"]` or `aws_instance.web[0]`. */
  address: string;
  /** Address without the instance key, e.g. `module.store.aws_s3_bucket.data`. */
  baseAddress: string;
  /** `count.index` or `each.key` for this instance; undefined for single instances. */
  instanceKey?: number | string;
  /** Module address this resource lives in: '' for the root module, else e.g. `module.store` or `module.a.module.b`. */
  module: string;
  /** Call chain from the root module, outermost first; empty for the root module. */
  callPath: CallSite[];
  /** POSIX path relative to the scan root of the file declaring the resource. */
  file: string;
  body: TfBody;
  /** True when `count`/`for_each` could not be evaluated, so this stands for an unknown number of instances. */
  unknownCount?: boolean;
}

/** The evaluated configuration of one root module, including resources of every module it calls. */
export interface TfProject {
  /** Root module directory, POSIX, relative to the scan root ('' or '.' for the root itself). */
  root: string;
  /** Managed resources and data sources. */
  resources: readonly TfResource[];
  /** Provider blocks and variable declarations (mode `provider` / `variable`), which some rules judge; built on first call. */
  configuration?: () => readonly TfResource[];
  /**
   * Text of sensitive values, to be masked wherever a finding or diagnostic would quote it. Filled as attributes
   * are evaluated (lazily, as rules read them), so complete only once the rules have run.
   */
  sensitiveValues?: ReadonlySet<string>;
}

// --- small accessors rules use, so every rule treats unknowns the same way ---

export function attr(body: TfBody, name: string): TfAttribute | undefined {
  return body.attributes.get(name);
}

export function value(body: TfBody, name: string): Value | undefined {
  return body.attributes.get(name)?.value;
}

export function blocks(body: TfBody, type: string): TfBody[] {
  return body.blocks.filter((b) => b.type === type);
}

export function firstBlock(body: TfBody, type: string): TfBody | undefined {
  return body.blocks.find((b) => b.type === type);
}

/** Walks a path of block types/attribute names, e.g. `['rule', 'apply_server_side_encryption_by_default', 'sse_algorithm']`. */
export function valueAt(body: TfBody, path: readonly string[]): Value | undefined {
  let current: TfBody | undefined = body;
  for (let i = 0; i < path.length - 1 && current; i++) current = firstBlock(current, path[i]!);
  return current ? value(current, path[path.length - 1]!) : undefined;
}

export function isTrue(v: Value | undefined): boolean {
  return v === true || v === 'true';
}

export function isFalse(v: Value | undefined): boolean {
  return v === false || v === 'false';
}

/**
 * A JSON document written as a template with unknown parts (a heredoc policy interpolating a computed ARN),
 * read the way `jsonencode` renders unknowns inside known structure: each string holding an unknown part
 * becomes "(unknown)". Undefined when the attribute is not such a template, or its known shape is not JSON.
 */
export function partialJsonText(attribute: TfAttribute): string | undefined {
  if (!isUnknownValue(attribute.value) || attribute.template === undefined) return undefined;
  let keysKnown = true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(attribute.template, function (this: unknown, key: string, v: unknown) {
      if (key.includes(UNKNOWN_MARK)) keysKnown = false;
      return typeof v === 'string' && v.includes(UNKNOWN_MARK) ? UNKNOWN_JSON_TEXT : v;
    });
  } catch {
    return undefined;
  }
  return keysKnown ? JSON.stringify(parsed) : undefined;
}
