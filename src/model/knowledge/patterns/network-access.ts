// Infrastructure pattern, access paths: what the internet or another zone reaches directly (no gateway, no
// owning service in between), floods across a boundary, service discovery, and assets stored unencrypted.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { ElementContext, ElementThreatRule, FlowContext, FlowThreatRule, FlowView } from '../types.js';
import { describeClassification, isSensitive, joinNames } from '../vocabulary.js';
import { wordsOf } from './app-signals.js';
import { allElements, confidential, explicitModel, isOurs, perDesign, sensitive, sensitivityOf } from './infra-roles.js';

/** Flows straight from a person or third party on the internet (administration too), not through a gateway or an app on their device. */
function directFromInternet(ctx: ElementContext): FlowView[] {
  return ctx.facts.incoming.filter((f) => f.fromInternet && !isOurs(f.source));
}

/** A design that draws gateways elsewhere: a component the internet reaches directly bypasses that norm. */
function designHasGateway(ctx: ElementContext): boolean {
  return perDesign(ctx.model, 'has-gateway', () => allElements(ctx.model).some((f) => f.element.kind === 'gateway' || f.tags.has('edge')));
}

function unguardedFromInternet(ctx: ElementContext): FlowView[] {
  if (ctx.facts.tags.has('edge') || ctx.facts.tags.has('auth') || !confidential(ctx.facts)) return [];
  if (!(ctx.element.kind === 'queue' || explicitModel(ctx.model) || designHasGateway(ctx))) return [];
  return directFromInternet(ctx);
}

/** Boundaries the two ends have in common (a shared VPC around two subnets is segmentation, not a bypass). */
function shareABoundary(flow: FlowView, ctx: FlowContext): boolean {
  const source = ctx.model.element(flow.source.id)?.boundaries ?? [];
  const target = ctx.model.element(flow.target.id)?.boundaries ?? [];
  return source.some((b) => target.some((t) => t.id === b.id));
}

function directDatastoreAccess(ctx: FlowContext): boolean {
  const { flow } = ctx;
  if (flow.fromInternet || flow.flow.usage === 'devops' || flow.source.kind === 'identity-provider') return false;
  const target = ctx.model.element(flow.target.id);
  const source = ctx.model.element(flow.source.id);
  if (!target || !source || !confidential(target) || shareABoundary(flow, ctx)) return false;
  // A sketch that leaves the caller outside every boundary has not said where it runs.
  return explicitModel(ctx.model) || (source.boundaries.length > 0 && target.boundaries.length > 0) || !isOurs(flow.source);
}

/** Callers across a boundary that take internet traffic unthrottled and pass it on to this component. */
function floodingCallers(ctx: ElementContext): FlowView[] {
  if (ctx.facts.internetFacing || !sensitive(ctx.facts)) return [];
  return ctx.facts.incoming.filter((f) => {
    if (f.crossings.length === 0 || f.flow.usage === 'devops' || !isOurs(f.source) || f.source.kind === 'gateway') return false;
    const caller = ctx.model.element(f.source.id);
    return caller !== undefined && caller.internetFacing && !caller.tags.has('edge') && caller.element.props.rateLimited !== true;
  });
}

const FILE_SERVER = /file (?:server|share|system)|\bnfs\b|\bsmb\b|\bsftp server|\bftp server|network drive/;

/** Why this asset is stored unencrypted: stated, or sensitive data it keeps with encryption unstated. */
function unencryptedAsset(ctx: ElementContext): string | undefined {
  const { element, facts } = ctx;
  if (element.props.encryptedAtRest === true) return undefined;
  if (element.props.encryptedAtRest === false) return 'the design states it is not encrypted at rest';
  // What a sketch names a cache after is a guess at what it keeps; an explicit model states it.
  const keeps = explicitModel(ctx.model) ? facts.data.find((d) => isSensitive(d.classification)) : undefined;
  if (!keeps) return undefined;
  if (element.kind === 'cache') return `it keeps ${describeClassification(keeps.classification)} (${keeps.name}), and caches write snapshots and append logs to disk`;
  if (FILE_SERVER.test(wordsOf(element))) return `it stores ${describeClassification(keeps.classification)} (${keeps.name}) as files`;
  return undefined;
}

export const networkAccessRules: ElementThreatRule[] = [
  {
    id: 'TM-INFRA-006',
    scope: 'element',
    pattern: 'infrastructure',
    stride: 'elevation-of-privilege',
    kinds: ['process', 'function', 'queue'],
    condition:
      'a service, function or queue handling confidential data that people or third parties on the internet reach directly, with no gateway, load balancer, reverse proxy or WAF in between (in a sketch: a queue, or a design that draws gateways elsewhere); not gateways, CDNs, identity providers or browser apps; TM-DB-003 covers databases and caches',
    applies: (ctx) => unguardedFromInternet(ctx).length > 0,
    controls: [elementHas('waf', 'is behind a web application firewall')],
    title: (ctx) => `${ctx.element.name} is reached from the internet with no gateway in front (${joinNames(unguardedFromInternet(ctx).map((f) => f.source.name))})`,
    description: (ctx) =>
      `${joinNames(unguardedFromInternet(ctx).map((f) => f.source.name))} reach${unguardedFromInternet(ctx).length > 1 ? '' : 'es'} ${ctx.element.name} directly, and it handles ${describeClassification(sensitivityOf(ctx.facts)!)}. Without a reverse proxy, load balancer or gateway in front, its own listener takes every malformed request, scan and exploit attempt; there is no single place to terminate TLS, filter (WAF), authenticate or throttle.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-284', 'CWE-668'],
    capec: ['CAPEC-115'],
    compliance: [C.pciNetwork, C.soc2Boundary, C.nistBoundary],
    mitigations: ['MIT-EDGE-GATEWAY'],
  },
  {
    id: 'TM-INFRA-008',
    scope: 'element',
    pattern: 'infrastructure',
    stride: 'denial-of-service',
    kinds: ['datastore', 'cache', 'queue', 'process', 'function'],
    condition:
      'a component holding business-critical (PII, credentials or payment) data, not itself internet-facing, that internet-facing services in another trust zone call without stated rate limiting (`rateLimited: true` on the caller or on it) and not through a gateway; TM-API-003 covers the internet-facing service itself',
    applies: (ctx) => floodingCallers(ctx).length > 0,
    controls: [elementHas('rateLimited', 'limits the load each caller can put on it')],
    title: (ctx) => `A flood through ${joinNames(floodingCallers(ctx).map((f) => f.source.name))} exhausts ${ctx.element.name}`,
    description: (ctx) =>
      `${joinNames(floodingCallers(ctx).map((f) => f.source.name))} take${floodingCallers(ctx).length > 1 ? '' : 's'} internet traffic without stated rate limiting and call ${ctx.element.name} across a trust boundary. A request flood, or one expensive query repeated, passes straight through and exhausts ${ctx.element.name}'s connections, CPU or storage, taking down every other service that depends on it.`,
    severity: 'medium',
    likelihood: 'low',
    cwe: ['CWE-400', 'CWE-770'],
    capec: ['CAPEC-125'],
    compliance: [C.soc2Availability, C.nistDos, C.isoCapacity],
    decidedBy: ['rateLimited'],
    mitigations: ['MIT-BOUNDARY-DOS', 'MIT-RATE-LIMIT'],
  },
  {
    id: 'TM-INFRA-009',
    scope: 'element',
    pattern: 'infrastructure',
    stride: 'spoofing',
    tags: ['service-registry'],
    condition:
      'a service registry or discovery service (Consul, Eureka, etcd, ZooKeeper) whose clients are not stated authenticated (`authenticatesCallers: true`, every incoming flow authenticated, or words: ACL tokens, mTLS, client certificates)',
    applies: () => true,
    controls: [
      elementHas('authenticatesCallers', 'authenticates the services that register and look up'),
      {
        id: 'flow.authenticated',
        effect: 'remove',
        present: (ctx) => ctx.facts.incoming.length > 0 && ctx.facts.incoming.every((f) => f.authenticated === true),
        reason: (ctx) => `every client of ${ctx.element.name} authenticates (${ctx.facts.incoming.map((f) => f.display).join(', ')})`,
      },
      {
        id: 'words.registry-auth',
        effect: 'remove',
        present: (ctx) => /\bacls?\b|acl tokens?|\bmtls\b|client cert|sasl/.test(wordsOf(ctx.element)),
        reason: (ctx) => `${ctx.element.name} requires client credentials (ACL tokens, mTLS)`,
      },
    ],
    title: (ctx) => `Forged registrations in ${ctx.element.name} redirect service traffic`,
    description: (ctx) =>
      `${ctx.element.name} tells services where to find each other${ctx.facts.incoming.length ? ` (${joinNames(ctx.facts.incoming.map((f) => f.source.name))} use it)` : ''}, and the design does not say its clients authenticate. Anything on the network registers a rogue instance under a real service name or rewrites an entry, and callers send their requests, tokens and data to the attacker.`,
    severity: 'high',
    likelihood: 'low',
    cwe: ['CWE-290', 'CWE-306'],
    capec: ['CAPEC-151'],
    compliance: [C.soc2Access, C.nistAuthn, C.isoAuthn],
    decidedBy: ['authenticatesCallers'],
    mitigations: ['MIT-REGISTRY-AUTH'],
  },
  {
    id: 'TM-INFRA-010',
    scope: 'element',
    pattern: 'infrastructure',
    stride: 'information-disclosure',
    kinds: ['cache', 'secret-store', 'identity-provider', 'process', 'function', 'web-app', 'gateway'],
    condition:
      'a cache, secret store, identity provider or service stated unencrypted at rest (`encryptedAtRest: false`), or, in an explicit model (a Threagile import), a cache or file server that keeps PII, credentials or payment data with no stated encryption (databases, buckets and queues have TM-DB-002, TM-STORAGE-004 and TM-QUEUE-001)',
    applies: (ctx) => unencryptedAsset(ctx) !== undefined,
    controls: [],
    title: (ctx) => `${ctx.element.name} keeps data unencrypted at rest`,
    description: (ctx) =>
      `${ctx.element.name}: ${unencryptedAsset(ctx)}. Disk snapshots, backups, swapped memory and decommissioned volumes then expose it to whoever gets hold of the storage.`,
    severity: 'low',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-311', 'CWE-312'],
    capec: [],
    compliance: [C.gdprSecurity, C.pciAtRest, C.isoCrypto, C.nistAtRest],
    decidedBy: ['encryptedAtRest'],
    mitigations: ['MIT-ENCRYPT-AT-REST'],
  },
];

export const networkAccessFlowRules: FlowThreatRule[] = [
  {
    id: 'TM-INFRA-007',
    scope: 'flow',
    pattern: 'infrastructure',
    stride: 'elevation-of-privilege',
    targetKinds: ['datastore', 'cache'],
    crossing: 'crossing',
    condition:
      'a database or cache holding confidential data that a component in another trust zone (sharing no boundary with it) connects to directly, not through the service that owns the data; not operations (`usage: devops`) flows, identity providers reading their store, or flows from the internet (TM-DB-003)',
    applies: directDatastoreAccess,
    controls: [],
    title: (ctx) => `${ctx.flow.source.name} reaches into ${ctx.flow.target.name} across the trust boundary`,
    description: (ctx) =>
      `${ctx.flow.source.name} connects straight to ${ctx.flow.target.name} from another trust zone${ctx.flow.crossings.length ? ` (crossing ${joinNames(ctx.flow.crossings.map((b) => b.name))})` : ''}${isOurs(ctx.flow.source) ? '' : ', and it is not a system we run'}. The database port is open between the zones and the caller holds database credentials: compromising it gives direct, unfiltered access to the data, bypassing the owning service's validation, authorisation and audit.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-284', 'CWE-653'],
    capec: ['CAPEC-122'],
    compliance: [C.pciNotReachable, C.isoSegregation, C.nistBoundary],
    mitigations: ['MIT-DATA-ACCESS-LAYER', 'MIT-NETWORK-SEGMENTATION'],
  },
];
