import { PASSWORD_POLICY_COMPLIANCE, definePasswordSettingRule, requiredFlag } from './password-policy.js';

export default definePasswordSettingRule({
  id: 'BW-AWS-IAM-009',
  title: 'IAM password policy requires a number',
  problem: 'IAM password policy does not require a number',
  severity: 'medium',
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.6' },
    ...PASSWORD_POLICY_COMPLIANCE,
  ],
  description:
    'Requiring several character classes enlarges the search space of a password and blocks the weakest choices; PCI DSS asks for both letters and numbers.',
  remediation: 'Set `require_numbers = true` on `aws_iam_account_password_policy`.',
  peers: { checkov: ['CKV_AWS_12'], trivy: ['AVD-AWS-0059'], kics: [] },
  setting: 'require_numbers',
  check: requiredFlag('a number'),
  weakValue: 'false',
  safeValue: 'true',
});
