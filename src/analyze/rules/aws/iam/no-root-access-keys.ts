import { defineRule } from '../../../rule.js';
import type { TfResource } from '../../../../evaluate/terraform/view.js';
import { asString, attr, isUnknown, value } from '../../../../evaluate/terraform/view.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-IAM-013',
    title: 'No access keys are created for the root user',
    problem: 'Access key created for the root user',
    severity: 'critical',
    stride: 'elevation-of-privilege',
    risk: 'credentials',
    cwe: ['CWE-250', 'CWE-798'],
    compliance: [
      { framework: 'CIS-AWS', control: '1.4' },
      { framework: 'PCI-DSS', control: '8.2.2' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'ISO27001', control: 'A.8.2' },
      { framework: 'NIST-800-53', control: 'AC-6(2)' },
    ],
    description:
      'The root user can do anything in the account and cannot be restricted by IAM policies. An access key for it is a ' +
      'long-lived credential with unlimited power: one leak is a full, unrevocable-by-policy account compromise.',
    remediation:
      'Do not create access keys for `root`; give automation its own IAM role (or a least-privilege user) and keep the root ' +
      'user for the few tasks that need it, protected by MFA.',
    provider: 'aws',
    service: 'iam',
    peers: { checkov: ['CKV_AWS_348'], trivy: ['AVD-AWS-0141'], kics: ['970d224d-b42a-416b-81f9-8f4dfe70c4bc'] },
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html'],
  },
  terraform: {
    resourceTypes: ['aws_iam_access_key'],
    check(resource, ctx) {
      const user = attr(resource.body, 'user');
      if (!user) return;
      // An inactive key cannot be used.
      if (asString(value(resource.body, 'status'))?.toLowerCase() === 'inactive') return;
      const name = isUnknown(user.value) ? nameOfReferencedUser(user.refs, ctx.ofType('aws_iam_user')) : asString(user.value);
      if (name !== 'root') return;
      ctx.report({ at: user, message: `Access key ${resource.address} is issued to the user "root".` });
    },
  },
  noFix:
    'Root access keys are deleted, not reconfigured; whatever uses them must move to an IAM role first.',
  examples: {
    terraform: {
      good: [
        `resource "aws_iam_user" "ci" {
  name = "ci-deployer"
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}
`,
        `resource "aws_iam_access_key" "legacy" {
  user   = "root"
  status = "Inactive"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_iam_user" "admin" {
  name = "root"
}

resource "aws_iam_access_key" "admin" {
  user = aws_iam_user.admin.name
}
`,
          errors: [{ line: 6 }],
        },
        {
          code: `resource "aws_iam_access_key" "direct" {
  user = "root"
}
`,
          errors: [{ line: 2 }],
        },
      ],
    },
  },
});

/** The literal `name` of the `aws_iam_user` a reference points at, when the evaluator left the reference unknown. */
function nameOfReferencedUser(refs: readonly string[], users: readonly TfResource[]): string | undefined {
  const target = users.find((u) => refs.some((r) => r === u.address || r === u.baseAddress));
  return target ? asString(value(target.body, 'name')) : undefined;
}
