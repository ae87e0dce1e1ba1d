import { defineRule } from '../../../rule.js';
import { fixSetting } from '../../../fix-helpers.js';
import { attr, isFalse, isTrue, isUnknown, value } from '../../../../evaluate/terraform/view.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-KMS-001',
    title: 'KMS keys rotate their key material automatically',
    problem: 'KMS key rotation disabled',
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-324'],
    compliance: [
      { framework: 'CIS-AWS', control: '3.6' },
      { framework: 'PCI-DSS', control: '3.7.4' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'NIST-800-53', control: 'SC-12' },
      { framework: 'ISO27001', control: 'A.8.24' },
    ],
    description:
      'Automatic rotation gives a symmetric KMS key new key material every year (or on the period you set) while old ' +
      'ciphertext stays decryptable. It limits how much data any one key version protects and satisfies cryptoperiod ' +
      'requirements without application changes. AWS only supports automatic rotation for symmetric encryption keys held in ' +
      'KMS itself, so asymmetric, HMAC and custom-key-store keys, and disabled keys, are not reported.',
    remediation: 'Set `enable_key_rotation = true` (optionally `rotation_period_in_days`, 90-2560).',
    provider: 'aws',
    service: 'kms',
    peers: { checkov: ['CKV_AWS_7'], trivy: ['AVD-AWS-0065'], kics: ['22fbfeac-7b5a-421a-8a27-7a2178bb910b'] },
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key#enable_key_rotation',
      'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
    ],
  },
  terraform: {
    resourceTypes: ['aws_kms_key'],
    check(resource, ctx) {
      if (!rotationSupported(resource.body)) return;
      const rotation = attr(resource.body, 'enable_key_rotation');
      if (rotation && (isTrue(rotation.value) || isUnknown(rotation.value))) return;
      ctx.report({
        at: rotation,
        message: rotation
          ? `KMS key ${resource.address} sets enable_key_rotation = ${String(rotation.value)}.`
          : `KMS key ${resource.address} does not enable automatic key rotation (enable_key_rotation is not set).`,
      });
    },
  },
  fix: { terraform: fixSetting('enable_key_rotation', 'true') },
  examples: {
    terraform: {
      good: [
        `resource "aws_kms_key" "data" {
  description             = "Application data"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  rotation_period_in_days = 180
}
`,
        `resource "aws_kms_key" "signing" {
  description              = "Release signing"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_kms_key" "data" {
  description             = "Application data"
  deletion_window_in_days = 30
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_kms_key" "data" {
  description             = "Application data"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}
`,
        },
        {
          code: `resource "aws_kms_key" "logs" {
  description         = "Log archive"
  enable_key_rotation = false
}
`,
          errors: [{ line: 3 }],
          output: `resource "aws_kms_key" "logs" {
  description         = "Log archive"
  enable_key_rotation = true
}
`,
        },
      ],
    },
  },
});

/** Rotation only exists for enabled, symmetric encryption keys whose material KMS holds. */
function rotationSupported(body: Parameters<typeof value>[0]): boolean {
  const usage = value(body, 'key_usage');
  const spec = value(body, 'customer_master_key_spec') ?? value(body, 'key_spec');
  if (typeof usage === 'string' && usage !== 'ENCRYPT_DECRYPT') return false;
  if (typeof spec === 'string' && spec !== 'SYMMETRIC_DEFAULT') return false;
  if (isUnknown(usage) || isUnknown(spec)) return false;
  const store = value(body, 'custom_key_store_id');
  if (store !== undefined && store !== null) return false;
  if (isFalse(value(body, 'is_enabled'))) return false;
  return true;
}
