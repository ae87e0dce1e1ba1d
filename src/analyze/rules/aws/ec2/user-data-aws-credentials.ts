import { defineRule } from '../../../rule.js';
import { findAwsCredentials, reportUserDataSecrets, USER_DATA_TYPES } from './user-data.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-EC2-008',
    title: 'User data contains no AWS access keys',
    problem: 'AWS access key in user data',
    severity: 'critical',
    stride: 'information-disclosure',
    risk: 'credentials',
    cwe: ['CWE-798', 'CWE-312'],
    compliance: [
      { framework: 'PCI-DSS', control: '8.6.2' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'NIST-800-53', control: 'IA-5(7)' },
      { framework: 'ISO27001', control: 'A.5.17' },
      { framework: 'CIS-AWS', control: '1.18' },
    ],
    description:
      'User data is not secret: anyone who can describe the instance or launch template, and any process on the instance ' +
      'through the metadata service, can read it, and it sits in Terraform state and version control. Long-lived AWS access ' +
      'keys placed there are effectively published. Instances should get temporary credentials from an instance profile instead. ' +
      'Plain, base64 and gzip+base64 user data are all read; found keys are shown masked.',
    remediation:
      'Remove the keys from user data and rotate (deactivate) them now; attach an IAM role through `iam_instance_profile` ' +
      'and let the SDKs pick up its temporary credentials.',
    provider: 'aws',
    service: 'ec2',
    peers: {
      checkov: ['CKV_AWS_46'],
      trivy: ['AVD-AWS-0029', 'AVD-AWS-0129'],
      kics: ['0b93729a-d882-4803-bdc3-ac429a21f158'],
    },
    links: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#user_data',
    ],
  },
  terraform: {
    resourceTypes: USER_DATA_TYPES,
    check(resource, ctx) {
      reportUserDataSecrets(resource, ctx, findAwsCredentials, 'AWS credentials');
    },
  },
  noFix:
    'Access keys in user data must be revoked and replaced by an instance profile role; removing the text alone would leave a leaked key active and break what uses it.',
  examples: {
    terraform: {
      good: [
        `resource "aws_instance" "app" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "app-instance-profile"
  user_data            = <<-EOT
    #!/bin/bash
    export AWS_DEFAULT_REGION=eu-west-1
    aws s3 cp s3://app-config/settings.json /etc/app/settings.json
  EOT
}
`,
      ],
      bad: [
        {
          code: `resource "aws_launch_configuration" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #cloud-config
    write_files:
      - path: /root/.aws/credentials
        content: |
          [default]
          aws_access_key_id = AKIAI44QH8DHBEXAMPLE
          aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
  EOT
}
`,
          errors: [{ line: 5 }],
        },
        {
          code: `resource "aws_instance" "app" {
  ami              = "ami-0abcdef1234567890"
  instance_type    = "t3.micro"
  user_data_base64 = "IyEvYmluL2Jhc2gKbWtkaXIgLXAgL3Jvb3QvLmF3cwpjYXQgPiAvcm9vdC8uYXdzL2NyZWRlbnRpYWxzIDw8Q1JFRFMKW2RlZmF1bHRdCmF3c19hY2Nlc3Nfa2V5X2lkID0gQUtJQUk0NFFIOERIQkVYQU1QTEUKYXdzX3NlY3JldF9hY2Nlc3Nfa2V5ID0gamU3TXRHYkNsd0JGLzJacDlVdGsvaDN5Q284bnZiRVhBTVBMRUtFWQpDUkVEUwo="
}
`,
          errors: [{ line: 4 }],
        },
        {
          code: `resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = "IyEvYmluL2Jhc2gKbWtkaXIgLXAgL3Jvb3QvLmF3cwpjYXQgPiAvcm9vdC8uYXdzL2NyZWRlbnRpYWxzIDw8Q1JFRFMKW2RlZmF1bHRdCmF3c19hY2Nlc3Nfa2V5X2lkID0gQUtJQUk0NFFIOERIQkVYQU1QTEUKYXdzX3NlY3JldF9hY2Nlc3Nfa2V5ID0gamU3TXRHYkNsd0JGLzJacDlVdGsvaDN5Q284bnZiRVhBTVBMRUtFWQpDUkVEUwo="
}
`,
          errors: [{ line: 5 }],
        },
      ],
    },
  },
});
