// LocalStack and other emulators: an aws provider whose `endpoints` block sends a service to a URL
// (`sqs = "http://localstack:4566"`) creates that service's resources in whatever answers there, usually a
// compose service. After the merge, each such element is placed where that service runs, and the flows the
// compose file draws to the emulator are drawn on to the resources it holds.

import { asString, attr, isUnknown } from '../../evaluate/terraform/view.js';
import type { Element, Flow } from '../schema/architecture.js';
import type { MergedModel } from './merge.js';
import { normalisedName } from './merge.js';
import { evidence, type TfModel } from './terraform-context.js';
import type { TfAttribute } from '../../evaluate/terraform/view.js';
import type { HostedElement } from './types.js';

export interface Endpoint {
  url: string;
  attribute: TfAttribute;
  file: string;
}

/** Endpoints by service name, from the aws provider blocks of the root (the first provider naming a service wins). */
export function providerEndpoints(model: TfModel): Map<string, Endpoint> {
  const out = new Map<string, Endpoint>();
  for (const provider of model.lookups.ofType('provider.aws')) {
    for (const block of provider.body.blocks) {
      if (block.type !== 'endpoints') continue;
      for (const [service, attribute] of block.attributes) {
        const url = isUnknown(attribute.value) ? undefined : asString(attribute.value);
        if (url && !out.has(service)) out.set(service, { url, attribute, file: block.file });
      }
    }
  }
  return out;
}

/** The hosting hints of a root's components, for linkHosted after the merge. */
export function hostedElements(model: TfModel): HostedElement[] {
  const out: HostedElement[] = [];
  for (const c of model.components.values()) {
    if (!c.endpoint) continue;
    out.push({
      element: c.element.id,
      name: c.element.name,
      url: c.endpoint.url,
      service: c.type.service,
      evidence: evidence(c.endpoint.file, c.endpoint.attribute, `provider "aws" sends ${c.type.service} to ${c.endpoint.url}: ${c.element.name} is created there`),
    });
  }
  return out;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', 'host.docker.internal', '0.0.0.0']);

function hostOf(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+|\[[^\]]*\])/i.exec(url.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * Places each hosted element in the element that serves its endpoint: a compose service of the URL's host
 * name, or (for localhost) the one LocalStack-like service. Flows to the host are drawn on to the hosted
 * elements of the service they speak (`sqs`), or to all of them when the flow names no service.
 */
export function linkHosted(model: MergedModel, hosted: readonly HostedElement[]): string[] {
  const notes: string[] = [];
  const byId = new Map(model.elements.map((e) => [e.id, e]));
  const byName = new Map(model.elements.map((e) => [normalisedName(e.name), e]));
  const emulators = model.elements.filter((e) => /localstack|moto|elasticmq|minio|dynamodb[- ]local/i.test(`${e.name} ${e.technology ?? ''}`));
  const guests = new Map<string, { host: Element; guests: { element: Element; hint: HostedElement }[] }>();
  for (const hint of hosted) {
    const element = byId.get(hint.element) ?? byName.get(normalisedName(hint.name));
    const host = hostElement(hint.url, byName, emulators);
    if (!element || !host || host === element) {
      if (element && !host) notes.push(`${element.name} is created at ${hint.url}, which no compose service answers: placed in the AWS account`);
      continue;
    }
    element.boundary = host.boundary;
    element.runtime ??= host.name;
    element.technology = element.technology?.replace(/ \(emulated at [^)]*\)$/, ` (in ${host.name})`);
    element.inferredFrom = `${element.inferredFrom ?? ''}; runs in ${host.name}${host.technology ? ` (${host.technology})` : ''}, because the aws provider sends ${hint.service} to ${hint.url}`;
    (element.evidence ??= []).push(hint.evidence);
    const entry = guests.get(host.id) ?? { host, guests: [] };
    entry.guests.push({ element, hint });
    guests.set(host.id, entry);
  }
  // An account boundary whose every element moved into the emulator holds nothing.
  const used = new Set([...model.elements.map((e) => e.boundary), ...model.boundaries.map((b) => b.parent)]);
  if (guests.size) model.boundaries = model.boundaries.filter((b) => b.type !== 'cloud-account' || used.has(b.id));
  for (const { host, guests: list } of guests.values()) {
    const existing = new Set(model.flows.map((f) => `${f.source}->${f.target}`));
    const drawn = new Set<Flow>();
    for (const flow of model.flows.filter((f) => f.target === host.id)) {
      const named = list.filter((g) => g.hint.service === flow.protocol);
      // A call to a service the emulator runs but Terraform creates nothing of (S3 beside the SQS queues) stays on it.
      const onto = named.length ? named : flow.protocol && AWS_SERVICES.has(flow.protocol) ? [] : list;
      for (const { element } of onto) {
        const key = `${flow.source}->${element.id}`;
        if (flow.source === element.id || existing.has(key)) continue;
        existing.add(key);
        model.flows.push(drawnOn(flow, element, host));
      }
      if (onto.length) drawn.add(flow);
    }
    model.flows = model.flows.filter((f) => !drawn.has(f));
    if (!model.flows.some((f) => f.target === host.id || f.source === host.id)) {
      emulatorAsBoundary(model, host, list.map((g) => g.element));
      notes.push(`${host.name} runs ${list.map((g) => g.element.name).join(', ')}: shown as the container they run in, and its exposure as theirs`);
    }
  }
  return notes;
}

/** AWS services an emulator answers for, as flows name them (`sqs`, `s3`): a call to one names what it reaches. */
const AWS_SERVICES: ReadonlySet<string> = new Set(['sqs', 's3', 'dynamodb', 'sns', 'kinesis', 'lambda', 'secretsmanager', 'secrets-manager', 'ssm', 'kms', 'sts', 'iam', 'events', 'apigateway', 'cloudwatch', 'logs']);

/**
 * The emulator, once every flow to it reaches what it holds, is the container they run in rather than a
 * component of its own: a boundary in its place, holding them, whose published ports are their exposure.
 */
function emulatorAsBoundary(model: MergedModel, host: Element, guests: readonly Element[]): void {
  const id = model.boundaries.some((b) => b.id === host.id) ? `${host.id}-container` : host.id;
  model.boundaries.push({ id, name: host.name, type: 'process', ...(host.boundary ? { parent: host.boundary } : {}), ...(host.location ? { location: host.location } : {}) });
  const exposure = (host.evidence ?? []).filter((e) => e.prop === 'internetFacing');
  for (const guest of guests) {
    guest.boundary = id;
    if (host.props.internetFacing !== undefined && guest.props.internetFacing === undefined) {
      guest.props.internetFacing = host.props.internetFacing;
      (guest.evidence ??= []).push(...exposure.map((e) => ({ ...e, says: `${e.says} (${host.name}, which runs ${guest.name})` })));
    }
  }
  model.elements = model.elements.filter((e) => e !== host);
}

function hostElement(url: string, byName: ReadonlyMap<string, Element>, emulators: readonly Element[]): Element | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  if (LOCAL_HOSTS.has(host)) return emulators.length === 1 ? emulators[0] : undefined;
  return byName.get(normalisedName(host));
}

function drawnOn(flow: Flow, element: Element, host: Element): Flow {
  const { id: _id, target: _target, ...rest } = flow;
  return {
    ...rest,
    id: `${flow.source}->${element.id}`,
    target: element.id,
    data: [...flow.data],
    inferredFrom: `${flow.inferredFrom ? `${flow.inferredFrom}; ` : ''}${host.name} holds ${element.name}`,
    evidence: [...(flow.evidence ?? [])],
  };
}
