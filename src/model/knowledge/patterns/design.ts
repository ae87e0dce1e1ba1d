// Design hygiene: where the model itself hides risk. Unknown technologies and protocols, components, links and
// data assets that nothing uses, data sent where it is not needed, and content that contradicts itself. Low
// severity: they report model quality. Sketches (diagrams, prose) leave much unstated by nature, so most of these
// judge only explicit models (YAML, JSON, imported), where an unstated field is a gap rather than a sketch's brevity.

import { DATA_HOLDING_KINDS, type Architecture, type DataAsset, type ElementKind } from '../../schema/architecture.js';
import { C } from '../compliance.js';
import type { ElementContext, ElementThreatRule, FlowContext, FlowThreatRule, FlowView } from '../types.js';
import { TECHNOLOGY_TERMS } from '../technologies.js';
import { CLASSIFICATION_RANK, describeClassification, joinNames } from '../vocabulary.js';
import { allElements, confidential, explicitModel, isOurs, networklessService, sensitivityOf } from './infra-roles.js';


/** What the model leaves unstated about an element that matters (internet-facing, or handling confidential data). */
function gaps(ctx: ElementContext): string[] {
  if (!explicitModel(ctx.model) || !isOurs(ctx.element) || !ctx.facts.internetFacing || !confidential(ctx.facts)) return [];
  const out: string[] = [];
  // A name that says the product ("Kong gateway") states the technology too.
  if (!ctx.element.technology?.trim() && !TECHNOLOGY_TERMS.some((t) => t.pattern.test(ctx.element.name))) out.push('its technology is not stated');
  if (ctx.element.inferredFrom?.startsWith('kind uncertain')) out.push(`its kind (${ctx.element.kind}) was guessed`);
  // A link belongs to its caller; a person's or third party's calls are ours to describe too.
  const unknown = [...ctx.facts.outgoing, ...ctx.facts.incoming.filter((f) => !isOurs(f.source))].filter((f) => !f.flow.protocol?.trim());
  if (unknown.length) out.push(`${unknown.length > 1 ? 'flows' : 'the flow'} ${joinNames(unknown.map((f) => f.display))} ${unknown.length > 1 ? 'state' : 'states'} no protocol`);
  return out;
}

interface Connections {
  ids: Set<string>;
  /** Few enough elements are unconnected that the design does draw its flows: the few left out stand out. */
  drawsFlows: boolean;
}

/** Ids at either end of any edge of the design, data flow or not (a deploy or an import is a use too); found once per design. */
const CONNECTED = new WeakMap<Architecture, Connections>();

function connections(model: Architecture): Connections {
  let found = CONNECTED.get(model);
  if (!found) {
    const ids = new Set(model.flows.flatMap((f) => [f.source, f.target]));
    const unconnected = model.elements.filter((e) => !ids.has(e.id)).length;
    CONNECTED.set(model, (found = { ids, drawsFlows: unconnected * 4 <= model.elements.length }));
  }
  return found;
}

/**
 * Judged in models and diagrams that draw their flows, not in prose (an unconnected name there is a reading gap), a
 * model of unknown origin, or an inventory of components with few or no flows (a bill of materials, a palette).
 */
function isolated(ctx: ElementContext): boolean {
  const model = ctx.model.architecture();
  const format = model.origin?.format;
  if (format === undefined || format === 'prose') return false;
  const { ids, drawsFlows } = connections(model);
  return drawsFlows && !ids.has(ctx.element.id);
}

/** Declared data assets that no element stores and no flow carries; reported once, on the design's first element. */
function unusedDataAssets(ctx: ElementContext): DataAsset[] {
  const model = ctx.model.architecture();
  // Readers of sketches name data from the words they find; only an explicit model declares data on its own.
  if (!explicitModel(ctx.model) || model.dataAssets.length === 0 || allElements(ctx.model)[0] !== ctx.facts) return [];
  const used = new Set<string>([...model.elements.flatMap((e) => e.data), ...model.flows.flatMap((f) => f.data)]);
  return model.dataAssets.filter((d) => !used.has(d.id));
}

function linkWithoutData(ctx: FlowContext): boolean {
  const { flow } = ctx;
  if (!explicitModel(ctx.model) || ctx.model.architecture().dataAssets.length === 0) return false;
  return flow.flow.data.length === 0 && flow.source.data.length === 0 && flow.target.data.length === 0 && flow.flow.usage !== 'devops';
}

/** Confidential data a flow delivers to a component that states what it handles, yet neither keeps nor passes it on. */
function unneededData(ctx: FlowContext): DataAsset[] {
  const { flow } = ctx;
  // A store keeps what it is sent, whatever its list says; people and third parties are outside the model's say.
  if (!explicitModel(ctx.model) || !isOurs(flow.target) || DATA_HOLDING_KINDS.has(flow.target.kind) || flow.target.data.length === 0) return [];
  const target = ctx.model.element(flow.target.id);
  if (!target) return [];
  const passedOn = new Set(target.outgoing.flatMap((f) => f.flow.data));
  return flow.data.filter(
    (d) => CLASSIFICATION_RANK[d.classification] >= CLASSIFICATION_RANK.confidential && !flow.target.data.includes(d.id) && !passedOn.has(d.id),
  );
}

/** Protocol families and the target kinds they cannot address. */
const PROTOCOL_TARGETS: ReadonlyArray<readonly [RegExp, string, readonly ElementKind[]]> = [
  [/^(?:sql|jdbc|odbc|postgres(?:ql)?|mysql|mariadb|tds|sqlnet|oracle-net)\b/i, 'a database protocol', ['bucket', 'queue', 'cache', 'secret-store', 'actor', 'web-app']],
  [/^(?:amqps?|kafka|mqtts?|stomp|jms|nats)\b/i, 'a messaging protocol', ['datastore', 'bucket', 'cache', 'secret-store', 'actor']],
  [/^(?:redis|rediss|resp|memcached?)\b/i, 'a cache protocol', ['bucket', 'queue', 'secret-store', 'actor', 'web-app']],
  [/^s3\b/i, 'the S3 protocol', ['datastore', 'queue', 'cache', 'actor']],
];

function contradiction(flow: FlowView): string | undefined {
  const protocol = flow.flow.protocol?.trim();
  if (!protocol) return undefined;
  for (const [pattern, family, wrong] of PROTOCOL_TARGETS)
    if (pattern.test(protocol) && wrong.includes(flow.target.kind)) return `${protocol} is ${family}, but ${flow.target.name} is a ${flow.target.kind}`;
  return undefined;
}

/** A network zone that holds a serverless function or managed service, which runs in the provider's network instead. */
function misplaced(ctx: ElementContext): string | undefined {
  if (!explicitModel(ctx.model) || !isOurs(ctx.element)) return undefined;
  const zone = ctx.facts.boundaries[0];
  if (!zone || zone.type !== 'network-zone') return undefined;
  if (ctx.element.kind === 'function' || networklessService(ctx.element)) return zone.name;
  return undefined;
}

/** What every hygiene rule shares: low severity and likelihood, inventory controls. */
const hygiene: Pick<ElementThreatRule, 'pattern' | 'severity' | 'likelihood' | 'capec' | 'compliance'> = {
  pattern: 'design',
  severity: 'low',
  likelihood: 'low',
  capec: [],
  compliance: [C.isoInventory, C.nistInventory],
};

export const designRules: ElementThreatRule[] = [
  {
    ...hygiene,
    id: 'TM-DESIGN-001',
    scope: 'element',
    stride: 'information-disclosure',
    condition:
      'in an explicit model (a Threagile import), an internet-facing component handling confidential data whose technology is not stated, whose kind was guessed, or whose flows state no protocol (one threat per component)',
    applies: (ctx) => gaps(ctx).length > 0,
    controls: [],
    title: (ctx) => `The model of ${ctx.element.name} is incomplete: ${gaps(ctx)[0]}`,
    description: (ctx) =>
      `${ctx.element.name} is reachable from the internet and handles ${describeClassification(sensitivityOf(ctx.facts)!)}, yet ${gaps(ctx).join('; ')}. Threats that depend on the missing facts (injection for a database technology, plaintext for a protocol) cannot be found, so the register looks cleaner than the system is.`,
    cwe: ['CWE-1059'],
    mitigations: ['MIT-MODEL-COMPLETE'],
  },
  {
    ...hygiene,
    id: 'TM-DESIGN-002',
    scope: 'element',
    stride: 'elevation-of-privilege',
    condition: 'a component with no edge at all (no flow, deploy or import) in a model or diagram whose other components are connected (at most a quarter unconnected); not judged in prose, where an unconnected name is a reading gap',
    applies: isolated,
    controls: [],
    title: (ctx) => `${ctx.element.name} is connected to nothing`,
    description: (ctx) =>
      `${ctx.element.name} has no flows in or out. Either it is no longer needed (an unused component still running is attack surface nobody watches or patches), or its connections are missing from the model and their threats are not assessed.`,
    cwe: ['CWE-1164'],
    mitigations: ['MIT-MODEL-PRUNE'],
  },
  {
    ...hygiene,
    id: 'TM-DESIGN-004',
    scope: 'element',
    stride: 'elevation-of-privilege',
    condition: 'in an explicit model (a Threagile import), data assets it declares but no component stores and no flow carries; reported once per design, on its first element',
    applies: (ctx) => unusedDataAssets(ctx).length > 0,
    controls: [],
    title: (ctx) => `Declared data ${joinNames(unusedDataAssets(ctx).map((d) => d.name))} is neither stored nor carried`,
    description: (ctx) =>
      `The model declares ${joinNames(unusedDataAssets(ctx).map((d) => `${d.name} (${describeClassification(d.classification)})`))}, but no component stores ${unusedDataAssets(ctx).length > 1 ? 'them' : 'it'} and no flow carries ${unusedDataAssets(ctx).length > 1 ? 'them' : 'it'}. Data kept without a purpose is a liability; data whose storage and flows are missing from the model has threats nobody assessed. (Reported on ${ctx.element.name}, the design's first element.)`,
    cwe: ['CWE-1164'],
    mitigations: ['MIT-MODEL-PRUNE'],
  },
  {
    ...hygiene,
    id: 'TM-DESIGN-007',
    scope: 'element',
    stride: 'elevation-of-privilege',
    kinds: ['function', 'bucket', 'queue', 'datastore', 'secret-store', 'identity-provider', 'process'],
    condition: 'in an explicit model (a Threagile import), a serverless function or a managed service (S3, DynamoDB, SQS, Lambda, Secrets Manager, SaaS identity) placed in a `network-zone` boundary it does not run in',
    applies: (ctx) => misplaced(ctx) !== undefined,
    controls: [],
    title: (ctx) => `${ctx.element.name} is drawn inside ${misplaced(ctx)} but does not run in it`,
    description: (ctx) =>
      `${ctx.element.name} is a ${ctx.element.kind === 'function' ? 'serverless function' : 'managed service'} in the provider's network, not in ${misplaced(ctx)}. Drawn inside, it looks protected by the zone's network controls, and the real path to it (a public endpoint unless a VPC endpoint or private link is set up) is not modelled or assessed.`,
    cwe: ['CWE-1059'],
    mitigations: ['MIT-MODEL-CORRECT'],
  },
];

export const designFlowRules: FlowThreatRule[] = [
  {
    ...hygiene,
    id: 'TM-DESIGN-003',
    scope: 'flow',
    stride: 'elevation-of-privilege',
    condition: 'in an explicit model (a Threagile import) that declares data assets, a flow that carries none, between components that hold none (not operations flows)',
    applies: linkWithoutData,
    controls: [],
    title: (ctx) => `${ctx.flow.display} carries no data`,
    description: (ctx) =>
      `The model declares its data, but the flow ${ctx.flow.display} carries none of it and neither end holds any. Either the link is unnecessary (an open path between the two that nothing uses), or what it carries is missing and its threats are not assessed.`,
    cwe: ['CWE-1164'],
    mitigations: ['MIT-MODEL-PRUNE'],
  },
  {
    ...hygiene,
    id: 'TM-DESIGN-005',
    scope: 'flow',
    stride: 'elevation-of-privilege',
    condition: 'in an explicit model (a Threagile import), a flow that delivers confidential data to a service (not a store) that lists the data it handles, yet neither handles nor passes that data on',
    applies: (ctx) => unneededData(ctx).length > 0,
    controls: [],
    title: (ctx) => `${ctx.flow.target.name} receives ${joinNames(unneededData(ctx).map((d) => d.name))} it does not use`,
    description: (ctx) =>
      `${ctx.flow.display} carries ${joinNames(unneededData(ctx).map((d) => `${d.name} (${describeClassification(d.classification)})`))}, which ${ctx.flow.target.name} neither stores nor sends on. Data sent where it is not needed is one more place it leaks from (logs, memory, a compromise of ${ctx.flow.target.name}).`,
    severity: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-213'],
    mitigations: ['MIT-MODEL-PRUNE'],
  },
  {
    ...hygiene,
    id: 'TM-DESIGN-006',
    scope: 'flow',
    stride: 'information-disclosure',
    condition: 'a flow whose stated protocol cannot address its target (a SQL or JDBC flow to a bucket or queue, a messaging protocol to a database, an S3 flow to a database)',
    applies: (ctx) => contradiction(ctx.flow) !== undefined,
    controls: [],
    title: (ctx) => `${ctx.flow.display}: protocol and target disagree`,
    description: (ctx) =>
      `${contradiction(ctx.flow)}. One of the two is wrong in the model, and the threats derived from it (injection, plaintext, authentication of the store) are assessed for the wrong kind of component.`,
    cwe: ['CWE-1059'],
    mitigations: ['MIT-MODEL-CORRECT'],
  },
];
