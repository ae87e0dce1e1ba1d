import { defineRule } from '../../../rule.js';
import { isUnknown } from '../../../../evaluate/terraform/view.js';
import { knownStrings } from './policy-match.js';
import { IDENTITY_POLICY_TYPES } from './policy-sources.js';
import { listForMessage, reportAllowStatements } from './statements.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-004',
    title: 'IAM policies do not combine Allow with NotAction',
    problem: 'IAM policy allows NotAction',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269', 'CWE-732'],
    compliance: [
      { framework: 'PCI-DSS', control: '7.2.2' },
      { framework: 'SOC2', control: 'CC6.3' },
      { framework: 'ISO27001', control: 'A.8.2' },
      { framework: 'NIST-800-53', control: 'AC-6' },
    ],
    description:
      '`"Effect": "Allow"` with `NotAction` allows every action except the listed ones, including every action of every service ' +
      'AWS adds later. It usually grants near-administrator access by accident (e.g. "everything but IAM" still allows ' +
      'reading all data and deleting all resources).',
    remediation:
      'Use `Action` with the explicit list of allowed actions. Keep `NotAction` for `Deny` statements (such as "deny everything ' +
      'except MFA set-up until MFA is present").',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: [], trivy: [], kics: [] },
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html'],
  },
  terraform: {
    resourceTypes: Object.keys(IDENTITY_POLICY_TYPES),
    check(resource, ctx) {
      reportAllowStatements(resource, ctx, (s) => {
        if (s.notActions === undefined) return undefined;
        const except = isUnknown(s.notActions) ? [] : knownStrings(s.notActions);
        return except.length
          ? `allows every action except ${listForMessage(except)} (Allow with \`NotAction\`).`
          : 'allows every action except a computed list (Allow with `NotAction`).';
      });
    },
  },
  noFix:
    'Rewriting NotAction as an explicit action list needs to know which actions the principal really uses (IAM Access Analyzer can generate it).',
  examples: {
    terraform: {
      good: [
        `# NotAction in a Deny statement is the standard MFA guard.
data "aws_iam_policy_document" "require_mfa" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "sts:GetSessionToken"]
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
`,
      ],
      bad: [
        {
          code: `resource "aws_iam_policy" "power" {
  name = "power-user"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      NotAction = ["iam:*", "organizations:*"]
      Resource  = "*"
    }]
  })
}
`,
          errors: [{ line: 3 }],
        },
      ],
    },
  },
});
