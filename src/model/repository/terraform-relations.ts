// Flows from Terraform: what a function or service refers to in its configuration (a queue URL or table
// name in its environment), event source mappings (queue → function), API Gateway integrations (gateway →
// function), S3 notifications and SNS subscriptions, dead-letter redrives, and IAM grants (a role attached
// to a function or task allowed sqs:SendMessage on a queue → a flow labelled with the actions). People
// reach the internet-facing gateways.

import { asString, attr, isUnknown, type TfAttribute, type TfBody, type TfResource } from '../../evaluate/terraform/view.js';
import type { Element, Flow } from '../schema/architecture.js';
import { attributeAt, evidence, type Component, type TfModel } from './terraform-context.js';
import { stateProp } from './evidence.js';
import { iamGrants } from './terraform-iam.js';

const COMPUTE = new Set(['function', 'process', 'gateway']);
const WIRE_PROTOCOLS = new Set(['rds', 'elasticache', 'docdb', 'neptune', 'redshift', 'kafka', 'mq', 'opensearch']);
const PROTOCOLS: Record<string, string> = { sqs: 'sqs', sns: 'sns', kafka: 'kafka', rds: 'sql', elasticache: 'redis', lambda: 'https' };

/** Protocol and encryption of a call to `target`: AWS APIs are HTTPS unless an endpoint sends them elsewhere. */
function callTo(target: Component): Partial<Flow> {
  const protocol = PROTOCOLS[target.type.service] ?? 'https';
  if (target.endpoint) return { protocol, encrypted: target.endpoint.url.toLowerCase().startsWith('https:') };
  // Database and broker wire protocols: TLS depends on the client's settings, which Terraform does not show.
  if (WIRE_PROTOCOLS.has(target.type.service)) return { protocol };
  return { protocol, encrypted: true };
}

export function stateRelations(model: TfModel): void {
  for (const c of model.components.values()) if (COMPUTE.has(c.type.kind) && c.type.kind !== 'gateway') configurationReferences(model, c);
  mappings(model);
  for (const grant of iamGrants(model)) {
    for (const target of grant.targets) model.flow(grant.caller.element, target.element, grant.actions.join(', '), grant.evidence, callTo(target));
  }
  people(model);
}

/** A function or service that names a component in its settings (environment, task definition) calls it. */
function configurationReferences(model: TfModel, c: Component): void {
  const bodies: TfResource[] = [c.resource];
  for (const path of ['task_definition']) for (const def of model.referencedOfType(attr(c.resource.body, path), 'aws_ecs_task_definition')) bodies.push(def);
  for (const owner of bodies) {
    for (const [where, attribute] of attributesOf(owner.body)) {
      if (where.startsWith('dead_letter_config.') || /^(?:role|kms_key_arn|kms_key_id|task_role_arn|execution_role_arn|cluster|iam_instance_profile|depends_on)$/.test(attribute.name)) continue;
      for (const target of model.referenced(attribute)) {
        if (target === c) continue;
        const keys = envKeys(attribute, target);
        model.flow(c.element, target.element, keys ? `uses ${keys}` : `configured with ${target.element.name}`, evidence(owner.file, attribute, `${owner.address}: ${where} refers to ${target.resource.address}${keys ? ` (${keys})` : ''}`), callTo(target));
      }
    }
  }
}

function* attributesOf(body: TfBody, prefix = ''): Generator<[string, TfAttribute]> {
  for (const a of body.attributes.values()) yield [`${prefix}${a.name}`, a];
  for (const b of body.blocks) yield* attributesOf(b, `${prefix}${b.type}.`);
}

/** The environment variables whose (unknown) value came from the target: `QUEUE_URL`. */
function envKeys(attribute: TfAttribute, target: Component): string | undefined {
  if (attribute.name !== 'variables' || attribute.refs.length !== 1 || !attribute.value || typeof attribute.value !== 'object' || Array.isArray(attribute.value) || isUnknown(attribute.value)) return undefined;
  // One reference in the block: every variable set from it (a literal beside it would be listed too; rare).
  const keys = Object.keys(attribute.value as Record<string, unknown>).filter(() => target.resource !== undefined);
  return keys.length ? keys.join(', ') : undefined;
}

/** Resources that exist to connect two components. */
const LINKS: { type: string; from: string; to: string; label: string }[] = [
  { type: 'aws_lambda_event_source_mapping', from: 'event_source_arn', to: 'function_name', label: 'event source mapping: polls and delivers messages' },
  { type: 'aws_api_gateway_integration', from: 'rest_api_id', to: 'uri', label: 'integration: invokes' },
  { type: 'aws_apigatewayv2_integration', from: 'api_id', to: 'integration_uri', label: 'integration: invokes' },
  { type: 'aws_sns_topic_subscription', from: 'topic_arn', to: 'endpoint', label: 'subscription: delivers notifications' },
  { type: 'aws_lambda_permission', from: 'source_arn', to: 'function_name', label: 'invokes' },
  { type: 'aws_api_gateway_authorizer', from: 'rest_api_id', to: 'provider_arns', label: 'authorizer: verifies tokens of' },
  { type: 'aws_apigatewayv2_authorizer', from: 'api_id', to: 'jwt_configuration.issuer', label: 'authorizer: verifies tokens of' },
  { type: 'aws_lb_target_group_attachment', from: 'target_group_arn', to: 'target_id', label: 'forwards requests' },
];

function mappings(model: TfModel): void {
  for (const link of LINKS) {
    for (const r of model.lookups.ofType(link.type)) {
      const to = attributeAt(r.body, link.to);
      const sources = model.referenced(attributeAt(r.body, link.from));
      for (const source of sources) for (const target of model.referenced(to)) model.flow(source.element, target.element, link.label, evidence(r.file, r.body, `${r.address} connects ${source.element.name} to ${target.element.name}`), callTo(target));
    }
  }
  for (const n of model.lookups.ofType('aws_s3_bucket_notification')) {
    for (const bucket of model.referenced(attr(n.body, 'bucket'))) {
      for (const block of n.body.blocks) {
        const target = model.referenced(attr(block, 'lambda_function_arn') ?? attr(block, 'queue_arn') ?? attr(block, 'topic_arn'))[0];
        if (target) model.flow(bucket.element, target.element, 'notifies object events', evidence(n.file, block, `${n.address}: ${block.type} sends ${bucket.element.name}'s events to ${target.element.name}`), callTo(target));
      }
    }
  }
  for (const c of model.components.values()) {
    const redrive = attr(c.resource.body, 'redrive_policy');
    for (const dlq of model.referenced(redrive)) model.flow(c.element, dlq.element, 'dead-letter redrive', evidence(c.resource.file, redrive!, `${c.resource.address}: redrive_policy moves failing messages to ${dlq.element.name}`), callTo(dlq));
    // The control is stated at the redrive_policy line, so the threat it mitigates points there.
    const targets = model.referenced(redrive);
    if (redrive && targets.length && c.element.props.deadLetterQueue === undefined) {
      stateProp(c.element, 'deadLetterQueue', true, evidence(c.resource.file, redrive, `${c.resource.address}: redrive_policy gives it a dead-letter queue (${targets.map((t) => t.element.name).join(', ')})`));
    }
    const dlc = attributeAt(c.resource.body, 'dead_letter_config.target_arn');
    for (const dlq of model.referenced(dlc)) model.flow(c.element, dlq.element, 'dead-letter queue for failed invocations', evidence(c.resource.file, dlc!, `${c.resource.address}: dead_letter_config sends failed events to ${dlq.element.name}`), callTo(dlq));
  }
  // An SQS queue that redrives nowhere and is no other queue's dead-letter queue states that it has none.
  const deadLetterQueues = new Set([...model.components.values()].flatMap((c) => model.referenced(attr(c.resource.body, 'redrive_policy')).map((d) => d.element)));
  for (const c of model.components.values()) {
    if (c.resource.type !== 'aws_sqs_queue' || attr(c.resource.body, 'redrive_policy') || deadLetterQueues.has(c.element) || c.element.props.deadLetterQueue !== undefined) continue;
    stateProp(c.element, 'deadLetterQueue', false, evidence(c.resource.file, c.resource.body, `${c.resource.address} declares no redrive_policy: a message that keeps failing is never moved to a dead-letter queue`));
  }
}

/** People call what is on the internet: one User element, a flow to each internet-facing gateway. */
function people(model: TfModel): void {
  let user: Element | undefined;
  for (const c of model.components.values()) {
    if (c.type.kind !== 'gateway' || c.element.props.internetFacing !== true) continue;
    user ??= { id: 'user', name: 'User', kind: 'actor', technology: 'Browser', props: {}, data: [], inferredFrom: 'people reach the internet-facing gateways' };
    const facing = c.element.evidence?.find((e) => e.prop === 'internetFacing')!;
    const tls = listenerTls(model, c);
    model.flow(user, c.element, tls.encrypted ? 'HTTPS' : 'HTTP', { file: facing.file, line: facing.line, says: `${facing.says}${tls.says ? `; ${tls.says}` : ''}`, ...(tls.decided ? { prop: 'encrypted', value: tls.encrypted } : {}) }, { protocol: tls.encrypted ? 'https' : 'http', encrypted: tls.encrypted });
  }
  if (user) model.fragment.elements.unshift(user);
}

/** API Gateway and CloudFront speak HTTPS; a load balancer as its listeners say (any plain HTTP listener that does not redirect: unencrypted). */
function listenerTls(model: TfModel, c: Component): { encrypted: boolean; says?: string; decided?: boolean } {
  if (c.resource.type !== 'aws_lb' && c.resource.type !== 'aws_alb') return { encrypted: true, says: 'AWS serves it over HTTPS' };
  const listeners = [...model.referencing(c.resource, 'aws_lb_listener', 'load_balancer_arn'), ...model.referencing(c.resource, 'aws_alb_listener', 'load_balancer_arn')];
  if (!listeners.length) return { encrypted: false, says: 'no listener declared' };
  for (const l of listeners) {
    const protocol = asString(attr(l.body, 'protocol')?.value) ?? 'HTTP';
    const redirects = l.body.blocks.some((b) => b.type === 'default_action' && asString(attr(b, 'type')?.value) === 'redirect');
    if (!/^(?:HTTPS|TLS)$/i.test(protocol) && !redirects) return { encrypted: false, says: `${l.address} (${l.file}:${l.body.range.start.line}) listens with ${protocol}`, decided: true };
  }
  return { encrypted: true, says: `listeners ${listeners.map((l) => `${l.address} (${l.file}:${l.body.range.start.line})`).join(', ')} use TLS`, decided: true };
}
