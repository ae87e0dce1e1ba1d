import { defineBlockFlagRule } from './block-flag.js';

export default defineBlockFlagRule({
  id: 'BW-AWS-S3-006',
  title: 'S3 public access block blocks public ACLs',
  problem: 'S3 public access block allows public ACLs',
  flag: 'block_public_acls',
  purpose:
    'With `block_public_acls`, S3 rejects any request that would set a public ACL on the bucket or on an object in it. Without it, one upload with `x-amz-acl: public-read` or a mistaken ACL change makes data public.',
  effect: 'new public ACLs on the bucket or its objects are accepted',
  peers: { checkov: ['CKV_AWS_53'], trivy: ['AVD-AWS-0086'], kics: ['d0cc8694-fcad-43ff-ac86-32331d7e867f'] },
});
