import { defineRule } from '../../../rule.js';
import { actionsWhere, appliesToAllResources, isAllActions, knownStrings, serviceWildcard } from './policy-match.js';
import { IDENTITY_POLICY_TYPES, MANAGED_ATTACHMENT_TYPES, attachedPolicyArns, awsManagedPolicyName } from './policy-sources.js';
import { BROAD_MANAGED_POLICIES, SENSITIVE_SERVICES } from './sensitive-actions.js';
import { listForMessage, reportAllowStatements } from './statements.js';
import { LEAST_PRIVILEGE_COMPLIANCE } from '../compliance.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-002',
    title: 'IAM policies do not grant every action of a sensitive service',
    problem: 'IAM policy grants every action of a sensitive service',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269', 'CWE-732'],
    compliance: [
      ...LEAST_PRIVILEGE_COMPLIANCE,
      { framework: 'GDPR', control: 'Art. 32' },
    ],
    description:
      'Allowing a whole sensitive service (`s3:*`, `iam:*`, `kms:*`...) on every resource, or every action on a resource, ' +
      'grants far more than any workload needs: `s3:*` includes deleting every bucket and rewriting bucket policies, `iam:*` ' +
      'is a path to administrator. AWS-managed "FullAccess" policies for such services do the same.',
    remediation:
      'List the specific actions the workload uses (e.g. `s3:GetObject`, `s3:PutObject`) and scope `Resource` to the ARNs it ' +
      'works on; replace AWS-managed FullAccess attachments with a customer-managed least-privilege policy.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_63'], trivy: ['AVD-AWS-0345'], kics: [] },
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  },
  terraform: {
    resourceTypes: [...new Set([...Object.keys(IDENTITY_POLICY_TYPES), ...Object.keys(MANAGED_ATTACHMENT_TYPES)])],
    check(resource, ctx) {
      reportAllowStatements(resource, ctx, (s) => {
        const allResources = appliesToAllResources(s);
        if (allResources) {
          // `*` on `*` is full admin: BW-AWS-IAM-001 reports that one.
          if (actionsWhere(s, isAllActions).length) return undefined;
          const services = actionsWhere(s, (a) => SENSITIVE_SERVICES.has(serviceWildcard(a) ?? ''));
          if (services.length) return `allows ${listForMessage(services)} on every resource (\`Resource: "*"\`).`;
          return undefined;
        }
        if (actionsWhere(s, isAllActions).length) {
          const resources = knownStrings(s.resources);
          return `allows every action (\`Action: "*"\`) on ${resources.length ? listForMessage(resources) : 'its resources'}.`;
        }
        return undefined;
      });
      for (const { arn, attribute } of attachedPolicyArns(resource)) {
        const name = awsManagedPolicyName(arn);
        if (name && BROAD_MANAGED_POLICIES.has(name)) {
          ctx.report({ at: attribute, message: `${resource.address} attaches the AWS-managed \`${name}\` policy, which grants a whole sensitive service.` });
        }
      }
    },
  },
  noFix:
    'Replacing service:* needs the actions the principal really uses (IAM Access Analyzer can generate them).',
  examples: {
    terraform: {
      good: [
        `resource "aws_iam_policy" "uploads" {
  name = "uploads"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "arn:aws:s3:::uploads-bucket/*"
    }]
  })
}
`,
        `# A whole low-risk service is fine; read-only wildcards are fine too.
resource "aws_iam_role_policy" "telemetry" {
  name = "telemetry"
  role = "worker"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "xray:*", Resource = "*" },
      { Effect = "Allow", Action = ["ec2:Describe*", "s3:List*"], Resource = "*" },
    ]
  })
}
`,
      ],
      bad: [
        {
          code: `resource "aws_iam_policy" "storage" {
  name = "storage"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:*"
      Resource = "*"
    }]
  })
}
`,
          errors: [{ line: 3 }],
        },
        {
          code: `resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
  inline_policy {
    name = "keys"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["kms:*", "sqs:SendMessage"], Resource = "*" }]
    })
  }
}
`,
          errors: [{ line: 9 }],
        },
        {
          code: `resource "aws_iam_group_policy_attachment" "devs_s3" {
  group      = "developers"
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
}
`,
          errors: [{ line: 3 }],
        },
      ],
    },
  },
});
