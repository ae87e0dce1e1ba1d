import { defineRule } from '../../../rule.js';
import { findOtherSecrets, reportUserDataSecrets, USER_DATA_TYPES } from './user-data.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-EC2-009',
    title: 'User data contains no passwords, tokens or private keys',
    problem: 'Password, token or private key in user data',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'credentials',
    cwe: ['CWE-798', 'CWE-312'],
    compliance: [
      { framework: 'PCI-DSS', control: '8.6.2' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'NIST-800-53', control: 'IA-5(7)' },
      { framework: 'ISO27001', control: 'A.5.17' },
    ],
    description:
      'User data can be read by anyone allowed to describe the instance or launch template, by every process on the instance ' +
      'through the metadata service, and from Terraform state. Database passwords, API tokens and private keys written there ' +
      'leak to all of them. Values that are read at boot (`$(aws secretsmanager …)`, `$VAR`, template placeholders) are fine. ' +
      'AWS access keys are reported by BW-AWS-EC2-008.',
    remediation:
      'Store the secret in AWS Secrets Manager or SSM Parameter Store (SecureString) and fetch it at boot with the instance ' +
      'role; rotate the exposed value.',
    provider: 'aws',
    service: 'ec2',
    peers: { checkov: ['CKV_AWS_46'], trivy: ['AVD-AWS-0122'], kics: [] },
    links: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets.html'],
  },
  terraform: {
    resourceTypes: USER_DATA_TYPES,
    check(resource, ctx) {
      reportUserDataSecrets(resource, ctx, findOtherSecrets, 'secrets');
    },
  },
  noFix:
    "The secret must be rotated and read at boot from Secrets Manager or SSM Parameter Store; which store, and the rotation, are the owner's decisions.",
  examples: {
    terraform: {
      good: [
        `resource "aws_launch_configuration" "app" {
  name_prefix          = "app-"
  image_id             = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "app-instance-profile"
  user_data            = <<-EOT
    #!/bin/bash
    DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)
    echo "DB_PASSWORD=$DB_PASSWORD" >> /etc/app.env
  EOT
}
`,
      ],
      bad: [
        {
          code: `resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    echo 'DB_PASSWORD="Tr0ub4dor&3-prod"' >> /etc/app.env
    systemctl restart app
  EOT
}
`,
          errors: [{ line: 4 }],
        },
        {
          code: `resource "aws_launch_template" "cache_clients" {
  name_prefix   = "cache-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = "I2Nsb3VkLWNvbmZpZwpydW5jbWQ6CiAgLSBlY2hvICJSRURJU19BVVRIX1RPS0VOPXMzY3IzdC1SZWRpcy1BdXRoLTQyIiA+PiAvZXRjL2FwcC5lbnYK"
}
`,
          errors: [{ line: 5 }],
        },
        {
          code: `resource "aws_launch_configuration" "worker" {
  name_prefix      = "worker-"
  image_id         = "ami-0abcdef1234567890"
  instance_type    = "t3.micro"
  user_data_base64 = "H4sIAAAAAAAAA1NW1E/KzNMvzuBKrSjILypRcAzwjPd2jbTNySxLjbdMs0g1TzFLNk0ySTS2NLIwNDcw4wIARmjl1DMAAAA="
}
`,
          errors: [{ line: 5 }],
        },
      ],
    },
  },
});
