import { defineBlockFlagRule } from './block-flag.js';

export default defineBlockFlagRule({
  id: 'BW-AWS-S3-007',
  title: 'S3 public access block blocks public bucket policies',
  problem: 'S3 public access block allows public bucket policies',
  flag: 'block_public_policy',
  purpose:
    'With `block_public_policy`, S3 rejects a bucket policy that grants public access. Without it, anyone allowed to change the policy can open the bucket to the internet with one statement.',
  effect: 'a bucket policy granting public access can be attached',
  peers: { checkov: ['CKV_AWS_54'], trivy: ['AVD-AWS-0087'], kics: ['1a4bc881-9f69-4d44-8c9a-d37d08f54c50'] },
});
