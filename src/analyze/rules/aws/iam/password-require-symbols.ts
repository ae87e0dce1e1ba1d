import { PASSWORD_POLICY_COMPLIANCE, definePasswordSettingRule, requiredFlag } from './password-policy.js';

export default definePasswordSettingRule({
  id: 'BW-AWS-IAM-010',
  title: 'IAM password policy requires a symbol',
  problem: 'IAM password policy does not require a symbol',
  severity: 'medium',
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.6' },
    ...PASSWORD_POLICY_COMPLIANCE,
  ],
  description:
    'Requiring several character classes enlarges the search space of a password and blocks the weakest choices.',
  remediation: 'Set `require_symbols = true` on `aws_iam_account_password_policy`.',
  peers: { checkov: ['CKV_AWS_14'], trivy: ['AVD-AWS-0060'], kics: ['7a70eed6-de3a-4da2-94da-a2bbc8fe2a48'] },
  setting: 'require_symbols',
  check: requiredFlag('a symbol'),
  weakValue: 'false',
  safeValue: 'true',
});
