// Walks the Allow statements of every identity policy a resource declares, for the wildcard rules.

import type { TerraformRuleContext } from '../../../rule.js';
import type { TfResource } from '../../../../evaluate/terraform/view.js';
import { isAllow } from './policy-match.js';
import type { PolicyStatement } from './policy-statement.js';
import { identityPolicies } from './policy-sources.js';

/**
 * Calls `judge` on each Allow statement of each identity policy of `resource`; the first non-empty
 * verdict per policy document is reported at that document's attribute (one finding per document).
 */
export function reportAllowStatements(
  resource: TfResource,
  ctx: TerraformRuleContext,
  judge: (statement: PolicyStatement) => string | undefined,
): void {
  for (const { document, attribute } of identityPolicies(resource, ctx)) {
    for (const statement of document.statements) {
      if (!isAllow(statement)) continue;
      const verdict = judge(statement);
      if (verdict) {
        ctx.report({ at: attribute, message: `${describePolicyHolder(resource)}${whichStatement(statement)} ${verdict}` });
        break;
      }
    }
  }
}

export function describePolicyHolder(resource: TfResource): string {
  if (resource.type === 'aws_iam_role') return `An inline policy of IAM role ${resource.address}`;
  return `IAM policy ${resource.address}`;
}

/** ` (statement "Sid")` for a statement with a sid, to follow the policy holder in a message; empty otherwise. */
export function whichStatement(statement: PolicyStatement): string {
  return statement.sid ? ` (statement "${statement.sid}")` : '';
}

/** `["a", "b", "c", "d"]` → `a, b, c and 1 more` */
export function listForMessage(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).map((i) => `\`${i}\``);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
