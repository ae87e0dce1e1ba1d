import { defineRule } from '../../rule.js';
import { attr, isTrue } from '../../../evaluate/terraform/view.js';
import { findAwsCredentials, isSecretName, looksLikeSecretValue, mask } from '../../secrets/patterns.js';
import { HARD_CODED_SECRET_COMPLIANCE } from '../aws/compliance.js';

export default defineRule({
  meta: {
    id: 'BW-TF-VAR-001',
    title: 'Variables that hold secrets have no literal default',
    problem: 'Secret written as a variable default',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'credentials',
    cwe: ['CWE-798'],
    compliance: [...HARD_CODED_SECRET_COMPLIANCE],
    description:
      'A variable named for a secret (`db_password`, `api_token`, `secret_key`) with a literal default puts the secret in the code: ' +
      'every reader of the repository and its history has it, and wherever the variable is used (user data, environment ' +
      'variables, provider blocks, connection strings) the same value ends up, often without anyone noticing. `sensitive = true` ' +
      'only hides it from plan output; the value is still in the code and in the state.',
    remediation:
      'Remove the default and mark the variable `sensitive = true`; supply the value at run time (`TF_VAR_name` from a CI ' +
      'secret, a git-ignored tfvars file) or, better, read it where it is needed from AWS Secrets Manager or SSM Parameter ' +
      'Store, or let the service manage it (`manage_master_user_password` on RDS). Rotate the committed value.',
    provider: 'generic',
    service: 'terraform',
    peers: { checkov: [], trivy: [], kics: [] },
    links: ['https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output'],
  },
  terraform: {
    resourceTypes: ['variable'],
    check(variable, ctx) {
      const defaultValue = attr(variable.body, 'default');
      if (!defaultValue || typeof defaultValue.value !== 'string') return;
      const text = defaultValue.value;
      const credentials = findAwsCredentials(text);
      if (!credentials.length && !(isSecretName(variable.name) && looksLikeSecretValue(text))) return;
      const hidden = isTrue(attr(variable.body, 'sensitive')?.value);
      const shown = hidden ? '(sensitive)' : credentials.length ? credentials.map((h) => `${h.kind} ${h.masked}`).join(', ') : mask(text);
      ctx.report({
        at: defaultValue,
        message: `Variable ${variable.address} has a secret as its literal default (${shown})${hidden ? ', marked sensitive but still in the code' : ''}; it reaches every place the variable is used.`,
      });
    },
  },
  noFix:
    'Removing the default makes every run supply the value; the secret must also be rotated, since it is in the repository history.',
  examples: {
    terraform: {
      good: [
        `variable "db_password" {
  type      = string
  sensitive = true
}

variable "password_length" {
  type    = number
  default = 24
}

variable "api_token_secret_arn" {
  type    = string
  default = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-token"
}

variable "admin_password" {
  type    = string
  default = "changeme"
}
`,
      ],
      bad: [
        {
          code: `variable "db_password" {
  type    = string
  default = "Sup3rS3cretPassw0rd"
}

resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    mysql -u app -p\${var.db_password} -e 'select 1'
  EOT
}
`,
          errors: [{ line: 3 }],
        },
        {
          code: `variable "api_token" {
  type      = string
  sensitive = true
  default   = "tok_9f8e7d6c5b4a3928"
}
`,
          errors: [{ line: 4 }],
        },
      ],
    },
  },
});
