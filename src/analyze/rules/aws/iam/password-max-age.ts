import { PASSWORD_POLICY_COMPLIANCE, definePasswordSettingRule, requiredNumber } from './password-policy.js';

export default definePasswordSettingRule({
  id: 'BW-AWS-IAM-012',
  title: 'IAM password policy expires passwords within 90 days',
  problem: 'IAM passwords do not expire within 90 days',
  severity: 'low',
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.9' },
    ...PASSWORD_POLICY_COMPLIANCE,
  ],
  description:
    'A password that never expires stays useful to whoever stole it. PCI DSS asks for a change at least every 90 days where a password is the only factor; with MFA enforced this matters less, hence the low severity.',
  remediation: 'Set `max_password_age` between 1 and 90 on `aws_iam_account_password_policy`, and enforce MFA for console users.',
  peers: { checkov: ['CKV_AWS_9'], trivy: ['AVD-AWS-0062'], kics: [] },
  setting: 'max_password_age',
  check: requiredNumber((n) => n >= 1 && n <= 90, 'passwords may stay valid for longer than 90 days', 'AWS default: passwords never expire'),
  weakValue: '365',
  safeValue: '90',
});
