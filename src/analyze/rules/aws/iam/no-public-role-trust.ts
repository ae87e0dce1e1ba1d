import { defineRule } from '../../../rule.js';
import { attr } from '../../../../evaluate/terraform/view.js';
import { hasCondition, isAllow, isEveryonePrincipal, knownStrings } from './policy-match.js';
import { readPolicyAttribute } from './policy-document.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-005',
    title: 'IAM role trust policies name who may assume the role',
    problem: 'IAM role assumable by anyone',
    severity: 'critical',
    stride: 'spoofing',
    risk: 'exposure',
    cwe: ['CWE-284', 'CWE-287'],
    compliance: [
      { framework: 'PCI-DSS', control: '7.2.1' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'ISO27001', control: 'A.5.15' },
      { framework: 'NIST-800-53', control: 'AC-3' },
      { framework: 'GDPR', control: 'Art. 32' },
    ],
    description:
      'A role whose trust policy allows `"Principal": "*"` (or `{"AWS": "*"}`) without a condition can be assumed by any AWS ' +
      'account in the world: whoever finds the role ARN gets its permissions.',
    remediation:
      'Name the trusted principals (account or role ARNs, or a service such as `lambda.amazonaws.com`), or keep the wildcard ' +
      'only together with a restricting condition such as `aws:PrincipalOrgID` or `sts:ExternalId`.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_60'], trivy: [], kics: [] },
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy'],
  },
  terraform: {
    resourceTypes: ['aws_iam_role'],
    check(resource, ctx) {
      const trust = attr(resource.body, 'assume_role_policy');
      const document = readPolicyAttribute(trust, ctx);
      if (!document) return;
      for (const s of document.statements) {
        if (!isAllow(s) || hasCondition(s) || !isEveryonePrincipal(s.principals)) continue;
        const actions = knownStrings(s.actions);
        const what = actions.length ? actions.map((a) => `\`${a}\``).join(', ') : 'the role';
        ctx.report({ at: trust, message: `IAM role ${resource.address} trusts every AWS principal (\`Principal: "*"\`) for ${what} without a condition.` });
        return;
      }
    },
  },
  noFix:
    "Which accounts or services may assume the role is the owner's decision; narrowing the principal blindly breaks whoever assumes it today.",
  examples: {
    terraform: {
      good: [
        `resource "aws_iam_role" "lambda" {
  name = "lambda-exec"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}
`,
        `# A wildcard principal narrowed to the organisation.
data "aws_iam_policy_document" "org_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_iam_role" "shared" {
  name               = "shared-reader"
  assume_role_policy = data.aws_iam_policy_document.org_trust.json
}
`,
      ],
      bad: [
        {
          code: `resource "aws_iam_role" "open" {
  name = "open"
  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "sts:AssumeRole" }
  ]
}
EOF
}
`,
          errors: [{ line: 3 }],
        },
      ],
    },
  },
});
