// Environment values that name another service: `http://api:3000`, `mysql://user@db:3306/app`,
// `DB_HOST=db`, `REDIS_URL=redis://cache`. Each is a data flow, with the protocol and encryption its
// scheme and parameters state. Values that could not be resolved are never guessed at.

export interface ServiceReference {
  target: string;
  protocol?: string;
  port?: number;
  /** true for https/tls/ssl schemes or parameters; false for plain ones; absent when the value does not say. */
  encrypted?: boolean;
  /** The URL carries a user or password. */
  credentials: boolean;
  /** Why, in words, without the value's credentials. */
  says: string;
}

const SCHEMES: Record<string, { protocol: string; encrypted?: boolean }> = {
  http: { protocol: 'http', encrypted: false },
  https: { protocol: 'https', encrypted: true },
  ws: { protocol: 'websocket', encrypted: false },
  wss: { protocol: 'websocket', encrypted: true },
  mysql: { protocol: 'mysql' },
  mariadb: { protocol: 'mysql' },
  'mysql+pymysql': { protocol: 'mysql' },
  postgres: { protocol: 'postgres' },
  postgresql: { protocol: 'postgres' },
  'postgresql+psycopg2': { protocol: 'postgres' },
  jdbc: { protocol: 'jdbc' },
  mongodb: { protocol: 'mongodb' },
  'mongodb+srv': { protocol: 'mongodb', encrypted: true },
  redis: { protocol: 'redis', encrypted: false },
  rediss: { protocol: 'redis', encrypted: true },
  amqp: { protocol: 'amqp', encrypted: false },
  amqps: { protocol: 'amqp', encrypted: true },
  nats: { protocol: 'nats' },
  kafka: { protocol: 'kafka' },
  grpc: { protocol: 'grpc' },
  tcp: { protocol: 'tcp' },
  smtp: { protocol: 'smtp', encrypted: false },
  smtps: { protocol: 'smtp', encrypted: true },
};

/** Database and broker drivers talk in plaintext unless told otherwise. */
const PLAIN_BY_DEFAULT = new Set(['mysql', 'postgres', 'mongodb', 'nats', 'kafka', 'jdbc']);
const TLS_ON = /[?&;](?:ssl|tls|useSSL|requireSSL)=(?:true|1|required)|[?&;]sslmode=(?:require|verify-ca|verify-full)/i;
const TLS_OFF = /[?&;](?:ssl|tls|useSSL)=(?:false|0)|[?&;]sslmode=(?:disable|allow|prefer)/i;
/** Variables that hold a bare host name. */
const HOST_NAME = /(?:^|_)(?:HOST|HOSTNAME|SERVER|ADDR|ADDRESS|SERVICE)$/i;

/** The references in one variable's value to the given services (by name). */
export function referencesIn(variable: string, value: string, services: ReadonlySet<string>): ServiceReference[] {
  const out: ServiceReference[] = [];
  // `jdbc:mysql://db:3306/x` → the scheme after jdbc.
  const URL = /([a-z][a-z0-9+.-]*):\/\/(?:([^@/\s]*)@)?(\[[^\]]+\]|[^:/?#,\s]+)(?::(\d+))?([^\s,]*)/gi;
  for (const m of value.matchAll(URL)) {
    const scheme = m[1]!.toLowerCase().replace(/^jdbc:/, '');
    const host = m[3]!;
    if (!services.has(host)) continue;
    const known = SCHEMES[scheme] ?? (scheme.startsWith('jdbc') ? SCHEMES.jdbc : undefined);
    const rest = m[5] ?? '';
    const protocol = sqsLike(variable) && known?.protocol === 'http' ? 'sqs' : (known?.protocol ?? scheme);
    let encrypted = known?.encrypted;
    if (TLS_ON.test(rest)) encrypted = true;
    else if (TLS_OFF.test(rest)) encrypted = false;
    else if (encrypted === undefined && known && PLAIN_BY_DEFAULT.has(known.protocol)) encrypted = false;
    const port = m[4] ? Number(m[4]) : undefined;
    const shown = `${m[1]}://${m[2] !== undefined ? '***@' : ''}${host}${m[4] ? `:${m[4]}` : ''}`;
    out.push({
      target: host,
      protocol,
      ...(port !== undefined && port <= 65535 ? { port } : {}),
      ...(encrypted !== undefined ? { encrypted } : {}),
      credentials: m[2] !== undefined && m[2] !== '',
      says: `${variable}=${shown}${encrypted === undefined ? '' : encrypted ? ' (encrypted)' : known?.encrypted === false ? ' (plaintext scheme)' : ' (no TLS parameter: the driver default is plaintext)'}`,
    });
  }
  if (out.length === 0 && HOST_NAME.test(variable)) {
    const [host, port] = value.trim().split(':');
    if (host && services.has(host)) {
      const p = port && /^\d+$/.test(port) ? Number(port) : undefined;
      out.push({ target: host, ...(p !== undefined && p <= 65535 ? { port: p } : {}), credentials: false, says: `${variable}=${value.trim()}` });
    }
  }
  return out;
}

function sqsLike(variable: string): boolean {
  return /SQS|QUEUE/i.test(variable);
}
