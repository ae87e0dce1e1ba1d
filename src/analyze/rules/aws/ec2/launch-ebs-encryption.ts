import { defineRule } from '../../../rule.js';
import { encryptDevice } from './device-fix.js';
import { ebsEncryptedByDefault } from './account-defaults.js';
import { EBS_ENCRYPTION_AT_REST } from './ebs-encryption.js';
import { describeDevice, unencryptedInstanceDevices, unencryptedTemplateDevices } from './block-devices.js';
import { LAUNCHER_KIND } from './launchers.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-EC2-006',
    title: 'Launch configurations and launch templates encrypt their EBS block devices',
    problem: 'Launch configuration or template with unencrypted block device',
    ...EBS_ENCRYPTION_AT_REST,
    description:
      'Every instance an Auto Scaling group launches inherits the block device settings of its launch configuration or ' +
      'template, so one unencrypted device definition multiplies into a fleet of unencrypted volumes and snapshots. ' +
      'A launch configuration without `root_block_device` gets the AMI\'s unencrypted root; a launch template mapping ' +
      'without `encrypted = true` likewise. `aws_ebs_encryption_by_default` in the same configuration counts.',
    remediation:
      'Set `encrypted = true` on `root_block_device`/`ebs_block_device` (launch configurations) or on ' +
      '`block_device_mappings { ebs { … } }` (launch templates), or enable `aws_ebs_encryption_by_default`.',
    provider: 'aws',
    service: 'ec2',
    peers: { checkov: ['CKV_AWS_8'], trivy: ['AVD-AWS-0008'], kics: ['4de9de27-254e-424f-bd70-4c1e95790838'] },
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_configuration#block-devices',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#ebs',
    ],
  },
  terraform: {
    resourceTypes: ['aws_launch_configuration', 'aws_launch_template'],
    check(resource, ctx) {
      if (ebsEncryptedByDefault(ctx)) return;
      const template = resource.type === 'aws_launch_template';
      const devices = template ? unencryptedTemplateDevices(resource.body) : unencryptedInstanceDevices(resource.body);
      for (const device of devices) ctx.report({ at: device.at, message: `${LAUNCHER_KIND[resource.type]} ${resource.address}: ${describeDevice(device)}.` });
    },
  },
  fix: { terraform: (ctx) => encryptDevice(ctx, 'root_block_device') },
  examples: {
    terraform: {
      good: [
        `resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted   = true
    volume_size = 30
  }
}
`,
        `resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 50
      encrypted   = "true"
    }
  }
}
`,
      ],
      bad: [
        {
          code: `resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = false
  }
}
`,
          errors: [{ line: 7 }],
          output: `resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  # NEEDS YOUR INPUT: this device is written unencrypted; encrypting replaces the volume: set encrypted = true once its data can move, or record why it stays unencrypted
  root_block_device {
    encrypted = false
  }
}
`,
        },
        {
          code: `resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  block_device_mappings {
    device_name = "/dev/sdf"
    ebs {
      volume_size = 200
    }
  }
}
`,
          errors: [{ line: 6 }],
          output: `resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  block_device_mappings {
    device_name = "/dev/sdf"
    ebs {
      volume_size = 200
      encrypted   = true
    }
  }
}
`,
        },
      ],
    },
  },
});
