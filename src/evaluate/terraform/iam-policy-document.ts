// `data "aws_iam_policy_document"`: computes the `json` the AWS provider would produce, so that
// `policy = data.aws_iam_policy_document.x.json` gives rules a policy string they can JSON.parse.
//
// Rendering follows the provider: a single-element list becomes a plain string, longer lists are sorted in reverse
// lexical order (the provider's quirk), `Sid` is omitted when empty, `Effect` defaults to Allow, keys appear in
// the provider's order (Version, Id, Statement; Sid, Effect, Action, NotAction, Resource, NotResource, Principal,
// NotPrincipal, Condition). An unknown element renders as "(unknown)" so the known rest stays inspectable; when the
// statements themselves cannot be known (unknown dynamic, unknown source document) the json is unknown.

import { pushAll } from '../../core/arrays.js';
import { UNKNOWN_JSON_TEXT } from '../../core/value.js';
import type { TfBody } from './view.js';
import { blocks, value } from './view.js';
import { compareStrings, isObject, isUnknown, UNKNOWN, type Value } from './values/index.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Statement = { [key: string]: Json };

const UNKNOWN_TEXT = UNKNOWN_JSON_TEXT;

function text(v: Value): string {
  if (isUnknown(v) || v === null || typeof v === 'object') return UNKNOWN_TEXT;
  return String(v);
}

/** A list attribute as the provider renders it; undefined when absent or empty. */
function stringList(v: Value | undefined): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return UNKNOWN_TEXT;
  const items = Array.isArray(v) ? v.map(text) : [text(v)];
  const unique = [...new Set(items)];
  if (unique.length === 0) return undefined;
  if (unique.length === 1) return unique[0]!;
  return unique.sort(compareStrings).reverse();
}

function principals(body: TfBody, type: 'principals' | 'not_principals'): Json | undefined {
  const list = blocks(body, type);
  if (list.length === 0) return undefined;
  const byType = new Map<string, string[]>();
  for (const p of list) {
    const t = text(value(p, 'type') ?? null);
    const ids = value(p, 'identifiers');
    const items = Array.isArray(ids) ? ids.map(text) : [text(ids ?? null)];
    byType.set(t, [...(byType.get(t) ?? []), ...items]);
  }
  const star = byType.get('*');
  if (byType.size === 1 && star && star.every((x) => x === '*')) return '*';
  const out: { [key: string]: Json } = {};
  for (const t of [...byType.keys()].sort(compareStrings)) out[t] = stringList(byType.get(t)!) ?? [];
  return out;
}

function conditions(body: TfBody): Json | undefined {
  const list = blocks(body, 'condition');
  if (list.length === 0) return undefined;
  const byTest = new Map<string, Map<string, string[]>>();
  for (const c of list) {
    const test = text(value(c, 'test') ?? null);
    const variable = text(value(c, 'variable') ?? null);
    const vals = value(c, 'values');
    const items = Array.isArray(vals) ? vals.map(text) : [text(vals ?? null)];
    const vars = byTest.get(test) ?? new Map<string, string[]>();
    vars.set(variable, [...(vars.get(variable) ?? []), ...items]);
    byTest.set(test, vars);
  }
  const out: { [key: string]: Json } = {};
  for (const test of [...byTest.keys()].sort(compareStrings)) {
    const vars = byTest.get(test)!;
    const inner: { [key: string]: Json } = {};
    for (const v of [...vars.keys()].sort(compareStrings)) {
      const items = vars.get(v)!;
      inner[v] = items.length === 1 ? items[0]! : items;
    }
    out[test] = inner;
  }
  return out;
}

function statementOf(body: TfBody): Statement {
  const s: Statement = {};
  const sid = value(body, 'sid');
  if (sid !== undefined && sid !== null && sid !== '') s.Sid = text(sid);
  const effect = value(body, 'effect');
  s.Effect = effect === undefined || effect === null ? 'Allow' : text(effect);
  const fields: [string, Json | undefined][] = [
    ['Action', stringList(value(body, 'actions'))],
    ['NotAction', stringList(value(body, 'not_actions'))],
    ['Resource', stringList(value(body, 'resources'))],
    ['NotResource', stringList(value(body, 'not_resources'))],
    ['Principal', principals(body, 'principals')],
    ['NotPrincipal', principals(body, 'not_principals')],
    ['Condition', conditions(body)],
  ];
  for (const [k, v] of fields) if (v !== undefined) s[k] = v;
  return s;
}

/** Statements of JSON policy documents given as strings; undefined when any is unknown or unparsable. */
function documentStatements(docs: Value | undefined): Statement[] | undefined {
  if (docs === undefined || docs === null) return [];
  const list = Array.isArray(docs) ? docs : [docs];
  const out: Statement[] = [];
  for (const d of list) {
    if (typeof d !== 'string') return undefined;
    try {
      const parsed = JSON.parse(d) as unknown;
      const st = isObject(parsed as Value) ? (parsed as { Statement?: unknown }).Statement : undefined;
      const statements = Array.isArray(st) ? st : st && typeof st === 'object' ? [st] : [];
      pushAll(out, statements as Statement[]);
    } catch {
      return undefined;
    }
  }
  return out;
}

/** Adds statements, replacing an existing one with the same non-empty Sid. */
function mergeStatements(into: Statement[], statements: readonly Statement[]): void {
  for (const s of statements) {
    const sid = typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined;
    const at = sid === undefined ? -1 : into.findIndex((x) => x.Sid === sid);
    if (at >= 0) into[at] = s;
    else into.push(s);
  }
}

/** The policy document as an object, or UNKNOWN when its statements cannot be known. */
export function policyDocument(body: TfBody): Value {
  const statementBodies = blocks(body, 'statement');
  if (statementBodies.some((b) => b.fromUnknownDynamic)) return UNKNOWN;
  const sources = documentStatements(value(body, 'source_policy_documents'));
  const sourceJson = documentStatements(value(body, 'source_json'));
  const overrides = documentStatements(value(body, 'override_policy_documents'));
  const overrideJson = documentStatements(value(body, 'override_json'));
  if (!sources || !sourceJson || !overrides || !overrideJson) return UNKNOWN;

  const statements: Statement[] = [];
  mergeStatements(statements, [...sourceJson, ...sources]);
  mergeStatements(statements, statementBodies.map(statementOf));
  mergeStatements(statements, [...overrideJson, ...overrides]);

  const doc: { [key: string]: Json } = {};
  const version = value(body, 'version');
  doc.Version = version === undefined || version === null ? '2012-10-17' : text(version);
  const id = value(body, 'policy_id');
  if (id !== undefined && id !== null) doc.Id = text(id);
  doc.Statement = statements;
  return doc as Value;
}

/** `json` (indented, as the provider renders it) or `minified_json`. */
export function policyDocumentJson(body: TfBody, minified = false): Value {
  const doc = policyDocument(body);
  if (isUnknown(doc)) return UNKNOWN;
  return minified ? JSON.stringify(doc) : JSON.stringify(doc, null, 2);
}
