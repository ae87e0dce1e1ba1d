// One compose service as a model element: its kind and technology, where it runs (networks), what it
// publishes (ports, and on which interface), what it holds (literal secrets, masked) and what it can do to
// its host (the Docker socket, privileged mode, root). Every stated property carries its line.

import { environmentOf, portsOf, setting, volumesOf, type ComposeService } from '../../adapt/compose/services.js';
import { interpolate } from '../../adapt/compose/interpolate.js';
import { literalSecrets } from '../../analyze/rules/compose/environment-secrets-support.js';
import { entry, isMap, itemsOf, text } from '../../parse/yaml/tree.js';
import type { Element } from '../schema/architecture.js';
import { imageKind, nameKind, packageKind, type ServiceKind } from './compose-kinds.js';
import { addEvidence, evidenceAt, stateProp, type EvidenceSite } from './evidence.js';
import type { RepositoryNote } from './types.js';

/** Ports people open in a browser or call as an API. */
const HTTP_PORTS = new Set([80, 443, 3000, 3001, 4000, 4200, 5000, 5173, 8000, 8008, 8080, 8081, 8443, 8888, 9000]);
const WEB_KINDS = new Set(['web-app', 'gateway', 'process', 'identity-provider', 'function']);
/** A data store's own administrator password, by the variable its image reads it from. */
const OWN_PASSWORD = /^(?:MYSQL_ROOT_PASSWORD|MARIADB_ROOT_PASSWORD|MYSQL_PASSWORD|MARIADB_PASSWORD|POSTGRES_PASSWORD|MONGO_INITDB_ROOT_PASSWORD|RABBITMQ_DEFAULT_PASS|REDIS_PASSWORD|MINIO_ROOT_PASSWORD|MINIO_SECRET_KEY|KEYCLOAK_ADMIN_PASSWORD|KC_BOOTSTRAP_ADMIN_PASSWORD|ELASTIC_PASSWORD)$/;

export interface PublishedEntry {
  port: number | undefined;
  hostPort: number | undefined;
  offset: number;
  spec: string;
}

export interface ServiceElement {
  element: Element;
  /** Ports published on every interface: people (and everyone else) reach the service there. */
  publicPorts: PublishedEntry[];
  /** Build folder, relative to the repository root, for merging with application code. */
  buildDir?: string;
  networks: string[];
  hostNetwork: boolean;
}

export interface ServiceLookups {
  site: EvidenceSite;
  /** The compose file's folder, relative to the repository root ('' at the root). */
  dir: string;
  packageJsonOf(folder: string): string | undefined;
  note(note: RepositoryNote): void;
}

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]', '*']);

function kindOf(service: ComposeService, look: ServiceLookups, buildDir: string | undefined): ServiceKind {
  const env = new Map(environmentOf(service).map((v) => [v.name, v.value]));
  const image = setting(service, 'image');
  const fromImage = image && image.unresolved.length === 0 ? imageKind(image.value, (n) => env.get(n)) : undefined;
  if (fromImage) return fromImage;
  const fromPackage = buildDir !== undefined ? packageKind(look.packageJsonOf(buildDir)) : undefined;
  if (fromPackage) return fromPackage;
  const fromName = nameKind(service.name);
  if (fromName) return fromName;
  if (image && image.unresolved.length) return { kind: 'process', why: `image ${image.value || '?'} depends on unset variables (${image.unresolved.join(', ')}): kind left generic` };
  return { kind: 'process', technology: image?.value || undefined, why: image ? `image ${image.value}` : buildDir !== undefined ? `built from ${buildDir || '.'}` : 'a compose service' } as ServiceKind;
}

export function buildFolder(service: ComposeService, dir: string): string | undefined {
  const build = entry(service.node, 'build');
  if (!build) return undefined;
  const context = isMap(build.value) ? text(entry(build.value, 'context')?.value) : text(build.value);
  if (context === undefined) return undefined;
  const resolved = interpolate(context, service.env);
  if (resolved.unresolved.length || /^[a-z]+:\/\//i.test(resolved.value)) return undefined;
  const parts: string[] = dir ? dir.split('/') : [];
  for (const part of resolved.value.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return undefined; // outside the repository
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

export function serviceElement(service: ComposeService, look: ServiceLookups): ServiceElement {
  const { site } = look;
  const buildDir = buildFolder(service, look.dir);
  const kind = kindOf(service, look, buildDir);
  const at = (offset: number, says: string) => evidenceAt(site, offset, says);
  const element: Element = {
    id: service.name,
    name: service.name,
    kind: kind.kind,
    ...(kind.technology ? { technology: kind.technology } : {}),
    props: {},
    data: [],
    location: { file: site.file, line: site.lines.lineAt(service.key.keyStart) },
    inferredFrom: `compose service ${service.name}: ${kind.why}`,
    evidence: [at(service.key.keyStart, `service ${service.name}: ${kind.kind} (${kind.why})`)],
  };
  const build = entry(service.node, 'build');
  if (build) stateProp(element, 'customDeveloped', true, at(build.keyStart, `build: ${buildDir ?? '?'} (built from our own code)`));

  const publicPorts = exposure(service, element, look);
  storageEncryption(service, element, site);
  secrets(service, element, site);
  hostControl(service, element, site);
  const { networks, hostNetwork } = networksOf(service, element, site);
  return { element, publicPorts, networks, hostNetwork, ...(buildDir !== undefined ? { buildDir } : {}) };
}

/** Databases whose images keep data unencrypted unless told otherwise (data-at-rest encryption is opt-in in each). */
const PLAIN_BY_DEFAULT = /^(?:mariadb|mysql|postgres(?:ql)?|mongo(?:db)?)\b/i;
const ENCRYPTION_WORDS = /encrypt|keyring|file[-_]key[-_]management|\btde\b|pgcrypto|kms/i;

/**
 * A database of these images says how it keeps its data: unencrypted unless its command, environment or
 * configuration mounts mention data-at-rest encryption.
 */
function storageEncryption(service: ComposeService, element: Element, site: EvidenceSite): void {
  if (element.kind !== 'datastore' || !PLAIN_BY_DEFAULT.test(element.technology ?? '')) return;
  const command = entry(service.node, 'command');
  const words = [text(command?.value) ?? itemsOf(command?.value).map((i) => text(i) ?? '').join(' '), ...environmentOf(service).map((v) => `${v.name}=${v.value ?? ''}`), ...volumesOf(service).map((v) => v.source ?? '')].join(' ');
  const image = entry(service.node, 'image');
  if (ENCRYPTION_WORDS.test(words)) {
    stateProp(element, 'encryptedAtRest', true, evidenceAt(site, (command ?? image ?? service.key).keyStart, `service ${service.name} configures data-at-rest encryption`));
  } else if (image) {
    stateProp(element, 'encryptedAtRest', false, evidenceAt(site, image.keyStart, `${element.technology} keeps its data unencrypted: no data-at-rest encryption is configured (command, environment or config mounts)`));
  }
}

function exposure(service: ComposeService, element: Element, look: ServiceLookups): PublishedEntry[] {
  const publicPorts: PublishedEntry[] = [];
  const local: string[] = [];
  // A port written with variables the .env does not set: how it is published depends on the shell, so it is left unknown.
  const unknown = new Set<number>();
  for (const item of itemsOf(entry(service.node, 'ports')?.value)) {
    const raw = text(item);
    const unresolved = raw === undefined ? [] : interpolate(raw, service.env).unresolved;
    if (!unresolved.length) continue;
    unknown.add(item.start);
    look.note({ level: 'info', file: look.site.file, line: look.site.lines.lineAt(item.start), message: `service ${service.name}: port "${raw}" depends on ${unresolved.join(', ')}, not set in .env; its exposure is left unknown` });
  }
  for (const port of portsOf(service)) {
    if (unknown.has(port.node.start)) continue;
    const raw = port.form === 'short' ? (text(port.node) ?? '') : `${port.hostIp ? `${port.hostIp}:` : ''}${port.published}:${port.target ?? ''}`;
    const spec = port.form === 'short' ? interpolate(raw, service.env).value : raw;
    if (ALL_INTERFACES.has(port.hostIp)) {
      const hostPort = Number(port.published.split('-')[0]) || undefined;
      publicPorts.push({ port: port.target, hostPort, offset: port.node.start, spec });
    } else local.push(`${spec}@${port.node.start}`);
  }
  if (publicPorts.length) {
    const first = publicPorts[0]!;
    const web = WEB_KINDS.has(element.kind);
    const says = `ports: ${first.spec} published on all interfaces: reachable from outside the host`;
    stateProp(element, 'internetFacing', true, evidenceAt(look.site, first.offset, web ? says : `${says} (a ${element.kind} exposed beyond the services that use it)`));
    for (const more of publicPorts.slice(1)) addEvidence(element, evidenceAt(look.site, more.offset, `ports: ${more.spec} published on all interfaces`));
    element.inferredFrom += `; internet-facing because ${publicPorts.map((p) => p.spec).join(', ')} ${publicPorts.length === 1 ? 'is' : 'are'} published on all interfaces`;
  } else if (local.length) {
    for (const l of local) {
      const [spec, offset] = [l.slice(0, l.lastIndexOf('@')), Number(l.slice(l.lastIndexOf('@') + 1))];
      stateProp(element, 'internetFacing', false, evidenceAt(look.site, offset, `ports: ${spec} bound to the loopback interface: reachable from this host only`));
    }
  }
  return publicPorts;
}

/** Whether people call this published port (a web page or an API), so the model gets a User flow to it. */
export function servesPeople(element: Element, port: PublishedEntry): boolean {
  if (!WEB_KINDS.has(element.kind)) return false;
  return element.kind === 'web-app' || element.kind === 'gateway' || HTTP_PORTS.has(port.port ?? -1) || HTTP_PORTS.has(port.hostPort ?? -1);
}

function secrets(service: ComposeService, element: Element, site: EvidenceSite): void {
  const own = element.kind === 'datastore' || element.kind === 'cache' || element.kind === 'queue' || element.kind === 'bucket' || element.kind === 'identity-provider' || element.kind === 'secret-store';
  for (const found of literalSecrets(service)) {
    const { variable } = found;
    const offset = variable.entry?.keyStart ?? variable.node.start;
    const mine = own && OWN_PASSWORD.test(variable.name);
    const what = mine ? `${variable.name} (its own password)` : variable.name;
    stateProp(element, 'storesCredentials', true, evidenceAt(site, offset, `${what} is a literal secret in the compose file (masked: ${found.masked})`));
    if (found.weak) stateProp(element, 'weakCredentials', true, evidenceAt(site, offset, `${what} is a weak, guessable password (masked: ${found.masked})`));
  }
  // Images that take clients with no password at all when told to.
  for (const variable of environmentOf(service)) {
    const value = (variable.value ?? '').toLowerCase();
    const offset = variable.entry?.keyStart ?? variable.node.start;
    if ((variable.name === 'POSTGRES_HOST_AUTH_METHOD' && value === 'trust') || (/^(?:MYSQL_ALLOW_EMPTY_PASSWORD|MARIADB_ALLOW_EMPTY_ROOT_PASSWORD|ALLOW_EMPTY_PASSWORD)$/.test(variable.name) && /^(?:yes|true|1)$/.test(value))) {
      stateProp(element, 'authenticatesCallers', false, evidenceAt(site, offset, `${variable.name}=${variable.value}: clients connect without a password`));
    }
  }
}

function hostControl(service: ComposeService, element: Element, site: EvidenceSite): void {
  for (const volume of volumesOf(service)) {
    if (/(?:^|\/)docker\.sock$/.test(volume.source)) {
      stateProp(element, 'runsAsRoot', true, evidenceAt(site, volume.node.start, `mounts the Docker socket (${volume.source}): control of the Docker daemon is root on the host`));
    }
  }
  const privileged = entry(service.node, 'privileged');
  if (privileged && privileged.value.kind === 'scalar' && privileged.value.value === true) {
    stateProp(element, 'runsAsRoot', true, evidenceAt(site, privileged.keyStart, 'privileged: true: root with every capability, on the host'));
  }
  const user = setting(service, 'user');
  if (user && user.unresolved.length === 0) {
    const root = /^(?:root|0)(?::|$)/.test(user.value);
    stateProp(element, 'runsAsRoot', root, evidenceAt(site, user.entry.keyStart, `user: ${user.value}${root ? ' (root)' : ' (not root)'}`));
  }
}

function networksOf(service: ComposeService, element: Element, site: EvidenceSite): { networks: string[]; hostNetwork: boolean } {
  const mode = setting(service, 'network_mode');
  if (mode?.value === 'host') {
    addEvidence(element, evidenceAt(site, mode.entry.keyStart, 'network_mode: host: shares the host network, no container network between it and the outside'));
    return { networks: [], hostNetwork: true };
  }
  const declared = entry(service.node, 'networks');
  if (!declared) return { networks: ['default'], hostNetwork: false };
  const names = isMap(declared.value) ? declared.value.entries.map((e) => e.key) : itemsOf(declared.value).map((n) => text(n)).filter((n): n is string => n !== undefined);
  if (names.length) addEvidence(element, evidenceAt(site, declared.keyStart, `networks: ${names.join(', ')}`));
  return { networks: names.length ? names : ['default'], hostNetwork: false };
}
