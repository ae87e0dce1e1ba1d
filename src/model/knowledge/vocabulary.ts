// Deterministic vocabulary of the knowledge base: which words in an element's name, technology or
// description (or a flow's label) mean which pattern applies, with the catalogue of technologies
// (technologies.ts) as the one list of product names. Kept as data so it is easy to review and extend.

import type { StrideCategory } from '../../core/types.js';
import type { Classification, Element, ElementKind } from '../schema/architecture.js';
import { TECHNOLOGY_TERMS } from './technologies.js';
import type { TechTag } from './types.js';

/**
 * Words that mean a pattern family where no catalogue row of that family says it: generic words ("bucket",
 * "serverless", "JWT"), products the input readers do not catalogue (Cloud Run, Valkey, Pulsar, Helm), and
 * products whose row spans more than one family (Entra ID with Active Directory, KMS with Parameter Store,
 * the generic document and relational stores). Catalogued technologies add their own patterns.
 */
const TAG_WORDS: ReadonlyArray<readonly [TechTag, RegExp]> = [
  ['object-storage', /object stor|\bbucket/],
  ['serverless', /serverless|cloud run/],
  ['relational', /sqlite|\bsql\b/],
  ['nosql', /cosmos|cassandra|couch|firestore|documentdb|nosql/],
  ['cache', /valkey|\bcache\b/],
  ['stream', /event ?hub|pulsar|\bstream/],
  ['queue', /amqp|\bqueue|service bus|pub\/?sub|\bnats\b/],
  ['jwt', /\bjwt|json web token|bearer|access token|id token|\btokens?\b/],
  ['oauth', /oauth|\boidc\b|openid|entra|azure ad/],
  ['kubernetes', /kubernetes|\bk8s\b|\bpods?\b|\beks\b|\bgke\b|\baks\b|helm/],
  ['signed-url', /signed[ -]?urls?|pre-?signed|\bsas token/],
  ['auth', /\bauth\b|\bauthn\b|authenticat|\blogin|log-?in|sign[ -]?in|\bsso\b|identity/],
  ['upload', /upload|\bfiles?\b|\bimages?\b|attachment|\bmedia\b|\bphotos?\b/],
  ['secrets', /\bkms\b|secret store/],
  ['edge', /\bwaf\b|front door/],
  ['ci', /\bci\b|ci\/cd|\bcicd\b|build (?:pipeline|server|system|agents?|runners?)|(?:deploy(?:ment)?|release) pipeline|jenkins|github actions|gitlab[- ]ci|circleci|travis|azure (?:devops|pipelines)|teamcity|bamboo|buildkite|codebuild|codepipeline|tekton|argo ?cd|\bflux ?cd\b/],
  ['source-repo', /github(?! actions)|gitlab(?![- ]ci)|bitbucket|\bgit\b|gitea|codecommit|source(?:[- ]code)? repo|\bcode repo|\bsvn\b|subversion/],
  ['artifact-registry', /artifactory|artifact (?:registry|repository|store)|\bnexus\b|(?:container|image|docker|package|npm|helm chart|model) registry|docker hub|\becr\b|\bacr\b|\bgcr\b|\bharbor\b|\bquay\b/],
  ['container-platform', /container platform|kubernetes cluster|\bk8s cluster|openshift|docker (?:host|engine|swarm|daemon)|\b(?:eks|gke|aks|ecs) cluster|\bnomad\b|rancher/],
  ['service-registry', /\bconsul\b|eureka|\betcd\b|zookeeper|service (?:registry|discovery)/],
  ['ldap', /\bldaps?\b|openldap|active directory|directory server|389 directory/],
  ['search', /elasticsearch|opensearch|\bsolr\b|lucene|search engine|search index|meilisearch|typesense|algolia/],
];

/** Each family's words and the catalogue's technologies of that family, as one pattern over lower-cased text. */
const TAG_PATTERNS: ReadonlyArray<readonly [TechTag, RegExp]> = TAG_WORDS.map(([tag, words]) => {
  const technologies = TECHNOLOGY_TERMS.filter((t) => t.tags.includes(tag)).map((t) => t.tagPattern ?? t.pattern);
  return [tag, new RegExp([words, ...technologies].map((p) => `(?:${p.source})`).join('|'))] as const;
});

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

/** How reports and exports name each STRIDE category. */
export const STRIDE_LABEL: Record<StrideCategory, string> = {
  spoofing: 'Spoofing',
  tampering: 'Tampering',
  repudiation: 'Repudiation',
  'information-disclosure': 'Information disclosure',
  'denial-of-service': 'Denial of service',
  'elevation-of-privilege': 'Elevation of privilege',
};

export function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** How many names a title lists before it says "and N more". */
const MAX_NAMES_LISTED = 10;

/** "A, B and C" */
export function joinNames(listed: readonly string[]): string {
  // Two flows to the same service (over two protocols) name it once.
  const names = listed.length > 1 ? [...new Set(listed)] : listed;
  if (names.length <= 1) return names[0] ?? '';
  // A title names a few; a design with thousands of writers would otherwise put them all in every report line.
  if (names.length > MAX_NAMES_LISTED) return `${names.slice(0, MAX_NAMES_LISTED).join(', ')} and ${names.length - MAX_NAMES_LISTED} more`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
