// The normalised AWS state: what checks written once for every format read. Each format's adapter
// (Terraform today, CloudFormation next) fills these collections from its own syntax.

import type { S3Bucket } from './s3.js';
import type { SecurityGroupRule } from './vpc.js';

export interface AwsCollections {
  's3.buckets': S3Bucket;
  'vpc.securityGroupRules': SecurityGroupRule;
}

export type AwsCollection = keyof AwsCollections;

export type { S3Bucket, S3Encryption } from './s3.js';
export type { SecurityGroupRule } from './vpc.js';
