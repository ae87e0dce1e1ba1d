// Relational and NoSQL database pattern: injection, exposure, encryption at rest, backups.

import { C } from '../compliance.js';
import { elementDenies, elementHas } from '../controls.js';
import type { Control, ElementContext, ElementThreatRule, FlowView } from '../types.js';
import { describeClassification, isSensitive, joinNames } from '../vocabulary.js';

/** Takes requests from the internet and does not validate them. */
function untrustedWriter(ctx: ElementContext, id: string): boolean {
  const writer = ctx.model.element(id);
  return writer !== undefined && writer.internetFacing && writer.element.kind !== 'actor' && writer.element.props.validatesInput !== true;
}

interface TaintedWriter {
  id: string;
  name: string;
  /** For a second-order writer: the queue it consumes and who fills it from the internet. */
  via?: { queue: string; from: string };
}

/**
 * Services that write to this store what came from the internet unvalidated: internet-facing writers, and (second
 * order) consumers of a queue that such a writer fills, unless the consumer validates what it receives.
 */
function taintedWriters(ctx: ElementContext): TaintedWriter[] {
  // Asked by the condition, the title and the description of one threat: found once per element.
  let found = TAINTED.get(ctx.facts);
  if (!found) TAINTED.set(ctx.facts, (found = findTaintedWriters(ctx)));
  return found;
}

const TAINTED = new WeakMap<object, TaintedWriter[]>();
const TAINTED_IDS = new WeakMap<object, ReadonlySet<string>>();

/** The ids of the tainted writers, for callers asking about one writer at a time. */
export function taintedWriterIds(ctx: ElementContext): ReadonlySet<string> {
  let found = TAINTED_IDS.get(ctx.facts);
  if (!found) TAINTED_IDS.set(ctx.facts, (found = new Set(taintedWriters(ctx).map((w) => w.id))));
  return found;
}

function findTaintedWriters(ctx: ElementContext): TaintedWriter[] {
  const found = new Map<string, TaintedWriter>();
  for (const f of ctx.facts.incoming) {
    if (f.source.kind === 'actor' || found.has(f.source.id)) continue;
    if (untrustedWriter(ctx, f.source.id)) {
      found.set(f.source.id, { id: f.source.id, name: f.source.name });
      continue;
    }
    if (f.source.props.validatesInput === true) continue;
    const writer = ctx.model.element(f.source.id);
    if (!writer) continue;
    const queues = [...writer.outgoing.filter((q) => q.reads).map((q) => q.target), ...writer.incoming.filter((q) => q.source.kind === 'queue').map((q) => q.source)];
    for (const queue of queues) {
      const producer = untrustedProducer(ctx, queue.id);
      if (producer) {
        found.set(f.source.id, { id: f.source.id, name: f.source.name, via: { queue: queue.name, from: producer.source.name } });
        break;
      }
    }
  }
  return [...found.values()];
}

/** The first service that fills the queue with internet input unvalidated, found once per queue (many consumers ask). */
function untrustedProducer(ctx: ElementContext, queueId: string): FlowView | undefined {
  const queue = ctx.model.element(queueId);
  if (!queue) return undefined;
  if (!PRODUCERS.has(queue)) PRODUCERS.set(queue, queue.incoming.find((p) => !p.reads && p.source.kind !== 'queue' && untrustedWriter(ctx, p.source.id)));
  return PRODUCERS.get(queue);
}

const PRODUCERS = new WeakMap<object, FlowView | undefined>();

function describeWriters(writers: TaintedWriter[]): string {
  return writers
    .map((w) => (w.via ? `${w.name} writes what ${w.via.from} took from the internet and passed through ${w.via.queue}` : `${w.name} takes requests from the internet`))
    .join('; ');
}

const strongCredentials: Control<ElementContext> = elementDenies('weakCredentials', 'uses strong, non-default credentials');

export const databaseRules: ElementThreatRule[] = [
  {
    id: 'TM-DB-001',
    scope: 'element',
    pattern: 'database',
    stride: 'tampering',
    kinds: ['datastore'],
    condition:
      'written to by an internet-facing service that does not state input validation (`validatesInput: true`), or by a consumer of a queue such a service fills',
    applies: (ctx) => taintedWriters(ctx).length > 0,
    decidedByOthers: { props: ['validatesInput'], of: (ctx) => taintedWriterIds(ctx) },
    controls: [],
    title: (ctx) => `${ctx.facts.tags.has('nosql') ? 'NoSQL' : 'SQL'} injection into ${ctx.element.name} via ${joinNames(taintedWriters(ctx).map((w) => w.name))}`,
    description: (ctx) =>
      `${describeWriters(taintedWriters(ctx))}, and writes to ${ctx.element.name} without validating it. Input built into queries (string concatenation, ${
        ctx.facts.tags.has('nosql') ? '`$where`/`$ne` operators in JSON bodies' : 'dynamic ORDER BY or raw SQL'
      }) lets an attacker read or change any row.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-89', 'CWE-943'],
    capec: ['CAPEC-66', 'CAPEC-676'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistInput],
    mitigations: ['MIT-PARAMETERISED-QUERIES'],
  },
  {
    id: 'TM-DB-002',
    scope: 'element',
    pattern: 'database',
    stride: 'information-disclosure',
    kinds: ['datastore'],
    condition: 'a database holding PII, credentials or payment data, or stated unencrypted, without encryption at rest',
    applies: (ctx) => isSensitive(ctx.facts.sensitivity) || ctx.element.props.encryptedAtRest === false,
    controls: [elementHas('encryptedAtRest', 'is encrypted at rest')],
    title: (ctx) => `${ctx.element.name} stores ${ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'data'} unencrypted at rest`,
    description: (ctx) =>
      `${ctx.element.name} holds ${ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'sensitive data'}; without storage encryption, disk snapshots, backups and decommissioned volumes expose the data.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-311', 'CWE-312'],
    capec: [],
    compliance: [C.gdprSecurity, C.pciAtRest, C.soc2Transmission, C.isoCrypto, C.nistAtRest],
    decidedBy: ['encryptedAtRest'],
    mitigations: ['MIT-ENCRYPT-AT-REST'],
  },
  {
    id: 'TM-DB-003',
    scope: 'element',
    pattern: 'database',
    stride: 'information-disclosure',
    kinds: ['datastore', 'cache', 'queue'],
    condition: 'a database, cache or message broker (a queue, a stream, an AWS emulator serving them) reachable from the internet',
    applies: (ctx) => ctx.facts.internetFacing,
    controls: [],
    title: (ctx) => `${ctx.element.name} is reachable from the internet`,
    description: (ctx) =>
      `${ctx.element.name} is exposed to the internet (${ctx.facts.exposure}); scanners find open database and broker ports within minutes and try default and weak credentials, then read, change or inject ${ctx.element.kind === 'queue' ? 'messages' : 'data'}.`,
    severity: 'high',
    likelihood: 'high',
    raiseForSensitiveData: true,
    cwe: ['CWE-284', 'CWE-668'],
    capec: ['CAPEC-118'],
    compliance: [C.pciNetwork, C.soc2Boundary, C.isoNetwork, C.nistBoundary],
    decidedBy: ['internetFacing'],
    mitigations: ['MIT-PRIVATE-NETWORK'],
  },
  {
    id: 'TM-DB-004',
    scope: 'element',
    pattern: 'database',
    stride: 'denial-of-service',
    kinds: ['datastore'],
    condition: 'the design states the database has no backups (`backups: false`)',
    applies: (ctx) => ctx.element.props.backups === false,
    controls: [],
    title: (ctx) => `Data in ${ctx.element.name} lost for good after deletion or ransomware`,
    description: (ctx) => `${ctx.element.name} has no backups: a bad migration, a deleted table or ransomware makes its data unrecoverable.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: false,
    cwe: ['CWE-404'],
    capec: [],
    compliance: [C.soc2Availability, C.isoBackup, C.nistBackup],
    decidedBy: ['backups'],
    mitigations: ['MIT-BACKUPS'],
  },
  {
    id: 'TM-DB-005',
    scope: 'element',
    pattern: 'database',
    stride: 'spoofing',
    kinds: ['datastore', 'cache', 'queue'],
    raiseForInternet: true,
    condition:
      'the design states default, well-known or weak credentials for the store (`weakCredentials: true`: root/root, `password`), or that a database or broker takes clients without authentication (`authenticatesCallers: false`; a cache of sessions has TM-CACHE-001)',
    applies: (ctx) => ctx.element.props.weakCredentials === true || (ctx.element.kind !== 'cache' && ctx.element.props.authenticatesCallers === false),
    controls: [strongCredentials],
    title: (ctx) =>
      ctx.element.props.weakCredentials === true
        ? `Anyone who reaches ${ctx.element.name} logs in with its guessable credentials`
        : `Anything that reaches ${ctx.element.name} reads and writes it without logging in`,
    description: (ctx) =>
      `${ctx.element.name} ${ctx.element.props.weakCredentials === true ? 'is logged into with default or weak credentials' : 'accepts clients without authentication'}${ctx.facts.internetFacing ? ` and is reachable from outside (${ctx.facts.exposure})` : ''}: whoever reaches its port, or reads the configuration, gets full control of its ${ctx.element.kind === 'queue' ? 'messages (reading them, and injecting forged ones)' : 'data'}, and every client shares the same identity.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    exploit: 'credentials',
    cwe: ['CWE-521', 'CWE-1392', 'CWE-306'],
    capec: ['CAPEC-70'],
    compliance: [C.pciAuthn, C.soc2Access, C.isoAuthn, C.nistSecrets],
    decidedBy: ['weakCredentials', 'authenticatesCallers'],
    mitigations: ['MIT-DB-STRONG-CREDENTIALS'],
  },
];
