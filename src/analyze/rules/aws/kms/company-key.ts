import { defineRule } from '../../../rule.js';
import type { TfAttribute, TfBody, TfResource } from '../../../../evaluate/terraform/view.js';
import { addressOf, askAbove, fixSetting, hclString } from '../../../fix-helpers.js';

/** Where each resource type names its encryption key. */
const KEY_PATHS: Readonly<Record<string, readonly string[][]>> = {
  aws_s3_bucket_server_side_encryption_configuration: [['rule', 'apply_server_side_encryption_by_default', 'kms_master_key_id']],
  aws_s3_bucket: [['server_side_encryption_configuration', 'rule', 'apply_server_side_encryption_by_default', 'kms_master_key_id']],
  aws_sqs_queue: [['kms_master_key_id']],
  aws_cloudtrail: [['kms_key_id']],
  aws_ebs_volume: [['kms_key_id']],
  aws_db_instance: [['kms_key_id'], ['performance_insights_kms_key_id']],
  aws_rds_cluster: [['kms_key_id']],
};

/** Changing the key of these replaces the resource (and its data): asked, never written. */
const REPLACED_ON_CHANGE = new Set(['aws_ebs_volume', 'aws_db_instance', 'aws_rds_cluster']);

function keysOf(resource: TfResource): TfAttribute[] {
  const found: TfAttribute[] = [];
  const walk = (body: TfBody, path: readonly string[]) => {
    const [head, ...rest] = path;
    if (!head) return;
    if (!rest.length) {
      const a = body.attributes.get(head);
      if (a) found.push(a);
      return;
    }
    for (const b of body.blocks) if (b.type === head) walk(b, rest);
  };
  for (const path of KEY_PATHS[resource.type] ?? []) walk(resource.body, path);
  return found;
}

/** A key written out as a key ARN or key id (an alias or a reference cannot be compared with the policy's key here). */
function literalKey(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^arn:aws[\w-]*:kms:[^:]*:[^:]*:key\/.+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : undefined;
}

export default defineRule({
  meta: {
    id: 'BW-AWS-KMS-003',
    title: "Encryption uses the company's KMS key",
    problem: "Encrypted with a key other than the company's",
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-320'],
    compliance: [
      { framework: 'PCI-DSS', control: '3.6.1' },
      { framework: 'SOC2', control: 'CC6.1' },
      { framework: 'NIST-800-53', control: 'SC-12' },
    ],
    description:
      "When the policy names the KMS key encryption must use (safeDefaults.kmsKeyArn), data encrypted with another key " +
      "escapes the company's key policy, rotation and audit: whoever controls that other key controls the data. This " +
      'rule runs only when the policy names a key, and judges keys written out as a key ARN or id; aliases and ' +
      'references are not compared.',
    remediation: "Use the company's key (safeDefaults.kmsKeyArn in bulwark.yaml) for the encryption setting.",
    provider: 'aws',
    service: 'kms',
    peers: {},
    uses: ['kmsKeyArn'],
    requires: ['kmsKeyArn'],
  },
  terraform: {
    resourceTypes: Object.keys(KEY_PATHS),
    check(resource, ctx) {
      const wanted = ctx.defaults.kmsKeyArn;
      if (!wanted) return;
      for (const key of keysOf(resource)) {
        const written = literalKey(key.value);
        if (!written || written === wanted || wanted.endsWith(`:key/${written}`)) continue;
        ctx.report({ at: key, message: `${resource.address} sets ${key.name} = "${written}", not the company's key ${wanted} (safeDefaults.kmsKeyArn).` });
      }
    },
  },
  fix: {
    terraform(ctx) {
      const type = ctx.resource.labels[0]!;
      if (REPLACED_ON_CHANGE.has(type)) return askAbove(ctx, `changing the key of ${addressOf(ctx.resource)} replaces it and its data: migrate through a snapshot copy encrypted with the company's key`);
      const at = ctx.at;
      if (at?.kind !== 'Attribute') return { declined: 'the finding does not point at the key setting' };
      return fixSetting(at.name, hclString(ctx.defaults.kmsKeyArn!))(ctx);
    },
  },
  examples: {
    terraform: {
      defaults: { kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      good: [
        `resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`,
        `resource "aws_kms_key" "team" {
  enable_key_rotation = true
}

resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_key.team.arn
}
`,
      ],
      bad: [
        {
          code: `resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = "arn:aws:kms:us-east-1:444455556666:key/99998888-7777-6666-5555-444433332222"
}
`,
          errors: [{ line: 3 }],
          output: `resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`,
        },
        {
          code: `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = "arn:aws:kms:us-east-1:444455556666:key/99998888-7777-6666-5555-444433332222"
}
`,
          errors: [{ line: 5 }],
          output: `# NEEDS YOUR INPUT: changing the key of aws_ebs_volume.data replaces it and its data: migrate through a snapshot copy encrypted with the company's key
resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = "arn:aws:kms:us-east-1:444455556666:key/99998888-7777-6666-5555-444433332222"
}
`,
        },
      ],
    },
  },
});
