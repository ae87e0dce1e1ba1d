// Rebuilds the document of a `data "aws_iam_policy_document"` from its blocks, the way the AWS provider
// renders `.json`: `statement` blocks plus `source_policy_documents` / `override_policy_documents`
// (and the legacy `source_json` / `override_json`), where a statement with a non-empty sid replaces an
// earlier one with the same sid.

import type { TfBody, TfResource, Unknown, Value } from '../../../../evaluate/terraform/view.js';
import { UNKNOWN, attr, blocks, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import {
  normaliseEffect,
  parsePolicyDocument,
  toPolicyList,
  type PolicyCondition,
  type PolicyDocument,
  type PolicyList,
  type PolicyLookup,
  type PolicyStatement,
  type PrincipalMap,
} from './policy-statement.js';

/** Source documents nest; a cycle or absurd depth is cut off as "incomplete". */
const MAX_DEPTH = 8;

/** The `data.aws_iam_policy_document` an expression refers to, if exactly one. */
export function findPolicyDataSource(refs: readonly string[], lookup: PolicyLookup): TfResource | undefined {
  const matches = referencedDataSources(refs, lookup);
  return matches.length === 1 ? matches[0] : undefined;
}

function referencedDataSources(refs: readonly string[], lookup: PolicyLookup): TfResource[] {
  const docs = lookup.ofType('data.aws_iam_policy_document');
  const out: TfResource[] = [];
  for (const ref of refs) {
    for (const d of docs) if ((ref === d.address || ref === d.baseAddress) && !out.includes(d)) out.push(d);
  }
  return out;
}

export function documentFromDataSource(resource: TfResource, lookup: PolicyLookup, depth = 0): PolicyDocument {
  if (depth > MAX_DEPTH) return { statements: [], incomplete: true };
  const merged = new Merger();
  const body = resource.body;
  merged.addDoc(documentsOf(body, 'source_json', lookup, depth));
  merged.addDoc(documentsOf(body, 'source_policy_documents', lookup, depth));
  for (const block of blocks(body, 'statement')) {
    if (block.fromUnknownDynamic) merged.incomplete = true;
    else merged.add(statementFromBlock(block));
  }
  merged.addDoc(documentsOf(body, 'override_json', lookup, depth));
  merged.addDoc(documentsOf(body, 'override_policy_documents', lookup, depth));
  return { statements: merged.statements, incomplete: merged.incomplete };
}

class Merger {
  statements: PolicyStatement[] = [];
  incomplete = false;
  add(statement: PolicyStatement): void {
    const at = statement.sid ? this.statements.findIndex((s) => s.sid === statement.sid) : -1;
    if (at >= 0) this.statements[at] = statement;
    else this.statements.push(statement);
  }
  addDoc(docs: PolicyDocument[]): void {
    for (const doc of docs) {
      if (doc.incomplete) this.incomplete = true;
      for (const s of doc.statements) this.add(s);
    }
  }
}

/** Documents named by a JSON-string (or list of JSON strings) attribute, following data-source refs when unknown. */
function documentsOf(body: TfBody, name: string, lookup: PolicyLookup, depth: number): PolicyDocument[] {
  const a = attr(body, name);
  if (!a || a.value === null) return [];
  const values: Value[] = Array.isArray(a.value) ? a.value : [a.value];
  const known = values.filter((v) => !isUnknown(v));
  const docs: PolicyDocument[] = [];
  let unreadable = known.length !== values.length;
  for (const v of known) {
    const doc = parsePolicyDocument(v);
    if (doc) docs.push(doc);
    else unreadable = true;
  }
  if (!unreadable) return docs;
  // Some element is unknown: rebuild from the referenced data sources instead (order of reference).
  const sources = referencedDataSources(a.refs, lookup);
  if (!sources.length) return [...docs, { statements: [], incomplete: true }];
  return sources.map((s) => documentFromDataSource(s, lookup, depth + 1));
}

function statementFromBlock(block: TfBody): PolicyStatement {
  const sid = value(block, 'sid');
  const effect = value(block, 'effect');
  const statement: PolicyStatement = {
    ...(typeof sid === 'string' && sid !== '' ? { sid } : {}),
    // The provider defaults `effect` to Allow.
    effect: effect === undefined || effect === null ? 'Allow' : normaliseEffect(effect),
    conditions: conditionsFromBlocks(block),
  };
  const lists: [keyof PolicyStatement, string][] = [
    ['actions', 'actions'],
    ['notActions', 'not_actions'],
    ['resources', 'resources'],
    ['notResources', 'not_resources'],
  ];
  const mutable = statement as unknown as Record<string, unknown>;
  for (const [key, attribute] of lists) {
    const list = toPolicyList(value(block, attribute));
    if (list !== undefined) mutable[key] = list;
  }
  const principals = principalsFromBlocks(block, 'principals');
  if (principals !== undefined) mutable.principals = principals;
  const notPrincipals = principalsFromBlocks(block, 'not_principals');
  if (notPrincipals !== undefined) mutable.notPrincipals = notPrincipals;
  return statement;
}

function principalsFromBlocks(block: TfBody, type: string): PrincipalMap | Unknown | undefined {
  const found = blocks(block, type);
  if (!found.length) return undefined;
  const map: Record<string, PolicyList> = {};
  for (const p of found) {
    if (p.fromUnknownDynamic) return UNKNOWN;
    const kind = value(p, 'type');
    const ids = toPolicyList(value(p, 'identifiers')) ?? [];
    if (typeof kind !== 'string') return UNKNOWN;
    // `type = "*"` renders as `"Principal": "*"`, which AWS treats as every AWS principal.
    const key = kind === '*' ? 'AWS' : kind;
    map[key] = mergeLists(map[key], ids);
  }
  return map;
}

function mergeLists(a: PolicyList | undefined, b: PolicyList): PolicyList {
  if (a === undefined) return b;
  if (isUnknown(a) || isUnknown(b)) return UNKNOWN;
  return [...a, ...b];
}

function conditionsFromBlocks(block: TfBody): readonly PolicyCondition[] | Unknown {
  const out: PolicyCondition[] = [];
  for (const c of blocks(block, 'condition')) {
    if (c.fromUnknownDynamic) return UNKNOWN;
    const operator = value(c, 'test');
    const key = value(c, 'variable');
    if (typeof operator !== 'string' || typeof key !== 'string') return UNKNOWN;
    out.push({ operator, key, values: toPolicyList(value(c, 'values')) ?? [] });
  }
  return out;
}
