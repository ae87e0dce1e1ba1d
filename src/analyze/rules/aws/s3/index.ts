// The s3 rules, in id order.
import type { Rule } from '../../../rule.js';
import bucketEncryption from './bucket-encryption.js';
import bucketVersioning from './bucket-versioning.js';
import noPublicAcl from './no-public-acl.js';
import noPublicPolicy from './no-public-policy.js';
import publicAccessBlock from './public-access-block.js';
import blockPublicAcls from './block-public-acls.js';
import blockPublicPolicy from './block-public-policy.js';
import ignorePublicAcls from './ignore-public-acls.js';
import restrictPublicBuckets from './restrict-public-buckets.js';
import accessLogging from './access-logging.js';
import encryptionCustomerKey from './encryption-customer-key.js';
import mfaDelete from './mfa-delete.js';
import objectWriteLogging from './object-write-logging.js';
import objectReadLogging from './object-read-logging.js';

export const s3Rules: Rule[] = [
  bucketEncryption,
  bucketVersioning,
  noPublicAcl,
  noPublicPolicy,
  publicAccessBlock,
  blockPublicAcls,
  blockPublicPolicy,
  ignorePublicAcls,
  restrictPublicBuckets,
  accessLogging,
  encryptionCustomerKey,
  mfaDelete,
  objectWriteLogging,
  objectReadLogging,
];
