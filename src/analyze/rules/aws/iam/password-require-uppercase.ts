import { PASSWORD_POLICY_COMPLIANCE, definePasswordSettingRule, requiredFlag } from './password-policy.js';

export default definePasswordSettingRule({
  id: 'BW-AWS-IAM-011',
  title: 'IAM password policy requires an uppercase letter',
  problem: 'IAM password policy does not require an uppercase letter',
  severity: 'medium',
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.6' },
    ...PASSWORD_POLICY_COMPLIANCE,
  ],
  description:
    'Requiring several character classes enlarges the search space of a password and blocks the weakest choices.',
  remediation: 'Set `require_uppercase_characters = true` on `aws_iam_account_password_policy`.',
  peers: { checkov: ['CKV_AWS_15'], trivy: ['AVD-AWS-0061'], kics: ['c5ff7bc9-d8ea-46dd-81cb-8286f3222249'] },
  setting: 'require_uppercase_characters',
  check: requiredFlag('an uppercase letter'),
  weakValue: 'false',
  safeValue: 'true',
});
