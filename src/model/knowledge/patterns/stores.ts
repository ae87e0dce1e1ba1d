// Data stores, caches, queues, buckets and secret stores: the STRIDE threats their own patterns leave open
// (untraceable access, poisoned caches and forged messages, a tampered vault, storage exhaustion). Narrow by
// design: each fires on a stated weakness or, for an explicit model, on what an architect lists for that store.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { ElementContext, ElementThreatRule, FlowView } from '../types.js';
import { describeClassification, joinNames } from '../vocabulary.js';
import { wordsOf } from './app-signals.js';
import { explicitModel, isOurs, networklessService, sensitive, sensitivityOf } from './infra-roles.js';

const HTTP_CACHE = /varnish|squid|http cache|page cache|\bcdn\b|reverse proxy|cloudfront|fastly|akamai/;

/** Why changes to the store cannot be traced, or undefined. */
function untraceable(ctx: ElementContext): string | undefined {
  const { element } = ctx;
  if (element.props.auditLogging === true) return undefined;
  const what = element.kind === 'secret-store' ? 'the system\'s secrets' : sensitive(ctx.facts) ? describeClassification(sensitivityOf(ctx.facts)!) : undefined;
  if (!what) return undefined;
  if (element.props.auditLogging === false) return `it holds ${what} and states it keeps no audit log`;
  // An explicit model states its controls: a vault or a store of sensitive records with none stated is a gap.
  if (explicitModel(ctx.model) && element.kind !== 'queue' && element.kind !== 'cache') return `it holds ${what} and no audit logging is stated`;
  return undefined;
}

/** Producers on the internet (people, third parties, apps on their devices) that write to the queue unauthenticated. */
function unauthenticatedProducers(ctx: ElementContext): FlowView[] {
  return ctx.facts.incoming.filter((f) => f.fromInternet && !f.reads && f.authenticated !== true);
}

/** Clients that write straight into the bucket from the internet (pre-signed or public uploads); uploads through a service have TM-API-002. */
function internetWriters(ctx: ElementContext): string[] {
  return ctx.facts.incoming.filter((f) => !f.reads && f.fromInternet).map((f) => f.source.name);
}

export const storeRules: ElementThreatRule[] = [
  {
    id: 'TM-STORE-001',
    scope: 'element',
    pattern: 'database',
    stride: 'repudiation',
    kinds: ['datastore', 'bucket', 'secret-store', 'queue', 'cache'],
    condition:
      'a store of PII, credentials or payment data, or a secret store, stated to keep no audit log (`auditLogging: false`); in an explicit model (a Threagile import), a database, bucket or secret store of that kind with no audit logging stated',
    applies: (ctx) => untraceable(ctx) !== undefined,
    controls: [],
    title: (ctx) => `Administrative and data access to ${ctx.element.name} cannot be traced`,
    description: (ctx) =>
      `${ctx.element.name}: ${untraceable(ctx)}. Administrators, services sharing a login and anyone with stolen credentials read, change or export records directly in the store, and afterwards nobody can show who did what and when, or prove that nobody did.`,
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-778'],
    capec: ['CAPEC-268'],
    compliance: [C.pciLogging, C.soc2Monitoring, C.isoLogging, C.nistAudit],
    decidedBy: ['auditLogging'],
    mitigations: ['MIT-DATASTORE-AUDIT'],
  },
  {
    id: 'TM-CACHE-002',
    scope: 'element',
    pattern: 'cache',
    stride: 'tampering',
    kinds: ['cache'],
    condition: 'a data cache (Redis, Memcached) stated to take clients without authentication (`authenticatesCallers: false`) or reachable from the internet (HTTP caches such as Varnish or a CDN face it by design): anyone who reaches it writes entries',
    // An HTTP cache in front of a site (Varnish, a CDN) faces the internet by design: its poisoning is a web matter.
    applies: (ctx) => ctx.element.props.authenticatesCallers === false || (ctx.facts.internetFacing && !HTTP_CACHE.test(wordsOf(ctx.element))),
    controls: [elementHas('authenticatesCallers', 'requires client authentication (AUTH/ACL)')],
    title: (ctx) => `Poisoned entries written into ${ctx.element.name} are served as trusted`,
    description: (ctx) =>
      `${ctx.element.name} ${ctx.element.props.authenticatesCallers === false ? 'accepts clients without authentication' : `is reachable from the internet (${ctx.facts.exposure})`}. Whoever reaches its port overwrites cached pages, prices, sessions or permissions, and ${ctx.facts.incoming.length ? joinNames(ctx.facts.incoming.filter((f) => isOurs(f.source)).map((f) => f.source.name)) || 'its readers' : 'its readers'} serve the forged values as if they came from the database.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    raiseForInternet: true,
    cwe: ['CWE-306', 'CWE-349'],
    capec: ['CAPEC-141'],
    compliance: [C.soc2Access, C.isoAccess, C.nistAccess],
    decidedBy: ['authenticatesCallers'],
    mitigations: ['MIT-CACHE-AUTH'],
  },
  {
    id: 'TM-QUEUE-004',
    scope: 'element',
    pattern: 'queue',
    stride: 'tampering',
    kinds: ['queue'],
    condition: 'a queue that producers on the internet (people, third parties, apps on their devices) write to without authentication, and that does not state it authenticates producers (`authenticatesCallers: true`)',
    applies: (ctx) => unauthenticatedProducers(ctx).length > 0,
    controls: [elementHas('authenticatesCallers', 'authenticates its producers')],
    title: (ctx) => `Forged messages from ${joinNames(unauthenticatedProducers(ctx).map((f) => f.source.name))} enter ${ctx.element.name}`,
    description: (ctx) =>
      `${joinNames(unauthenticatedProducers(ctx).map((f) => f.source.name))} publish${unauthenticatedProducers(ctx).length > 1 ? '' : 'es'} to ${ctx.element.name} from the internet without authentication. Anyone can inject or replay messages, and the consumers act on them (orders, payments, commands) as if a trusted producer had sent them.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-306', 'CWE-345'],
    capec: ['CAPEC-148'],
    compliance: [C.soc2Access, C.nistAuthn, C.nistIntegrity],
    decidedBy: ['authenticatesCallers'],
    mitigations: ['MIT-SERVICE-AUTHN'],
  },
  {
    id: 'TM-SECRET-003',
    scope: 'element',
    pattern: 'secrets',
    stride: 'tampering',
    kinds: ['secret-store'],
    condition: 'a secret store stated to take clients without authentication (`authenticatesCallers: false`), or reachable from the internet',
    applies: (ctx) => ctx.element.props.authenticatesCallers === false || (ctx.facts.internetFacing && !networklessService(ctx.element)),
    controls: [elementHas('authenticatesCallers', 'authenticates every client (per-service identities and policies)')],
    title: (ctx) => `Secrets in ${ctx.element.name} can be replaced`,
    description: (ctx) =>
      `${ctx.element.name} ${ctx.element.props.authenticatesCallers === false ? 'accepts clients without authentication' : `is reachable from the internet (${ctx.facts.exposure})`}. Whoever reaches it can read and overwrite secrets: a replaced database password or signing key points services at the attacker's database or makes their forged tokens valid.`,
    severity: 'high',
    likelihood: 'medium',
    exploit: 'credentials',
    cwe: ['CWE-306', 'CWE-522'],
    capec: ['CAPEC-560'],
    compliance: [C.nistSecrets, C.soc2Access, C.pciAuthn],
    decidedBy: ['authenticatesCallers'],
    mitigations: ['MIT-VAULT-ISOLATION', 'MIT-SERVICE-AUTHN'],
  },
  {
    id: 'TM-STORAGE-005',
    scope: 'element',
    pattern: 'object-storage',
    stride: 'denial-of-service',
    kinds: ['bucket'],
    condition: 'object storage that clients on the internet write to directly (pre-signed or public uploads) without stated size limits or quotas on the bucket (`sizeLimits: true`); uploads through a service have TM-API-002',
    applies: (ctx) => internetWriters(ctx).length > 0,
    controls: [elementHas('sizeLimits', 'limits object size and total storage (quotas, lifecycle rules)')],
    title: (ctx) => `Writes from the internet fill ${ctx.element.name} (storage and cost exhaustion)`,
    description: (ctx) =>
      `${joinNames(internetWriters(ctx))} write${internetWriters(ctx).length > 1 ? '' : 's'} straight into ${ctx.element.name} from the internet, with no stated size limit or quota. Large or endless uploads grow the bill without bound (denial of wallet) and slow or break the processing that lists and reads the bucket.`,
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-400', 'CWE-770'],
    capec: ['CAPEC-130'],
    compliance: [C.soc2Availability, C.nistDos, C.isoCapacity],
    decidedBy: ['sizeLimits'],
    mitigations: ['MIT-UPLOAD-LIMITS'],
  },
  {
    id: 'TM-SECRET-004',
    scope: 'element',
    pattern: 'secrets',
    stride: 'denial-of-service',
    kinds: ['secret-store'],
    condition: 'a secret store stated to have no backups (`backups: false`) or to be unmonitored (`monitored: false`): when it is sealed, lost or down, nothing that reads secrets from it starts',
    applies: (ctx) => ctx.element.props.backups === false || ctx.element.props.monitored === false,
    controls: [],
    title: (ctx) => `An outage or loss of ${ctx.element.name} stops every service that needs its secrets`,
    description: (ctx) => {
      const readers = ctx.facts.incoming.filter((f) => isOurs(f.source)).map((f) => f.source.name);
      return `${ctx.element.name} ${ctx.element.props.backups === false ? 'has no backups' : 'is not monitored'}${readers.length ? `, and ${joinNames(readers)} read${readers.length > 1 ? '' : 's'} secrets from it` : ''}. A sealed vault, a lost storage backend or an expired certificate stops every restart and scale-out; without backups the secrets are gone for good.`;
    },
    severity: 'medium',
    likelihood: 'low',
    cwe: ['CWE-404'],
    capec: [],
    compliance: [C.soc2Availability, C.isoBackup, C.nistBackup],
    decidedBy: ['backups', 'monitored'],
    mitigations: ['MIT-BACKUPS'],
  },
];
