import { defineRule } from '../../../rule.js';
import { PASSWORD_POLICY_LINK, checkNumber } from './password-policy.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-006',
    title: 'IAM password policy requires at least 14 characters',
    severity: 'medium',
    stride: 'spoofing',
    cwe: ['CWE-521'],
    compliance: [
      { framework: 'CIS-AWS', control: '1.8' },
      { framework: 'PCI-DSS', control: '8.3.6' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'HIPAA', control: '164.308(a)(5)(ii)(D)' },
      { framework: 'ISO27001', control: 'A.5.17' },
      { framework: 'NIST-800-53', control: 'IA-5(1)' },
    ],
    description:
      'Short passwords fall quickly to guessing and offline cracking. CIS and most baselines ask for at least 14 characters for IAM users who sign in to the console.',
    remediation: 'Set `minimum_password_length = 14` (or more) on `aws_iam_account_password_policy`.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_10'], trivy: ['AVD-AWS-0063'], kics: ['1bc1c685-e593-450e-88fb-19db4c82aa1d'] },
    links: [PASSWORD_POLICY_LINK],
  },
  terraform: {
    resourceTypes: ['aws_iam_account_password_policy'],
    check(resource, ctx) {
      checkNumber(resource, ctx, 'minimum_password_length', (n) => n >= 14, () => 'passwords shorter than 14 characters are allowed', 'the API default is 6 characters');
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
        `variable "minimum_password_length" {}

# A value supplied at plan time is not judged.
resource "aws_iam_account_password_policy" "from_input" {
  minimum_password_length = var.minimum_password_length
}
`,
      ],
      bad: [
        `resource "aws_iam_account_password_policy" "weak" {
  minimum_password_length = 8
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
