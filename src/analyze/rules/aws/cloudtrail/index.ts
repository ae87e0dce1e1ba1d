// The cloudtrail rules, in id order.
import type { Rule } from '../../../rule.js';
import multiRegion from './multi-region.js';
import logValidation from './log-validation.js';
import encryptionKms from './encryption-kms.js';
import cloudwatchIntegration from './cloudwatch-integration.js';
import noPublicLogBucket from './no-public-log-bucket.js';
import logBucketAccessLogging from './log-bucket-access-logging.js';
import loggingEnabled from './logging-enabled.js';

export const cloudtrailRules: Rule[] = [
  multiRegion,
  logValidation,
  encryptionKms,
  cloudwatchIntegration,
  noPublicLogBucket,
  logBucketAccessLogging,
  loggingEnabled,
];
