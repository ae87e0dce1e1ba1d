// What the Node.js application reader reports: for each package of a repository (a directory with a
// package.json, or the repository root), the facts its code states about the security of the service it
// runs, each with the file and line that says so. Secrets are only ever reported masked.

export interface Evidence {
  /** Repository-relative POSIX path. */
  file: string;
  line: number;
  /** The code or fact, short: `app.use(cors())`, `listen(3000)`. */
  says: string;
}

/** The server framework; the Python reader reports the same facts for Flask, FastAPI and Django. */
export type NodeFramework = 'express' | 'fastify' | 'koa' | 'hapi' | 'nestjs' | 'next' | 'flask' | 'fastapi' | 'django';

/** A server (listens or uses a server framework), a worker (no server, but talks to other things), a browser frontend, or a library. */
export type NodeAppKind = 'server' | 'worker' | 'frontend' | 'library';

export interface Port {
  port?: number;
  /** The environment variable it is read from, when so. */
  env?: string;
  /** The interface it binds when the code names one (`0.0.0.0`, `127.0.0.1`). */
  host?: string;
  tls: boolean;
  evidence: Evidence;
}

export interface Route {
  method: string;
  /** The full path when the router's mount point is known. */
  path: string;
  /** Authentication applied before the handler runs (global middleware registered earlier, or on the route). */
  authenticated: boolean;
  evidence: Evidence;
}

export type AuthKind = 'passport' | 'jwt' | 'oidc' | 'api-key' | 'session' | 'basic' | 'named-middleware';

export interface AuthMechanism {
  kind: AuthKind;
  /** The package that provides it, when one does. */
  library?: string;
  evidence: Evidence;
}

export interface CorsPolicy {
  /** `any`: every origin (`cors()`, `origin: '*'`); `reflect`: the caller's origin echoed (`origin: true`); `restricted`: an allow-list; `custom`: a function decides; `configured`: from the environment. */
  origin: 'any' | 'reflect' | 'restricted' | 'custom' | 'configured' | 'unknown';
  origins?: string[];
  credentials?: boolean;
  evidence: Evidence;
}

export interface LibraryUse {
  library: string;
  evidence: Evidence;
}

export interface BodyLimit {
  parser: string;
  /** The limit set in code; absent means the library's default (100 kB for Express's parsers). */
  limit?: string;
  evidence: Evidence;
}

export interface SqlQuery {
  /** `concatenated`: built from strings and data (concatenation or template interpolation); `parameterised`: placeholders with values passed apart; `query-builder`: an ORM or builder library. */
  kind: 'concatenated' | 'parameterised' | 'query-builder';
  /** Request data (`req.params`, `req.body`, `ctx.query`, ...) is spliced into the statement. */
  requestData?: boolean;
  evidence: Evidence;
}

export type ClientKind =
  | 'sqs' | 's3' | 'dynamodb' | 'sns' | 'kinesis' | 'lambda' | 'secrets-manager' | 'ssm' | 'kms' | 'aws'
  | 'mysql' | 'mariadb' | 'postgres' | 'mongodb' | 'redis' | 'kafka' | 'amqp' | 'http';

export interface OutboundClient {
  kind: ClientKind;
  library: string;
  /** A literal URL or host it talks to (`http://worker:4000`, `mariadb`, a queue URL). */
  target?: string;
  /** Environment variables its address comes from. */
  env?: string[];
  /** For HTTP: the target is a public third party (a domain name), not a service of the system. */
  thirdParty?: boolean;
  /** The address uses TLS (`https:`, `ssl` options, `rediss:`); false when it plainly does not; absent when unknown. */
  tls?: boolean;
  /** What it does with the resource, for queues and storage (`send`, `receive`, `put`). */
  operations?: string[];
  evidence: Evidence;
}

export interface HardcodedSecret {
  kind: string;
  masked: string;
  evidence: Evidence;
}

export interface EnvVar {
  name: string;
  /** A literal fallback given in code, masked when the name announces a secret. */
  fallback?: string;
  evidence: Evidence;
}

export interface NodeAppSummary {
  authentication: boolean;
  /** Routes reachable without authentication. */
  unauthenticatedRoutes: number;
  tls: boolean;
  cors: CorsPolicy['origin'] | 'none';
  helmet: boolean;
  rateLimit: boolean;
  /** `default` when a body parser is used without a limit. */
  bodyLimit: 'set' | 'default' | 'none';
  validation: boolean;
  sqlConcatenation: boolean;
  hardcodedSecrets: number;
  logging: boolean;
  audit: boolean;
}

/** The lists of facts an application reader gathers, whatever the language. */
export type AppFactLists = Pick<
  NodeApp,
  'ports' | 'routes' | 'auth' | 'cors' | 'securityHeaders' | 'rateLimits' | 'bodyLimits' | 'validation' | 'sql' | 'clients' | 'secrets' | 'logging' | 'audit' | 'env'
>;

export interface NodeApp {
  /** Repository-relative directory ('' for the root). */
  dir: string;
  name: string;
  kind: NodeAppKind;
  framework?: NodeFramework;
  /** Files that create the server or start the program. */
  entries: string[];
  ports: Port[];
  routes: Route[];
  auth: AuthMechanism[];
  cors: CorsPolicy[];
  securityHeaders: LibraryUse[];
  rateLimits: LibraryUse[];
  bodyLimits: BodyLimit[];
  validation: LibraryUse[];
  sql: SqlQuery[];
  clients: OutboundClient[];
  secrets: HardcodedSecret[];
  logging: LibraryUse[];
  audit: Evidence[];
  env: EnvVar[];
  summary: NodeAppSummary;
}

export interface NodeAppReport {
  apps: NodeApp[];
  /** Files that could not be read fully (too large, unreadable package.json), one line each. */
  notes: { file: string; message: string }[];
}
