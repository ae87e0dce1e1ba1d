import { defineRule, type TerraformRuleContext } from '../../../rule.js';
import { attr, firstBlock, isUnknown, type TfResource, type Value } from '../../../../evaluate/terraform/view.js';
import { askFix } from '../../../fix-helpers.js';

/** Common AWS resource types that take tags (any resource that already writes `tags` counts too). */
const TAGGABLE = [
  'aws_instance', 'aws_launch_template', 'aws_autoscaling_group', 'aws_ebs_volume', 'aws_ebs_snapshot', 'aws_ami',
  'aws_s3_bucket', 'aws_db_instance', 'aws_rds_cluster', 'aws_dynamodb_table', 'aws_elasticache_cluster', 'aws_elasticache_replication_group',
  'aws_vpc', 'aws_subnet', 'aws_security_group', 'aws_internet_gateway', 'aws_nat_gateway', 'aws_eip', 'aws_route_table', 'aws_network_acl',
  'aws_lb', 'aws_alb', 'aws_lb_target_group', 'aws_elb', 'aws_lambda_function', 'aws_sqs_queue', 'aws_sns_topic', 'aws_kms_key',
  'aws_iam_role', 'aws_iam_user', 'aws_iam_policy', 'aws_cloudtrail', 'aws_cloudwatch_log_group', 'aws_ecs_cluster', 'aws_ecs_service',
  'aws_ecs_task_definition', 'aws_ecr_repository', 'aws_eks_cluster', 'aws_eks_node_group', 'aws_efs_file_system', 'aws_secretsmanager_secret',
  'aws_api_gateway_rest_api', 'aws_apigatewayv2_api', 'aws_cloudfront_distribution', 'aws_kinesis_stream', 'aws_opensearch_domain',
  'aws_elasticsearch_domain', 'aws_redshift_cluster', 'aws_sfn_state_machine', 'aws_route53_zone', 'aws_acm_certificate', 'aws_wafv2_web_acl',
];

const DEFAULT_TAGS = Symbol('default tags by AWS provider alias');

/** Tag keys each AWS provider block adds to every resource (`default_tags`), by alias ('' for the default provider); undefined when unknown. */
function defaultTags(ctx: TerraformRuleContext): Map<string, Set<string> | undefined> {
  return ctx.memo(DEFAULT_TAGS, () => {
    const byAlias = new Map<string, Set<string> | undefined>();
    for (const provider of ctx.project.configuration?.() ?? []) {
      if (provider.mode !== 'provider' || provider.type !== 'aws') continue;
      const alias = attr(provider.body, 'alias')?.value;
      const tags = firstBlock(provider.body, 'default_tags') ? attr(firstBlock(provider.body, 'default_tags')!, 'tags')?.value : {};
      byAlias.set(typeof alias === 'string' ? alias : '', keysOf(tags));
    }
    return byAlias;
  });
}

function keysOf(value: Value | undefined): Set<string> | undefined {
  if (value === undefined || value === null) return new Set();
  if (isUnknown(value) || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return new Set(Object.keys(value));
}

/** The alias of the provider a resource uses (`provider = aws.west`), '' for the default one. */
function providerAlias(resource: TfResource): string {
  const expression = attr(resource.body, 'provider')?.refs[0] ?? '';
  const m = /(?:^|\.)aws\.([A-Za-z0-9_-]+)$/.exec(expression);
  return m ? m[1]! : '';
}

export default defineRule({
  meta: {
    id: 'BW-AWS-TAG-001',
    title: "Resources carry the policy's required tags",
    problem: 'Resource without a required tag',
    severity: 'low',
    stride: 'repudiation',
    cwe: ['CWE-1059'],
    compliance: [
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'ISO27001', control: 'A.5.9' },
      { framework: 'NIST-800-53', control: 'CM-8' },
    ],
    description:
      "Tags are how an inventory knows who owns a resource, what data it holds and what it costs: an untagged resource " +
      "is one nobody answers for in an incident or an audit. This rule runs only when the policy lists required tags " +
      '(safeDefaults.requiredTags), and counts the tags the AWS provider adds to every resource (`default_tags`).',
    remediation: "Add the missing tags to the resource, or to the provider's `default_tags` when every resource should carry them.",
    provider: 'aws',
    service: 'tags',
    peers: {},
    uses: ['requiredTags'],
    requires: ['requiredTags'],
  },
  terraform: {
    resourceTypes: TAGGABLE,
    check(resource, ctx) {
      const required = ctx.defaults.requiredTags ?? [];
      const tags = attr(resource.body, 'tags');
      const own = keysOf(tags?.value);
      const defaults = defaultTags(ctx).get(providerAlias(resource)) ?? (defaultTags(ctx).size ? undefined : new Set<string>());
      if (!own || !defaults) return;
      const missing = required.filter((t) => !own.has(t) && !defaults.has(t));
      if (!missing.length) return;
      ctx.report({ at: tags, message: `${resource.address} lacks the required tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (safeDefaults.requiredTags).` });
    },
  },
  // The values (who owns it, which cost centre) are facts only a person knows.
  fix: { terraform: askFix("which values do the required tags take here? Add them to tags (or to the provider's default_tags)") },
  examples: {
    terraform: {
      defaults: { requiredTags: ['owner', 'cost-center'] },
      good: [
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  tags = {
    owner       = "payments"
    cost-center = "1234"
  }
}
`,
        `provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      cost-center = "1234"
    }
  }
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
  tags = {
    owner = "orders-team"
  }
}
`,
      ],
      bad: [
        {
          code: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  tags = {
    owner = "payments"
  }
}
`,
          errors: [{ line: 3 }],
          output: `# NEEDS YOUR INPUT: which values do the required tags take here? Add them to tags (or to the provider's default_tags)
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  tags = {
    owner = "payments"
  }
}
`,
        },
        {
          code: `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: which values do the required tags take here? Add them to tags (or to the provider's default_tags)
resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
`,
        },
      ],
    },
  },
});
