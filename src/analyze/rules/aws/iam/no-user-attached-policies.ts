import { defineRule } from '../../../rule.js';
import { attr, isUnknown } from '../../../../evaluate/terraform/view.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-014',
    title: 'IAM permissions are granted through groups or roles, not directly to users',
    problem: 'IAM policy attached directly to a user',
    severity: 'low',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269'],
    compliance: [
      { framework: 'CIS-AWS', control: '1.15' },
      { framework: 'PCI-DSS', control: '7.2.2' },
      { framework: 'SOC2', control: 'CC6.3' },
      { framework: 'ISO27001', control: 'A.5.18' },
      { framework: 'NIST-800-53', control: 'AC-2' },
    ],
    description:
      'Policies attached to individual users are hard to review and tend to outlive the job they were granted for. Granting ' +
      'through groups (people) and roles (workloads) keeps access consistent, reviewable and easy to revoke.',
    remediation:
      'Attach the policy to a group (`aws_iam_group_policy` / `aws_iam_group_policy_attachment`) and add the user to that ' +
      'group, or move the workload to a role.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_40'], trivy: ['AVD-AWS-0143'], kics: ['b4378389-a9aa-44ee-91e7-ef183f11079e'] },
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions'],
  },
  terraform: {
    resourceTypes: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'],
    check(resource, ctx) {
      if (resource.type === 'aws_iam_policy_attachment') {
        const users = attr(resource.body, 'users');
        if (!users || isUnknown(users.value)) return;
        const list = Array.isArray(users.value) ? users.value : [users.value];
        if (!list.length && !users.refs.length) return;
        ctx.report({ at: users, message: `Policy attachment ${resource.address} attaches a policy directly to IAM users.` });
        return;
      }
      const user = attr(resource.body, 'user');
      const kind = resource.type === 'aws_iam_user_policy' ? 'Inline policy' : 'Policy attachment';
      ctx.report({ at: user, message: `${kind} ${resource.address} grants permissions directly to an IAM user.` });
    },
  },
  noFix:
    "Moving a policy from a user to a group or role changes who holds it; which group is the owner's decision.",
  examples: {
    terraform: {
      good: [
        `resource "aws_iam_group" "analysts" {
  name = "analysts"
}

resource "aws_iam_group_policy_attachment" "analysts_read" {
  group      = aws_iam_group.analysts.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user_group_membership" "dana" {
  user   = "dana"
  groups = [aws_iam_group.analysts.name]
}
`,
        `resource "aws_iam_policy_attachment" "roles_only" {
  name       = "roles-only"
  roles      = ["app"]
  users      = []
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_iam_user" "dana" {
  name = "dana"
}

resource "aws_iam_user_policy_attachment" "dana_read" {
  user       = aws_iam_user.dana.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`,
          errors: [{ line: 6 }],
        },
        {
          code: `resource "aws_iam_user_policy" "dana_logs" {
  name = "logs"
  user = "dana"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "logs:GetLogEvents", Resource = "*" }]
  })
}
`,
          errors: [{ line: 3 }],
        },
      ],
    },
  },
});
