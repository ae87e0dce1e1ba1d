import { defineRule } from '../../../rule.js';
import { PASSWORD_POLICY_LINK, checkRequiredFlag } from './password-policy.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-009',
    title: 'IAM password policy requires a number',
    severity: 'medium',
    stride: 'spoofing',
    cwe: ['CWE-521'],
    compliance: [
      { framework: 'PCI-DSS', control: '8.3.6' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'HIPAA', control: '164.308(a)(5)(ii)(D)' },
      { framework: 'ISO27001', control: 'A.5.17' },
      { framework: 'NIST-800-53', control: 'IA-5(1)' },
    ],
    description:
      'Requiring several character classes enlarges the search space of a password and blocks the weakest choices; PCI DSS asks for both letters and numbers.',
    remediation: 'Set `require_numbers = true` on `aws_iam_account_password_policy`.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_12'], trivy: ['AVD-AWS-0059'], kics: [] },
    links: [PASSWORD_POLICY_LINK],
  },
  terraform: {
    resourceTypes: ['aws_iam_account_password_policy'],
    check(resource, ctx) {
      checkRequiredFlag(resource, ctx, 'require_numbers', 'a number');
    },
  },
  examples: {
    terraform: {
      good: [
        `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 16
  password_reuse_prevention      = 24
  max_password_age               = 90
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}
`,
        `variable "require_numbers" {}

# A value supplied at plan time is not judged.
resource "aws_iam_account_password_policy" "from_input" {
  require_numbers = var.require_numbers
}
`,
      ],
      bad: [
        `resource "aws_iam_account_password_policy" "weak" {
  require_numbers = false
}
`,
        `resource "aws_iam_account_password_policy" "partial" {
  allow_users_to_change_password = true
}
`,
      ],
    },
  },
});
