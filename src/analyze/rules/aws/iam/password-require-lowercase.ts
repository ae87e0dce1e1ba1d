import { PASSWORD_POLICY_COMPLIANCE, definePasswordSettingRule, requiredFlag } from './password-policy.js';

export default definePasswordSettingRule({
  id: 'BW-AWS-IAM-008',
  title: 'IAM password policy requires a lowercase letter',
  problem: 'IAM password policy does not require a lowercase letter',
  severity: 'medium',
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.6' },
    ...PASSWORD_POLICY_COMPLIANCE,
  ],
  description:
    'Requiring several character classes enlarges the search space of a password and blocks the weakest choices.',
  remediation: 'Set `require_lowercase_characters = true` on `aws_iam_account_password_policy`.',
  peers: { checkov: ['CKV_AWS_11'], trivy: ['AVD-AWS-0058'], kics: ['bbc7c137-6c7b-4fc4-984a-0c88e91fcaf9'] },
  setting: 'require_lowercase_characters',
  check: requiredFlag('a lowercase letter'),
  weakValue: 'false',
  safeValue: 'true',
});
