// The ec2 rules, in id order.
import type { Rule } from '../../../rule.js';
import instanceDetailedMonitoring from './instance-detailed-monitoring.js';
import imdsv2Required from './imdsv2-required.js';
import instanceEbsEncryption from './instance-ebs-encryption.js';
import ebsVolumeEncryption from './ebs-volume-encryption.js';
import ebsVolumeCmk from './ebs-volume-cmk.js';
import launchEbsEncryption from './launch-ebs-encryption.js';
import noPublicIp from './no-public-ip.js';
import userDataAwsCredentials from './user-data-aws-credentials.js';
import userDataSecrets from './user-data-secrets.js';

export const ec2Rules: Rule[] = [
  instanceDetailedMonitoring,
  imdsv2Required,
  instanceEbsEncryption,
  ebsVolumeEncryption,
  ebsVolumeCmk,
  launchEbsEncryption,
  noPublicIp,
  userDataAwsCredentials,
  userDataSecrets,
];
