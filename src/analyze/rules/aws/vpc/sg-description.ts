import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { attr, isUnknown } from '../../../../evaluate/terraform/view.js';
import { DESCRIBED_FIREWALL_COMPLIANCE } from './compliance.js';

/** The provider fills this in when `description` is omitted; it says nothing about the group's purpose. */
const PROVIDER_DEFAULT = 'Managed by Terraform';

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-007',
    title: 'Security groups have a description',
    problem: 'Security group without a description',
    severity: 'low',
    stride: 'repudiation',
    cwe: ['CWE-710'],
    compliance: [...DESCRIBED_FIREWALL_COMPLIANCE],
    description:
      'A security group\'s description is the only place AWS keeps why it exists. Without one, reviewers cannot tell a ' +
      'deliberate exception from a leftover, and unused or over-broad groups linger. The description cannot be changed ' +
      'later without replacing the group, so it is worth setting at creation.',
    remediation: 'Set `description` to what the group protects and who may reach it, e.g. "HTTPS from the public ALB to web servers".',
    provider: 'aws',
    service: 'vpc',
    peers: { checkov: ['CKV_AWS_23'], trivy: ['AVD-AWS-0099'], kics: ['cb3f5ed6-0d18-40de-a93d-b3538db31e8c'] },
    links: ['https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group#description'],
  },
  terraform: {
    resourceTypes: ['aws_security_group'],
    check(resource, ctx) {
      const description = attr(resource.body, 'description');
      if (description && isUnknown(description.value)) return;
      if (!description) {
        ctx.report({
          message: `Security group ${resource.address} has no description (the provider default "${PROVIDER_DEFAULT}" says nothing about its purpose).`,
        });
        return;
      }
      const text = typeof description.value === 'string' ? description.value.trim() : '';
      if (text === '' || text === PROVIDER_DEFAULT) {
        ctx.report({ at: description, message: `Security group ${resource.address} has an empty or placeholder description ("${text}").` });
      }
    },
  },
  fix: { terraform: askFix('what does this group protect, and who may reach it? Describe it here (changing the description replaces the group)') },
  examples: {
    terraform: {
      good: [
        `resource "aws_security_group" "web" {
  name        = "web"
  description = "HTTPS from the public load balancer to the web servers"
  vpc_id      = "vpc-0123456789abcdef0"
}
`,
        `variable "purpose" {
  type = string
}

resource "aws_security_group" "generic" {
  name        = "generic"
  description = var.purpose
}
`,
      ],
      bad: [
        {
          code: `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0123456789abcdef0"
}
`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: what does this group protect, and who may reach it? Describe it here (changing the description replaces the group)
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0123456789abcdef0"
}
`,
        },
        {
          code: `resource "aws_security_group" "web" {
  name        = "web"
  description = ""
}
`,
          errors: [{ line: 3 }],
          output: `# NEEDS YOUR INPUT: what does this group protect, and who may reach it? Describe it here (changing the description replaces the group)
resource "aws_security_group" "web" {
  name        = "web"
  description = ""
}
`,
        },
      ],
    },
  },
});
