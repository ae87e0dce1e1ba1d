import { defineRule } from '../../../rule.js';
import { encryptDevice } from './device-fix.js';
import { ebsEncryptedByDefault } from './account-defaults.js';
import { EBS_ENCRYPTION_AT_REST } from './ebs-encryption.js';
import { describeDevice, unencryptedInstanceDevices } from './block-devices.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-EC2-003',
    title: 'EC2 instances encrypt their root and EBS block devices',
    problem: 'EC2 instance block device not encrypted',
    ...EBS_ENCRYPTION_AT_REST,
    description:
      'Unencrypted volumes, and every snapshot and AMI made from them, can be read by anyone who gets hold of a copy: a ' +
      'snapshot shared by mistake, a stolen backup, or a decommissioned disk. EBS encryption is transparent to the instance ' +
      'and costs nothing. A root device that is not declared is created from the AMI unencrypted unless the AMI\'s snapshot ' +
      'is encrypted. `aws_ebs_encryption_by_default` in the same configuration makes every new volume encrypted, and counts.',
    remediation:
      'Set `encrypted = true` in `root_block_device` and every `ebs_block_device` (optionally with `kms_key_id`), or enable ' +
      '`aws_ebs_encryption_by_default` for the account and region.',
    provider: 'aws',
    service: 'ec2',
    peers: { checkov: ['CKV_AWS_8'], trivy: ['AVD-AWS-0131'], kics: [] },
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#ebs-ephemeral-and-root-block-devices',
      'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
    ],
  },
  terraform: {
    resourceTypes: ['aws_instance'],
    check(resource, ctx) {
      if (ebsEncryptedByDefault(ctx)) return;
      for (const device of unencryptedInstanceDevices(resource.body)) {
        ctx.report({ at: device.at, message: `EC2 instance ${resource.address}: ${describeDevice(device)}.` });
      }
    },
  },
  fix: { terraform: (ctx) => encryptDevice(ctx, 'root_block_device') },
  examples: {
    terraform: {
      good: [
        `resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted   = true
    volume_size = 20
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = true
    kms_key_id  = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}
`,
        `resource "aws_ebs_encryption_by_default" "on" {
  enabled = true
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = false
  }
}
`,
          errors: [{ line: 6 }],
          output: `resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  # NEEDS YOUR INPUT: this device is written unencrypted; encrypting replaces the volume: set encrypted = true once its data can move, or record why it stays unencrypted
  root_block_device {
    encrypted = false
  }
}
`,
        },
        {
          code: `resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t2.micro"
  monitoring    = true
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t2.micro"
  monitoring    = true

  root_block_device {
    encrypted = true
  }
}
`,
        },
        {
          code: `resource "aws_instance" "data" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "r6i.large"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdh"
    volume_size = 500
  }
}
`,
          errors: [{ line: 9 }],
          output: `resource "aws_instance" "data" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "r6i.large"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdh"
    volume_size = 500
    encrypted   = true
  }
}
`,
        },
      ],
    },
  },
});
