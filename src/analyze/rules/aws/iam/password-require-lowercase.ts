import { defineRule } from '../../../rule.js';
import { PASSWORD_POLICY_LINK, checkRequiredFlag } from './password-policy.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-008',
    title: 'IAM password policy requires a lowercase letter',
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
      'Requiring several character classes enlarges the search space of a password and blocks the weakest choices.',
    remediation: 'Set `require_lowercase_characters = true` on `aws_iam_account_password_policy`.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_11'], trivy: ['AVD-AWS-0058'], kics: ['bbc7c137-6c7b-4fc4-984a-0c88e91fcaf9'] },
    links: [PASSWORD_POLICY_LINK],
  },
  terraform: {
    resourceTypes: ['aws_iam_account_password_policy'],
    check(resource, ctx) {
      checkRequiredFlag(resource, ctx, 'require_lowercase_characters', 'a lowercase letter');
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
        `variable "require_lowercase_characters" {}

# A value supplied at plan time is not judged.
resource "aws_iam_account_password_policy" "from_input" {
  require_lowercase_characters = var.require_lowercase_characters
}
`,
      ],
      bad: [
        `resource "aws_iam_account_password_policy" "weak" {
  require_lowercase_characters = false
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
