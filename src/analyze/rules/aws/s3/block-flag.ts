// Shared check behind the four Block Public Access flag rules: a bucket's public access block must set
// the flag, unless the account-level block already does (S3 applies the stricter of the two).

import type { TerraformRuleContext } from '../../../rule.js';
import { attr, isTrue, isUnknown, type TfResource } from '../../../../evaluate/terraform/view.js';
import { accountBlocks, type BlockFlag } from './public-access.js';

export function checkBlockFlag(block: TfResource, ctx: TerraformRuleContext, flag: BlockFlag, effect: string): void {
  const setting = attr(block.body, flag);
  if (setting && (isTrue(setting.value) || isUnknown(setting.value))) return;
  if (accountBlocks(ctx, flag) !== false) return;
  const bucket = attr(block.body, 'bucket');
  const target = bucket?.refs[0] ?? (typeof bucket?.value === 'string' ? `"${bucket.value}"` : 'its bucket');
  const state = setting ? `sets ${flag} = ${String(setting.value)}` : `leaves ${flag} unset (default false)`;
  ctx.report({ at: setting, message: `Public access block ${block.address} for ${target} ${state}, so ${effect}.` });
}
