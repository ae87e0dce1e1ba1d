// The technologies Bulwark recognises, stated once. The input readers use a row to give an element its
// kind and technology ("S3" → a bucket, technology AWS S3); the knowledge base uses the same row to tag
// free text for its threat patterns ("S3" → object-storage). A technology added here is known to both.

import type { ElementKind } from '../schema/architecture.js';
import type { TechTag } from './types.js';

export interface TechnologyTerm {
  /** Matched case-insensitively on word boundaries. */
  readonly pattern: RegExp;
  readonly technology: string;
  readonly kind: ElementKind;
  /** Name prose gives the element when the text names only the technology ("S3" → "S3 bucket"). */
  readonly displayName: string;
  /** Pattern families the knowledge base applies wherever the technology is named. */
  readonly tags: readonly TechTag[];
  /**
   * How the knowledge base spots the technology in lower-cased free text, where it is looser than `pattern`
   * (plurals and compounds: "lambdas", "rediss", "dynamo table"). Defaults to `pattern`.
   */
  readonly tagPattern?: RegExp;
}

interface TermOptions {
  displayName?: string;
  tags?: readonly TechTag[];
  tagPattern?: RegExp;
}

function term(pattern: RegExp, technology: string, kind: ElementKind, options: TermOptions = {}): TechnologyTerm {
  const { displayName = technology, tags = [], tagPattern } = options;
  return tagPattern ? { pattern, technology, kind, displayName, tags, tagPattern } : { pattern, technology, kind, displayName, tags };
}

/**
 * Ordered: longer, more specific names first ("API Gateway" before "API", "Secrets Manager" before "Secret").
 * A row carries tags only when every text it matches belongs to those families: "Active Directory" is not
 * OAuth, so the Entra ID row has none and the OAuth words name Entra and Azure AD themselves.
 */
export const TECHNOLOGY_TERMS: readonly TechnologyTerm[] = [
  // gateways, proxies, CDNs
  term(/\bapi[ -]?gateway\b/i, 'AWS API Gateway', 'gateway', { displayName: 'API Gateway' }),
  term(/\b(?:alb|elb|nlb|application load balancer|load[ -]?balancer)\b/i, 'Load balancer', 'gateway'),
  term(/\bnginx\b/i, 'nginx', 'gateway'),
  term(/\b(?:envoy|traefik|haproxy|kong|apigee)\b/i, 'Reverse proxy', 'gateway'),
  term(/\bcloudfront\b/i, 'AWS CloudFront', 'gateway', { displayName: 'CloudFront CDN', tags: ['edge'], tagPattern: /cloudfront/ }),
  term(/\b(?:cdn|akamai|fastly|cloudflare)\b/i, 'CDN', 'gateway', { tags: ['edge'], tagPattern: /\bcdn\b|cloudflare|akamai|fastly/ }),
  term(/\b(?:ingress(?: controller)?|reverse proxy)\b/i, 'Reverse proxy', 'gateway'),
  // identity
  term(/\bauth0\b/i, 'Auth0', 'identity-provider', { tags: ['oauth'], tagPattern: /auth0/ }),
  term(/\bcognito\b/i, 'AWS Cognito', 'identity-provider', { displayName: 'Cognito', tags: ['oauth'], tagPattern: /cognito/ }),
  term(/\bkeycloak\b/i, 'Keycloak', 'identity-provider', { tags: ['oauth'], tagPattern: /keycloak/ }),
  term(/\bokta\b/i, 'Okta', 'identity-provider', { tags: ['oauth'], tagPattern: /okta/ }),
  term(/\b(?:entra id|azure ad|active directory)\b/i, 'Microsoft Entra ID', 'identity-provider', { displayName: 'Entra ID' }),
  term(/\b(?:idp|identity provider|sso provider)\b/i, 'Identity provider', 'identity-provider'),
  // secrets
  term(/\bkey vault\b/i, 'Azure Key Vault', 'secret-store', { displayName: 'Key Vault', tags: ['secrets'] }),
  term(/\b(?:hashicorp )?vault\b/i, 'HashiCorp Vault', 'secret-store', { displayName: 'Vault', tags: ['secrets'], tagPattern: /vault/ }),
  term(/\bsecrets? manager\b/i, 'AWS Secrets Manager', 'secret-store', { displayName: 'Secrets Manager', tags: ['secrets'], tagPattern: /secrets? manager/ }),
  term(/\b(?:kms|parameter store)\b/i, 'AWS KMS', 'secret-store', { displayName: 'KMS' }),
  // caches
  term(/\bredis\b/i, 'Redis', 'cache', { tags: ['cache'], tagPattern: /redis/ }),
  term(/\bmemcached?\b/i, 'Memcached', 'cache', { tags: ['cache'], tagPattern: /memcache/ }),
  term(/\belasticache\b/i, 'AWS ElastiCache', 'cache', { displayName: 'ElastiCache', tags: ['cache'], tagPattern: /elasticache/ }),
  // queues and streams
  term(/\bsqs\b/i, 'AWS SQS', 'queue', { displayName: 'SQS queue', tags: ['queue'] }),
  term(/\bsns\b/i, 'AWS SNS', 'queue', { displayName: 'SNS topic', tags: ['queue'] }),
  term(/\bkafka\b/i, 'Kafka', 'queue', { tags: ['stream'], tagPattern: /kafka/ }),
  term(/\brabbit ?mq\b/i, 'RabbitMQ', 'queue', { tags: ['queue'], tagPattern: /rabbit/ }),
  term(/\bkinesis\b/i, 'AWS Kinesis', 'queue', { displayName: 'Kinesis stream', tags: ['stream'], tagPattern: /kinesis/ }),
  term(/\b(?:eventbridge|pub\/?sub|nats|activemq|service bus)\b/i, 'Message broker', 'queue'),
  // object storage
  term(/\bs3\b/i, 'AWS S3', 'bucket', { displayName: 'S3 bucket', tags: ['object-storage'] }),
  term(/\b(?:gcs|google cloud storage)\b/i, 'Google Cloud Storage', 'bucket', { displayName: 'GCS bucket', tags: ['object-storage'], tagPattern: /\bgcs\b|cloud storage/ }),
  term(/\b(?:azure )?blob storage\b/i, 'Azure Blob Storage', 'bucket', { displayName: 'Blob storage', tags: ['object-storage'], tagPattern: /blob stor/ }),
  term(/\bminio\b/i, 'MinIO', 'bucket', { displayName: 'MinIO bucket', tags: ['object-storage'], tagPattern: /minio/ }),
  // functions
  term(/\blambda\b/i, 'AWS Lambda', 'function', { displayName: 'Lambda function', tags: ['serverless'], tagPattern: /lambda/ }),
  term(/\b(?:cloud functions?|azure functions?)\b/i, 'Cloud Functions', 'function', { displayName: 'Cloud function', tags: ['serverless'], tagPattern: /cloud function|azure function/ }),
  // databases
  term(/\b(?:postgres(?:ql)?|aurora postgres)\b/i, 'PostgreSQL', 'datastore', { tags: ['relational'], tagPattern: /postgres/ }),
  term(/\bmysql\b/i, 'MySQL', 'datastore', { tags: ['relational'], tagPattern: /mysql/ }),
  term(/\bmariadb\b/i, 'MariaDB', 'datastore', { tags: ['relational'], tagPattern: /mariadb/ }),
  term(/\bdynamo ?db\b/i, 'AWS DynamoDB', 'datastore', { displayName: 'DynamoDB', tags: ['nosql'], tagPattern: /dynamo/ }),
  term(/\bmongo(?: ?db)?\b/i, 'MongoDB', 'datastore', { tags: ['nosql'], tagPattern: /mongo/ }),
  term(/\b(?:sql server|mssql)\b/i, 'SQL Server', 'datastore', { tags: ['relational'], tagPattern: /sql server|mssql/ }),
  term(/\boracle\b/i, 'Oracle Database', 'datastore', { tags: ['relational'], tagPattern: /oracle/ }),
  term(/\b(?:rds|aurora)\b/i, 'AWS RDS', 'datastore', { displayName: 'RDS database', tags: ['relational'], tagPattern: /\brds\b|aurora/ }),
  // relational and document stores alike: the knowledge base's words tell them apart
  // search engines: queried with a language of their own (search-query injection, not SQL)
  term(/\belasticsearch\b/i, 'Elasticsearch', 'datastore', { tags: ['search'] }),
  term(/\bopensearch\b/i, 'OpenSearch', 'datastore', { tags: ['search'] }),
  term(/\b(?:apache )?solr\b/i, 'Apache Solr', 'datastore', { displayName: 'Solr', tags: ['search'] }),
  term(/\b(?:cassandra|couchdb|firestore|cosmos ?db|sqlite)\b/i, 'Database', 'datastore'),
  // third parties
  term(/\bstripe\b/i, 'Stripe', 'external-system'),
  term(/\b(?:paypal|adyen|braintree)\b/i, 'Payment provider', 'external-system'),
  term(/\b(?:sendgrid|twilio|mailgun|ses)\b/i, 'Messaging provider', 'external-system'),
  // frontends
  term(/\b(?:react|angular|vue(?:\.js)?|spa|single[- ]page app)\b/i, 'SPA', 'web-app', { displayName: 'Web frontend' }),
  // runtimes that say "a process", never more
  term(/\b(?:node\.?js|express)\b/i, 'Node.js', 'process', { displayName: 'Node.js service' }),
  term(/\b(?:spring boot|java)\b/i, 'Java', 'process', { displayName: 'Java service' }),
  term(/\b(?:django|flask|fastapi|python)\b/i, 'Python', 'process', { displayName: 'Python service' }),
  term(/\b(?:golang|go service)\b/i, 'Go', 'process', { displayName: 'Go service' }),
  term(/\b(?:\.net|asp\.net)\b/i, '.NET', 'process', { displayName: '.NET service' }),
  term(/\b(?:graphql)\b/i, 'GraphQL', 'process', { displayName: 'GraphQL API' }),
];
