// The rds rules, in id order.
import type { Rule } from '../../../rule.js';
import storageEncrypted from './storage-encrypted.js';
import clusterEncryptedWithCmk from './cluster-encrypted-with-cmk.js';
import noPublicAccess from './no-public-access.js';
import backupsEnabled from './backups-enabled.js';
import backupRetention from './backup-retention.js';
import performanceInsightsEnabled from './performance-insights-enabled.js';
import performanceInsightsCmk from './performance-insights-cmk.js';
import iamAuthentication from './iam-authentication.js';

export const rdsRules: Rule[] = [
  storageEncrypted,
  clusterEncryptedWithCmk,
  noPublicAccess,
  backupsEnabled,
  backupRetention,
  performanceInsightsEnabled,
  performanceInsightsCmk,
  iamAuthentication,
];
