// Controls the Terraform states, as element properties with the line that decides each: encryption at rest
// (consistent with the auditor's rules: an SQS queue declaring no encryption is unencrypted), public access
// to buckets, WAF associations, API Gateway authorizers and throttling, backups, MFA on user pools, and
// deletion protection (evidence only).

import { asNumber, asString, attr, isFalse, isTrue, isUnknown, type TfAttribute, type TfResource } from '../../evaluate/terraform/view.js';
import { stateProp } from './evidence.js';
import { attributeAt, evidence, type Component, type TfModel } from './terraform-context.js';

type Prop = Parameters<typeof stateProp>[1];

function say(c: Component, prop: Prop, value: boolean, at: TfAttribute | undefined, says: string): void {
  const where = at ?? c.resource.body;
  stateProp(c.element, prop, value, evidence(c.resource.file, where, says, { prop, value }));
}

const known = (a: TfAttribute | undefined): boolean => a !== undefined && !isUnknown(a.value);
const nonEmpty = (a: TfAttribute | undefined): boolean => a !== undefined && (isUnknown(a.value) || (asString(a.value) ?? '') !== '');

export function stateControls(model: TfModel): void {
  for (const c of model.components.values()) {
    const body = c.resource.body;
    const name = c.resource.address;
    switch (c.resource.type) {
      case 'aws_sqs_queue': {
        const key = attr(body, 'kms_master_key_id');
        const managed = attr(body, 'sqs_managed_sse_enabled');
        if (nonEmpty(key)) say(c, 'encryptedAtRest', true, key, `${name}: kms_master_key_id set: messages encrypted with a KMS key`);
        else if (managed && (isTrue(managed.value) || isUnknown(managed.value))) say(c, 'encryptedAtRest', true, managed, `${name}: sqs_managed_sse_enabled: messages encrypted with SQS-managed keys`);
        else if (managed && isFalse(managed.value)) say(c, 'encryptedAtRest', false, managed, `${name}: sqs_managed_sse_enabled = false and no KMS key: messages stored unencrypted`);
        else say(c, 'encryptedAtRest', false, undefined, `${name} declares no server-side encryption (neither kms_master_key_id nor sqs_managed_sse_enabled)`);
        break;
      }
      case 'aws_sns_topic':
      case 'aws_kinesis_stream': {
        const key = attr(body, 'kms_master_key_id') ?? attr(body, 'kms_key_id');
        const type = attr(body, 'encryption_type');
        if (nonEmpty(key) || (type && asString(type.value) === 'KMS')) say(c, 'encryptedAtRest', true, key ?? type, `${name}: encrypted with a KMS key`);
        else say(c, 'encryptedAtRest', false, type, `${name} declares no KMS encryption`);
        break;
      }
      case 'aws_db_instance':
      case 'aws_rds_cluster':
      case 'aws_docdb_cluster':
      case 'aws_neptune_cluster':
      case 'aws_redshift_cluster': {
        const flag = attr(body, 'storage_encrypted') ?? attr(body, 'encrypted');
        if (flag && isTrue(flag.value)) say(c, 'encryptedAtRest', true, flag, `${name}: ${flag.name} = true${nonEmpty(attr(body, 'kms_key_id')) ? ' with a KMS key' : ''}`);
        else if (!flag || isFalse(flag.value)) say(c, 'encryptedAtRest', false, flag, `${name}: storage not encrypted (${flag ? `${flag.name} = false` : 'storage_encrypted not set, off by default'})`);
        backups(c, attr(body, 'backup_retention_period'));
        deletionProtection(c);
        break;
      }
      case 'aws_dynamodb_table': {
        const sse = body.blocks.find((b) => b.type === 'server_side_encryption');
        const enabled = sse ? attr(sse, 'enabled') : undefined;
        const key = sse ? attr(sse, 'kms_key_arn') : undefined;
        if (enabled && isTrue(enabled.value)) say(c, 'encryptedAtRest', true, nonEmpty(key) ? key : enabled, `${name}: server_side_encryption with ${nonEmpty(key) ? 'a customer-managed KMS key' : 'the AWS managed KMS key'}`);
        else say(c, 'encryptedAtRest', true, enabled, `${name}: encrypted at rest with an AWS owned key (DynamoDB's default; no customer-managed key)`);
        const pitr = attributeAt(body, 'point_in_time_recovery.enabled');
        if (known(pitr)) say(c, 'backups', isTrue(pitr!.value), pitr, `${name}: point_in_time_recovery ${isTrue(pitr!.value) ? 'enabled' : 'disabled'}`);
        deletionProtection(c);
        break;
      }
      case 'aws_elasticache_replication_group':
      case 'aws_elasticache_cluster': {
        const rest = attr(body, 'at_rest_encryption_enabled');
        if (known(rest)) say(c, 'encryptedAtRest', isTrue(rest!.value), rest, `${name}: at_rest_encryption_enabled = ${String(rest!.value)}`);
        else if (c.resource.type === 'aws_elasticache_replication_group') say(c, 'encryptedAtRest', false, undefined, `${name}: at_rest_encryption_enabled not set`);
        break;
      }
      case 'aws_s3_bucket':
        bucketControls(model, c);
        break;
      case 'aws_cognito_user_pool': {
        const mfa = attr(body, 'mfa_configuration');
        const mode = mfa ? asString(mfa.value) : 'OFF';
        if (mode === 'ON' || mode === 'OFF' || mode === 'OPTIONAL') say(c, 'mfa', mode === 'ON', mfa, `${name}: mfa_configuration ${mode}${mfa ? '' : ' (the default)'}`);
        break;
      }
      case 'aws_kms_key': {
        const rotation = attr(body, 'enable_key_rotation');
        if (rotation) (c.element.evidence ??= []).push(evidence(c.resource.file, rotation, `${name}: enable_key_rotation = ${String(rotation.value)}`));
        break;
      }
      case 'aws_lb':
      case 'aws_alb':
        deletionProtection(c, 'enable_deletion_protection');
        break;
    }
  }
  gatewayControls(model);
}

function backups(c: Component, retention: TfAttribute | undefined): void {
  if (!known(retention)) return;
  const days = asNumber(retention!.value);
  if (days === undefined) return;
  say(c, 'backups', days > 0, retention, `${c.resource.address}: backup_retention_period = ${days}${days > 0 ? ' days' : ' (no automated backups)'}`);
}

function deletionProtection(c: Component, name = 'deletion_protection'): void {
  const a = attr(c.resource.body, name) ?? attr(c.resource.body, 'deletion_protection_enabled');
  if (a) (c.element.evidence ??= []).push(evidence(c.resource.file, a, `${c.resource.address}: ${a.name} = ${isUnknown(a.value) ? '(unknown)' : String(a.value)}`));
}

function bucketControls(model: TfModel, c: Component): void {
  const name = c.resource.address;
  const sse = [...model.referencing(c.resource, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket')];
  const inline = c.resource.body.blocks.find((b) => b.type === 'server_side_encryption_configuration');
  if (sse[0]) say(c, 'encryptedAtRest', true, undefined, `${name}: encryption configured by ${sse[0].address} (${sse[0].file}:${sse[0].body.range.start.line})`);
  else if (inline) stateProp(c.element, 'encryptedAtRest', true, evidence(c.resource.file, inline, `${name}: server_side_encryption_configuration`, { prop: 'encryptedAtRest', value: true }));
  else say(c, 'encryptedAtRest', true, undefined, `${name}: encrypted with S3-managed keys (S3's default since 2023; no KMS key)`);
  for (const block of model.referencing(c.resource, 'aws_s3_bucket_public_access_block', 'bucket')) {
    const flags = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'].map((f) => attr(block.body, f));
    const all = flags.every((f) => f && isTrue(f.value));
    const off = flags.find((f) => f && isFalse(f.value));
    if (all) stateProp(c.element, 'publicAccess', false, evidence(block.file, block.body, `${block.address} blocks every kind of public access to ${name}`, { prop: 'publicAccess', value: false }));
    else if (off) stateProp(c.element, 'publicAccess', true, evidence(block.file, off, `${block.address}: ${off.name} = false: public access to ${name} is not blocked`, { prop: 'publicAccess', value: true }));
  }
  for (const v of model.referencing(c.resource, 'aws_s3_bucket_versioning', 'bucket')) {
    const status = attributeAt(v.body, 'versioning_configuration.status');
    if (known(status)) stateProp(c.element, 'versioning', asString(status!.value) === 'Enabled', evidence(v.file, status!, `${v.address}: versioning ${asString(status!.value)}`, { prop: 'versioning', value: asString(status!.value) === 'Enabled' }));
  }
}

/** WAF associations, authorizers on every route or not, and throttling, on API Gateways and load balancers. */
function gatewayControls(model: TfModel): void {
  for (const assoc of model.lookups.ofType('aws_wafv2_web_acl_association')) {
    for (const target of model.referenced(attr(assoc.body, 'resource_arn'))) stateProp(target.element, 'waf', true, evidence(assoc.file, assoc.body, `${assoc.address} puts a WAF web ACL in front of ${target.element.name}`, { prop: 'waf', value: true }));
  }
  for (const c of model.components.values()) {
    if (c.resource.type !== 'aws_cloudfront_distribution') continue;
    const acl = attr(c.resource.body, 'web_acl_id');
    if (nonEmpty(acl)) say(c, 'waf', true, acl, `${c.resource.address}: web_acl_id set`);
  }
  routeAuthorization(model, 'aws_api_gateway_method', 'rest_api_id', 'authorization');
  routeAuthorization(model, 'aws_apigatewayv2_route', 'api_id', 'authorization_type');
  const throttles: [string, string, string][] = [
    ['aws_api_gateway_method_settings', 'rest_api_id', 'settings.throttling_rate_limit'],
    ['aws_apigatewayv2_stage', 'api_id', 'default_route_settings.throttling_rate_limit'],
    ['aws_api_gateway_usage_plan', 'api_stages.api_id', 'throttle_settings.rate_limit'],
  ];
  for (const [type, apiPath, limitPath] of throttles) {
    for (const r of model.lookups.ofType(type)) {
      const limit = attributeAt(r.body, limitPath);
      if (!limit) continue;
      for (const api of model.referenced(attributeAt(r.body, apiPath))) {
        stateProp(api.element, 'rateLimited', true, evidence(r.file, limit, `${r.address}: ${limitPath.split('.').pop()} = ${isUnknown(limit.value) ? '(unknown)' : String(limit.value)}`, { prop: 'rateLimited', value: true }));
      }
    }
  }
}

/** An API authenticates its callers when every route names an authorizer; one open route is enough to say no. */
function routeAuthorization(model: TfModel, type: string, apiAttribute: string, authAttribute: string): void {
  const open = new Map<Component, TfResource>();
  const guarded = new Map<Component, TfResource>();
  for (const route of model.lookups.ofType(type)) {
    const auth = attr(route.body, authAttribute);
    const mode = auth && !isUnknown(auth.value) ? (asString(auth.value) ?? 'NONE') : auth ? undefined : 'NONE';
    if (mode === undefined) continue;
    for (const api of model.referenced(attr(route.body, apiAttribute))) {
      if (mode.toUpperCase() === 'NONE') {
        if (!open.has(api)) open.set(api, route);
      } else {
        if (!guarded.has(api)) guarded.set(api, route);
        (api.element.evidence ??= []).push(evidence(route.file, auth ?? route.body, `${route.address}: ${authAttribute} = ${mode}${routeKey(route)}`));
      }
    }
  }
  for (const [api, route] of open) {
    const auth = attr(route.body, authAttribute);
    stateProp(api.element, 'authenticatesCallers', false, evidence(route.file, auth ?? route.body, `${route.address}${routeKey(route)} has no authorizer (${authAttribute} ${auth ? '= NONE' : 'not set'}): anyone can call it`, { prop: 'authenticatesCallers', value: false }));
  }
  for (const [api, route] of guarded) {
    if (open.has(api)) continue;
    stateProp(api.element, 'authenticatesCallers', true, evidence(route.file, attr(route.body, authAttribute) ?? route.body, `every route of ${api.element.name} names an authorizer`, { prop: 'authenticatesCallers', value: true }));
  }
}

function routeKey(route: TfResource): string {
  const key = attr(route.body, 'route_key') ?? attr(route.body, 'http_method');
  const v = key && !isUnknown(key.value) ? asString(key.value) : undefined;
  return v ? ` (${v})` : '';
}
