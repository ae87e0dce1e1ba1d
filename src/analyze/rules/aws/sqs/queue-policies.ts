// Queue policies live inline (`aws_sqs_queue.policy`) or in `aws_sqs_queue_policy.policy`.

import type { TerraformRuleContext } from '../../../rule.js';
import type { TfResource } from '../../../../evaluate/terraform/view.js';
import { attr } from '../../../../evaluate/terraform/view.js';
import { isAllow } from '../iam/policy-match.js';
import { readPolicyAttribute, type PolicyStatement } from '../iam/policy-document.js';
import { whichStatement } from '../iam/statements.js';

export const QUEUE_POLICY_TYPES = ['aws_sqs_queue', 'aws_sqs_queue_policy'] as const;

/** Reports the first Allow statement of the resource's queue policy for which `judge` returns a verdict. */
export function reportQueuePolicy(resource: TfResource, ctx: TerraformRuleContext, judge: (s: PolicyStatement) => string | undefined): void {
  const policy = attr(resource.body, 'policy');
  const document = readPolicyAttribute(policy, ctx);
  if (!document) return;
  for (const statement of document.statements) {
    if (!isAllow(statement)) continue;
    const verdict = judge(statement);
    if (!verdict) continue;
    const holder = resource.type === 'aws_sqs_queue' ? `SQS queue ${resource.address}` : `SQS queue policy ${resource.address}`;
    ctx.report({ at: policy, message: `${holder}${whichStatement(statement)} ${verdict}` });
    return;
  }
}
