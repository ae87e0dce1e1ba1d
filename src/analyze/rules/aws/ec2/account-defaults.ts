// Account/region-level EC2 settings declared in the same configuration. When present they change what an
// instance or volume gets by default, so rules consult them before flagging a missing per-resource setting.

import { isTrue, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import type { TerraformRuleContext } from '../../../rule.js';

/** `aws_ebs_encryption_by_default` is on (its `enabled` defaults to true; unknown counts as on). */
export function ebsEncryptedByDefault(ctx: TerraformRuleContext): boolean {
  return ctx.ofType('aws_ebs_encryption_by_default').some((r) => {
    const enabled = value(r.body, 'enabled');
    return enabled === undefined || isTrue(enabled) || isUnknown(enabled);
  });
}

/** `aws_ebs_default_kms_key` sets the customer managed key used when a volume names none. */
export function ebsDefaultKmsKeyConfigured(ctx: TerraformRuleContext): boolean {
  return ctx.ofType('aws_ebs_default_kms_key').length > 0;
}

/** `aws_ec2_instance_metadata_defaults` requires IMDSv2 (or disables the endpoint) for new instances. */
export function imdsV2RequiredByDefault(ctx: TerraformRuleContext): boolean {
  return ctx.ofType('aws_ec2_instance_metadata_defaults').some((r) => {
    const tokens = value(r.body, 'http_tokens');
    const endpoint = value(r.body, 'http_endpoint');
    return tokens === 'required' || isUnknown(tokens) || endpoint === 'disabled';
  });
}
