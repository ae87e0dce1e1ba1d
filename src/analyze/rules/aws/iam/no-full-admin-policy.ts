import { defineRule } from '../../../rule.js';
import { appliesToAllResources, actionsWhere, isAllActions } from './policy-match.js';
import { IDENTITY_POLICY_TYPES, MANAGED_ATTACHMENT_TYPES, attachedPolicyArns, awsManagedPolicyName } from './policy-sources.js';
import { reportAllowStatements } from './statements.js';

const ATTACHMENT_NOTE = 'attaches the AWS-managed `AdministratorAccess` policy, granting every action on every resource.';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-001',
    title: 'IAM policies do not grant full administrative access ("*" on "*")',
    problem: 'IAM policy grants full administrative access',
    severity: 'critical',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269', 'CWE-732'],
    compliance: [
      { framework: 'CIS-AWS', control: '1.16' },
      { framework: 'PCI-DSS', control: '7.2.1' },
      { framework: 'SOC2', control: 'CC6.3' },
      { framework: 'HIPAA', control: '164.312(a)(1)' },
      { framework: 'ISO27001', control: 'A.8.2' },
      { framework: 'NIST-800-53', control: 'AC-6' },
      { framework: 'GDPR', control: 'Art. 32' },
    ],
    description:
      'A statement that allows `Action: "*"` on `Resource: "*"` makes its holder an administrator of the whole account: ' +
      'it can read every secret, delete every resource and grant itself or others any further access. A leaked key or a ' +
      'compromised workload with such a policy is a full account compromise.',
    remediation:
      'Replace the wildcard with the specific actions and resource ARNs the workload needs; reserve administrator access for a ' +
      'small, MFA-protected break-glass role rather than attaching `AdministratorAccess` or an equivalent inline policy.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_62', 'CKV_AWS_1', 'CKV_AWS_274'], trivy: [], kics: ['2f37c4a3-58b9-4afe-8a87-d7f1d2286f84'] },
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  },
  terraform: {
    resourceTypes: [...new Set([...Object.keys(IDENTITY_POLICY_TYPES), ...Object.keys(MANAGED_ATTACHMENT_TYPES)])],
    check(resource, ctx) {
      reportAllowStatements(resource, ctx, (s) =>
        actionsWhere(s, isAllActions).length && appliesToAllResources(s)
          ? 'allows every action (`Action: "*"`) on every resource: full administrator access.'
          : undefined,
      );
      for (const { arn, attribute } of attachedPolicyArns(resource)) {
        if (awsManagedPolicyName(arn) === 'AdministratorAccess') ctx.report({ at: attribute, message: `${resource.address} ${ATTACHMENT_NOTE}` });
      }
    },
  },
  noFix:
    'Least privilege needs the actions and resources the principal really uses; narrowing the wildcard without them breaks it (IAM Access Analyzer can generate a policy from activity).',
  examples: {
    terraform: {
      good: [
        `resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:PutObject", "s3:GetObject"]
      Resource = "arn:aws:s3:::releases-bucket/*"
    }]
  })
}
`,
        `# Denying everything is not a grant.
data "aws_iam_policy_document" "lockdown" {
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "lockdown" {
  name   = "lockdown"
  role   = "quarantine"
  policy = data.aws_iam_policy_document.lockdown.json
}
`,
        `resource "aws_iam_role_policy_attachment" "read" {
  role       = "auditor"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}
`,
          errors: [{ line: 3 }],
        },
        {
          code: `data "aws_iam_policy_document" "everything" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "ops" {
  name   = "ops"
  user   = "ops-bot"
  policy = data.aws_iam_policy_document.everything.json
}
`,
          errors: [{ line: 11 }],
        },
        {
          code: `resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "ci_admin" {
  role       = aws_iam_role.ci.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
`,
          errors: [{ line: 11 }],
        },
      ],
    },
  },
});
