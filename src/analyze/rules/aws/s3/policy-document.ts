// Reads an IAM policy document the way AWS does, from whichever form Terraform gives it:
// a JSON string (heredoc, `jsonencode(...)` once evaluated), an object, or a reference to a
// `data "aws_iam_policy_document"` whose statement blocks we read directly. Anything we cannot
// know stays unknown, and unknown is never reported as a violation.
//
// Why S3 keeps its own reader instead of `../iam/policy-document.ts`: the two disagree on inputs that
// decide whether a bucket is public, so switching would change findings.
// - An operator whose key map is unknown (`Condition = { StringEquals = var.c }`, rendered "(unknown)"):
//   here the condition is unknown, so the statement is not public; the IAM reader skips the operator
//   and the statement reads as unconditional.
// - A condition value that is null or an object: unknown (narrowing) here, dropped there.
// - Only `Principal: "*"` / `{ AWS: "*" }` (or any `NotPrincipal`, even null) makes a bucket public
//   here; the IAM reader's "everyone" also matches `{ Service: "*" }` and similar.
// - Element names and `Effect` are read case-sensitively, as AWS writes them; a malformed statement
//   makes the whole policy unreadable. The IAM reader is lenient and skips the bad statement.
// - From a data source, only its own `statement` blocks in the owner's module are read (no
//   `source_policy_documents` / `override_policy_documents` merge), and one principals block with an
//   unknown type does not hide another that names "*".
// Reading S3 policies through the IAM reader means settling each of these first.

import type { TerraformRuleContext } from '../../../rule.js';
import {
  blocks,
  isUnknown,
  partialJsonText,
  type TfAttribute,
  type TfBody,
  type TfResource,
  UNKNOWN,
  type Value,
} from '../../../../evaluate/terraform/view.js';
import { UNKNOWN_TEXT } from '../iam/policy-statement.js';

export type Tri = boolean | 'unknown';

export interface PolicyCondition {
  /** Operator, e.g. `StringEquals`, `IpAddress`, `ForAnyValue:StringLike`. */
  test: string;
  /** Condition key, e.g. `aws:SourceVpce`. */
  key: string;
  /** Known string values; `unknown` when any value cannot be determined. */
  values: string[] | 'unknown';
}

export interface PolicyStatement {
  effect: 'Allow' | 'Deny' | 'unknown';
  /** True when the statement applies to everyone: `Principal: "*"`, `{AWS: "*"}`, or any `NotPrincipal` with Allow. */
  anyPrincipal: Tri;
  actions: string[];
  conditions: PolicyCondition[] | 'unknown';
}

const POLICY_DOCUMENT = 'data.aws_iam_policy_document';

/**
 * Statements of the policy in `attribute` of `owner`; undefined when the policy cannot be read
 * (computed, unparsable, or built from more than one source).
 */
export function readPolicy(attribute: TfAttribute, owner: TfResource, ctx: TerraformRuleContext): PolicyStatement[] | undefined {
  const value = attribute.value;
  if (typeof value === 'string') return value.trim() === '' ? [] : fromJsonText(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnknown(value)) return fromJson(value);
  if (!isUnknown(value)) return undefined;
  // A heredoc or quoted template with computed parts: its known structure, read like jsonencode's.
  const partial = partialJsonText(attribute);
  if (partial !== undefined) return fromJsonText(partial);
  // `data.aws_iam_policy_document.x.json`: read the document's blocks instead of its computed JSON.
  const docRefs = [...new Set(attribute.refs.filter((r) => r.replace(/^(module\.[^.]+\.)+/, '').startsWith('data.aws_iam_policy_document.')))];
  if (docRefs.length !== 1) return undefined;
  const docs = ctx
    .ofType(POLICY_DOCUMENT)
    .filter((d) => d.module === owner.module && (d.address === docRefs[0] || d.baseAddress === docRefs[0]));
  if (docs.length !== 1) return undefined;
  return fromPolicyDocument(docs[0]!.body);
}

function fromJsonText(text: string): PolicyStatement[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  return fromJson(restoreUnknowns(parsed));
}

// The evaluator's `jsonencode` renders a value unknown inside a known structure as the string "(unknown)".
function restoreUnknowns(v: unknown): unknown {
  if (v === UNKNOWN_TEXT) return UNKNOWN;
  if (Array.isArray(v)) return v.map(restoreUnknowns);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restoreUnknowns(x)]));
  return v;
}

function fromJson(doc: unknown): PolicyStatement[] | undefined {
  if (!isRecord(doc)) return undefined;
  const raw = doc['Statement'];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  const statements: PolicyStatement[] = [];
  for (const s of list) {
    if (!isRecord(s)) return undefined;
    statements.push({
      effect: effectOf(s['Effect']),
      anyPrincipal: 'NotPrincipal' in s ? true : principalIsAnyone(s['Principal']),
      actions: strings(s['Action'] ?? s['NotAction']),
      conditions: conditionsFromJson(s['Condition']),
    });
  }
  return statements;
}

function effectOf(v: unknown): PolicyStatement['effect'] {
  if (v === 'Allow' || v === 'Deny') return v;
  return 'unknown';
}

function principalIsAnyone(p: unknown): Tri {
  if (p === undefined) return false;
  if (isUnknown(p)) return 'unknown';
  if (p === '*') return true;
  if (!isRecord(p)) return false;
  const aws = p['AWS'];
  if (isUnknown(aws)) return 'unknown';
  if (aws === '*' || (Array.isArray(aws) && aws.includes('*'))) return true;
  return Array.isArray(aws) && aws.some(isUnknown) ? 'unknown' : false;
}

function conditionsFromJson(c: unknown): PolicyCondition[] | 'unknown' {
  if (c === undefined || c === null) return [];
  if (!isRecord(c)) return 'unknown';
  const out: PolicyCondition[] = [];
  for (const [test, keys] of Object.entries(c)) {
    if (!isRecord(keys)) return 'unknown';
    for (const [key, values] of Object.entries(keys)) out.push({ test, key, values: knownStrings(values) });
  }
  return out;
}

function fromPolicyDocument(doc: TfBody): PolicyStatement[] | undefined {
  const statements: PolicyStatement[] = [];
  for (const s of blocks(doc, 'statement')) {
    // A statement from a `dynamic` block we could not expand: its content is unknown.
    if (s.fromUnknownDynamic) return undefined;
    const effect = s.attributes.get('effect')?.value;
    statements.push({
      effect: effect === undefined ? 'Allow' : effectOf(effect),
      anyPrincipal: docPrincipalIsAnyone(s),
      actions: strings(s.attributes.get('actions')?.value ?? s.attributes.get('not_actions')?.value),
      conditions: docConditions(s),
    });
  }
  return statements;
}

function docPrincipalIsAnyone(statement: TfBody): Tri {
  if (blocks(statement, 'not_principals').length) return true;
  let result: Tri = false;
  for (const p of blocks(statement, 'principals')) {
    if (p.fromUnknownDynamic) return 'unknown';
    const type = p.attributes.get('type')?.value;
    const ids = p.attributes.get('identifiers')?.value;
    if (isUnknown(type) || isUnknown(ids)) {
      result = 'unknown';
      continue;
    }
    if (type !== '*' && type !== 'AWS') continue;
    const list = Array.isArray(ids) ? ids : [ids];
    if (list.includes('*')) return true;
    if (list.some(isUnknown)) result = 'unknown';
  }
  return result;
}

function docConditions(statement: TfBody): PolicyCondition[] | 'unknown' {
  const out: PolicyCondition[] = [];
  for (const c of blocks(statement, 'condition')) {
    const test = c.attributes.get('test')?.value;
    const key = c.attributes.get('variable')?.value;
    if (c.fromUnknownDynamic || typeof test !== 'string' || typeof key !== 'string') return 'unknown';
    out.push({ test, key, values: knownStrings(c.attributes.get('values')?.value) });
  }
  return out;
}

// Condition keys that tie a request to a specific network, account, organisation or source resource.
// AWS treats a wildcard-principal statement carrying one of these (with fixed values) as not public.
const RESTRICTING_KEYS = new Set(
  [
    'aws:SourceArn',
    'aws:SourceAccount',
    'aws:SourceOwner',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceIp',
    'aws:VpceAccount',
    'aws:VpceOrgID',
    'aws:VpceOrgPaths',
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalServiceName',
    'aws:userid',
    'aws:Ec2InstanceSourceVpc',
    's3:DataAccessPointArn',
    's3:DataAccessPointAccount',
    'lambda:SourceFunctionArn',
  ].map((k) => k.toLowerCase()),
);

const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0']);

/** Whether one condition narrows who can use the statement (unknown values count as narrowing). */
function restricts(c: PolicyCondition): boolean {
  const key = c.key.toLowerCase();
  if (!RESTRICTING_KEYS.has(key)) return false;
  // Negated operators (StringNotEquals, NotIpAddress, ArnNotLike, ...) admit everyone else.
  const op = c.test.replace(/^For(Any|All)Value:/i, '');
  if (/Not/.test(op) || /^Null$/i.test(op)) return false;
  if (c.values === 'unknown') return true;
  if (c.values.length === 0) return false;
  return c.values.every((v) => v !== '*' && !OPEN_CIDRS.has(v) && !/^arn:aws[a-z-]*:[a-z0-9-]*:[^:]*:\*/.test(v));
}

/** A statement that allows anyone, with no condition limiting who that is. Unknown parts count as safe. */
export function isPublicStatement(s: PolicyStatement): boolean {
  if (s.effect !== 'Allow' || s.anyPrincipal !== true || s.conditions === 'unknown') return false;
  return !s.conditions.some(restricts);
}

/** The first public statement of a policy, if any. */
export function firstPublicStatement(statements: readonly PolicyStatement[]): PolicyStatement | undefined {
  return statements.find(isPublicStatement);
}

/** True when some Allow statement grants to the given service principal (e.g. `logging.s3.amazonaws.com`). */
export function allowsService(attribute: TfAttribute, owner: TfResource, ctx: TerraformRuleContext, service: string): boolean {
  const v = attribute.value;
  if (typeof v === 'string') return v.includes(service);
  if (isUnknown(v)) {
    const docs = ctx.ofType(POLICY_DOCUMENT).filter((d) => d.module === owner.module && attribute.refs.some((r) => r === d.address || r === d.baseAddress));
    return docs.some((d) =>
      blocks(d.body, 'statement').some((s) =>
        blocks(s, 'principals').some((p) => {
          const ids = p.attributes.get('identifiers')?.value;
          return Array.isArray(ids) ? ids.includes(service) : ids === service;
        }),
      ),
    );
  }
  return JSON.stringify(v).includes(service);
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function knownStrings(v: Value | unknown): string[] | 'unknown' {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) {
    if (typeof x === 'string') out.push(x);
    else if (typeof x === 'number' || typeof x === 'boolean') out.push(String(x));
    else return 'unknown';
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}
