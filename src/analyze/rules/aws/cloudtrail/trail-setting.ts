// The trail-setting rules: one attribute of `aws_cloudtrail` must be true, or must be set. Each rule file
// states its metadata, the attribute, what its absence means, and its examples.
import type { Rule, RuleExamples, RuleMeta, TerraformRuleContext } from '../../../rule.js';
import type { RuleFix } from '../../../fix.js';
import { fixSetting } from '../../../fix-helpers.js';
import { defineRule } from '../../../rule.js';
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

/** A trail with only its required arguments: every setting judged by these rules is left at its default. */
export const DEFAULT_TRAIL = `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail-logs"
}
`;

export interface TrailSettingRule extends Omit<RuleMeta, 'provider' | 'service'> {
  setting: string;
  require: typeof requireTrue | typeof requireSet;
  /** What goes wrong while the setting is missing, for the finding's message ("so …"). */
  consequence: string;
  /** Default for `requireTrue` settings: set it to true. */
  fix?: RuleFix;
  noFix?: string;
  examples: RuleExamples;
}

export function defineTrailSettingRule(spec: TrailSettingRule): Rule {
  const { setting, require, consequence } = spec;
  return defineRule({
    meta: {
      id: spec.id,
      title: spec.title,
      problem: spec.problem,
      severity: spec.severity,
      stride: spec.stride,
      cwe: spec.cwe,
      compliance: spec.compliance,
      description: spec.description,
      remediation: spec.remediation,
      provider: 'aws',
      service: 'cloudtrail',
      peers: spec.peers,
      ...(spec.uses ? { uses: spec.uses } : {}),
      links: spec.links,
    },
    ...(spec.noFix ? { noFix: spec.noFix } : { fix: spec.fix ?? { terraform: fixSetting(setting, 'true') } }),
    terraform: {
      resourceTypes: ['aws_cloudtrail'],
      check(trail, ctx) {
        require(trail, ctx, setting, consequence);
      },
    },
    examples: { terraform: spec.examples },
  });
}
