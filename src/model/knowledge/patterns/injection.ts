// Injection pattern: input that reaches a query language (SQL, NoSQL, LDAP filters, search queries) or a parser
// that does more than read data (XML external entities, native object deserialisation).

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { Element } from '../../schema/architecture.js';
import type { Control, ElementContext, ElementFacts, ElementThreatRule, FlowContext, FlowThreatRule } from '../types.js';
import { CODE_KINDS, formatEvidence, isStore, runsOnUsersDevices } from './app-signals.js';
import { taintedWriterIds } from './database.js';

/** Words of a flow or store that queries a database. */
const QUERY_WORDS = /\bsql\b|\bjdbc\b|\bodbc\b|\bt-sql\b|\bpl\/sql\b|\bcql\b|\bn1ql\b|\bcypher\b|\bgremlin\b|\bneo4j\b|\bsqlite\b/;

/** The service that sends queries and the store it queries: the flow's ends, or reversed where only the data's way back is drawn ("reads products from OpenSearch"). */
interface QueryEnds {
  caller: Element;
  store: Element;
}

const CALLER_KINDS: ReadonlySet<string> = new Set(CODE_KINDS);

/** The ids of what each element calls, so a flow drawn from a store back to its caller is matched in one look-up. */
const CALLED = new WeakMap<ElementFacts, Set<string>>();

function calls(facts: ElementFacts, id: string): boolean {
  let called = CALLED.get(facts);
  if (!called) CALLED.set(facts, (called = new Set(facts.outgoing.map((f) => f.target.id))));
  return called.has(id);
}

function queryEnds(ctx: FlowContext): QueryEnds | undefined {
  const { source, target } = ctx.flow;
  if (CALLER_KINDS.has(source.kind)) return { caller: source, store: target };
  if (!isStore(source.kind) || !CALLER_KINDS.has(target.kind)) return undefined;
  // Drawn both ways: the caller's own flow carries the threat.
  const caller = ctx.model.element(target.id);
  return caller && calls(caller, source.id) ? undefined : { caller: target, store: source };
}

const callerValidatesInput: Control<FlowContext> = {
  id: 'caller.validatesInput',
  effect: 'remove',
  present: (ctx) => queryEnds(ctx)?.caller.props.validatesInput === true,
  reason: (ctx) => `${queryEnds(ctx)?.caller.name} validates the data it receives`,
};

/**
 * The caller handles input someone else may control: it faces the internet, or a caller or a producer of a queue it
 * consumes does not state input validation. Input validated upstream (as TM-DB-001 reads it) does not count.
 */
function handlesInput(ends: QueryEnds, ctx: FlowContext): boolean {
  const caller = ctx.model.element(ends.caller.id);
  if (!caller) return false;
  // Asked for each query the caller sends: its senders are looked at once.
  let found = HANDLES_INPUT.get(caller);
  if (found === undefined) HANDLES_INPUT.set(caller, (found = caller.internetFacing || sendersUnvalidated(caller, ctx.model)));
  return found;
}

const HANDLES_INPUT = new WeakMap<ElementFacts, boolean>();

function sendersUnvalidated(caller: ElementFacts, model: FlowContext['model']): boolean {
  if (caller.incoming.some((f) => !isStore(f.source.kind) && f.source.props.validatesInput !== true)) return true;
  const queues = [...caller.incoming.filter((f) => f.source.kind === 'queue').map((f) => f.source), ...caller.outgoing.filter((f) => f.reads && f.target.kind === 'queue').map((f) => f.target)];
  return queues.some((q) => model.element(q.id)?.incoming.some((p) => !p.reads && !isStore(p.source.kind) && p.source.props.validatesInput !== true) === true);
}

/** The store is queried with SQL or a NoSQL query language (search engines and directories have their own rules). */
function queryStore(ctx: FlowContext): 'sql' | 'nosql' | undefined {
  const ends = queryEnds(ctx);
  const store = ends && ends.store.kind === 'datastore' ? ctx.model.element(ends.store.id) : undefined;
  if (!store || store.tags.has('search') || store.tags.has('ldap')) return undefined;
  if (store.tags.has('nosql') || /\bmongo/.test(ctx.flow.text)) return 'nosql';
  if (store.tags.has('relational')) return 'sql';
  const words = `${store.element.name} ${store.element.technology ?? ''} ${ctx.flow.flow.protocol ?? ''} ${ctx.flow.text}`.toLowerCase();
  return QUERY_WORDS.test(words) ? 'sql' : undefined;
}

/** TM-DB-001 already reports this caller on the store (it takes internet input unvalidated): one threat, not two. */
function reportedOnStore(ctx: FlowContext, ends: QueryEnds): boolean {
  const store = ctx.model.element(ends.store.id);
  return store !== undefined && taintedWriterIds({ element: store.element, facts: store, model: ctx.model }).has(ends.caller.id);
}

const callerName = (ctx: FlowContext): string => queryEnds(ctx)?.caller.name ?? ctx.flow.source.name;
const storeName = (ctx: FlowContext): string => queryEnds(ctx)?.store.name ?? ctx.flow.target.name;

const LDAP_WORDS = /\bldaps?\b/;

const NOT_DEVOPS = (ctx: FlowContext): boolean => ctx.flow.flow.usage !== 'devops';

/** Only called from inside its own trust zone: a deserialisation attack needs a foothold there first. */
const onlyCalledFromInside: Control<ElementContext> = {
  id: 'incoming.same-zone',
  effect: 'downgrade',
  present: (ctx) => !ctx.facts.internetFacing && ctx.facts.incoming.length > 0 && ctx.facts.incoming.every((f) => !f.crossesBoundary),
  reason: (ctx) => `${ctx.element.name} receives them only from inside its own trust zone`,
};

const crossingSources = (ctx: ElementContext): string[] => [...new Set(ctx.facts.incoming.filter((f) => f.crossesBoundary).map((f) => f.source.name))];

export const injectionFlowRules: FlowThreatRule[] = [
  {
    id: 'TM-INJ-001',
    scope: 'flow',
    pattern: 'injection',
    stride: 'tampering',
    condition:
      'a service that handles requests or messages queries a SQL or NoSQL database, and the design does not state input validation with parameterised queries (`validatesInput: true` on the service); a service that takes internet input unvalidated is reported once, on the database (TM-DB-001)',
    applies: (ctx) => {
      const ends = queryEnds(ctx);
      return ends !== undefined && NOT_DEVOPS(ctx) && queryStore(ctx) !== undefined && handlesInput(ends, ctx) && !reportedOnStore(ctx, ends);
    },
    controls: [callerValidatesInput],
    title: (ctx) => `${queryStore(ctx) === 'nosql' ? 'NoSQL' : 'SQL'} injection from ${callerName(ctx)} into ${storeName(ctx)}`,
    description: (ctx) =>
      queryStore(ctx) === 'nosql'
        ? `${callerName(ctx)} queries ${storeName(ctx)} with values taken from the requests or messages it handles. Where a JSON body is passed into a query as is, an attacker sends operators instead of values (\`{"$ne": null}\`, \`$where\`, \`$regex\`) and logs in without a password or reads every document.`
        : `${callerName(ctx)} queries ${storeName(ctx)} with values taken from the requests or messages it handles. Any value concatenated into SQL (a filter, a sort column, a raw query in an ORM) lets an attacker rewrite the statement: read other users' rows, change or delete data, or run database functions.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-89', 'CWE-943'],
    capec: ['CAPEC-66', 'CAPEC-676'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistInput],
    mitigations: ['MIT-PARAMETERISED-QUERIES'],
  },
  {
    id: 'TM-INJ-002',
    scope: 'flow',
    pattern: 'injection',
    stride: 'tampering',
    condition:
      'a service queries an LDAP directory (an element named or tagged LDAP / Active Directory, or a flow over `ldap`/`ldaps`) and the design does not state that it validates and escapes the input it puts in filters (`validatesInput: true`)',
    applies: (ctx) => {
      const ends = queryEnds(ctx);
      if (ends === undefined) return false;
      if (ctx.model.element(ends.store.id)?.tags.has('ldap') === true) return true;
      // A flow's words name the protocol, not its direction: a directory (an identity provider, a code kind) answering an app is not the one querying.
      return ctx.model.element(ends.caller.id)?.tags.has('ldap') !== true && LDAP_WORDS.test(`${ctx.flow.flow.protocol ?? ''} ${ctx.flow.text}`);
    },
    controls: [callerValidatesInput],
    title: (ctx) => `LDAP injection from ${callerName(ctx)} into ${storeName(ctx)}`,
    description: (ctx) =>
      `${callerName(ctx)} builds LDAP filters for ${storeName(ctx)} (user look-ups, logins, group checks). A user name such as \`*)(uid=*))(|(uid=*\` changes the filter: the attacker logs in without the right password, or enumerates users and attributes from the directory.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-90'],
    capec: ['CAPEC-136'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistInput],
    mitigations: ['MIT-LDAP-ESCAPING'],
  },
  {
    id: 'TM-INJ-003',
    scope: 'flow',
    pattern: 'injection',
    stride: 'tampering',
    condition:
      'a service queries a search engine (Elasticsearch, OpenSearch, Solr, Lucene) and the design does not state that it validates the input it puts in queries (`validatesInput: true`)',
    applies: (ctx) => {
      const ends = queryEnds(ctx);
      return ends !== undefined && ctx.model.element(ends.store.id)?.tags.has('search') === true;
    },
    controls: [callerValidatesInput],
    title: (ctx) => `Search query injection from ${callerName(ctx)} into ${storeName(ctx)}`,
    description: (ctx) =>
      `${callerName(ctx)} builds queries for ${storeName(ctx)} from what its callers send. Search terms passed into query-string (Lucene) syntax or scripts let an attacker widen the query past the tenant or permission filter, read documents they should not see, or run expensive queries and scripts that stall the cluster.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-943', 'CWE-74'],
    capec: ['CAPEC-676'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistInput],
    mitigations: ['MIT-SEARCH-QUERY-SAFE'],
  },
];

export const injectionElementRules: ElementThreatRule[] = [
  {
    id: 'TM-INJ-004',
    scope: 'element',
    pattern: 'injection',
    stride: 'information-disclosure',
    kinds: CODE_KINDS,
    condition:
      'parses XML (`dataFormats: [xml]`, or its words or the flows to it say XML, SOAP, SAML, SVG, XSLT, RSS, Office documents); the design has no property for a hardened parser, so this stays open until decided, and stated input validation (`validatesInput: true`) only lowers it',
    applies: (ctx) => !runsOnUsersDevices(ctx.facts) && formatEvidence(ctx, 'xml') !== undefined,
    controls: [elementHas('validatesInput', 'validates the XML it receives (schema validation alone does not stop external entities)', 'downgrade')],
    title: (ctx) => `XML external entities read files and internal URLs through ${ctx.element.name}`,
    description: (ctx) =>
      `${ctx.element.name} parses XML (${formatEvidence(ctx, 'xml')}). A document with a DOCTYPE declaring external entities makes a default-configured parser read local files (\`file:///etc/passwd\`, credentials, keys), fetch internal URLs (server-side request forgery, cloud metadata) or expand entities until memory runs out ("billion laughs").`,
    severity: 'high',
    likelihood: 'medium',
    raiseForInternet: true,
    raiseForSensitiveData: false,
    cwe: ['CWE-611', 'CWE-776'],
    capec: ['CAPEC-221', 'CAPEC-201'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistInput],
    decidedBy: ['validatesInput'],
    mitigations: ['MIT-XML-PARSER-HARDENING'],
  },
  {
    id: 'TM-INJ-005',
    scope: 'element',
    pattern: 'injection',
    stride: 'tampering',
    kinds: CODE_KINDS,
    condition:
      'accepts native serialized objects (`dataFormats: [serialization]`, or its words or the flows to it say Java serialization, pickle, BinaryFormatter, RMI, IIOP, EJB, ViewState); critical when they come across a trust boundary or from the internet, high when only from inside its own trust zone',
    applies: (ctx) => !runsOnUsersDevices(ctx.facts) && formatEvidence(ctx, 'serialization') !== undefined,
    controls: [onlyCalledFromInside],
    title: (ctx) => `Remote code execution on ${ctx.element.name} through deserialised objects`,
    description: (ctx) => {
      const across = crossingSources(ctx);
      return `${ctx.element.name} deserialises native objects (${formatEvidence(ctx, 'serialization')})${
        ctx.facts.internetFacing ? ', reachable from the internet' : across.length ? `, sent from across a trust boundary by ${across.join(', ')}` : ''
      }. A crafted object graph chains "gadget" classes on its class path, so deserialising it runs the attacker's commands on the host: full compromise of ${ctx.element.name} and of everything its credentials reach.`;
    },
    severity: 'critical',
    likelihood: 'medium',
    raiseForInternet: true,
    cwe: ['CWE-502'],
    capec: ['CAPEC-586'],
    compliance: [C.pciSecureCoding, C.isoSecureCoding, C.nistInput],
    mitigations: ['MIT-SAFE-DESERIALISATION'],
  },
];
