import { defineRule } from '../../../rule.js';
import { PASSWORD_POLICY_LINK, checkNumber } from './password-policy.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-007',
    title: 'IAM password policy prevents reuse of the last 5 or more passwords',
    severity: 'medium',
    stride: 'spoofing',
    cwe: ['CWE-521'],
    compliance: [
      { framework: 'CIS-AWS', control: '1.9' },
      { framework: 'PCI-DSS', control: '8.3.7' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'HIPAA', control: '164.308(a)(5)(ii)(D)' },
      { framework: 'ISO27001', control: 'A.5.17' },
      { framework: 'NIST-800-53', control: 'IA-5(1)' },
    ],
    description:
      'Without reuse prevention a user forced to change a leaked password can change it straight back. Remembering at least the last 5 passwords (CIS recommends 24) makes rotation meaningful.',
    remediation: 'Set `password_reuse_prevention` to at least 5 (24 to meet CIS) on `aws_iam_account_password_policy`.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_13'], trivy: ['AVD-AWS-0056'], kics: ['89806cdc-9c2e-4bd1-a0dc-53f339bcfb2a'] },
    links: [PASSWORD_POLICY_LINK],
  },
  terraform: {
    resourceTypes: ['aws_iam_account_password_policy'],
    check(resource, ctx) {
      checkNumber(resource, ctx, 'password_reuse_prevention', (n) => n >= 5, () => 'users may cycle back to a recent password', 'AWS default: passwords may be reused');
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
        `variable "password_reuse_prevention" {}

# A value supplied at plan time is not judged.
resource "aws_iam_account_password_policy" "from_input" {
  password_reuse_prevention = var.password_reuse_prevention
}
`,
      ],
      bad: [
        `resource "aws_iam_account_password_policy" "weak" {
  password_reuse_prevention = 2
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
