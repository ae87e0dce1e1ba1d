import { defineRule } from '../../../rule.js';
import { addressOf, setFoundLiteral, setInNested, setLiteral } from '../../../fix-helpers.js';
import { firstBlock, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import { imdsV2RequiredByDefault } from './account-defaults.js';
import { LAUNCHER_KIND } from './launchers.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-EC2-002',
    title: 'Instances require IMDSv2 session tokens for the instance metadata service',
    problem: 'Instance metadata service allows IMDSv1',
    severity: 'high',
    stride: 'spoofing',
    cwe: ['CWE-306', 'CWE-918'],
    compliance: [
      { framework: 'CIS-AWS', control: '5.6' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'NIST-800-53', control: 'CM-6' },
      { framework: 'ISO27001', control: 'A.8.9' },
    ],
    description:
      'IMDSv1 answers any HTTP GET from the instance, so a server-side request forgery bug in an application, or a ' +
      'misconfigured proxy, hands the instance role\'s temporary AWS credentials to an attacker (as in the 2019 Capital One ' +
      'breach). IMDSv2 requires a session token obtained with a PUT request, which SSRF and open proxies cannot do. ' +
      'An account-level `aws_ec2_instance_metadata_defaults` requiring tokens in the same configuration counts.',
    remediation: 'Add `metadata_options { http_tokens = "required" }` (or `http_endpoint = "disabled"` when metadata is not used).',
    provider: 'aws',
    service: 'ec2',
    peers: { checkov: ['CKV_AWS_79'], trivy: ['AVD-AWS-0028', 'AVD-AWS-0130'], kics: [] },
    links: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#metadata-options',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
    ],
  },
  terraform: {
    resourceTypes: Object.keys(LAUNCHER_KIND),
    check(resource, ctx) {
      const options = firstBlock(resource.body, 'metadata_options');
      const kind = LAUNCHER_KIND[resource.type]!;
      if (!options) {
        // An instance launched from a template takes the template's metadata options; this rule judges the
        // template itself where it is declared, and a template from elsewhere is unknown here.
        if (resource.type === 'aws_instance' && firstBlock(resource.body, 'launch_template')) return;
        if (imdsV2RequiredByDefault(ctx)) return;
        ctx.report({ message: `${kind} ${resource.address} has no metadata_options, so IMDSv1 stays enabled (http_tokens is not "required").` });
        return;
      }
      if (options.fromUnknownDynamic) return;
      const tokens = value(options, 'http_tokens');
      const endpoint = value(options, 'http_endpoint');
      if (tokens === 'required' || endpoint === 'disabled' || isUnknown(tokens) || isUnknown(endpoint)) return;
      if (tokens === undefined && imdsV2RequiredByDefault(ctx)) return;
      ctx.report({
        at: options.attributes.get('http_tokens') ?? options,
        message: `${kind} ${resource.address} allows IMDSv1: metadata_options.http_tokens is ${tokens === undefined ? 'not set' : `"${String(tokens)}"`} instead of "required".`,
      });
    },
  },
  fix: {
    terraform(ctx) {
      const description = `Requires IMDSv2 session tokens (http_tokens = "required") on ${addressOf(ctx.resource)}.`;
      if (ctx.at?.kind === 'Attribute') return setFoundLiteral(ctx, '"required"', description);
      if (ctx.at?.kind === 'Block') return setLiteral(ctx, 'http_tokens', '"required"', description, ctx.at);
      return setInNested(ctx, 'metadata_options', [{ name: 'http_tokens', value: '"required"' }], description);
    },
  },
  examples: {
    terraform: {
      good: [
        `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}
`,
        `resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  metadata_options {
    http_endpoint = "disabled"
  }
}
`,
        `resource "aws_ec2_instance_metadata_defaults" "account" {
  http_tokens                 = "required"
  http_put_response_hop_limit = 2
}

resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}
`,
        },
        {
          code: `resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
}
`,
          errors: [{ line: 8 }],
          output: `resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}
`,
        },
        {
          code: `resource "aws_launch_configuration" "legacy" {
  name_prefix   = "legacy-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.small"
}
`,
          errors: [{ line: 1 }],
          output: `resource "aws_launch_configuration" "legacy" {
  name_prefix   = "legacy-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.small"

  metadata_options {
    http_tokens = "required"
  }
}
`,
        },
      ],
    },
  },
});
