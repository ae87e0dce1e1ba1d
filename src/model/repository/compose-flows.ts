// The data flows between compose services: what `depends_on` and `links` declare, and what environment
// values that name another service (URLs, host names) show, with protocol, port, encryption and
// credentials; and the flows from the people who use the published frontends and APIs.

import { interpolate } from '../../adapt/compose/interpolate.js';
import { environmentOf, type ComposeService } from '../../adapt/compose/services.js';
import { literalSecrets } from '../../analyze/rules/compose/environment-secrets-support.js';
import { entry, isMap, itemsOf, text } from '../../parse/yaml/tree.js';
import type { Element, Flow } from '../schema/architecture.js';
import { referencesIn } from './compose-references.js';
import { addEvidence, evidenceAt, stateProp, type EvidenceSite } from './evidence.js';
import type { RepositoryNote } from './types.js';

const STORE_KINDS = new Set(['datastore', 'cache', 'queue', 'bucket']);
/** The protocol a client speaks to a store, by its technology, when no URL says. */
export const PROTOCOL_BY_TECHNOLOGY: readonly [RegExp, string, boolean][] = [
  // [technology, protocol, plaintext unless the client turns TLS on]
  [/mariadb|mysql/i, 'mysql', true],
  [/postgres/i, 'postgres', true],
  [/redis/i, 'redis', true],
  [/rabbitmq/i, 'amqp', true],
  [/mongo/i, 'mongodb', true],
  [/sqs/i, 'sqs', false],
  [/kafka/i, 'kafka', true],
];
export const PASSWORD_VARIABLE = /(?:PASS|PASSWORD|PWD|SECRET)$/i;
export const TLS_VARIABLE = /(?:^|_)(?:SSL|TLS|SSLMODE|USE_SSL)(?:_|$)/i;

/** The variable's prefix (`DB_HOST` → `DB`): a password of the same prefix is the credential of that connection. */
export const prefixOf = (name: string): string => name.replace(/_?[A-Za-z0-9]+$/, '').toUpperCase();

export function serviceFlows(service: ComposeService, elements: ReadonlyMap<string, Element>, site: EvidenceSite, note: (n: RepositoryNote) => void): Flow[] {
  const flows = new Map<string, Flow & { prefixes: Set<string> }>();
  const names = new Set(elements.keys());
  const flowTo = (target: string, offset: number, says: string, label: string): Flow & { prefixes: Set<string> } => {
    let flow = flows.get(target);
    if (!flow) {
      flow = { id: `${service.name}->${target}`, source: service.name, target, label, data: [], location: { file: site.file, line: site.lines.lineAt(offset) }, inferredFrom: says, evidence: [], prefixes: new Set() };
      flows.set(target, flow);
    }
    addEvidence(flow, evidenceAt(site, offset, says));
    return flow;
  };

  const environment = environmentOf(service);
  for (const variable of environment) {
    if (variable.raw === undefined) continue;
    const offset = variable.entry?.keyStart ?? variable.node.start;
    const unresolved = interpolate(variable.raw, service.env).unresolved;
    const refs = referencesIn(variable.name, variable.value ?? '', names)
      // With unset variables, only a host written out in the file counts: `postgres://u:${PW}@db/app` names db, `http://${HOST}` names nothing.
      .filter((ref) => !unresolved.length || new RegExp(`(?:@|//|^)${ref.target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[:/?]|$)`).test(variable.raw!));
    if (unresolved.length && !refs.length && /HOST|URL|URI|ENDPOINT|ADDR|DSN/i.test(variable.name)) {
      note({ level: 'info', file: site.file, line: site.lines.lineAt(offset), message: `service ${service.name}: ${variable.name} depends on ${unresolved.join(', ')}, not set in .env; what it connects to is left unknown` });
    }
    for (const ref of refs) {
      if (ref.target === service.name) continue;
      const flow = flowTo(ref.target, offset, ref.says, variable.name);
      flow.prefixes.add(prefixOf(variable.name));
      if (ref.protocol && flow.protocol === undefined) flow.protocol = ref.protocol;
      if (ref.port !== undefined && flow.port === undefined) flow.port = ref.port;
      if (ref.encrypted !== undefined && flow.encrypted !== true) {
        flow.encrypted = ref.encrypted;
        flow.evidence!.at(-1)!.prop = 'encrypted';
        flow.evidence!.at(-1)!.value = ref.encrypted;
      }
      if (ref.credentials) {
        flow.authenticated = true;
        flow.authorization = 'technical-user';
      }
    }
  }
  for (const [key, label] of [['depends_on', 'depends_on'], ['links', 'links']] as const) {
    const declared = entry(service.node, key);
    if (!declared) continue;
    const targets = isMap(declared.value)
      ? declared.value.entries.map((e) => ({ name: e.key, offset: e.keyStart }))
      : itemsOf(declared.value).map((n) => ({ name: (text(n) ?? '').split(':')[0]!, offset: n.start }));
    for (const t of targets) {
      if (!names.has(t.name) || t.name === service.name) continue;
      flowTo(t.name, t.offset, `${label}: ${t.name}`, flows.has(t.name) ? flows.get(t.name)!.label! : label);
    }
  }

  const tlsSetting = environment.find((v) => TLS_VARIABLE.test(v.name) && /^(?:true|1|yes|require|required|verify-ca|verify-full)$/i.test(v.value ?? ''));
  const secrets = literalSecrets(service);
  for (const flow of flows.values()) {
    const target = elements.get(flow.target)!;
    const known = PROTOCOL_BY_TECHNOLOGY.find(([p]) => p.test(target.technology ?? ''));
    if (flow.protocol === undefined && known) flow.protocol = known[1];
    if (flow.encrypted === undefined && tlsSetting) {
      flow.encrypted = true;
      addEvidence(flow, evidenceAt(site, tlsSetting.entry?.keyStart ?? tlsSetting.node.start, `${tlsSetting.name}=${tlsSetting.value}: the client turns TLS on`, { prop: 'encrypted', value: true }));
    } else if (flow.encrypted === undefined && known?.[2] && STORE_KINDS.has(target.kind)) {
      flow.encrypted = false;
      flow.evidence!.push({ ...flow.evidence![0]!, says: `${service.name} sets no TLS option (…_SSL, sslmode) for ${flow.target}: the ${known[1]} driver default is plaintext`, prop: 'encrypted', value: false });
    }
    // A password beside the connection's settings (DB_HOST and DB_PASSWORD): the flow logs in as a technical user.
    const password = environment.find((v) => PASSWORD_VARIABLE.test(v.name) && (flow.prefixes.has(prefixOf(v.name)) || (STORE_KINDS.has(target.kind) && flow.prefixes.size === 0 && /^(?:DB|DATABASE|MYSQL|MARIADB|POSTGRES|PG|MONGO|REDIS|RABBITMQ|AMQP)/i.test(v.name))));
    if (password && flow.authenticated === undefined) {
      flow.authenticated = true;
      flow.authorization = 'technical-user';
      addEvidence(flow, evidenceAt(site, password.entry?.keyStart ?? password.node.start, `${password.name} is set: ${service.name} logs in to ${flow.target}`, { prop: 'authenticated', value: true }));
      const weak = secrets.find((s) => s.weak && s.variable.name === password.name);
      if (weak && STORE_KINDS.has(target.kind)) {
        stateProp(target, 'weakCredentials', true, evidenceAt(site, password.entry?.keyStart ?? password.node.start, `${service.name} logs in to ${flow.target} with a weak, guessable password ${password.name} (masked: ${weak.masked})`));
      }
    }
  }
  return [...flows.values()].map(({ prefixes: _prefixes, ...flow }) => flow);
}
