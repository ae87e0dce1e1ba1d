// The words every input reader shares (diagrams and prose alike), so the same words give the same element
// kinds, technologies, flow properties and data assets whatever the input format. Technologies come from
// the knowledge base's catalogue, which tags them for the threat patterns too.

import { TECHNOLOGY_TERMS, type TechnologyTerm } from '../knowledge/technologies.js';
import { DATA_HOLDING_KINDS, type BoundaryType, type Classification, type ElementKind } from '../schema/architecture.js';

/** People by their role: drawn as a box or named in prose, a person is an actor, never a service. */
const PEOPLE =
  'users?|customers?|clients?|browsers?|persons?|people|visitors?|admins?|administrators?|operators?|shoppers?|buyers?|members?|employees?|staff|developers?|actors?|' +
  'patients?|doctors?|nurses?|clinicians?|clerks?|editors?|readers?|viewers?|creators?|authors?|fans?|homeowners?|scientists?|analysts?|agents?|' +
  'engineers?|testers?|students?|teachers?|guests?|citizens?|drivers?|riders?|subscribers?|players?|sellers?|merchants?|consumers?|humans?|owners?'; // prettier-ignore

/** Generic head nouns: the last word of a name says what it is ("User Service" is a service, not a user). */
const HEAD_NOUNS: ReadonlyArray<readonly [RegExp, ElementKind]> = [
  // Software named after the people who use it is software: a desktop client, a user agent.
  [/^(?:desktop|thick|rich|native|cli|command-line) (?:clients?|apps?|applications?)$/i, 'process'],
  [/^(?:payment|card|payments) processors?$/i, 'external-system'],
  [new RegExp(`^(?:${PEOPLE}|mobile app|mobile apps|mobile)$`, 'i'), 'actor'],
  [/^(?:databases?|db|dbs|datastores?|data store|store|tables?|warehouse|ledger|registry|folders?|file share)$/i, 'datastore'],
  [/^(?:caches?)$/i, 'cache'],
  [/^(?:queues?|dlqs?|topics?|streams?|brokers?|bus)$/i, 'queue'],
  [/^(?:buckets?|object storage|storage|blobs?)$/i, 'bucket'],
  [/^(?:functions?|lambdas?)$/i, 'function'],
  [/^(?:gateways?|gw|proxy|proxies|load balancer|balancer|lb|cdn|ingress|waf)$/i, 'gateway'],
  [/^(?:frontend|front-end|web app|webapp|spa|ui|portal|website|site|storefront|web shop|webshop)$/i, 'web-app'],
  [/^(?:idp|identity provider|(?:openid|oidc|oauth2?|saml|sso|auth|authentication|login|identity) (?:provider|server|service|broker))$/i, 'identity-provider'],
  [/^(?:vault|secrets?)$/i, 'secret-store'],
  [/^(?:providers?|partners?|partner \w+|vendors?|third[- ]party|saas)$/i, 'external-system'],
  [/^(?:services?|api|apis|servers?|apps?|application|backend|worker|workers|daemon|jobs?|generator|processors?|handler|engine|microservice)$/i, 'process'],
];

const SPECIFIC_KINDS: ReadonlySet<ElementKind> = new Set(['datastore', 'cache', 'queue', 'bucket', 'function', 'gateway', 'identity-provider', 'secret-store', 'external-system', 'web-app']);

/** The first vocabulary term found in the text, preferring the earliest-listed (most specific) term. */
export function matchTechnology(text: string): TechnologyTerm | undefined {
  return TECHNOLOGY_TERMS.find((t) => t.pattern.test(text));
}

/** Every term in the text, in the order they appear (for prose). */
export function findTechnologies(text: string): Array<{ term: TechnologyTerm; index: number; length: number }> {
  const hits: Array<{ term: TechnologyTerm; index: number; length: number }> = [];
  // Which characters an earlier (more specific) term already took: a match costs its own length to check,
  // not a scan of every hit so far.
  const taken = new Uint8Array(text.length);
  for (const t of TECHNOLOGY_TERMS) {
    const re = globalPattern(t);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (taken.subarray(m.index, end).includes(1)) continue;
      taken.fill(1, m.index, end);
      hits.push({ term: t, index: m.index, length: m[0].length });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Each term's pattern as a global, case-insensitive expression, compiled once. */
const GLOBAL_PATTERNS = new Map<TechnologyTerm, RegExp>();
function globalPattern(term: TechnologyTerm): RegExp {
  let re = GLOBAL_PATTERNS.get(term);
  if (!re) GLOBAL_PATTERNS.set(term, (re = new RegExp(term.pattern.source, 'gi')));
  return re;
}

/** Kind from the name's head noun (its last one or two words; `User/Browser` reads as `User Browser`). */
export function kindFromHeadNoun(name: string): ElementKind | undefined {
  const words = name.toLowerCase().replace(/\//g, ' ').replace(/[^a-z0-9 -]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const lastTwo = words.slice(-2).join(' ');
  const last = words[words.length - 1]!;
  for (const [re, kind] of HEAD_NOUNS) if (re.test(lastTwo)) return kind;
  for (const [re, kind] of HEAD_NOUNS) if (re.test(last)) return kind;
  return undefined;
}

export interface Classified {
  kind: ElementKind;
  technology?: string;
  /** Which clue decided the kind, for notes. */
  reason: 'technology' | 'name' | 'shape' | 'default';
}

/** Kinds of what a component talks to rather than is: a "Stripe webhook handler" is ours, not Stripe. */
const TALKED_TO: ReadonlySet<ElementKind> = new Set(['external-system', 'gateway', 'identity-provider', 'secret-store']);

/**
 * Decides an element's kind from everything a diagram says about it, reading the name as an architect does: the
 * name's head noun first when it names a kind ("Orders DB", "User/Browser"), then a technology the name itself is
 * ("MariaDB", "Kafka - no auth"), then a technology its qualifier or description names when the name has no head
 * noun ("Ledger - Postgres", "Payments\nStripe"), then the shape or C4 macro the author chose, then a generic head
 * noun ("Order processor", "Maps API") as a process. A technology the input declares for the element (C4's technology
 * argument) counts as the name's own. Words that only
 * describe a component ("DB password in env var", "served by nginx") never decide its kind.
 */
export function classifyElement(text: string, shapeKind?: ElementKind, declaredTechnology?: string): Classified {
  const [nameLine = '', ...descriptionLines] = text.split('\n');
  const { main, qualifier } = splitName(nameLine);
  const head = kindFromHeadNoun(main);
  const nameTech = matchTechnology(main) ?? (declaredTechnology ? matchTechnology(declaredTechnology) : undefined);
  // A name that ends in a technology's own name is that technology ("Secrets Manager", "Users DynamoDB").
  const endsInTech = nameTech !== undefined && SPECIFIC_KINDS.has(nameTech.kind) && new RegExp(`(?:${nameTech.pattern.source})\\W*$`, 'i').test(main);
  if (endsInTech) return withTech({ kind: nameTech.kind, reason: 'technology' }, nameTech.technology);
  const otherTech = matchTechnology([qualifier, ...descriptionLines].join('\n'));
  /** The technology worth recording for the kind decided: one of that kind, or a runtime (Node.js, Java). */
  const techFor = (kind: ElementKind) => [nameTech, otherTech].find((t) => t && (t.kind === kind || !SPECIFIC_KINDS.has(t.kind)))?.technology;
  const decided = (kind: ElementKind, reason: Classified['reason']) => withTech({ kind, reason }, techFor(kind));
  // "Refresh token store - Memcached": a generic store whose technology says what kind of store.
  const storeTech = [nameTech, otherTech].find((t) => t && DATA_HOLDING_KINDS.has(t.kind));
  if (head === 'datastore' && storeTech && /\b(?:store|storage|data ?store)\W*$/i.test(main)) return decided(storeTech.kind, 'technology');
  if (head && head !== 'process') return decided(head, 'name');
  // "Stripe API" is Stripe's; "Stripe webhook handler" is ours, talking to Stripe.
  const providersOwn = /\b(?:api|apis|endpoints?)\W*$/i.test(main);
  if (nameTech && SPECIFIC_KINDS.has(nameTech.kind) && (head !== 'process' || providersOwn || !TALKED_TO.has(nameTech.kind))) return decided(nameTech.kind, 'technology');
  if (!head && otherTech && SPECIFIC_KINDS.has(otherTech.kind)) return decided(otherTech.kind, 'technology');
  // A drawn shape or a C4 macro (`System_Ext`, `ContainerDb`) is said on purpose; a generic "…API" or "…Service" is not.
  if (shapeKind) return decided(shapeKind, 'shape');
  if (head) return decided(head, 'name');
  return decided('process', 'default');
}

/** `Health records DB - PostgreSQL, PHI` → the name proper and its qualifier (after a dash, or in parentheses). */
function splitName(line: string): { main: string; qualifier: string } {
  // Found with indexOf and a one-character-wide search, not backtracking patterns: a label can be hostile input.
  const open = line.indexOf('(');
  const close = open >= 0 ? line.indexOf(')', open) : -1;
  if (open > 0 && close > open && line.slice(0, open).trim()) {
    return { main: line.slice(0, open).trim(), qualifier: `${line.slice(open + 1, close)} ${line.slice(close + 1)}`.trim() };
  }
  const dash = /\s[-\u2013\u2014]\s/.exec(line);
  if (dash && line.slice(0, dash.index).trim()) return { main: line.slice(0, dash.index).trim(), qualifier: line.slice(dash.index + 3).trim() };
  return { main: line.trim(), qualifier: '' };
}

function withTech(c: Classified, technology: string | undefined): Classified {
  return technology ? { ...c, technology } : c;
}

/** Boundary type from its name ("Private subnet" → network-zone, "EKS cluster" → cluster). */
export function boundaryTypeFromName(name: string): BoundaryType | undefined {
  const n = name.toLowerCase();
  if (/\b(?:docker|compose|container network|bridge network|podman)\b/.test(n)) return 'container-network';
  if (/\b(?:kubernetes|k8s|cluster|namespace|eks|gke|aks|openshift)\b/.test(n)) return 'cluster';
  if (namesTheInternet(n)) return 'internet';
  if (/\b(?:vpc|vnet|subnets?|network|dmz|zone|lan|segment|intranet|on-?prem(?:ise)?s?)\b/.test(n)) return 'network-zone';
  if (/\b(?:aws|azure|gcp|google cloud|account|subscription|project|tenant|cloud|region)\b/.test(n)) return 'cloud-account';
  // "Server-side trust boundary" parts the client from everything behind it: no one server's process.
  if (/\b(?:process|pod|container|runtime|jvm|host|vm|server(?![- ]side)|machine|instance)\b/.test(n)) return 'process';
  return undefined;
}

/**
 * Whether a boundary's name is the internet itself ("Internet", "Public internet", "External users"), judged by its
 * head noun: "Internet Banking" is a system, and "Internet-facing services" a group of our services.
 */
function namesTheInternet(name: string): boolean {
  const words = name.replace(/\([^)]*\)/g, ' ').replace(/[^a-z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const head = words[words.length - 1] ?? '';
  if (/^(?:internet|web|world|outside|clients?|users?|visitors?|public|external|untrusted)$/.test(head)) return true;
  // "Untrusted zone", "Internet edge": the internet when the qualifier says so and the head is only a zone or an edge.
  return words.length === 2 && /^(?:internet|public|external|untrusted|outside)$/.test(words[0]!) && /^(?:zone|area|side|edge)$/.test(head);
}

export interface FlowHints {
  protocol?: string;
  port?: number;
  encrypted?: boolean;
  authenticated?: boolean;
}

/** Protocol, port, encryption and authentication stated by a flow's label or technology. Unstated stays absent. */
export function flowHints(text: string): FlowHints {
  // "encrypted at rest" is about storage, not the wire.
  const t = text.toLowerCase().replace(/\b(?:encrypt\w*|unencrypted) at rest\b/g, ' ');
  const hints: FlowHints = {};
  const portMatch = /(?::|\bport\s+)(\d{2,5})\b/.exec(t);
  if (portMatch) {
    const port = Number(portMatch[1]);
    if (port <= 65535) hints.port = port;
  }
  const protocols: Array<[RegExp, string, boolean | undefined]> = [
    [/\bmtls\b/, 'https', true],
    [/\bhttps\b/, 'https', true],
    [/\bwss\b/, 'wss', true],
    [/\bgrpcs\b|\bgrpc\s*(?:\+|over|with|\/)\s*tls\b/, 'grpc', true],
    [/\bgrpc\b/, 'grpc', undefined],
    [/\bamqps\b/, 'amqp', true],
    [/\bamqp\b/, 'amqp', undefined],
    [/\bsftp\b/, 'sftp', true],
    [/\bssh\b/, 'ssh', true],
    [/\bws\b|\bwebsockets?\b/, 'ws', undefined],
    [/\bhttp\b|\brest(?:ful)? (?:api|calls?|requests?)\b/, 'http', undefined],
    [/\bsql\b|\bjdbc\b|\bpostgres(?:ql)? (?:protocol|wire)\b|\bodbc\b/, 'sql', undefined],
    [/\bresp\b|\bredis protocol\b/, 'resp', undefined],
    [/\bsmtps?\b/, 'smtp', undefined],
    [/\bkafka\b/, 'kafka', undefined],
    [/\btcp\b/, 'tcp', undefined],
    [/\budp\b/, 'udp', undefined],
    [/\baws sdk\b|\bsdk\b/, 'https', true],
  ];
  for (const [re, protocol, encrypted] of protocols) {
    if (re.test(t)) {
      hints.protocol = protocol;
      if (encrypted !== undefined) hints.encrypted = encrypted;
      break;
    }
  }
  if (/\b(?:tls|ssl|mtls|encrypted|ssl\/tls)\b/.test(t) && !/\b(?:no|without|un)[- ]?(?:tls|ssl|encrypted)\b/.test(t)) hints.encrypted = true;
  if (hints.protocol === 'http' && hints.encrypted === undefined && /\bhttp\b/.test(t)) hints.encrypted = false;
  if (hints.port === 443 && hints.encrypted === undefined) {
    hints.encrypted = true;
    hints.protocol ??= 'https';
  }
  if (/\b(?:plain ?text|unencrypted|no tls|without tls|cleartext)\b/.test(t)) hints.encrypted = false;
  // "returns JWT", "issues tokens": the token is what the flow carries (being issued), not how it authenticates.
  const issuing = /\b(?:returns?|returning|issues?|issuing|sends? back|responds? with|hands? (?:out|back)|mints?|generates?)\b[^,;]{0,24}\b(?:jwts?|tokens?|session cookies?|api keys?)\b/.test(t);
  if (!issuing && /\b(?:jwt|oauth2?|oidc|openid|api[- ]?keys?|bearer|mtls|basic auth|sigv4|iam auth|authenticated|signed requests?|session cookie|saml|hmac)\b/.test(t)) {
    hints.authenticated = true;
  }
  if (/\b(?:unauthenticated|anonymous|no auth(?:entication)?|without auth(?:entication)?|public access)\b/.test(t)) hints.authenticated = false;
  return hints;
}

export interface DataAssetHint {
  id: string;
  name: string;
  classification: Classification;
  /** The words it came from. */
  match: string;
}

const DATA_NOUNS: ReadonlyArray<readonly [RegExp, Omit<DataAssetHint, 'match'>, boolean]> = [
  // [pattern, asset, isAuthMechanism (skipped when reading diagram edge labels, where "JWT" means the flow is authenticated)]
  [/\b(?:credentials?|passwords?|passphrases?|logins?|log(?:s|ged)? in|sign(?:s|ed)? in)\b/i, { id: 'credentials', name: 'User credentials', classification: 'credentials' }, false],
  [/\b(?:jwts?|access tokens?|id tokens?|refresh tokens?|session tokens?|tokens?)\b/i, { id: 'auth-tokens', name: 'Authentication tokens', classification: 'credentials' }, true],
  [/\b(?:api keys?|secrets?|private keys?)\b/i, { id: 'secrets', name: 'Secrets and keys', classification: 'credentials' }, true],
  [/\bsessions?\b/i, { id: 'sessions', name: 'Sessions', classification: 'credentials' }, true],
  [/\b(?:card(?:holder)?s?(?: data| details| numbers?)?|payments?|billing|pan|cvv)\b/i, { id: 'payment-data', name: 'Payment data', classification: 'payment' }, false],
  [/\b(?:phi|ephi|health (?:records?|data)|medical (?:records?|data)|patient (?:data|records?)|diagnos[ei]s|prescriptions?|lab results?)\b/i, { id: 'health-records', name: 'Health records', classification: 'pii' }, false],
  [/\b(?:pii|personal data|emails?|e-mail|addresses|address|profiles?|phone numbers?|customer data|user data|names|national ids?|ssns?|social security numbers?|bank details|salar(?:y|ies)|dates? of birth|birth ?dates?)\b/i, { id: 'personal-data', name: 'Personal data', classification: 'pii' }, false],
  [/\b(?:uploads?|images?|photos?|files?|documents?|attachments?|videos?|user content)\b/i, { id: 'user-uploads', name: 'User uploads', classification: 'confidential' }, false],
  [/\b(?:pre-?)?signed urls?\b/i, { id: 'signed-urls', name: 'Signed download URLs', classification: 'confidential' }, false],
  [/\borders?\b/i, { id: 'orders', name: 'Orders', classification: 'confidential' }, false],
  [/\bmetadata\b/i, { id: 'metadata', name: 'Metadata', classification: 'internal' }, false],
  [/\b(?:logs?(?!\s+in\b)|audit trail|audit events?)\b/i, { id: 'logs', name: 'Logs and events', classification: 'internal' }, false],
];

/** Data assets named in a text. `includeAuthMechanisms` is off for diagram edge labels ("HTTPS + JWT"). */
export function dataAssetsIn(text: string, includeAuthMechanisms = true): DataAssetHint[] {
  const found: DataAssetHint[] = [];
  const withoutSignedUrls = text.replace(/\b(?:pre-?)?signed urls?\b/gi, (m) => (found.push({ id: 'signed-urls', name: 'Signed download URLs', classification: 'confidential', match: m }), ' '));
  for (const [re, asset, isAuth] of DATA_NOUNS) {
    if (isAuth && !includeAuthMechanisms) continue;
    if (asset.id === 'signed-urls') continue;
    const m = re.exec(withoutSignedUrls);
    if (m && !found.some((f) => f.id === asset.id)) found.push({ ...asset, match: m[0] });
  }
  return found;
}

/** Lower-case, hyphenated id from a name: "Order Service (Node)" → "order-service-node". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'element';
}
