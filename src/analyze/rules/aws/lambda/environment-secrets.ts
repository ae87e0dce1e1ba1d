import { defineRule } from '../../../rule.js';
import { attr, blocks, isUnknown, type Value } from '../../../../evaluate/terraform/view.js';
import { findNamedSecrets } from '../../../secrets/patterns.js';
import { HARD_CODED_SECRET_COMPLIANCE } from '../compliance.js';

/** Known string entries of an environment-variable map (unknown values are skipped: they are not written here). */
function stringEntries(v: Value | undefined): [string, string][] {
  if (v === undefined || v === null || typeof v !== 'object' || Array.isArray(v) || isUnknown(v)) return [];
  return Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string');
}

export default defineRule({
  meta: {
    id: 'BW-AWS-LAMBDA-001',
    title: 'Lambda environment variables hold no secrets',
    problem: 'Secret in Lambda environment variables',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'credentials',
    cwe: ['CWE-798', 'CWE-312'],
    compliance: [...HARD_CODED_SECRET_COMPLIANCE],
    description:
      'Environment variables of a Lambda function are shown in plain text to anyone allowed to read the function configuration ' +
      '(`lambda:GetFunctionConfiguration`), are stored in Terraform state, and are in the code for every reader of the repository. ' +
      'AWS access keys, database passwords and API tokens written there leak to all of them, and rotating them means a deploy.',
    remediation:
      'Keep the secret in AWS Secrets Manager or SSM Parameter Store (SecureString), pass its name or ARN in the environment ' +
      'instead, and read it at run time with the function role (the AWS Parameters and Secrets Lambda extension caches it). ' +
      'A function never needs AWS access keys: give its execution role the permissions. Rotate any secret that was committed.',
    provider: 'aws',
    service: 'lambda',
    peers: { checkov: ['CKV_AWS_45'], trivy: [], kics: [] },
    links: [
      'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption',
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
    ],
  },
  terraform: {
    resourceTypes: ['aws_lambda_function'],
    check(fn, ctx) {
      for (const environment of blocks(fn.body, 'environment')) {
        const variables = attr(environment, 'variables');
        if (!variables || environment.fromUnknownDynamic) continue;
        const hits = findNamedSecrets(stringEntries(variables.value));
        if (!hits.length) continue;
        const shown = hits.map((h) => `${h.kind} ${variables.sensitive ? '(sensitive)' : h.masked}`).join(', ');
        ctx.report({ at: variables, message: `Lambda function ${fn.address} keeps secrets in its environment variables: ${shown}.` });
      }
    },
  },
  noFix:
    'The secret must be rotated and read at run time from Secrets Manager or SSM Parameter Store, which needs code and IAM changes.',
  examples: {
    terraform: {
      good: [
        `resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"

  environment {
    variables = {
      DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-db"
      TABLE_NAME             = "orders"
      TOKEN_TTL_SECONDS      = "3600"
    }
  }
}
`,
        `variable "api_token" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "hook" {
  function_name = "hook"
  role          = "arn:aws:iam::123456789012:role/hook"
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = "hook.zip"

  environment {
    variables = {
      API_TOKEN = var.api_token
    }
  }
}
`,
      ],
      bad: [
        {
          code: `resource "aws_lambda_function" "export" {
  function_name = "export"
  role          = "arn:aws:iam::123456789012:role/export"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "export.zip"

  environment {
    variables = {
      AWS_ACCESS_KEY_ID     = "AKIAIOSFODNN7EXAMPLE"
      AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
      BUCKET                = "acme-exports"
    }
  }
}
`,
          errors: [{ line: 9 }],
        },
        {
          code: `resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders"
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = "orders.zip"

  environment {
    variables = {
      DB_HOST     = "orders.cluster-abc.eu-west-1.rds.amazonaws.com"
      DB_PASSWORD = "Orders-Prod-2024!"
    }
  }
}
`,
          errors: [{ line: 9 }],
        },
      ],
    },
  },
});
