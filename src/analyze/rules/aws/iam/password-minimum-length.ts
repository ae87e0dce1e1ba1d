import { PASSWORD_POLICY_COMPLIANCE, definePasswordSettingRule, requiredNumber } from './password-policy.js';

export default definePasswordSettingRule({
  id: 'BW-AWS-IAM-006',
  title: 'IAM password policy requires at least 14 characters',
  problem: 'IAM password policy allows short passwords',
  severity: 'medium',
  compliance: [
    { framework: 'CIS-AWS', control: '1.8' },
    { framework: 'PCI-DSS', control: '8.3.6' },
    ...PASSWORD_POLICY_COMPLIANCE,
  ],
  description:
    'Short passwords fall quickly to guessing and offline cracking. CIS and most baselines ask for at least 14 characters for IAM users who sign in to the console.',
  remediation: 'Set `minimum_password_length = 14` (or more) on `aws_iam_account_password_policy`.',
  peers: { checkov: ['CKV_AWS_10'], trivy: ['AVD-AWS-0063'], kics: ['1bc1c685-e593-450e-88fb-19db4c82aa1d'] },
  setting: 'minimum_password_length',
  check: requiredNumber((n) => n >= 14, 'passwords shorter than 14 characters are allowed', 'the API default is 6 characters'),
  weakValue: '8',
  safeValue: '14',
});
