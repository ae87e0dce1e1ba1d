import { defineRule } from '../../../rule.js';
import { attr } from '../../../../evaluate/terraform/view.js';
import { readPolicyAttribute } from '../iam/policy-document.js';
import { hasCondition, isAllow, isEveryonePrincipal, knownStrings } from '../iam/policy-match.js';
import { whichStatement } from '../iam/statements.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-KMS-002',
    title: 'KMS key policies do not grant access to everyone',
    problem: 'KMS key policy grants access to everyone',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'exposure',
    cwe: ['CWE-732'],
    compliance: [
      { framework: 'GDPR', control: 'Art. 32' },
      { framework: 'PCI-DSS', control: '3.6.1' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'NIST-800-53', control: 'AC-3' },
      { framework: 'ISO27001', control: 'A.8.24' },
    ],
    description:
      'A key policy statement that allows `Principal: "*"` without a condition lets any AWS principal, in any account, use or ' +
      'manage the key, so whoever reads the ciphertext can also decrypt it. Key policies are the primary access control for ' +
      'KMS keys; IAM policies only apply where the key policy delegates to the account. Statements narrowed by a condition ' +
      '(for example `aws:PrincipalOrgID` or `kms:CallerAccount`) are not reported.',
    remediation:
      'Name the principals that need the key (account root, roles, services), or add a condition such as ' +
      '`StringEquals { "kms:CallerAccount" = "<account id>" }` or `aws:PrincipalOrgID`.',
    provider: 'aws',
    service: 'kms',
    peers: { checkov: ['CKV_AWS_33'], trivy: [], kics: [] },
    links: [
      'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key_policy',
    ],
  },
  terraform: {
    resourceTypes: ['aws_kms_key', 'aws_kms_key_policy'],
    check(resource, ctx) {
      const policy = attr(resource.body, 'policy');
      const document = readPolicyAttribute(policy, ctx);
      if (!policy || !document) return;
      for (const statement of document.statements) {
        if (!isAllow(statement) || !isEveryonePrincipal(statement.principals) || hasCondition(statement)) continue;
        const actions = knownStrings(statement.actions);
        ctx.report({
          at: policy,
          message: `KMS key policy of ${resource.address}${whichStatement(statement)} allows everyone (Principal "*") ${actions.length ? actions.join(', ') : 'access'} without a condition.`,
        });
      }
    },
  },
  noFix:
    "Which principals the key policy should name is the key owner's decision; narrowing it blindly can lock everyone out of the key.",
  examples: {
    terraform: {
      good: [
        `data "aws_caller_identity" "current" {}

resource "aws_kms_key" "data" {
  description         = "Application data"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::123456789012:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "OrgDecrypt"
        Effect    = "Allow"
        Principal = "*"
        Action    = ["kms:Decrypt"]
        Resource  = "*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123def4" } }
      },
    ]
  })
}
`,
      ],
      bad: [
        {
          code: `resource "aws_kms_key" "data" {
  description         = "Application data"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Everyone"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
`,
          errors: [{ line: 4 }],
        },
        {
          code: `resource "aws_kms_key" "data" {
  description         = "Application data"
  enable_key_rotation = true
}

resource "aws_kms_key_policy" "data" {
  key_id = aws_kms_key.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:DescribeKey"]
      Resource  = "*"
    }]
  })
}
`,
          errors: [{ line: 8 }],
        },
      ],
    },
  },
});
