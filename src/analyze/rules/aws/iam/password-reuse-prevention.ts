import { PASSWORD_POLICY_COMPLIANCE, definePasswordSettingRule, requiredNumber } from './password-policy.js';

export default definePasswordSettingRule({
  id: 'BW-AWS-IAM-007',
  title: 'IAM password policy prevents reuse of the last 5 or more passwords',
  problem: 'IAM password policy allows password reuse',
  severity: 'medium',
  compliance: [
    { framework: 'CIS-AWS', control: '1.9' },
    { framework: 'PCI-DSS', control: '8.3.7' },
    ...PASSWORD_POLICY_COMPLIANCE,
  ],
  description:
    'Without reuse prevention a user forced to change a leaked password can change it straight back. Remembering at least the last 5 passwords (CIS recommends 24) makes rotation meaningful.',
  remediation: 'Set `password_reuse_prevention` to at least 5 (24 to meet CIS) on `aws_iam_account_password_policy`.',
  peers: { checkov: ['CKV_AWS_13'], trivy: ['AVD-AWS-0056'], kics: ['89806cdc-9c2e-4bd1-a0dc-53f339bcfb2a'] },
  setting: 'password_reuse_prevention',
  check: requiredNumber((n) => n >= 5, 'users may cycle back to a recent password', 'AWS default: passwords may be reused'),
  weakValue: '2',
  safeValue: '24',
});
