// The outbound clients a call creates or uses: AWS SDK v2 and v3 services (with the queue, topic, bucket or
// table a command names), database and cache drivers (with their host or URL), message brokers, and HTTP
// calls to other services or third parties.

import type { Call } from './node-app-calls.js';
import { evidence, type Collector } from './node-app-collect.js';
import { targetOf, type Target } from './node-app-targets.js';
import type { ClientKind, OutboundClient } from './node-app-types.js';
import { evaluate, prop, strings, type Value } from './node-app-values.js';

const AWS_V3: Record<string, ClientKind> = {
  sqs: 'sqs', s3: 's3', dynamodb: 'dynamodb', sns: 'sns', kinesis: 'kinesis', lambda: 'lambda', 'secrets-manager': 'secrets-manager', ssm: 'ssm', kms: 'kms',
};
const AWS_V2: Record<string, ClientKind> = {
  SQS: 'sqs', S3: 's3', DynamoDB: 'dynamodb', SNS: 'sns', Kinesis: 'kinesis', Lambda: 'lambda', SecretsManager: 'secrets-manager', SSM: 'ssm', KMS: 'kms',
};
/** Properties of a command's input that name the resource it acts on. */
const RESOURCE_KEYS = ['QueueUrl', 'TopicArn', 'TargetArn', 'Bucket', 'TableName', 'SecretId', 'Name', 'StreamName', 'FunctionName', 'KeyId'];

/** Database, cache and broker drivers: the members that connect, and the kind of store. */
const DRIVERS: Record<string, { kind: ClientKind; connect: string[] }> = {
  mysql2: { kind: 'mysql', connect: ['createPool', 'createConnection', 'createPoolCluster'] },
  'mysql2/promise': { kind: 'mysql', connect: ['createPool', 'createConnection', 'createPoolCluster'] },
  mysql: { kind: 'mysql', connect: ['createPool', 'createConnection', 'createPoolCluster'] },
  mariadb: { kind: 'mariadb', connect: ['createPool', 'createConnection', 'createPoolCluster'] },
  pg: { kind: 'postgres', connect: ['Pool', 'Client'] },
  postgres: { kind: 'postgres', connect: [''] },
  'pg-promise': { kind: 'postgres', connect: ['()'] },
  mongodb: { kind: 'mongodb', connect: ['MongoClient', 'connect'] },
  mongoose: { kind: 'mongodb', connect: ['connect', 'createConnection'] },
  ioredis: { kind: 'redis', connect: ['', 'Redis', 'Cluster'] },
  redis: { kind: 'redis', connect: ['createClient', 'createCluster'] },
  kafkajs: { kind: 'kafka', connect: ['Kafka'] },
  amqplib: { kind: 'amqp', connect: ['connect'] },
  'amqplib/callback_api': { kind: 'amqp', connect: ['connect'] },
};
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'request', 'options']);
const FETCHES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici']);

export function readClientCall(c: Collector, call: Call): void {
  const { module, member } = call;
  const last = member[member.length - 1] ?? '';
  const arg = (n: number): Value | undefined => (call.args[n] ? evaluate(c.ws, call.mod, call.args[n]!) : undefined);
  if (!module) {
    // The global `fetch`, when no local definition hides it.
    if (call.root === 'fetch' && call.path.length === 0 && !call.mod.defs.has('fetch')) addHttp(c, call, 'fetch', arg(0));
    return;
  }
  const v3 = module.startsWith('@aws-sdk/') ? /^@aws-sdk\/(?:client|lib)-([\w-]+)$/.exec(module)?.[1] : undefined;
  if (v3 !== undefined && call.isNew && member.length === 1) {
    const kind = AWS_V3[v3] ?? (v3 === 'dynamodb' ? 'dynamodb' : 'aws');
    if (last.endsWith('Client')) addClient(c, call, kind, module, targetOf(prop(c.ws, arg(0) ?? { t: 'unknown' }, 'endpoint')));
    else if (last.endsWith('Command')) addOperation(c, call, kind, module, last.replace(/Command$/, ''), arg(0));
    return;
  }
  if (module === 'aws-sdk' || module.startsWith('aws-sdk/clients/')) {
    const service = module === 'aws-sdk' ? member[0] : Object.keys(AWS_V2).find((k) => k.toLowerCase() === module.slice('aws-sdk/clients/'.length));
    const offset = module === 'aws-sdk' ? 1 : 0;
    const kind = service ? AWS_V2[service] ?? (service === 'DynamoDB' ? 'dynamodb' : undefined) : undefined;
    if (!kind || !service) return;
    if (call.isNew && member.length === offset + (member[offset] === 'DocumentClient' ? 1 : 0)) addClient(c, call, kind, 'aws-sdk', targetOf(prop(c.ws, arg(0) ?? { t: 'unknown' }, 'endpoint')));
    else if (member.includes('()') && member.length >= offset + 2 && !['promise', 'send', 'on'].includes(last)) addOperation(c, call, kind, 'aws-sdk', last, arg(0));
    return;
  }
  const driver = DRIVERS[module];
  if (driver && !member.slice(0, -1).includes('()')) {
    const connect = member.length === 0 ? '' : member.length === 1 && call.isNew ? member[0]! : last;
    if ((driver.connect.includes(connect) && (member.length <= 1 || (module === 'mongodb' && member.join('.') === 'MongoClient.connect'))) || (module === 'pg-promise' && member.join() === '()')) {
      addClient(c, call, driver.kind, module, driverTarget(c, arg(0)));
    }
    return;
  }
  if (module === 'axios' || module === 'got' || module === 'superagent' || module === 'ky' || module === 'request' || module === 'needle' || FETCHES.has(module)) {
    if (member.length === 0 || (member.length === 1 && (HTTP_METHODS.has(last) || last === 'fetch'))) addHttp(c, call, module, arg(0));
    else if (member.length === 1 && (last === 'create' || last === 'extend')) addHttp(c, call, module, prop(c.ws, arg(0) ?? { t: 'unknown' }, 'baseURL') ?? prop(c.ws, arg(0) ?? { t: 'unknown' }, 'prefixUrl'));
    else if (member[0] === 'create' && member[1] === '()' && HTTP_METHODS.has(last)) {
      const url = arg(0);
      if (url && targetOf(url).target && /^[a-z]+:\/\//i.test(targetOf(url).target!)) addHttp(c, call, module, url);
    }
    return;
  }
  if ((module === 'http' || module === 'https') && member.length === 1 && (last === 'request' || last === 'get')) {
    const first = arg(0);
    const host = first?.t === 'object' ? prop(c.ws, first, 'hostname') ?? prop(c.ws, first, 'host') : first;
    const target = targetOf(host);
    addClient(c, call, 'http', module, { ...target, ...(module === 'https' ? { tls: true } : target.tls === undefined ? { tls: false } : {}) });
  }
}

function driverTarget(c: Collector, first: Value | undefined): Target {
  if (!first) return {};
  if (first.t !== 'object') return targetOf(first);
  const url = prop(c.ws, first, 'url') ?? prop(c.ws, first, 'uri') ?? prop(c.ws, first, 'connectionString') ?? prop(c.ws, first, 'brokers');
  const found = targetOf(url ?? prop(c.ws, first, 'host') ?? prop(c.ws, first, 'hostname') ?? prop(c.ws, first, 'socket'));
  const ssl = prop(c.ws, first, 'ssl') ?? prop(c.ws, first, 'tls');
  if (ssl && !(ssl.t === 'bool' && !ssl.v)) found.tls = true;
  return found;
}

function addHttp(c: Collector, call: Call, library: string, url: Value | undefined): void {
  const value = url?.t === 'object' ? prop(c.ws, url, 'url') ?? prop(c.ws, url, 'baseURL') : url;
  addClient(c, call, 'http', library, targetOf(value));
}

function addClient(c: Collector, call: Call, kind: ClientKind, library: string, target: Target): void {
  const client: OutboundClient = { kind, library, ...target, evidence: evidence(call.mod, call.isNew ? call.tok - 1 : call.tok, call.close) };
  c.clients.push(client);
}

/** A command or method on a cloud service: an operation added to that service's client, with the resource it names. */
function addOperation(c: Collector, call: Call, kind: ClientKind, library: string, operation: string, input: Value | undefined): void {
  const op = operation.charAt(0).toLowerCase() + operation.slice(1);
  let resource: Value | undefined;
  for (const key of RESOURCE_KEYS) if ((resource = prop(c.ws, input ?? { t: 'unknown' }, key))) break;
  const target = targetOf(resource);
  const client: OutboundClient = {
    kind, library, ...(target.target || target.env ? target : {}), operations: [op],
    evidence: evidence(call.mod, call.isNew ? call.tok - 1 : call.tok, call.close),
  };
  // The same service's resource named by a literal that is not a URL (a bucket or table name) is still its target.
  if (!client.target && resource) {
    const name = strings(resource)[0];
    if (name) client.target = name;
  }
  c.clients.push(client);
}
