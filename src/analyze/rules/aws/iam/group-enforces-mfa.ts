import { defineRule, type TerraformRuleContext } from '../../../rule.js';
import type { TfAttribute, TfResource } from '../../../../evaluate/terraform/view.js';
import { asString, attr, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import { readPolicyAttribute, type PolicyDocument } from './policy-document.js';
import { conditionKeys } from './policy-match.js';
import { awsManagedPolicyName } from './policy-sources.js';

const MFA_KEYS = new Set(['aws:multifactorauthpresent', 'aws:multifactorauthage']);

/** A group's policy documents; `undefined` entries are policies whose content cannot be known here. */
function groupPolicies(group: TfResource, ctx: TerraformRuleContext): (PolicyDocument | undefined)[] {
  const name = asString(value(group.body, 'name'));
  const names = name ? [name] : [];
  const docs: (PolicyDocument | undefined)[] = [];
  for (const p of ctx.referencing(group, 'aws_iam_group_policy', 'group', names)) docs.push(readPolicyAttribute(attr(p.body, 'policy'), ctx));
  for (const a of ctx.referencing(group, 'aws_iam_group_policy_attachment', 'group', names)) docs.push(managedPolicy(attr(a.body, 'policy_arn'), ctx));
  for (const a of ctx.ofType('aws_iam_policy_attachment')) {
    if (a.module !== group.module) continue;
    const groups = attr(a.body, 'groups');
    if (!groups) continue;
    const literal = Array.isArray(groups.value) && groups.value.some((g) => typeof g === 'string' && names.includes(g));
    if (literal || groups.refs.some((r) => r === group.address || r === group.baseAddress)) docs.push(managedPolicy(attr(a.body, 'policy_arn'), ctx));
  }
  return docs;
}

/** The document behind a `policy_arn`: an `aws_iam_policy` of this configuration, or nothing knowable. */
function managedPolicy(arn: TfAttribute | undefined, ctx: TerraformRuleContext): PolicyDocument | undefined {
  if (!arn) return undefined;
  const policy = ctx.ofType('aws_iam_policy').find((p) => arn.refs.some((r) => r === p.address || r === p.baseAddress));
  if (policy) return readPolicyAttribute(attr(policy.body, 'policy'), ctx);
  // AWS-managed policies are known not to require MFA; other literal ARNs live outside this configuration.
  const literal = isUnknown(arn.value) ? undefined : asString(arn.value);
  return literal && awsManagedPolicyName(literal) ? { statements: [], incomplete: false } : undefined;
}

function requiresMfa(doc: PolicyDocument): boolean {
  return doc.statements.some((s) => conditionKeys(s).some((k) => MFA_KEYS.has(k)));
}

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-015',
    title: 'IAM groups enforce multi-factor authentication',
    problem: 'IAM group without enforced MFA',
    severity: 'medium',
    stride: 'spoofing',
    cwe: ['CWE-308'],
    compliance: [
      { framework: 'CIS-AWS', control: '1.10' },
      { framework: 'PCI-DSS', control: '8.4.2' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'HIPAA', control: '164.312(d)' },
      { framework: 'ISO27001', control: 'A.8.5' },
      { framework: 'NIST-800-53', control: 'IA-2(1)' },
    ],
    description:
      'Members of a group whose policies never check `aws:MultiFactorAuthPresent` can use everything the group grants with a ' +
      'password or access key alone, so one phished password is enough. A group policy that denies (or only allows) actions ' +
      'depending on MFA makes the second factor mandatory.',
    remediation:
      'Attach a policy to the group that denies all actions except MFA self-management when `aws:MultiFactorAuthPresent` is ' +
      'false (condition `BoolIfExists`), or add an MFA condition to the group\'s Allow statements.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: [], trivy: ['AVD-AWS-0123'], kics: [] },
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_users-self-manage-mfa-and-creds.html'],
  },
  terraform: {
    resourceTypes: ['aws_iam_group'],
    check(group, ctx) {
      const docs = groupPolicies(group, ctx);
      if (docs.some((d) => d !== undefined && requiresMfa(d))) return;
      // A policy we cannot read (computed JSON, a customer policy defined elsewhere) may well enforce MFA.
      if (docs.some((d) => d === undefined || d.incomplete)) return;
      const detail = docs.length ? `none of its ${docs.length} polic${docs.length > 1 ? 'ies' : 'y'} checks` : 'no policy of it checks';
      ctx.report({ message: `IAM group ${group.address} does not enforce MFA: ${detail} \`aws:MultiFactorAuthPresent\`.` });
    },
  },
  noFix:
    'An MFA-enforcing policy locks out users without a device; who needs which exemption is a decision for the account owner.',
  examples: {
    terraform: {
      good: [
        `resource "aws_iam_group" "engineers" {
  name = "engineers"
}

data "aws_iam_policy_document" "require_mfa" {
  statement {
    sid         = "DenyWithoutMFA"
    effect      = "Deny"
    not_actions = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"]
    resources   = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_policy" "require_mfa" {
  name   = "require-mfa"
  policy = data.aws_iam_policy_document.require_mfa.json
}

resource "aws_iam_group_policy_attachment" "engineers_mfa" {
  group      = aws_iam_group.engineers.name
  policy_arn = aws_iam_policy.require_mfa.arn
}
`,
        `resource "aws_iam_group" "ops" {
  name = "ops"
}

resource "aws_iam_group_policy" "ops" {
  name  = "ops"
  group = aws_iam_group.ops.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["ec2:StartInstances", "ec2:StopInstances"]
      Resource  = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}
`,
        `# The attached policy is managed elsewhere: its content is unknown here.
resource "aws_iam_group" "finance" {
  name = "finance"
}

resource "aws_iam_group_policy_attachment" "finance" {
  group      = aws_iam_group.finance.name
  policy_arn = "arn:aws:iam::123456789012:policy/org-require-mfa"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_iam_group" "support" {
  name = "support"
}
`,
          errors: [{ line: 1 }],
        },
        {
          code: `resource "aws_iam_group" "readers" {
  name = "readers"
}

resource "aws_iam_group_policy_attachment" "readers" {
  group      = aws_iam_group.readers.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`,
          errors: [{ line: 1 }],
        },
      ],
    },
  },
});
