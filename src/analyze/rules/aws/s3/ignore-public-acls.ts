import { defineBlockFlagRule } from './block-flag.js';

export default defineBlockFlagRule({
  id: 'BW-AWS-S3-008',
  title: 'S3 public access block ignores public ACLs',
  problem: 'S3 public access block honours public ACLs',
  flag: 'ignore_public_acls',
  purpose:
    'With `ignore_public_acls`, S3 disregards every public ACL on the bucket and its objects, including ones set before the block existed. Without it, any public ACL that slips through keeps granting access.',
  effect: 'existing public ACLs on the bucket and its objects stay in effect',
  peers: { checkov: ['CKV_AWS_55'], trivy: ['AVD-AWS-0091'], kics: ['4fa66806-0dd9-4f8d-9480-3174d39c7c91'] },
});
