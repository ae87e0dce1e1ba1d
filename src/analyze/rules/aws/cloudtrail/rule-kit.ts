// Shared pieces of the trail-setting rules: "this attribute must be true" and "this attribute must be set".
import type { TerraformRuleContext } from '../../../rule.js';
import { attr, isTrue, isUnknown, type TfResource } from '../../../../evaluate/terraform/view.js';

/** Reports when `name` is absent or known not to be true. */
export function requireTrue(trail: TfResource, ctx: TerraformRuleContext, name: string, what: string): void {
  const a = attr(trail.body, name);
  if (a && (isTrue(a.value) || isUnknown(a.value))) return;
  const state = a ? `sets ${name} = ${String(a.value)}` : `leaves ${name} unset (default false)`;
  ctx.report({ at: a, message: `CloudTrail trail ${trail.address} ${state}, so ${what}.` });
}

/** Reports when `name` is absent, null or empty. */
export function requireSet(trail: TfResource, ctx: TerraformRuleContext, name: string, what: string): void {
  const a = attr(trail.body, name);
  if (a && a.value !== null && a.value !== '') return;
  ctx.report({ at: a, message: `CloudTrail trail ${trail.address} does not set ${name}, so ${what}.` });
}
