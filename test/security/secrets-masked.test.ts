// Secrets found are masked in every output: text, JSON, SARIF and Markdown, whichever rule finds them and
// wherever they sit (provider credentials, variable defaults, user data scripts, function environments).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/main.js';
import { capturedIo } from '../../src/cli/support/io.js';
import { tree } from '../helpers/tree.js';

const SECRETS = {
  accessKey: 'AKIAIOSFODNN7EXAMPLE',
  secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  password: 'Sup3rS3cretPassw0rd!',
  scriptKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYZZZZZZKEY',
  githubToken: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  stripeKey: 'sk_live_51HxYzABCDEFGHIJKLMNOPqrstuv',
};

const MAIN_TF = `provider "aws" {
  region     = "eu-west-1"
  access_key = "${SECRETS.accessKey}"
  secret_key = "${SECRETS.secretKey}"
}

variable "db_password" {
  default = "${SECRETS.password}"
}

resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export AWS_SECRET_ACCESS_KEY=${SECRETS.scriptKey}
    export GITHUB_TOKEN=${SECRETS.githubToken}
  EOT
}

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::123456789012:role/fn"
  environment {
    variables = {
      API_SECRET = "${SECRETS.stripeKey}"
    }
  }
}
`;

describe('secrets in reports', () => {
  it('are found and masked in every output format', async () => {
    const dir = await tree({ 'infra/main.tf': MAIN_TF });
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const io = capturedIo({ cwd: dir });
      await run(['scan', 'infra', '--format', format, '--fail-on', 'none'], io);
      const output = io.stdoutText() + io.stderrText();
      // Each secret was found: its rule reported it, showing only a masked form.
      for (const rule of ['BW-AWS-IAM-016', 'BW-TF-VAR-001', 'BW-AWS-LAMBDA-001']) assert.ok(output.includes(rule), `${format}: ${rule} reported`);
      for (const [name, secret] of Object.entries(SECRETS)) assert.ok(!output.includes(secret), `${format}: ${name} is masked`);
    }
  });
});
