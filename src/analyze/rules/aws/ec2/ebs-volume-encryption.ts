import { defineRule } from '../../../rule.js';
import { encryptDevice } from './device-fix.js';
import { attr, isFalse, isTrue, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import { ebsEncryptedByDefault } from './account-defaults.js';
import { EBS_ENCRYPTION_AT_REST } from './ebs-encryption.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-EC2-004',
    title: 'EBS volumes are encrypted',
    problem: 'EBS volume not encrypted',
    ...EBS_ENCRYPTION_AT_REST,
    description:
      'An unencrypted EBS volume stores data, and every snapshot taken of it, in the clear: a snapshot shared by mistake or ' +
      'copied out of the account exposes everything on it. Encryption is transparent to the instance and has no performance ' +
      'cost on current instance types. A volume restored from a snapshot inherits the snapshot\'s encryption, and ' +
      '`aws_ebs_encryption_by_default` in the same configuration encrypts every new volume; both count.',
    remediation: 'Set `encrypted = true` (optionally with `kms_key_id`), or enable `aws_ebs_encryption_by_default` for the account and region.',
    provider: 'aws',
    service: 'ec2',
    peers: { checkov: ['CKV_AWS_3'], trivy: ['AVD-AWS-0026'], kics: ['cc997676-481b-4e93-aa81-d19f8c5e9b12'] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume#encrypted'],
  },
  terraform: {
    resourceTypes: ['aws_ebs_volume'],
    check(resource, ctx) {
      const encrypted = attr(resource.body, 'encrypted');
      if (encrypted && (isTrue(encrypted.value) || isUnknown(encrypted.value))) return;
      if (ebsEncryptedByDefault(ctx)) return;
      if (!encrypted || !isFalse(encrypted.value)) {
        // AWS only accepts a KMS key for encrypted volumes, and a snapshot's encryption carries over.
        const kmsKey = value(resource.body, 'kms_key_id');
        const snapshot = value(resource.body, 'snapshot_id');
        if ((kmsKey !== undefined && kmsKey !== null) || (snapshot !== undefined && snapshot !== null)) return;
      }
      ctx.report({
        at: encrypted,
        message: encrypted
          ? `EBS volume ${resource.address} sets encrypted = false.`
          : `EBS volume ${resource.address} is not encrypted (encrypted is not set and EBS encryption by default is not enabled).`,
      });
    },
  },
  fix: { terraform: (ctx) => encryptDevice(ctx, 'root_block_device') },
  examples: {
    terraform: {
      good: [
        `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}
`,
        `resource "aws_ebs_encryption_by_default" "on" {}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "us-east-1a"
  size              = 20
}
`,
      ],
      bad: [
        {
          code: `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = false
}
`,
          errors: [{ line: 4 }],
          output: `# NEEDS YOUR INPUT: this device is written unencrypted; encrypting replaces the volume: set encrypted = true once its data can move, or record why it stays unencrypted
resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = false
}
`,
        },
        {
          code: `resource "aws_ebs_volume" "logs" {
  availability_zone = "us-east-1a"
  size              = 50
  type              = "gp3"
}
`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: encrypting an existing volume replaces it and its data: for a new volume set encrypted = true; for one in use, copy an encrypted snapshot first
resource "aws_ebs_volume" "logs" {
  availability_zone = "us-east-1a"
  size              = 50
  type              = "gp3"
}
`,
        },
      ],
    },
  },
});
