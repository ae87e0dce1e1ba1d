import { defineRule } from '../../../rule.js';
import { attr, isUnknown } from '../../../../evaluate/terraform/view.js';
import { looksLikeSecretValue, mask } from '../../../secrets/patterns.js';
import { HARD_CODED_SECRET_COMPLIANCE } from '../compliance.js';

/** The AWS provider arguments that carry credentials. */
const CREDENTIAL_ARGUMENTS = ['access_key', 'secret_key', 'token'];

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-016',
    title: 'The AWS provider takes no credentials written in the configuration',
    problem: 'AWS credentials in the provider block',
    severity: 'critical',
    stride: 'information-disclosure',
    risk: 'credentials',
    cwe: ['CWE-798'],
    compliance: [...HARD_CODED_SECRET_COMPLIANCE, { framework: 'CIS-AWS', control: '1.4' }],
    description:
      'Access keys written in a `provider "aws"` block are readable by everyone with the repository, its history, its forks and ' +
      'its CI logs, and they keep working until someone deletes them. Leaked keys are found by automated scanners within minutes ' +
      'of a push. The provider reads credentials from the environment, a shared profile, SSO or an assumed role instead.',
    remediation:
      'Remove `access_key`, `secret_key` and `token` from the provider block and let it use the default credential chain ' +
      '(`AWS_PROFILE`, SSO, an instance or CI role, or OIDC in CI with `assume_role_with_web_identity`). Deactivate and rotate ' +
      'the committed key in IAM now.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_41'], trivy: [], kics: ['4b6012e7-7176-46e4-8108-e441785eb48f'] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration'],
  },
  terraform: {
    resourceTypes: ['provider.aws'],
    check(provider, ctx) {
      for (const name of CREDENTIAL_ARGUMENTS) {
        const a = attr(provider.body, name);
        if (!a || typeof a.value !== 'string' || isUnknown(a.value) || !looksLikeSecretValue(a.value)) continue;
        ctx.report({
          at: a,
          message: `Provider ${provider.address} sets \`${name}\` to a literal credential (${a.sensitive ? '(sensitive)' : mask(a.value)}).`,
        });
      }
    },
  },
  noFix:
    'The key must be revoked and the provider given credentials from the environment, a profile or a role; removing the text alone leaves a leaked key active.',
  examples: {
    terraform: {
      good: [
        `provider "aws" {
  region  = "eu-west-1"
  profile = "acme-prod"
}
`,
        `variable "aws_access_key" {
  type      = string
  sensitive = true
}

provider "aws" {
  region     = "eu-west-1"
  access_key = var.aws_access_key
}
`,
      ],
      bad: [
        {
          code: `provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}
`,
          errors: [{ line: 3 }, { line: 4 }],
        },
        {
          code: `provider "aws" {
  alias      = "backup"
  region     = "eu-central-1"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}
`,
          errors: [{ line: 4 }],
        },
      ],
    },
  },
});
