// Behaviour of the EC2 rules that their examples do not pin down: Example C, account-level defaults,
// secret masking and decoding, no double reporting, unknowns.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { runRuleOnSnippet } from '../../../src/scanners/rule-tester.js';
import instanceDetailedMonitoring from '../../../src/analyze/rules/aws/ec2/instance-detailed-monitoring.js';
import imdsv2Required from '../../../src/analyze/rules/aws/ec2/imdsv2-required.js';
import instanceEbsEncryption from '../../../src/analyze/rules/aws/ec2/instance-ebs-encryption.js';
import ebsVolumeEncryption from '../../../src/analyze/rules/aws/ec2/ebs-volume-encryption.js';
import ebsVolumeCmk from '../../../src/analyze/rules/aws/ec2/ebs-volume-cmk.js';
import launchEbsEncryption from '../../../src/analyze/rules/aws/ec2/launch-ebs-encryption.js';
import userDataAwsCredentials from '../../../src/analyze/rules/aws/ec2/user-data-aws-credentials.js';
import userDataSecrets from '../../../src/analyze/rules/aws/ec2/user-data-secrets.js';
import { decodeBase64Text, findAwsCredentials, findOtherSecrets, mask } from '../../../src/analyze/rules/aws/ec2/user-data.js';

const EXAMPLE_C_INSTANCE = `resource "aws_instance" "web" {
  ami                = "ami-12345678"
  instance_type      = "t2.micro"
  security_group_ids = [aws_security_group.web.id]
}
resource "aws_security_group" "web" {
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

describe('Example C instance', () => {
  it('is HIGH "no detailed monitoring", located at the instance', () => {
    const findings = runRuleOnSnippet(instanceDetailedMonitoring, EXAMPLE_C_INSTANCE);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'high');
    assert.equal(findings[0]!.resource, 'aws_instance.web');
    assert.match(findings[0]!.message, /no detailed monitoring/);
    assert.equal(findings[0]!.location.range.start.line, 1);
  });

  it('also has its genuine gaps reported at their mapped severities: unencrypted root, IMDSv1', () => {
    const root = runRuleOnSnippet(instanceEbsEncryption, EXAMPLE_C_INSTANCE);
    assert.equal(root.length, 1);
    assert.equal(root[0]!.severity, 'high');
    assert.match(root[0]!.message, /root volume/);
    const imds = runRuleOnSnippet(imdsv2Required, EXAMPLE_C_INSTANCE);
    assert.equal(imds.length, 1);
    assert.equal(imds[0]!.severity, 'high');
  });

  it('needs no root_block_device when EBS encryption by default is on, but still when it is switched off', () => {
    const on = `resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n${EXAMPLE_C_INSTANCE}`;
    assert.deepEqual(runRuleOnSnippet(instanceEbsEncryption, on), []);
    const off = `resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n${EXAMPLE_C_INSTANCE}`;
    assert.equal(runRuleOnSnippet(instanceEbsEncryption, off).length, 1);
  });
});

describe('block device encryption', () => {
  it('reports each unencrypted device of an instance once, at the device', () => {
    const hcl = `resource "aws_instance" "db" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "r6i.large"
  root_block_device {
    encrypted = false
  }
  ebs_block_device {
    device_name = "/dev/sdf"
  }
  ebs_block_device {
    device_name = "/dev/sdg"
    snapshot_id = "snap-0123456789abcdef0"
  }
}
`;
    const findings = runRuleOnSnippet(instanceEbsEncryption, hcl);
    assert.deepEqual(findings.map((f) => f.location.range.start.line), [5, 7]);
    assert.match(findings[0]!.message, /root_block_device sets encrypted = false/);
    assert.match(findings[1]!.message, /ebs_block_device "\/dev\/sdf" is not encrypted/);
  });

  it('leaves launch templates without block device mappings to the AMI', () => {
    const hcl = 'resource "aws_launch_template" "t" {\n  image_id = "ami-0abcdef1234567890"\n}\n';
    assert.deepEqual(runRuleOnSnippet(launchEbsEncryption, hcl), []);
  });
});

describe('EBS volume encryption and keys', () => {
  it('reports a bare volume as unencrypted and as lacking a customer managed key', () => {
    const hcl = 'resource "aws_ebs_volume" "v" {\n  availability_zone = "us-east-1a"\n  size = 10\n}\n';
    assert.equal(runRuleOnSnippet(ebsVolumeEncryption, hcl).length, 1);
    assert.equal(runRuleOnSnippet(ebsVolumeCmk, hcl).length, 1);
  });

  it('leaves an explicitly unencrypted volume to the encryption rule alone', () => {
    const hcl = 'resource "aws_ebs_volume" "v" {\n  availability_zone = "us-east-1a"\n  size = 10\n  encrypted = false\n}\n';
    assert.equal(runRuleOnSnippet(ebsVolumeEncryption, hcl).length, 1);
    assert.deepEqual(runRuleOnSnippet(ebsVolumeCmk, hcl), []);
  });

  it('accepts a volume encrypted with a customer managed key even without encrypted = true', () => {
    const hcl = 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\nresource "aws_ebs_volume" "v" {\n  availability_zone = "us-east-1a"\n  size = 10\n  kms_key_id = aws_kms_key.k.arn\n}\n';
    assert.deepEqual(runRuleOnSnippet(ebsVolumeEncryption, hcl), []);
    assert.deepEqual(runRuleOnSnippet(ebsVolumeCmk, hcl), []);
  });
});

describe('IMDSv2', () => {
  it('treats an unknown http_tokens as not a violation', () => {
    const hcl = 'variable "tokens" {\n  type = string\n}\nresource "aws_instance" "i" {\n  ami = "ami-0abcdef1234567890"\n  metadata_options {\n    http_tokens = var.tokens\n  }\n}\n';
    assert.deepEqual(runRuleOnSnippet(imdsv2Required, hcl), []);
  });

  it('points at http_tokens when it is optional', () => {
    const hcl = 'resource "aws_instance" "i" {\n  ami = "ami-0abcdef1234567890"\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n';
    const findings = runRuleOnSnippet(imdsv2Required, hcl);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.location.range.start.line, 4);
  });
});

describe('user data secrets', () => {
  const KEY_ID = 'AKIAI44QH8DHBEXAMPLE';
  const SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';

  it('masks AWS keys in messages and never prints them whole', () => {
    const hcl = `resource "aws_instance" "i" {\n  ami = "ami-0abcdef1234567890"\n  user_data = "export AWS_ACCESS_KEY_ID=${KEY_ID} AWS_SECRET_ACCESS_KEY=${SECRET}"\n}\n`;
    const findings = runRuleOnSnippet(userDataAwsCredentials, hcl);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'critical');
    assert.match(findings[0]!.message, /AKIA\*\*\*\*[^A-Z0-9]/, 'no more than the first four characters');
    assert.match(findings[0]!.message, /je7M\*\*\*\*[^A-Za-z0-9]/);
    assert.ok(!findings[0]!.message.includes(KEY_ID) && !findings[0]!.message.includes(SECRET));
    assert.equal(findings[0]!.location.range.start.line, 3);
    // The generic secrets rule leaves AWS credentials to the AWS rule.
    assert.deepEqual(runRuleOnSnippet(userDataSecrets, hcl), []);
  });

  it('reads gzip-compressed base64 user data', () => {
    const encoded = gzipSync(`#!/bin/sh\naws configure set aws_access_key_id ${KEY_ID}\n`).toString('base64');
    const hcl = `resource "aws_launch_configuration" "lc" {\n  image_id = "ami-0abcdef1234567890"\n  instance_type = "t3.micro"\n  user_data_base64 = "${encoded}"\n}\n`;
    assert.equal(runRuleOnSnippet(userDataAwsCredentials, hcl).length, 1);
  });

  it('ignores user data it cannot read', () => {
    const hcl = 'variable "script" {\n  type = string\n}\nresource "aws_instance" "i" {\n  ami = "ami-0abcdef1234567890"\n  user_data = var.script\n}\n';
    assert.deepEqual(runRuleOnSnippet(userDataAwsCredentials, hcl), []);
    assert.deepEqual(runRuleOnSnippet(userDataSecrets, hcl), []);
  });

  it('finds passwords, tokens and private keys, but not values read at boot', () => {
    assert.deepEqual(findOtherSecrets('MYSQL_ROOT_PASSWORD=hunter2hunter2').map((h) => h.kind), ['MYSQL_ROOT_PASSWORD']);
    assert.deepEqual(findOtherSecrets('token: ghp_abcdefghijklmnopqrstuvwxyz0123456789').map((h) => h.kind), ['token', 'GitHub token']);
    assert.equal(findOtherSecrets('-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4Jd0e2b\n-----END RSA PRIVATE KEY-----').length, 1);
    assert.deepEqual(findOtherSecrets('DB_PASSWORD=$(aws ssm get-parameter --name /db --with-decryption)'), []);
    assert.deepEqual(findOtherSecrets('API_TOKEN="$API_TOKEN"\nPASSWORD={{ vault_password }}'), []);
    assert.deepEqual(findOtherSecrets('export EDITOR=vim\nGREETING=hello'), []);
  });

  it('recognises AWS key formats and masks short values fully', () => {
    assert.equal(findAwsCredentials('ASIAY34FZKBOKMUTVV7A').length, 1);
    assert.equal(findAwsCredentials('AKIA123').length, 0);
    assert.equal(mask('abc'), '****');
    assert.equal(decodeBase64Text('not base64!'), undefined);
  });
});

describe('instances launched from a launch template', () => {
  const template = (tokens: string, encrypted: boolean) => `resource "aws_launch_template" "web" {
  name_prefix = "web"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "${tokens}"
  }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = ${encrypted}
    }
  }
}
`;
  const instance = (extra = '') => `resource "aws_instance" "web" {
  monitoring = true
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
${extra}}
`;

  it('judge the template, not the instance that inherits from it', () => {
    const secure = template('required', true) + instance();
    assert.deepEqual(runRuleOnSnippet(imdsv2Required, secure), []);
    assert.deepEqual(runRuleOnSnippet(instanceEbsEncryption, secure), []);
    assert.deepEqual(runRuleOnSnippet(launchEbsEncryption, secure), []);

    const insecure = template('optional', false) + instance();
    assert.deepEqual(runRuleOnSnippet(imdsv2Required, insecure).map((f) => f.resource), ['aws_launch_template.web']);
    assert.deepEqual(runRuleOnSnippet(launchEbsEncryption, insecure).map((f) => f.resource), ['aws_launch_template.web']);
    assert.deepEqual(runRuleOnSnippet(instanceEbsEncryption, insecure), [], 'the instance does not repeat the template finding');
  });

  it('still judge what the instance sets itself', () => {
    const own = template('required', true) + instance('  metadata_options {\n    http_tokens = "optional"\n  }\n  root_block_device {\n    encrypted = false\n  }\n');
    assert.deepEqual(runRuleOnSnippet(imdsv2Required, own).map((f) => f.resource), ['aws_instance.web']);
    assert.deepEqual(runRuleOnSnippet(instanceEbsEncryption, own).map((f) => f.resource), ['aws_instance.web']);
  });
});
