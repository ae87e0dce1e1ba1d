// Custom rules from the policy, made into rules the engine runs like built-in ones: the same evaluated
// resources, locations, suppressions, risk, compliance and output. A condition is judged in three
// values: an unknown value (a variable without a value, a computed ARN) never makes a finding.

import { re2 } from '../core/re2.js';
import type { FixOutcome, TerraformFixContext } from '../analyze/fix.js';
import { setInNested, setLiteral, isLiteral } from '../analyze/fix-helpers.js';
import { defineRule, type Rule } from '../analyze/rule.js';
import { hclString, setObjectKey, addAttribute } from '../edit/hcl-edit.js';
import { bodyIndent, indentStep, lineEnding } from '../edit/hcl-layout.js';
import { asNumber, isUnknown, UNKNOWN, type TfAttribute, type TfBody, type TfResource, type Value } from '../evaluate/terraform/view.js';
import type { CustomCondition, CustomRuleSpec } from './custom-rule-schema.js';

type Verdict = 'pass' | 'fail' | 'unknown';

/** What a path reaches: each value, with the attribute or block to point a finding at. */
interface Reached {
  value: Value;
  at: TfAttribute | TfBody;
}

export function compileCustomRule(spec: CustomRuleSpec): Rule {
  const types = [spec.resource].flat();
  const problem = spec.problem ?? `${spec.title} (not met)`;
  return defineRule({
    meta: {
      id: spec.id,
      title: spec.title,
      problem,
      severity: spec.severity,
      stride: spec.stride ?? 'tampering',
      cwe: spec.cwe ?? [],
      compliance: spec.compliance ?? [],
      description: spec.description ?? `A custom rule of this repository's policy: ${spec.title}.`,
      remediation: spec.remediation ?? (spec.fix ? `Set ${Object.entries(spec.fix.set).map(([k, v]) => `\`${k} = ${JSON.stringify(v)}\``).join(', ')}.` : `Make the resource meet: ${spec.title}.`),
      provider: types.every((t) => t.startsWith('aws_')) ? 'aws' : 'generic',
      service: 'custom',
      peers: {},
    },
    terraform: {
      resourceTypes: types,
      check(resource, ctx) {
        const failed = judge(spec.condition, resource);
        if (failed.verdict !== 'fail') return;
        const message = (spec.message ?? `${problem}: {resource}.`).replaceAll('{resource}', resource.address);
        ctx.report({ message, ...(failed.at && failed.at !== resource.body ? { at: failed.at } : {}) });
      },
    },
    portable: { customRule: spec },
    ...(spec.fix ? { fix: { terraform: (ctx: TerraformFixContext) => fixValues(ctx, spec.fix!.set) } } : { noFix: 'The custom rule declares no fix value.' }),
    examples: {},
  });
}

function judge(condition: CustomCondition, resource: TfResource): { verdict: Verdict; at?: TfAttribute | TfBody } {
  if ('all' in condition) {
    let unknown = false;
    for (const c of condition.all) {
      const r = judge(c, resource);
      if (r.verdict === 'fail') return r;
      if (r.verdict === 'unknown') unknown = true;
    }
    return { verdict: unknown ? 'unknown' : 'pass' };
  }
  if ('any' in condition) {
    let unknown = false;
    let first: { verdict: Verdict; at?: TfAttribute | TfBody } | undefined;
    for (const c of condition.any) {
      const r = judge(c, resource);
      if (r.verdict === 'pass') return r;
      if (r.verdict === 'unknown') unknown = true;
      first ??= r;
    }
    return unknown ? { verdict: 'unknown' } : first!;
  }
  if ('not' in condition) {
    const r = judge(condition.not, resource);
    return { ...r, verdict: r.verdict === 'pass' ? 'fail' : r.verdict === 'fail' ? 'pass' : 'unknown' };
  }
  const path = condition.attribute.split('.');
  const reached = reach(resource.body, path);
  const verdict = test(condition, reached);
  // Point at the value, or at the nearest part of the path that exists (`tags`, when `tags.owner` is missing).
  const at = reached[0]?.at ?? nearest(resource.body, path);
  return { verdict, ...(at ? { at } : {}) };
}

function test(c: Extract<CustomCondition, { attribute: string }>, reached: readonly Reached[]): Verdict {
  const present = reached.filter((r) => r.value !== null && r.value !== undefined);
  if (present.some((r) => isUnknown(r.value))) return 'unknown';
  const checks: Verdict[] = [];
  const all = (ok: (v: Value) => boolean): Verdict => (present.length && present.every((r) => ok(r.value)) ? 'pass' : 'fail');
  if (c.exists !== undefined) checks.push(present.length > 0 === c.exists ? 'pass' : 'fail');
  if (c.equals !== undefined) checks.push(all((v) => same(v, c.equals)));
  if (c.notEquals !== undefined) checks.push(present.every((r) => !same(r.value, c.notEquals)) ? 'pass' : 'fail');
  if (c.in) checks.push(all((v) => c.in!.some((x) => same(v, x))));
  if (c.notIn) checks.push(present.every((r) => !c.notIn!.some((x) => same(r.value, x))) ? 'pass' : 'fail');
  if (c.matches !== undefined) {
    const re = compile(c.matches);
    checks.push(all((v) => typeof v === 'string' && re.matcher(v).find()));
  }
  const number = (ok: (n: number) => boolean) => all((v) => {
    const n = asNumber(v);
    return n !== undefined && ok(n);
  });
  if (c.greaterThan !== undefined) checks.push(number((n) => n > c.greaterThan!));
  if (c.atLeast !== undefined) checks.push(number((n) => n >= c.atLeast!));
  if (c.lessThan !== undefined) checks.push(number((n) => n < c.lessThan!));
  if (c.atMost !== undefined) checks.push(number((n) => n <= c.atMost!));
  return checks.includes('fail') ? 'fail' : 'pass';
}

/** Equal, with HCL's loose typing (`"true"` equals `true`, `"3"` equals `3`). */
function same(a: Value, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && (typeof b === 'boolean' || typeof b === 'number')) return a === String(b);
  if (typeof b === 'string' && (typeof a === 'boolean' || typeof a === 'number')) return String(a) === b;
  return false;
}

function nearest(body: TfBody, path: readonly string[]): TfAttribute | TfBody | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return undefined;
  const attribute = body.attributes.get(head);
  if (attribute) return attribute;
  const block = body.blocks.find((b) => b.type === head);
  return block ? (rest.length ? (nearest(block, rest) ?? block) : block) : undefined;
}

/** Every value at a dotted path: attributes, nested blocks (all of that type), object keys, list indexes or `*`. */
function reach(body: TfBody, path: readonly string[]): Reached[] {
  const [head, ...rest] = path;
  if (head === undefined) return [];
  const attribute = body.attributes.get(head);
  if (attribute) return descend(attribute.value, rest).map((value) => ({ value, at: attribute }));
  const blocks = body.blocks.filter((b) => b.type === head && !b.fromUnknownDynamic);
  if (body.blocks.some((b) => b.type === head && b.fromUnknownDynamic)) return [{ value: UNKNOWN, at: body }];
  if (!rest.length) return blocks.map((b) => ({ value: {}, at: b }));
  return blocks.flatMap((b) => reach(b, rest));
}

function descend(value: Value, path: readonly string[]): Value[] {
  const [head, ...rest] = path;
  if (head === undefined) return [value];
  if (isUnknown(value)) return [value];
  if (Array.isArray(value)) {
    if (head === '*') return value.flatMap((v) => descend(v, rest));
    const i = Number(head);
    return Number.isInteger(i) && i >= 0 && i < value.length ? descend(value[i]!, rest) : [];
  }
  if (value && typeof value === 'object' && head in value) return descend((value as Record<string, Value>)[head]!, rest);
  return [];
}

const compiled = new Map<string, import('re2js').RE2JS>();
function compile(pattern: string): import('re2js').RE2JS {
  let re = compiled.get(pattern);
  if (!re) {
    compiled.set(pattern, (re = re2().compile(pattern)));
  }
  return re;
}

/** Writes the rule's fix values, each where its path leads: an attribute, an object key or a nested block's attribute. */
function fixValues(ctx: TerraformFixContext, set: Record<string, unknown>): FixOutcome {
  const edits = [];
  const written: string[] = [];
  for (const [path, value] of Object.entries(set)) {
    const text = hclValue(value);
    const [head, ...rest] = path.split('.');
    let outcome: FixOutcome;
    if (!rest.length) outcome = setLiteral(ctx, head!, text, '');
    else if (rest.length === 1 && ctx.resource.body.blocks.some((b) => b.type === head)) outcome = setInNested(ctx, head!, [{ name: rest[0]!, value: text }], '');
    else if (rest.length === 1) {
      const attribute = ctx.resource.body.attributes.find((a) => a.name === head);
      if (attribute) outcome = { kind: 'automatic', description: '', edits: setObjectKey(ctx.file, attribute, rest[0]!, text, isLiteral) };
      else {
        const indent = bodyIndent(ctx.file, ctx.resource);
        const eol = lineEnding(ctx.file.text);
        const object = `{${eol}${indent}${indentStep(ctx.file)}${rest[0]} = ${text}${eol}${indent}}`;
        outcome = { kind: 'automatic', description: '', edits: addAttribute(ctx.file, ctx.resource, head!, object) };
      }
    } else return { declined: `the fix path ${path} is deeper than Bulwark writes` };
    if ('declined' in outcome) return outcome;
    edits.push(...outcome.edits);
    written.push(`${path} = ${text}`);
  }
  return { kind: 'automatic', description: `Sets ${written.join(', ')} on ${ctx.resource.labels.join('.')}.`, edits };
}

function hclValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(hclValue).join(', ')}]`;
  if (typeof value === 'string') return hclString(value);
  return String(value);
}
