// Deterministic technology vocabulary: which words in an element's name, technology or description
// (or a flow's label) mean which pattern applies. Kept as data so it is easy to review and extend.

import type { Classification, Element, ElementKind } from '../schema.js';
import type { TechTag } from './types.js';

const TAG_PATTERNS: ReadonlyArray<readonly [TechTag, RegExp]> = [
  ['object-storage', /\bs3\b|object stor|blob stor|\bgcs\b|cloud storage|minio|\bbucket/],
  ['serverless', /lambda|cloud function|azure function|serverless|cloud run/],
  ['relational', /postgres|mysql|mariadb|sql server|mssql|oracle|\brds\b|aurora|sqlite|\bsql\b/],
  ['nosql', /mongo|dynamo|cosmos|cassandra|couch|firestore|documentdb|nosql/],
  ['cache', /redis|memcache|elasticache|valkey|\bcache\b/],
  ['stream', /kafka|kinesis|event ?hub|pulsar|\bstream/],
  ['queue', /\bsqs\b|rabbit|amqp|\bqueue|service bus|pub\/?sub|\bsns\b|\bnats\b/],
  ['jwt', /\bjwt|json web token|bearer|access token|id token|\btokens?\b/],
  ['oauth', /oauth|\boidc\b|openid|auth0|okta|cognito|keycloak|entra|azure ad/],
  ['kubernetes', /kubernetes|\bk8s\b|\bpods?\b|\beks\b|\bgke\b|\baks\b|helm/],
  ['signed-url', /signed[ -]?urls?|pre-?signed|\bsas token/],
  ['auth', /\bauth\b|\bauthn\b|authenticat|\blogin|log-?in|sign[ -]?in|\bsso\b|identity/],
  ['upload', /upload|\bfiles?\b|\bimages?\b|attachment|\bmedia\b|\bphotos?\b/],
  ['secrets', /vault|secrets? manager|key vault|\bkms\b|secret store/],
  ['edge', /\bcdn\b|cloudfront|cloudflare|akamai|fastly|\bwaf\b|front door/],
];

/** Words of a flow that mean credentials are carried. */
const CREDENTIAL_WORDS = /credential|password|passwd|\blogin|sign[ -]?in|username/;

export function tagsOfText(text: string): Set<TechTag> {
  const tags = new Set<TechTag>();
  for (const [tag, pattern] of TAG_PATTERNS) if (pattern.test(text)) tags.add(tag);
  return tags;
}

/** Tags of an element: kinds imply some tags, the rest comes from the words used for it. */
export function tagsOfElement(element: Element): Set<TechTag> {
  const text = `${element.name} ${element.technology ?? ''} ${element.description ?? ''}`.toLowerCase();
  const tags = tagsOfText(text);
  const implied: Partial<Record<ElementKind, TechTag>> = {
    bucket: 'object-storage',
    function: 'serverless',
    cache: 'cache',
    queue: 'queue',
    'identity-provider': 'auth',
    'secret-store': 'secrets',
  };
  const tag = implied[element.kind];
  if (tag) tags.add(tag);
  // A bucket named "uploads" is storage, not an upload endpoint; a token store is not a token issuer.
  if (element.kind === 'bucket' || element.kind === 'datastore' || element.kind === 'cache') tags.delete('upload');
  return tags;
}

export function mentionsCredentials(text: string): boolean {
  return CREDENTIAL_WORDS.test(text);
}

/** Order of sensitivity, lowest first. */
export const CLASSIFICATION_RANK: Record<Classification, number> = {
  public: 0,
  internal: 1,
  confidential: 2,
  pii: 3,
  payment: 4,
  credentials: 4,
};

export function isSensitive(classification: Classification | undefined): boolean {
  return classification === 'pii' || classification === 'payment' || classification === 'credentials';
}

export function maxClassification(values: Iterable<Classification>): Classification | undefined {
  let best: Classification | undefined;
  for (const value of values) if (best === undefined || CLASSIFICATION_RANK[value] > CLASSIFICATION_RANK[best]) best = value;
  return best;
}

const CLASSIFICATION_WORDS: Record<Classification, string> = {
  public: 'public data',
  internal: 'internal data',
  confidential: 'confidential data',
  pii: 'personal data (PII)',
  payment: 'payment data',
  credentials: 'credentials',
};

export function describeClassification(classification: Classification): string {
  return CLASSIFICATION_WORDS[classification];
}

/** Protocols that imply transport encryption, and those that imply its absence. */
export function encryptionOfProtocol(protocol: string | undefined): boolean | undefined {
  if (!protocol) return undefined;
  const p = protocol.toLowerCase();
  if (/^(https|tls|mtls|ssl|grpcs|wss|sftp|ssh|ftps|smtps|imaps|ldaps|amqps|mqtts|rediss|postgresql\+ssl)$/.test(p) || /\btls\b|\bssl\b/.test(p)) return true;
  if (/^(http|ftp|telnet|ws|plaintext)$/.test(p)) return false;
  return undefined;
}

export function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** "A, B and C" */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
