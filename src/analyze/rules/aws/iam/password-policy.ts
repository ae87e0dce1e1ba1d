// Shared check for `aws_iam_account_password_policy` settings. A setting that is absent takes the
// AWS default (which is the weak value for every setting these rules judge); an unknown value is not judged.

import type { TerraformRuleContext } from '../../../rule.js';
import type { TfResource, Value } from '../../../../evaluate/terraform/view.js';
import { asNumber, attr, isTrue, isUnknown } from '../../../../evaluate/terraform/view.js';

export const PASSWORD_POLICY_LINK = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy';

/** Reports when a boolean requirement (e.g. `require_symbols`) is not true. */
export function checkRequiredFlag(resource: TfResource, ctx: TerraformRuleContext, name: string, what: string): void {
  const a = attr(resource.body, name);
  if (a && (isTrue(a.value) || isUnknown(a.value))) return;
  const state = a ? `sets \`${name} = ${show(a.value)}\`` : `does not set \`${name}\` (AWS default: false)`;
  ctx.report({ at: a, message: `Password policy ${resource.address} ${state}, so passwords need not contain ${what}.` });
}

/**
 * Reports when a numeric setting fails `ok`. `absent` describes the effect of leaving it unset.
 * Non-numeric known values are reported too (the provider would reject them anyway).
 */
export function checkNumber(
  resource: TfResource,
  ctx: TerraformRuleContext,
  name: string,
  ok: (n: number) => boolean,
  describe: (shown: string) => string,
  absent: string,
): void {
  const a = attr(resource.body, name);
  if (!a) {
    ctx.report({ message: `Password policy ${resource.address} does not set \`${name}\` (${absent}).` });
    return;
  }
  if (isUnknown(a.value)) return;
  const n = asNumber(a.value);
  if (n !== undefined && ok(n)) return;
  ctx.report({ at: a, message: `Password policy ${resource.address} sets \`${name} = ${show(a.value)}\`: ${describe(show(a.value))}.` });
}

function show(v: Value): string {
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
}
