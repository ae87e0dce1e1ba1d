import { defineBlockFlagRule } from './block-flag.js';

export default defineBlockFlagRule({
  id: 'BW-AWS-S3-009',
  title: 'S3 public access block restricts public bucket policies',
  problem: 'S3 public access block does not restrict public buckets',
  flag: 'restrict_public_buckets',
  purpose:
    'With `restrict_public_buckets`, a bucket whose policy is public can only be accessed by AWS services and principals of the owning account. Without it, a public policy (already attached or added later) grants access to anyone, including anonymous users.',
  effect: 'a public bucket policy still grants access to anyone',
  peers: { checkov: ['CKV_AWS_56'], trivy: ['AVD-AWS-0093'], kics: ['1ec253ab-c220-4d63-b2de-5b40e0af9293'] },
});
