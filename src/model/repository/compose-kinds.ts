// What a compose service is: its element kind and technology, from its image (name and tag), the folder it
// is built from (a React or Vite frontend), and last its name. Each decision says why, for `inferredFrom`.

import { TECHNOLOGY_TERMS } from '../knowledge/technologies.js';
import type { ElementKind } from '../schema/architecture.js';

export interface ServiceKind {
  kind: ElementKind;
  technology?: string;
  why: string;
}

/** Images the knowledge base's technology words do not name, or name for another kind. */
const COMPOSE_IMAGES: readonly { pattern: RegExp; kind: ElementKind; technology: string }[] = [
  { pattern: /^(?:localstack|elasticmq)$/i, kind: 'queue', technology: 'AWS SQS (LocalStack)' },
  { pattern: /^(?:nats|nats-streaming)$/i, kind: 'queue', technology: 'NATS' },
  { pattern: /^(?:cp-kafka|kafka|redpanda)$/i, kind: 'queue', technology: 'Kafka' },
  { pattern: /^(?:valkey|keydb|dragonfly)$/i, kind: 'cache', technology: 'Redis' },
  { pattern: /^(?:caddy|haproxy|httpd|apache)$/i, kind: 'gateway', technology: 'Reverse proxy' },
  { pattern: /^(?:mongo|mongodb)$/i, kind: 'datastore', technology: 'MongoDB' },
  { pattern: /^(?:mssql|mssql-server)$/i, kind: 'datastore', technology: 'SQL Server' },
];

/** LocalStack stands for the AWS services its SERVICES variable lists: a bucket for S3 alone. */
export function localstackKind(services: string | undefined): ServiceKind {
  const list = (services ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (list.length && list.every((s) => s === 's3')) return { kind: 'bucket', technology: 'AWS S3 (LocalStack)', why: 'LocalStack image with SERVICES=s3' };
  return { kind: 'queue', technology: 'AWS SQS (LocalStack)', why: `LocalStack image${list.length ? ` with SERVICES=${list.join(',')}` : ''}` };
}

/** `docker.io/library/mariadb:11.4@sha256:…` → name `mariadb`, tag `11.4`. */
export function imageParts(image: string): { name: string; tag?: string } {
  const noDigest = image.replace(/@.*$/, '');
  const last = noDigest.slice(noDigest.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon < 0 ? { name: last } : { name: last.slice(0, colon), tag: last.slice(colon + 1) };
}

function fromWords(text: string): { kind: ElementKind; technology: string } | undefined {
  const words = text.replace(/[-_.]+/g, ' ');
  for (const term of TECHNOLOGY_TERMS) {
    // Runtimes ("node", "python") say only "a process", and frontends are recognised by their build folder.
    if (term.kind === 'process' || term.kind === 'web-app' || term.kind === 'external-system') continue;
    if (term.pattern.test(words)) return { kind: term.kind, technology: term.technology };
  }
  return undefined;
}

export function imageKind(image: string, env: (name: string) => string | undefined): ServiceKind | undefined {
  const { name, tag } = imageParts(image);
  if (/^localstack$/i.test(name)) return localstackKind(env('SERVICES'));
  const known = COMPOSE_IMAGES.find((i) => i.pattern.test(name)) ?? fromWords(name);
  if (!known) return undefined;
  const version = tag && tag !== 'latest' ? ` ${tag}` : '';
  return { kind: known.kind, technology: `${known.technology}${version}`, why: `image ${image}` };
}

/** A frontend framework among a package.json's dependencies. */
const FRONTEND_PACKAGES: readonly [RegExp, string][] = [
  [/^(?:vite|@vitejs\/plugin-react)$/, 'Vite'],
  [/^next$/, 'Next.js'],
  [/^(?:react-scripts|react-dom|react)$/, 'React'],
  [/^(?:@angular\/core)$/, 'Angular'],
  [/^vue$/, 'Vue'],
  [/^svelte$/, 'Svelte'],
];
const SERVER_PACKAGES: readonly [RegExp, string][] = [
  [/^express$/, 'Express'],
  [/^fastify$/, 'Fastify'],
  [/^koa$/, 'Koa'],
  [/^@nestjs\/core$/, 'NestJS'],
  [/^@hapi\/hapi$/, 'hapi'],
];

/** What a build folder's package.json says the service is: a browser frontend or a Node.js server. */
export function packageKind(packageJson: string | undefined): ServiceKind | undefined {
  if (packageJson === undefined) return undefined;
  let names: string[];
  try {
    const doc = JSON.parse(packageJson) as { dependencies?: unknown; devDependencies?: unknown };
    const keys = (v: unknown): string[] => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);
    names = [...keys(doc.dependencies), ...keys(doc.devDependencies)];
  } catch {
    return undefined;
  }
  const server = SERVER_PACKAGES.find(([p]) => names.some((n) => p.test(n)));
  if (server) return { kind: 'process', technology: `Node.js (${server[1]})`, why: `package.json depends on ${server[1]}` };
  const frontend = FRONTEND_PACKAGES.find(([p]) => names.some((n) => p.test(n)));
  if (frontend) return { kind: 'web-app', technology: frontend[1], why: `package.json depends on ${frontend[1]}` };
  return names.length ? { kind: 'process', technology: 'Node.js', why: 'built from a Node.js package' } : undefined;
}

/** A name that says database: `db`, `orders-db`, `catalogue_db`, `db-1`, `user-database`. */
export const DATABASE_NAME = /(?:^|[-_.])(?:db|database)(?:$|[-_.]\d+$)/i;

/** Last resort: the service's name ("db", "postgres", "redis-cache", "orders-db"). */
export function nameKind(serviceName: string): ServiceKind | undefined {
  const known = COMPOSE_IMAGES.find((i) => i.pattern.test(serviceName)) ?? fromWords(serviceName);
  if (known) return { kind: known.kind, technology: known.technology, why: `service name ${serviceName}` };
  if (DATABASE_NAME.test(serviceName)) return { kind: 'datastore', why: `service name ${serviceName}` };
  return undefined;
}
