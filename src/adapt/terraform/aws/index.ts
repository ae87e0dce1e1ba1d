// The Terraform adapter of the AWS state: for each state collection, the resource types it is read from
// and how one such resource becomes state items. The CloudFormation adapter fills the same collections.

import type { TfLookups } from '../../../evaluate/terraform/lookups.js';
import type { TfResource } from '../../../evaluate/terraform/view.js';
import type { AwsCollection, AwsCollections } from '../../../state/aws/index.js';
import { tfSource } from '../source.js';
import { s3Encryption } from './s3/encryption.js';
import { SECURITY_GROUP_RULE_TYPES, stateSecurityGroupRules } from './vpc/security-group-rules.js';

export interface TerraformCollectionAdapter<K extends AwsCollection> {
  resourceTypes: readonly string[];
  adapt(resource: TfResource, lookups: TfLookups): AwsCollections[K][];
}

export const TERRAFORM_AWS_ADAPTERS: { readonly [K in AwsCollection]: TerraformCollectionAdapter<K> } = {
  's3.buckets': {
    resourceTypes: ['aws_s3_bucket'],
    adapt: (bucket, lookups) => [{ source: tfSource(bucket), encryption: s3Encryption(bucket, lookups) }],
  },
  'vpc.securityGroupRules': {
    resourceTypes: SECURITY_GROUP_RULE_TYPES,
    adapt: stateSecurityGroupRules,
  },
};
