import { defineRule } from '../../../rule.js';
import { PASSWORD_POLICY_LINK, checkNumber } from './password-policy.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-012',
    title: 'IAM password policy expires passwords within 90 days',
    severity: 'low',
    stride: 'spoofing',
    cwe: ['CWE-521'],
    compliance: [
      { framework: 'PCI-DSS', control: '8.3.9' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'HIPAA', control: '164.308(a)(5)(ii)(D)' },
      { framework: 'ISO27001', control: 'A.5.17' },
      { framework: 'NIST-800-53', control: 'IA-5(1)' },
    ],
    description:
      'A password that never expires stays useful to whoever stole it. PCI DSS asks for a change at least every 90 days where a password is the only factor; with MFA enforced this matters less, hence the low severity.',
    remediation: 'Set `max_password_age` between 1 and 90 on `aws_iam_account_password_policy`, and enforce MFA for console users.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_9'], trivy: ['AVD-AWS-0062'], kics: [] },
    links: [PASSWORD_POLICY_LINK],
  },
  terraform: {
    resourceTypes: ['aws_iam_account_password_policy'],
    check(resource, ctx) {
      checkNumber(resource, ctx, 'max_password_age', (n) => n >= 1 && n <= 90, () => 'passwords may stay valid for longer than 90 days', 'AWS default: passwords never expire');
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
        `variable "max_password_age" {}

# A value supplied at plan time is not judged.
resource "aws_iam_account_password_policy" "from_input" {
  max_password_age = var.max_password_age
}
`,
      ],
      bad: [
        `resource "aws_iam_account_password_policy" "weak" {
  max_password_age = 365
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
