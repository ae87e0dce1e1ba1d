// Facts about RDS resources that several rules need: replicas and restores inherit settings from
// their source, so a setting left unset on them is not a violation of this resource.

import type { TfResource } from '../../../../evaluate/terraform/view.js';
import { asString, attr, isUnknown, value } from '../../../../evaluate/terraform/view.js';

/** True when the attribute is set to something other than null or an empty string (unknown counts as set). */
export function isSet(resource: TfResource, name: string): boolean {
  const a = attr(resource.body, name);
  if (!a || a.value === null) return false;
  return isUnknown(a.value) || asString(a.value) !== '' || Array.isArray(a.value) || typeof a.value === 'object';
}

/** An `aws_db_instance` read replica (`replicate_source_db`). */
export function isReadReplica(resource: TfResource): boolean {
  return resource.type === 'aws_db_instance' && isSet(resource, 'replicate_source_db');
}

/**
 * Storage encryption is decided by a source (replica, snapshot, point-in-time restore, global cluster)
 * rather than by this resource's own `storage_encrypted`.
 */
export function inheritsStorageEncryption(resource: TfResource): boolean {
  const sources =
    resource.type === 'aws_db_instance'
      ? ['replicate_source_db', 'snapshot_identifier']
      : ['replication_source_identifier', 'snapshot_identifier', 'global_cluster_identifier'];
  if (sources.some((s) => isSet(resource, s))) return true;
  return resource.body.blocks.some((b) => b.type === 'restore_to_point_in_time');
}

/** Aurora engines keep storage at the cluster level; an `aws_db_instance` with one is a legacy cluster member. */
export function isAuroraEngine(resource: TfResource): boolean {
  return (asString(value(resource.body, 'engine')) ?? '').startsWith('aurora');
}

/** `alias/aws/rds` or an ARN of it: the AWS-managed key, not a customer-managed one. */
export function isAwsManagedKey(key: string): boolean {
  return /(^|:)alias\/aws\//.test(key);
}

export function kindOf(resource: TfResource): string {
  switch (resource.type) {
    case 'aws_rds_cluster':
      return 'RDS cluster';
    case 'aws_rds_cluster_instance':
      return 'RDS cluster instance';
    default:
      return 'RDS instance';
  }
}
