// The four Block Public Access flag rules: a bucket's public access block must set the flag, unless the
// account-level block already does (S3 applies the stricter of the two). Each rule file states only its
// flag, what leaving it off allows, and its metadata.

import type { PeerIds, Rule, TerraformRuleContext } from '../../../rule.js';
import { defineRule } from '../../../rule.js';
import { attr, isTrue, isUnknown, type TfResource } from '../../../../evaluate/terraform/view.js';
import { PUBLIC_ACCESS_BLOCK_COMPLIANCE } from './compliance.js';
import { addressOf, askAbove, setLiteral } from '../../../fix-helpers.js';
import { PUBLIC_ACCESS_BLOCK, accountBlocks, type BlockFlag } from './public-access.js';

const BLOCK_FLAGS: readonly BlockFlag[] = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

function checkBlockFlag(block: TfResource, ctx: TerraformRuleContext, flag: BlockFlag, effect: string): void {
  const setting = attr(block.body, flag);
  if (setting && (isTrue(setting.value) || isUnknown(setting.value))) return;
  if (accountBlocks(ctx, flag) !== false) return;
  const bucket = attr(block.body, 'bucket');
  const target = bucket?.refs[0] ?? (typeof bucket?.value === 'string' ? `"${bucket.value}"` : 'its bucket');
  const state = setting ? `sets ${flag} = ${String(setting.value)}` : `leaves ${flag} unset (default false)`;
  ctx.report({ at: setting, message: `Public access block ${block.address} for ${target} ${state}, so ${effect}.` });
}

export interface BlockFlagRule {
  id: string;
  title: string;
  problem: string;
  flag: BlockFlag;
  /** What the flag does and what its absence allows (the opening of the description). */
  purpose: string;
  /** What goes wrong while the flag is off, for the finding's message ("so …"). */
  effect: string;
  peers: PeerIds;
}

export function defineBlockFlagRule(spec: BlockFlagRule): Rule {
  const { flag, effect } = spec;
  return defineRule({
    meta: {
      id: spec.id,
      title: spec.title,
      problem: spec.problem,
      severity: 'medium',
      stride: 'information-disclosure',
      cwe: ['CWE-284'],
      compliance: [...PUBLIC_ACCESS_BLOCK_COMPLIANCE],
      description:
        `${spec.purpose} ` +
        'The flag is not reported when the account-level public access block sets it, since S3 applies the stricter ' +
        'setting; a bucket with no public access block at all is reported by BW-AWS-S3-005 instead.',
      remediation: `Set \`${flag} = true\` on the \`aws_s3_bucket_public_access_block\` (or on the account-level block).`,
      provider: 'aws',
      service: 's3',
      peers: spec.peers,
      links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
    },
    terraform: {
      resourceTypes: [PUBLIC_ACCESS_BLOCK],
      check(block, ctx) {
        checkBlockFlag(block, ctx, flag, effect);
      },
    },
    fix: {
      terraform(ctx) {
        // Written false on purpose (a public website, say): turning it on is the owner's call.
        if (ctx.at?.kind === 'Attribute') return askAbove(ctx, `${flag} is false: is this bucket public on purpose? If not, set it to true`);
        return setLiteral(ctx, flag, 'true', `Sets ${flag} = true on ${addressOf(ctx.resource)}.`);
      },
    },
    examples: {
      terraform: {
        good: [
          bucketWithBlock(() => true),
          `resource "aws_s3_account_public_access_block" "account" {
  ${flag} = true
}

${BUCKET}
resource "aws_s3_bucket_public_access_block" "data" {
  bucket = aws_s3_bucket.data.id
}
`,
        ],
        bad: [
          {
            code: `${BUCKET}
resource "aws_s3_bucket_public_access_block" "data" {
  bucket = aws_s3_bucket.data.id
}
`,
            errors: [{ line: 5 }],
            output: `${BUCKET}
resource "aws_s3_bucket_public_access_block" "data" {
  bucket${' '.repeat(Math.max(0, flag.length - 6))} = aws_s3_bucket.data.id
  ${flag} = true
}
`,
          },
          // The flag's own line: the block starts on line 5, its `bucket` is line 6, the flags follow in order.
          {
            code: bucketWithBlock((other) => other !== flag),
            errors: [{ line: 7 + BLOCK_FLAGS.indexOf(flag) }],
            output: bucketWithBlock((other) => other !== flag).replace(
              'resource "aws_s3_bucket_public_access_block"',
              `# NEEDS YOUR INPUT: ${flag} is false: is this bucket public on purpose? If not, set it to true\nresource "aws_s3_bucket_public_access_block"`,
            ),
          },
        ],
      },
    },
  });
}

const BUCKET = `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`;

/** A bucket and its public access block, each flag set as `on` says (names aligned as `terraform fmt` does). */
function bucketWithBlock(on: (flag: BlockFlag) => boolean): string {
  const line = (name: string, value: string) => `  ${name.padEnd(23)} = ${value}\n`;
  return `${BUCKET}
resource "aws_s3_bucket_public_access_block" "data" {
${line('bucket', 'aws_s3_bucket.data.id')}${BLOCK_FLAGS.map((f) => line(f, String(on(f)))).join('')}}
`;
}
