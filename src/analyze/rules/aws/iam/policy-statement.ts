// Normalised IAM policy statements and the JSON reader behind them. Every policy consumer (identity, trust,
// queue and bucket policies) works on these shapes; see policy-document.ts for the entry point rules use.

import { UNKNOWN_JSON_TEXT } from '../../../../core/value.js';
import type { TfResource, Value } from '../../../../evaluate/terraform/view.js';
import { UNKNOWN, isUnknown, type Unknown } from '../../../../evaluate/terraform/view.js';

/** One string of a policy list, or UNKNOWN when that element could not be evaluated. */
export type PolicyString = string | Unknown;
/** A policy list (`Action`, `Resource`, principal ids, condition values): always an array once normalised. */
export type PolicyList = readonly PolicyString[] | Unknown;

/** Principals by type (`AWS`, `Service`, `Federated`, `CanonicalUser`); `"Principal": "*"` becomes `{ AWS: ["*"] }`. */
export type PrincipalMap = Readonly<Record<string, PolicyList>>;

export interface PolicyCondition {
  /** e.g. `Bool`, `StringEquals`, `ForAnyValue:StringLike`, `BoolIfExists` */
  operator: string;
  /** Condition key as written, e.g. `aws:MultiFactorAuthPresent` (IAM compares keys case-insensitively). */
  key: string;
  values: PolicyList;
}

export interface PolicyStatement {
  sid?: string;
  /** `Allow`/`Deny` normalised to that casing; UNKNOWN when missing or not evaluable. */
  effect: 'Allow' | 'Deny' | Unknown;
  actions?: PolicyList;
  notActions?: PolicyList;
  resources?: PolicyList;
  notResources?: PolicyList;
  principals?: PrincipalMap | Unknown;
  notPrincipals?: PrincipalMap | Unknown;
  /** Empty when the statement has no Condition; UNKNOWN when the condition block could not be read. */
  conditions: readonly PolicyCondition[] | Unknown;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
  /** True when some statements could not be read at all (unknown element, unknown dynamic block). */
  incomplete: boolean;
}

/** Minimal lookup the reader needs to follow `data.aws_iam_policy_document` references (a rule context fits). */
export interface PolicyLookup {
  ofType(type: string): readonly TfResource[];
  memo<T>(key: symbol, create: () => T): T;
}

/** Parses a policy value: a JSON string or a decoded object. Undefined when it is not a readable policy. */
export function parsePolicyDocument(value: Value | undefined): PolicyDocument | undefined {
  if (value === undefined || value === null || isUnknown(value)) return undefined;
  let doc: unknown = value;
  if (typeof value === 'string') {
    try {
      doc = JSON.parse(value.trim());
    } catch {
      return undefined;
    }
  }
  if (!isRecord(doc)) return undefined;
  const raw = field(doc, 'Statement');
  if (raw === undefined) return { statements: [], incomplete: false };
  if (isUnknown(raw)) return { statements: [], incomplete: true };
  const items = Array.isArray(raw) ? raw : [raw];
  const statements: PolicyStatement[] = [];
  let incomplete = false;
  for (const item of items) {
    if (isRecord(item)) statements.push(statementFromJson(item));
    else incomplete = true;
  }
  return { statements, incomplete };
}

function statementFromJson(s: Record<string, unknown>): PolicyStatement {
  const sid = field(s, 'Sid');
  return {
    ...(typeof sid === 'string' && sid !== '' ? { sid } : {}),
    effect: normaliseEffect(field(s, 'Effect')),
    ...optionalList('actions', field(s, 'Action')),
    ...optionalList('notActions', field(s, 'NotAction')),
    ...optionalList('resources', field(s, 'Resource')),
    ...optionalList('notResources', field(s, 'NotResource')),
    ...optionalPrincipals('principals', field(s, 'Principal')),
    ...optionalPrincipals('notPrincipals', field(s, 'NotPrincipal')),
    conditions: conditionsFromJson(field(s, 'Condition')),
  };
}

export function normaliseEffect(v: unknown): 'Allow' | 'Deny' | Unknown {
  if (typeof v !== 'string' || v === UNKNOWN_TEXT) return UNKNOWN;
  const lower = v.toLowerCase();
  return lower === 'allow' ? 'Allow' : lower === 'deny' ? 'Deny' : UNKNOWN;
}

/**
 * How the evaluator renders an unknown nested in a known structure (`jsonencode`, rendered
 * `aws_iam_policy_document` JSON): such elements read back as UNKNOWN.
 */
/** How `jsonencode` writes an unknown inside a known document. */
export const UNKNOWN_TEXT = UNKNOWN_JSON_TEXT;

/** A string, a list of strings, or unknown → a PolicyList. Undefined for absent or meaningless values. */
export function toPolicyList(v: unknown): PolicyList | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return UNKNOWN;
  const items = Array.isArray(v) ? v : [v];
  const out: PolicyString[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push(item === UNKNOWN_TEXT ? UNKNOWN : item);
    else if (typeof item === 'number' || typeof item === 'boolean') out.push(String(item));
    else if (isUnknown(item)) out.push(UNKNOWN);
  }
  return out;
}

function optionalList<K extends string>(key: K, v: unknown): { [P in K]?: PolicyList } {
  const list = toPolicyList(v);
  return (list === undefined ? {} : { [key]: list }) as { [P in K]?: PolicyList };
}

/** JSON principal forms: `"*"`, `{ "AWS": "arn" }`, `{ "Service": ["a", "b"] }`. */
export function toPrincipalMap(v: unknown): PrincipalMap | Unknown | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return UNKNOWN;
  if (typeof v === 'string') return { AWS: [v] };
  if (!isRecord(v)) return undefined;
  const map: Record<string, PolicyList> = {};
  for (const [type, ids] of Object.entries(v)) {
    const list = toPolicyList(ids);
    if (list !== undefined) map[type] = list;
  }
  return map;
}

function optionalPrincipals<K extends string>(key: K, v: unknown): { [P in K]?: PrincipalMap | Unknown } {
  const map = toPrincipalMap(v);
  return (map === undefined ? {} : { [key]: map }) as { [P in K]?: PrincipalMap | Unknown };
}

function conditionsFromJson(v: unknown): readonly PolicyCondition[] | Unknown {
  if (v === undefined || v === null) return [];
  // Unknown text as the whole element or as an operator's map: the condition exists but is unknown.
  if (isUnknown(v) || !isRecord(v)) return UNKNOWN;
  const out: PolicyCondition[] = [];
  for (const [operator, entries] of Object.entries(v)) {
    // An operator whose key/value map is not readable (an unknown variable, a placeholder) still narrows the
    // statement in ways we cannot see: the whole condition is unknown, never absent.
    if (!isRecord(entries)) return UNKNOWN;
    for (const [key, values] of Object.entries(entries)) out.push({ operator, key, values: toPolicyList(values) ?? [] });
  }
  return out;
}

/** Case-insensitive field access: policy element names are case-sensitive in AWS, but lenient here costs nothing. */
function field(obj: Record<string, unknown>, name: string): unknown {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}
