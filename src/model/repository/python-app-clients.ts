// The outbound clients of a Python application: boto3 clients and resources (SQS, S3, DynamoDB, SNS, Secrets
// Manager ...) with their endpoint and what is done with them, database and broker drivers (psycopg2,
// asyncpg, pymysql, mysql.connector, pymongo, redis, kafka, pika, SQLAlchemy engines, Celery brokers,
// Django's DATABASES) and HTTP calls (requests, httpx, urllib3, aiohttp), each with the address it is given —
// a literal, or the environment variables it is read from — and whether that address uses TLS.

import type { ClientKind, OutboundClient } from './node-app-types.js';
import { parseAddress } from './node-app-targets.js';
import { lastName, pyEvidence, type PyCollector } from './python-app-collect.js';
import { settingsOf } from './python-app-controls.js';
import { callArgs, kwArg, type Arg, type Call, type PyModule } from './python-module.js';
import { isOp, PyTok, strValue } from './python-tokens.js';
import { evaluate, type PyValue } from './python-values.js';

const AWS: Record<string, ClientKind> = {
  sqs: 'sqs', s3: 's3', dynamodb: 'dynamodb', sns: 'sns', secretsmanager: 'secrets-manager', ssm: 'ssm', kms: 'kms', kinesis: 'kinesis', lambda: 'lambda',
};
const DRIVERS: Record<string, { kind: ClientKind; library: string }> = {
  'psycopg2.connect': { kind: 'postgres', library: 'psycopg2' }, 'psycopg.connect': { kind: 'postgres', library: 'psycopg' },
  'psycopg2.pool.SimpleConnectionPool': { kind: 'postgres', library: 'psycopg2' }, 'psycopg2.pool.ThreadedConnectionPool': { kind: 'postgres', library: 'psycopg2' },
  'asyncpg.connect': { kind: 'postgres', library: 'asyncpg' }, 'asyncpg.create_pool': { kind: 'postgres', library: 'asyncpg' },
  'pymysql.connect': { kind: 'mysql', library: 'pymysql' }, 'MySQLdb.connect': { kind: 'mysql', library: 'mysqlclient' }, 'mysql.connector.connect': { kind: 'mysql', library: 'mysql-connector' },
  'aiomysql.connect': { kind: 'mysql', library: 'aiomysql' }, 'aiomysql.create_pool': { kind: 'mysql', library: 'aiomysql' },
  'pymongo.MongoClient': { kind: 'mongodb', library: 'pymongo' }, 'motor.motor_asyncio.AsyncIOMotorClient': { kind: 'mongodb', library: 'motor' },
  'redis.Redis': { kind: 'redis', library: 'redis' }, 'redis.StrictRedis': { kind: 'redis', library: 'redis' }, 'redis.from_url': { kind: 'redis', library: 'redis' },
  'redis.Redis.from_url': { kind: 'redis', library: 'redis' }, 'redis.asyncio.Redis': { kind: 'redis', library: 'redis' }, 'redis.asyncio.from_url': { kind: 'redis', library: 'redis' },
  'aioredis.from_url': { kind: 'redis', library: 'aioredis' },
  'kafka.KafkaProducer': { kind: 'kafka', library: 'kafka-python' }, 'kafka.KafkaConsumer': { kind: 'kafka', library: 'kafka-python' },
  'confluent_kafka.Producer': { kind: 'kafka', library: 'confluent-kafka' }, 'confluent_kafka.Consumer': { kind: 'kafka', library: 'confluent-kafka' },
  'aiokafka.AIOKafkaProducer': { kind: 'kafka', library: 'aiokafka' }, 'aiokafka.AIOKafkaConsumer': { kind: 'kafka', library: 'aiokafka' },
  'pika.ConnectionParameters': { kind: 'amqp', library: 'pika' }, 'pika.URLParameters': { kind: 'amqp', library: 'pika' },
  'aio_pika.connect_robust': { kind: 'amqp', library: 'aio-pika' }, 'aio_pika.connect': { kind: 'amqp', library: 'aio-pika' }, 'kombu.Connection': { kind: 'amqp', library: 'kombu' },
};
/** Drivers whose address comes as a URL whose scheme says what it reaches. */
const BY_URL = new Set(['sqlalchemy.create_engine', 'sqlmodel.create_engine', 'sqlalchemy.ext.asyncio.create_async_engine', 'sqlmodel.ext.asyncio.session.create_async_engine', 'celery.Celery', 'databases.Database', 'dramatiq.brokers.rabbitmq.RabbitmqBroker']);
const HTTP_LIBS = /^(?:requests|httpx|urllib3|aiohttp)\b/;
const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'request', 'stream', 'urlopen']);
const SCHEME_KIND: [RegExp, ClientKind][] = [
  [/^postgres/i, 'postgres'], [/^mysql|^mariadb/i, 'mysql'], [/^mongodb/i, 'mongodb'], [/^rediss?:/i, 'redis'], [/^amqps?:|^pyamqp:/i, 'amqp'], [/^kafka/i, 'kafka'], [/^sqs:/i, 'sqs'],
];
const DJANGO_ENGINES: [RegExp, ClientKind][] = [[/postgres/, 'postgres'], [/mysql/, 'mysql'], [/djongo|mongodb/, 'mongodb']];
const AWS_OPERATIONS: Record<string, string> = {
  send_message: 'sendMessage', send_message_batch: 'sendMessageBatch', receive_message: 'receiveMessage', delete_message: 'deleteMessage', publish: 'publish',
  put_object: 'putObject', get_object: 'getObject', upload_file: 'uploadFile', download_file: 'downloadFile', put_item: 'putItem', get_item: 'getItem', query: 'query', scan: 'scan',
  update_item: 'updateItem', get_secret_value: 'getSecretValue', get_parameter: 'getParameter',
};
const RESOURCE_ARGS = ['QueueUrl', 'TopicArn', 'Bucket', 'TableName', 'SecretId', 'Name'];

export function scanClients(c: PyCollector, mod: PyModule, drivers: ReadonlySet<string>): void {
  const boto = new Map<string, OutboundClient>();
  for (const call of mod.calls) {
    const q = call.qualified;
    const args = callArgs(mod.t, call.open, call.close);
    const at = pyEvidence(mod, call.tok, call.close + 1);
    const verb = lastName(call.written);
    if ((verb === 'client' || verb === 'resource') && (q.startsWith('boto3') || q.startsWith('aioboto3') || mod.packages.has('boto3') || mod.packages.has('aioboto3'))) {
      const first = args.find((a) => !a.kw) ?? kwArg(args, 'service_name');
      const service = first && mod.t.kind[first.start] === PyTok.Str ? strValue(mod.t, first.start) : undefined;
      if (!service) continue;
      const endpoint = kwArg(args, 'endpoint_url');
      const client: OutboundClient = { kind: AWS[service] ?? 'aws', library: 'boto3', ...(endpoint ? address(c, mod, endpoint) : {}), evidence: at };
      c.clients.push(client);
      if (isOp(mod.t, call.tok - 1, '=')) boto.set(mod.t.text.slice(mod.t.start[call.tok - 2]!, mod.t.end[call.tok - 2]!), client);
      continue;
    }
    const driver = DRIVERS[q];
    if (driver) {
      const first = args.find((a) => !a.kw);
      const host = kwArg(args, 'host') ?? kwArg(args, 'bootstrap_servers') ?? kwArg(args, 'dsn') ?? kwArg(args, 'url') ?? first;
      let found = host ? address(c, mod, host) : {};
      // confluent_kafka takes a dict: `{'bootstrap.servers': BROKER}`.
      if (!found.target && !found.env && first) found = dictAddress(c, mod, first, /^(?:bootstrap\.servers|host)$/);
      const ssl = kwArg(args, 'ssl') ?? kwArg(args, 'sslmode') ?? kwArg(args, 'security_protocol');
      const tls = ssl ? sslOn(evaluate(c.ws, mod, ssl.start, ssl.end)) : found.tls;
      c.clients.push({ kind: driver.kind, library: driver.library, ...found, ...(tls !== undefined ? { tls } : {}), evidence: at });
      continue;
    }
    if (BY_URL.has(q)) {
      const first = q === 'celery.Celery' ? kwArg(args, 'broker') : args.find((a) => !a.kw) ?? kwArg(args, 'url');
      if (!first) continue;
      const found = address(c, mod, first);
      // A broker is never the SQL database the drivers are for.
      const kind = kindOfUrl(found.target) ?? guessKind(found.env, q === 'celery.Celery' ? new Set() : drivers);
      if (kind) c.clients.push({ kind, library: q.split('.')[0]!, ...found, evidence: at });
      continue;
    }
    if (HTTP_LIBS.test(q) && HTTP_VERBS.has(verb)) {
      httpCall(c, mod, call, args, verb);
      continue;
    }
    // `sqs.send_message(QueueUrl=...)`: what the code does with a boto3 client, and the resource it names.
    const owner = call.written.slice(0, Math.max(0, call.written.lastIndexOf('.')));
    const client = boto.get(owner);
    const op = AWS_OPERATIONS[verb];
    if (client && op) {
      if (!(client.operations ??= []).includes(op)) client.operations.push(op);
      const named = RESOURCE_ARGS.map((n) => kwArg(args, n)).find((a): a is Arg => a !== undefined);
      if (named && !client.target) {
        const found = address(c, mod, named);
        if (found.target) Object.assign(client, { ...found, env: client.env });
        else if (found.env) client.env = [...new Set([...(client.env ?? []), ...found.env])];
      }
    }
  }
  // Configuration that names a database: Flask-SQLAlchemy's URI, Celery's broker, Django's DATABASES.
  for (const s of settingsOf(mod)) {
    if (!/^(?:SQLALCHEMY_DATABASE_URI|DATABASE_URL|CELERY_BROKER_URL|BROKER_URL|REDIS_URL)$/.test(s.name)) continue;
    const found = address(c, s.mod, s.value);
    const kind = kindOfUrl(found.target) ?? guessKind(found.env, drivers) ?? (/REDIS/.test(s.name) ? 'redis' : undefined);
    if (kind && (found.target || found.env)) c.clients.push({ kind, library: s.name.startsWith('SQLALCHEMY') ? 'flask-sqlalchemy' : s.name.startsWith('CELERY') || s.name === 'BROKER_URL' ? 'celery' : 'settings', ...found, evidence: pyEvidence(s.mod, s.from, s.to) });
  }
  djangoDatabases(c, mod);
}

function httpCall(c: PyCollector, mod: PyModule, call: Call, args: Arg[], verb: string): void {
  const positional = args.filter((a) => !a.kw);
  const url = kwArg(args, 'url') ?? ((verb === 'request' || verb === 'urlopen') && positional.length > 1 ? positional[1] : positional[0]);
  if (!url) return;
  const found = address(c, mod, url);
  if (!found.target && !found.env) return;
  c.clients.push({ kind: 'http', library: call.qualified.split('.')[0]!, ...found, evidence: pyEvidence(mod, call.tok, call.close + 1) });
}

/** Django's `DATABASES = {'default': {'ENGINE': '…postgresql', 'HOST': …}}`. */
function djangoDatabases(c: PyCollector, mod: PyModule): void {
  const { t } = mod;
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== PyTok.Str || strValue(t, i) !== 'ENGINE' || !isOp(t, i + 1, ':') || t.kind[i + 2] !== PyTok.Str) continue;
    const engine = strValue(t, i + 2);
    const kind = DJANGO_ENGINES.find(([re]) => re.test(engine))?.[1];
    if (!kind) continue;
    // The HOST of the same dict: the keys that follow, up to its closing brace.
    let close = i;
    for (let k = i; k >= 0 && k > i - 200; k--) if (isOp(t, k, '{') && t.match[k]! > i) {
      close = t.match[k]!;
      break;
    }
    let found: ReturnType<typeof address> = {};
    for (let k = i; k < close; k++) {
      if (t.kind[k] === PyTok.Str && strValue(t, k) === 'HOST' && isOp(t, k + 1, ':')) {
        let e = k + 2;
        for (; e < close && !isOp(t, e, ','); e = t.match[e]! > e ? t.match[e]! + 1 : e + 1);
        found = address(c, mod, { start: k + 2, end: e });
        break;
      }
    }
    c.clients.push({ kind, library: 'django', ...found, evidence: pyEvidence(mod, i, i + 3) });
  }
}

/** The address a value names: a URL or host (without credentials), and the environment variables it reads. */
function address(c: PyCollector, mod: PyModule, arg: { start: number; end: number }): Pick<OutboundClient, 'target' | 'env' | 'tls' | 'thirdParty'> {
  const v = evaluate(c.ws, mod, arg.start, arg.end);
  const literal = v.strings.map((s) => s.replace(/\{[^}]*\}.*$/, '').replace(/…$/, '')).find((s) => s.length > 0);
  const parsed = literal ? parseAddress(literal) : {};
  const env = [...new Set(v.env)];
  return { ...parsed, ...(env.length ? { env } : {}) };
}

function dictAddress(c: PyCollector, mod: PyModule, arg: Arg, key: RegExp): ReturnType<typeof address> {
  const { t } = mod;
  for (let k = arg.start; k < arg.end - 2; k++) {
    if (t.kind[k] === PyTok.Str && key.test(strValue(t, k)) && isOp(t, k + 1, ':')) {
      let e = k + 2;
      for (; e < arg.end && !isOp(t, e, ',') && !isOp(t, e, '}'); e = t.match[e]! > e ? t.match[e]! + 1 : e + 1);
      return address(c, mod, { start: k + 2, end: e });
    }
  }
  return {};
}

function sslOn(v: PyValue): boolean | undefined {
  if (v.bool !== undefined) return v.bool;
  const s = v.strings[0];
  if (s === undefined) return undefined;
  return /^(?:require|verify-ca|verify-full|ssl|sasl_ssl)$/i.test(s) ? true : /^(?:disable|plaintext|allow|prefer)$/i.test(s) ? false : undefined;
}

function kindOfUrl(target: string | undefined): ClientKind | undefined {
  return target ? SCHEME_KIND.find(([re]) => re.test(target))?.[1] : undefined;
}

/** A database URL read from the environment: the driver the application depends on says which database. */
function guessKind(env: string[] | undefined, drivers: ReadonlySet<string>): ClientKind | undefined {
  const name = (env ?? []).join(' ');
  if (/REDIS/i.test(name)) return 'redis';
  if (/MONGO/i.test(name)) return 'mongodb';
  if (/RABBIT|AMQP|BROKER/i.test(name)) return 'amqp';
  if (/MYSQL|MARIA/i.test(name) || drivers.has('pymysql') || drivers.has('mysqlclient') || drivers.has('mysql-connector-python')) return 'mysql';
  if (/POSTGRES|PG/i.test(name) || drivers.has('psycopg2') || drivers.has('psycopg2-binary') || drivers.has('psycopg') || drivers.has('asyncpg')) return 'postgres';
  return undefined;
}
