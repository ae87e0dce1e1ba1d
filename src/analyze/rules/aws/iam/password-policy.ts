// The account password-policy rules: each judges one setting of `aws_iam_account_password_policy`.
// A setting that is absent takes the AWS default (which is the weak value for every setting these rules
// judge); an unknown value is not judged. Each rule file states only what differs: its setting, how it is
// judged, its metadata and the weak value its example uses.

import type { ComplianceRef, PeerIds, Rule, TerraformRuleContext } from '../../../rule.js';
import { defineRule } from '../../../rule.js';
import { fixSetting } from '../../../fix-helpers.js';
import type { Severity } from '../../../../core/types.js';
import type { TfResource, Value } from '../../../../evaluate/terraform/view.js';
import { asNumber, attr, isTrue, isUnknown } from '../../../../evaluate/terraform/view.js';

const PASSWORD_POLICY = 'aws_iam_account_password_policy';

const PASSWORD_POLICY_LINK = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy';

/** Controls every password-policy rule maps to, after its own more specific ones. */
export const PASSWORD_POLICY_COMPLIANCE: readonly ComplianceRef[] = [
  { framework: 'SOC2', control: 'CC6.1' },
  { framework: 'HIPAA', control: '164.308(a)(5)(ii)(D)' },
  { framework: 'ISO27001', control: 'A.5.17' },
  { framework: 'NIST-800-53', control: 'IA-5(1)' },
];

/** Judges one setting of a password policy and reports when it is weak. */
export type PasswordSettingCheck = (policy: TfResource, ctx: TerraformRuleContext, name: string) => void;

/** A boolean requirement (e.g. `require_symbols`) that must be true; `what` is what passwords then must contain. */
export function requiredFlag(what: string): PasswordSettingCheck {
  return (policy, ctx, name) => {
    const a = attr(policy.body, name);
    if (a && (isTrue(a.value) || isUnknown(a.value))) return;
    const state = a ? `sets \`${name} = ${show(a.value)}\`` : `does not set \`${name}\` (AWS default: false)`;
    ctx.report({ at: a, message: `Password policy ${policy.address} ${state}, so passwords need not contain ${what}.` });
  };
}

/**
 * A numeric setting that must pass `ok`; `weakness` says what a failing value allows, `absent` the effect of
 * leaving it unset. Non-numeric known values are reported too (the provider would reject them anyway).
 */
export function requiredNumber(ok: (n: number) => boolean, weakness: string, absent: string): PasswordSettingCheck {
  return (policy, ctx, name) => {
    const a = attr(policy.body, name);
    if (!a) {
      ctx.report({ message: `Password policy ${policy.address} does not set \`${name}\` (${absent}).` });
      return;
    }
    if (isUnknown(a.value)) return;
    const n = asNumber(a.value);
    if (n !== undefined && ok(n)) return;
    ctx.report({ at: a, message: `Password policy ${policy.address} sets \`${name} = ${show(a.value)}\`: ${weakness}.` });
  };
}

export interface PasswordSettingRule {
  id: string;
  title: string;
  problem: string;
  severity: Severity;
  compliance: ComplianceRef[];
  description: string;
  remediation: string;
  peers: PeerIds;
  /** The attribute of `aws_iam_account_password_policy` this rule judges. */
  setting: string;
  check: PasswordSettingCheck;
  /** The weak value the rule's bad example sets, as HCL (e.g. `false`, `8`). */
  weakValue: string;
  /** The value its fix writes, as HCL (e.g. `true`, `14`). */
  safeValue: string;
}

export function definePasswordSettingRule(spec: PasswordSettingRule): Rule {
  const { setting, check } = spec;
  return defineRule({
    meta: {
      id: spec.id,
      title: spec.title,
      problem: spec.problem,
      severity: spec.severity,
      stride: 'spoofing',
      cwe: ['CWE-521'],
      compliance: spec.compliance,
      description: spec.description,
      remediation: spec.remediation,
      provider: 'aws',
      service: 'iam',
      peers: spec.peers,
      links: [PASSWORD_POLICY_LINK],
    },
    fix: { terraform: fixSetting(setting, spec.safeValue) },
    terraform: {
      resourceTypes: [PASSWORD_POLICY],
      check(resource, ctx) {
        check(resource, ctx, setting);
      },
    },
    examples: {
      terraform: {
        good: [STRICT_POLICY, valueFromInput(setting)],
        bad: [
          {
            code: `resource "aws_iam_account_password_policy" "weak" {
  ${setting} = ${spec.weakValue}
}
`,
            errors: [{ line: 2 }],
            output: `resource "aws_iam_account_password_policy" "weak" {
  ${setting} = ${spec.safeValue}
}
`,
          },
          {
            code: PARTIAL_POLICY,
            errors: [{ line: 1 }],
            // Added after the one setting, its \`=\` aligned with it as \`terraform fmt\` aligns them.
            output: PARTIAL_POLICY.replace('}\n', `  ${setting.padEnd('allow_users_to_change_password'.length)} = ${spec.safeValue}\n}\n`),
          },
        ],
      },
    },
  });
}

// --- examples shared by every password-policy rule -------------------------------------------------

const STRICT_POLICY = `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 16
  password_reuse_prevention      = 24
  max_password_age               = 90
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}
`;

// A policy that leaves the judged setting to its (weak) default.
const PARTIAL_POLICY = `resource "aws_iam_account_password_policy" "partial" {
  allow_users_to_change_password = true
}
`;

function valueFromInput(setting: string): string {
  return `variable "${setting}" {}

# A value supplied at plan time is not judged.
resource "aws_iam_account_password_policy" "from_input" {
  ${setting} = var.${setting}
}
`;
}

function show(v: Value): string {
  return JSON.stringify(v) ?? String(v);
}
