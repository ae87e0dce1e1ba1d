import { defineRule } from '../../../rule.js';
import { appliesToAllResources, hasCondition, isAllActions, knownStrings, serviceWildcard, wildcardMatch } from './policy-match.js';
import { IDENTITY_POLICY_TYPES } from './policy-sources.js';
import { SENSITIVE_ACTIONS, SENSITIVE_SERVICES } from './sensitive-actions.js';
import { listForMessage, reportAllowStatements } from './statements.js';
import { LEAST_PRIVILEGE_COMPLIANCE } from '../compliance.js';

/** Sensitive actions that the given action pattern grants. */
function sensitiveGranted(pattern: string): string[] {
  return SENSITIVE_ACTIONS.filter((a) => wildcardMatch(pattern, a));
}

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-003',
    title: 'IAM policies scope sensitive actions to specific resources',
    problem: 'IAM policy allows sensitive actions on every resource',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-732', 'CWE-269'],
    compliance: [...LEAST_PRIVILEGE_COMPLIANCE],
    description:
      'Some actions are dangerous on every resource even when listed one by one: `iam:PassRole` or `iam:AttachRolePolicy` on ' +
      '`*` lets the holder escalate to any role, `secretsmanager:GetSecretValue` or `s3:GetObject` on `*` reads every secret or ' +
      'object in the account, `cloudtrail:StopLogging` on `*` blinds auditing. Read-only describe/list actions and actions that ' +
      'only work on `*` are not flagged; statements narrowed by a condition are left alone.',
    remediation:
      'Scope `Resource` to the ARNs the workload needs (a role ARN for `iam:PassRole`, a secret ARN prefix for ' +
      '`secretsmanager:GetSecretValue`, a bucket prefix for S3), or add a condition that narrows the grant (e.g. `iam:PassedToService`).',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_355'], trivy: [], kics: [] },
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_elements_resource.html'],
  },
  terraform: {
    resourceTypes: Object.keys(IDENTITY_POLICY_TYPES),
    check(resource, ctx) {
      reportAllowStatements(resource, ctx, (s) => {
        if (!appliesToAllResources(s) || hasCondition(s)) return undefined;
        const actions = knownStrings(s.actions);
        // Full and sensitive whole-service wildcards are BW-AWS-IAM-001/002's findings.
        if (actions.some((a) => isAllActions(a) || SENSITIVE_SERVICES.has(serviceWildcard(a) ?? ''))) return undefined;
        // A whole low-risk service (`logs:*`, `xray:*`) is an accepted grant; narrower wildcards are judged.
        const granted = [...new Set(actions.filter((a) => serviceWildcard(a) === undefined).flatMap(sensitiveGranted))];
        if (!granted.length) return undefined;
        return `allows sensitive action${granted.length > 1 ? 's' : ''} ${listForMessage(granted)} on every resource (\`Resource: "*"\`).`;
      });
    },
  },
  noFix:
    'Scoping the actions needs the ARNs the principal works on, which only its owner knows.',
  examples: {
    terraform: {
      good: [
        `resource "aws_iam_role_policy" "deployer" {
  name = "deployer"
  role = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::123456789012:role/app-task" },
      { Effect = "Allow", Action = ["ec2:Describe*", "sts:GetCallerIdentity"], Resource = "*" },
    ]
  })
}
`,
        `# The condition narrows the grant to roles handed to ECS.
data "aws_iam_policy_document" "pass" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "pass" {
  name   = "pass"
  policy = data.aws_iam_policy_document.pass.json
}
`,
      ],
      bad: [
        {
          code: `resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      Resource = "*"
    }]
  })
}
`,
          errors: [{ line: 3 }],
        },
        {
          code: `data "aws_iam_policy_document" "escalate" {
  statement {
    actions   = ["iam:Attach*", "iam:Get*"]
    resources = ["*"]
  }
}

resource "aws_iam_group_policy" "helpdesk" {
  name   = "helpdesk"
  group  = "helpdesk"
  policy = data.aws_iam_policy_document.escalate.json
}
`,
          errors: [{ line: 11 }],
        },
      ],
    },
  },
});
