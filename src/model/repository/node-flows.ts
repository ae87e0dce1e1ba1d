// The flows an application's code opens: each outbound client (a database driver, an AWS SDK client, an
// HTTP call) resolved to the element it reaches — through the compose environment the service is given
// (`process.env.DB_HOST` with `DB_HOST: mariadb`), a host written in the code (`http://worker:4000`), the
// port a browser calls on localhost, or, failing those, a queue, bucket or table named after the resource,
// or a third party named after its domain. And the people's flows into a published server, encrypted or
// not as its `listen` says.

import type { Element, Evidence, Flow } from '../schema/architecture.js';
import type { ComposeServiceFacts } from './compose-environment.js';
import { referencesIn, type ServiceReference } from './compose-references.js';
import { USER_ID } from './compose-source.js';
import type { ClientKind, NodeApp, OutboundClient } from './node-app.js';

const PROTOCOL: Partial<Record<ClientKind, string>> = {
  mysql: 'mysql', mariadb: 'mysql', postgres: 'postgres', mongodb: 'mongodb', redis: 'redis', kafka: 'kafka', amqp: 'amqp',
  sqs: 'sqs', sns: 'sns', s3: 'https', dynamodb: 'https', kinesis: 'https', lambda: 'https', 'secrets-manager': 'https', ssm: 'https', kms: 'https',
};
const DATABASE_CLIENTS = new Set<ClientKind>(['mysql', 'mariadb', 'postgres', 'mongodb', 'redis', 'amqp', 'kafka']);
/** AWS resources that become an element of their own when nothing else in the repository runs them. */
const AWS_RESOURCES: Partial<Record<ClientKind, { kind: Element['kind']; technology: string; what: string }>> = {
  sqs: { kind: 'queue', technology: 'AWS SQS', what: 'queue' },
  sns: { kind: 'queue', technology: 'AWS SNS', what: 'topic' },
  kinesis: { kind: 'queue', technology: 'AWS Kinesis', what: 'stream' },
  s3: { kind: 'bucket', technology: 'AWS S3', what: 'bucket' },
  dynamodb: { kind: 'datastore', technology: 'AWS DynamoDB', what: 'table' },
  'secrets-manager': { kind: 'secret-store', technology: 'AWS Secrets Manager', what: 'secret store' },
  ssm: { kind: 'secret-store', technology: 'AWS SSM Parameter Store', what: 'parameter store' },
  kms: { kind: 'secret-store', technology: 'AWS KMS', what: 'key store' },
};
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]']);

interface Resolved {
  target: string;
  says: string;
  ref?: ServiceReference;
  /** An element to add (a queue, bucket or third party no source runs). */
  element?: Element;
  /** An AWS resource the code does not name. */
  generic?: boolean;
  /** The scheme of a URL compose gives: https or not. */
  tls?: boolean;
}

export function appFlows(app: NodeApp, element: Element, service: ComposeServiceFacts | undefined, services: readonly ComposeServiceFacts[]): { elements: Element[]; flows: Flow[] } {
  const names = new Set(services.map((s) => s.name));
  const elements = new Map<string, Element>();
  const flows = new Map<string, Flow>();
  const operations = new Set<string>();
  // A frontend's calls leave from the browser it runs in.
  const source = app.kind === 'frontend' ? USER_ID : element.id;
  const passwordFromEnv = app.env.find((e) => /pass|pwd/i.test(e.name));
  // Thousands of clients read the same few environment values: each is parsed for service names once.
  const parsed = new Map<string, ServiceReference[]>();
  const refsOf = (name: string, value: string): ServiceReference[] => {
    const key = `${name}\u0000${value}`;
    let refs = parsed.get(key);
    if (!refs) parsed.set(key, (refs = referencesIn(name, value, names)));
    return refs;
  };
  const resolutions = app.clients.map((client) => ({ client, resolved: resolve(client, service, services, names, refsOf) }));
  // A client made without naming its resource (`new SQSClient({ region })`) is the one the commands that do name it use.
  const named = new Set(resolutions.filter((r) => r.resolved && !r.resolved.generic).map((r) => r.client.kind));
  for (const { client, resolved } of resolutions) {
    if (!resolved || resolved.target === element.id || (resolved.generic && named.has(client.kind))) continue;
    if (resolved.element && !elements.has(resolved.element.id)) elements.set(resolved.element.id, resolved.element);
    const id = `${source}->${resolved.target}`;
    let flow = flows.get(id);
    const operation = client.operations?.length ? `${AWS_RESOURCES[client.kind]?.technology.replace(/^AWS /, '') ?? client.kind.toUpperCase()} ${client.operations.join(', ')}` : undefined;
    if (!flow) {
      flow = { id, source, target: resolved.target, data: [], location: { file: client.evidence.file, line: client.evidence.line }, inferredFrom: `${client.library} client in ${client.evidence.file}: ${resolved.says}`, evidence: [] };
      const protocol = resolved.ref?.protocol && resolved.ref.protocol !== 'http' ? resolved.ref.protocol : client.kind === 'http' ? (client.tls ? 'https' : client.tls === false ? 'http' : undefined) : PROTOCOL[client.kind];
      if (protocol) flow.protocol = protocol;
      if (resolved.ref?.port !== undefined) flow.port = resolved.ref.port;
      flows.set(id, flow);
    }
    // What the calls do (`SQS sendMessage`, `SQS receiveMessage`) names the flow; a client without operations only when nothing else does.
    if (operation) flow.label = flow.label && operations.has(id) ? (flow.label.includes(operation) ? flow.label : `${flow.label}; ${operation}`) : operation;
    else flow.label ??= client.kind === 'http' ? 'HTTP call' : `${client.library} client`;
    if (operation) operations.add(id);
    const encrypted = client.tls ?? resolved.ref?.encrypted ?? resolved.tls;
    const says = `${client.evidence.says} → ${resolved.target} (${resolved.says})`;
    if (encrypted !== undefined && flow.encrypted === undefined) {
      flow.encrypted = encrypted;
      flow.evidence!.push(ev(client.evidence, `${says}: ${encrypted ? 'TLS' : 'no TLS'}`, 'encrypted', encrypted));
    } else flow.evidence!.push(ev(client.evidence, says));
    if (flow.authenticated === undefined && AWS_RESOURCES[client.kind]) {
      // The SDK signs every request (SigV4) with the credentials of the workload it runs as.
      flow.authenticated = true;
      flow.authorization = 'technical-user';
      flow.evidence!.push(ev(client.evidence, `${client.library} signs its requests with the workload's AWS credentials (SigV4)`, 'authenticated', true));
    } else if (flow.authenticated === undefined && DATABASE_CLIENTS.has(client.kind)) {
      // A password literal in the client's own file; the one nearest the client call (a SECRET_KEY above it is not the login).
      const secret = app.secrets.filter((s) => s.evidence.file === client.evidence.file).sort((a, b) => Math.abs(a.evidence.line - client.evidence.line) - Math.abs(b.evidence.line - client.evidence.line))[0];
      if (resolved.ref?.credentials || passwordFromEnv || secret) {
        flow.authenticated = true;
        flow.authorization = 'technical-user';
        const at = passwordFromEnv?.evidence ?? secret?.evidence ?? client.evidence;
        flow.evidence!.push(ev(at, `${app.name} logs in to ${resolved.target} with a password (${passwordFromEnv ? `from the environment variable ${passwordFromEnv.name}` : 'in the code'})`, 'authenticated', true));
      }
    }
  }
  const published = app.kind === 'server' && service && service.publicPorts.length > 0;
  if (published) {
    const port = app.ports[0];
    if (port) {
      const tls = app.ports.some((p) => p.tls);
      const at = app.ports.find((p) => p.tls === tls)!.evidence;
      flows.set(`${USER_ID}->${element.id}`, {
        id: `${USER_ID}->${element.id}`,
        source: USER_ID,
        target: element.id,
        protocol: tls ? 'https' : 'http',
        encrypted: tls,
        data: [],
        location: { file: at.file, line: at.line },
        inferredFrom: `${service.name} publishes ${service.publicPorts.join(', ')} and its code ${tls ? 'serves HTTPS' : 'listens on plain HTTP'}`,
        evidence: [ev(at, tls ? `${at.says}: an HTTPS server, TLS ends in the application` : `${at.says}: a plain HTTP server, no TLS`, 'encrypted', tls)],
      });
    }
  }
  const touchesUser = [...flows.values()].some((f) => f.source === USER_ID || f.target === USER_ID);
  if (touchesUser) elements.set(USER_ID, { id: USER_ID, name: 'User', kind: 'actor', technology: 'Browser', props: {}, data: [], inferredFrom: 'people use the published frontends and APIs' });
  return { elements: [...elements.values()], flows: [...flows.values()] };
}

function ev(at: Evidence, says: string, prop?: string, value?: boolean): Evidence {
  return { file: at.file, line: at.line, says, ...(prop !== undefined && value !== undefined ? { prop, value } : {}) };
}

function resolve(
  client: OutboundClient,
  service: ComposeServiceFacts | undefined,
  services: readonly ComposeServiceFacts[],
  names: ReadonlySet<string>,
  refsOf: (name: string, value: string) => ServiceReference[],
): Resolved | undefined {
  // 1. The environment compose gives the service: the value names another service.
  let given: string | undefined;
  for (const name of client.env ?? []) {
    const value = service?.env.get(name);
    if (value === undefined) continue;
    const ref = refsOf(name, value).find((r) => r.target !== service?.name);
    if (ref) return { target: ref.target, says: `${name} is ${ref.says.slice(ref.says.indexOf('=') + 1)} in ${service!.file}`, ref };
    if (/:\/\//.test(value) && !/REGION/i.test(name)) given ??= value;
  }
  // 2. A host written in the code, or a URL compose gives that names no service (a cloud queue's URL).
  const literal = client.target ?? given;
  if (literal) {
    const url = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/\s]*@)?(\[[^\]]+\]|[^:/?#\s]+)(?::(\d+))?/i.exec(literal);
    const host = url ? url[2]! : literal.split(':')[0]!;
    if (names.has(host)) {
      const ref = referencesIn('TARGET', url ? literal : `${literal}`, names)[0];
      return { target: host, says: `the code names ${host}`, ...(ref ? { ref } : {}) };
    }
    const port = url?.[3] ? Number(url[3]) : undefined;
    if (LOCAL_HOSTS.has(host) && port !== undefined) {
      const behind = services.find((s) => s.publicPorts.includes(port));
      if (behind) return { target: behind.name, says: `localhost:${port} is published by ${behind.name}` };
    }
    if (client.kind === 'http' && client.thirdParty && !LOCAL_HOSTS.has(host)) {
      return { target: `external:${host}`, says: `a third party at ${host}`, element: { id: `external:${host}`, name: host, kind: 'external-system', props: {}, data: [], inferredFrom: `called over ${client.tls ? 'HTTPS' : 'HTTP'} by the code at ${client.evidence.file}:${client.evidence.line}`, evidence: [ev(client.evidence, `called by the code: ${client.evidence.says}`)] } };
    }
  }
  // 3. An AWS resource nothing else runs: named after the queue, bucket or table.
  const aws = AWS_RESOURCES[client.kind];
  if (aws) {
    const resource = literal && !/^https?:\/\/[^/]+\/?$/.test(literal) ? literal.replace(/[?#].*$/, '').split(/[/:]/).filter(Boolean).pop() : undefined;
    const id = resource ? `${client.kind}:${resource}` : client.kind;
    return {
      target: id,
      says: `an ${aws.technology} ${aws.what}${resource ? ` named ${resource}` : ''}${client.target ? ' in the code' : given ? ' in the compose environment' : ', at its public HTTPS endpoint'}`,
      element: { id, name: resource ?? `${aws.technology} ${aws.what}`, kind: aws.kind, technology: aws.technology, props: {}, data: [], inferredFrom: `the ${aws.what} the code at ${client.evidence.file}:${client.evidence.line} uses`, evidence: [ev(client.evidence, `${client.library}: ${client.evidence.says}`)] },
      ...(resource ? {} : { generic: true }),
      // Without an endpoint of its own, the SDK calls AWS's public HTTPS endpoint.
      ...(literal ? (given && !client.target ? { tls: given.startsWith('https:') } : {}) : { tls: true }),
    };
  }
  return undefined;
}
