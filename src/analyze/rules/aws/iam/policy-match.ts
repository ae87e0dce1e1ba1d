// Small predicates over normalised policy statements, shared by the IAM, SQS and S3 policy rules.
// Unknown elements never satisfy a "this is dangerous" predicate: unknown is not a violation.

import { isUnknown, type Unknown } from '../../../../evaluate/terraform/view.js';
import type { PolicyList, PolicyStatement, PrincipalMap } from './policy-statement.js';

/** The known strings of a list (unknown elements and unknown lists contribute nothing). */
export function knownStrings(list: PolicyList | undefined): string[] {
  if (list === undefined || isUnknown(list)) return [];
  return list.filter((v): v is string => typeof v === 'string');
}

export function isAllow(statement: PolicyStatement): boolean {
  return statement.effect === 'Allow';
}

/**
 * IAM-style glob (`*` any run, `?` one character), case-insensitive as IAM compares action names. Matched
 * by walking both strings, going back only to the last `*`: at most pattern × text steps. (A regular
 * expression built from the pattern backtracks: `a*a*a*…b` from a policy took polynomial time of high degree.)
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  const p = foldCase(pattern);
  const t = foldCase(text);
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    const pc = p[pi];
    if (pc === '*') {
      star = pi++;
      resume = ti;
    } else if (pc !== undefined && (pc === '?' || pc === t[ti])) {
      pi++;
      ti++;
    } else if (star >= 0) {
      // Let the last `*` take one more character, and match the rest of the pattern from there.
      pi = star + 1;
      ti = ++resume;
    } else return false;
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

/** Case-folds each UTF-16 unit the way a case-insensitive JavaScript regular expression compares them. */
function foldCase(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const upper = ch.toUpperCase();
    out += upper.length === 1 && !(ch.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) ? upper : ch;
  }
  return out;
}

/** `*` (or the equivalent `*:*`): every action of every service. */
export function isAllActions(action: string): boolean {
  return action === '*' || action === '*:*';
}

/** The service of a whole-service wildcard such as `s3:*` or `IAM:*`, lower-cased; undefined otherwise. */
export function serviceWildcard(action: string): string | undefined {
  const m = /^([a-z0-9-]+):\*+$/i.exec(action);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Statement applies to every resource: `Resource: "*"` (NotResource with Allow is "all but a few"). */
export function appliesToAllResources(statement: PolicyStatement): boolean {
  if (knownStrings(statement.resources).includes('*')) return true;
  return statement.resources === undefined && statement.notResources !== undefined && !isUnknown(statement.notResources);
}

/** Condition keys, lower-cased; empty when there are none or they are unknown. */
export function conditionKeys(statement: PolicyStatement): string[] {
  return isUnknown(statement.conditions) ? [] : statement.conditions.map((c) => c.key.toLowerCase());
}

/** True when the statement carries a condition (known or not): conditions usually narrow a grant. */
export function hasCondition(statement: PolicyStatement): boolean {
  return isUnknown(statement.conditions) || statement.conditions.length > 0;
}

/** True when the principal element grants everyone: `"*"`, `{"AWS": "*"}` (or an unknown-free list holding `*`). */
export function isEveryonePrincipal(principals: PrincipalMap | Unknown | undefined): boolean {
  if (principals === undefined || isUnknown(principals)) return false;
  return Object.values(principals).some((ids) => knownStrings(ids).includes('*'));
}

/** Known actions of the statement that satisfy `predicate`. */
export function actionsWhere(statement: PolicyStatement, predicate: (action: string) => boolean): string[] {
  return knownStrings(statement.actions).filter(predicate);
}
