// The data flows between workloads: environment values (literal, or a ConfigMap's key) that name a
// Service by its cluster DNS name (`orders`, `orders.shop`, `orders.shop.svc.cluster.local`) in a URL or as a
// host, with the protocol, port and encryption the URL states (the compose source's reading of URLs), and
// the password beside it (a literal or a Secret) that makes it a login as a technical user.

import type { Flow } from '../schema/architecture.js';
import { PASSWORD_VARIABLE, PROTOCOL_BY_TECHNOLOGY, TLS_VARIABLE, prefixOf } from './compose-flows.js';
import { referencesIn } from './compose-references.js';
import { addEvidence, evidenceAt } from './evidence.js';
import type { K8sService } from './kubernetes-services.js';
import type { Workload } from './kubernetes-workloads.js';

const STORE_KINDS = new Set(['datastore', 'cache', 'queue', 'bucket']);
const TLS_ON = /^(?:true|1|yes|require|required|verify-ca|verify-full)$/i;

/** The host names a workload in `namespace` can use for each Service, to the element the Service selects. */
function hostsFrom(namespace: string, services: readonly K8sService[], workloads: readonly Workload[]): Map<string, Host> {
  const hosts = new Map<string, Host>();
  const add = (name: string, host: Host) => {
    if (!hosts.has(name)) hosts.set(name, host);
  };
  for (const s of services) {
    const target = s.selected[0]?.element.id;
    if (!target) continue;
    // A Service with one port: a bare host name (DB_HOST=postgres) connects to it.
    const host: Host = { target, ...(s.ports.length === 1 && s.ports[0]!.port !== undefined ? { port: s.ports[0]!.port } : {}) };
    for (const name of [`${s.name}.${s.namespace}`, `${s.name}.${s.namespace}.svc`, `${s.name}.${s.namespace}.svc.cluster.local`]) add(name, host);
    if (s.namespace === namespace) add(s.name, host);
  }
  // Manifests without Services: a workload's own name, in its namespace.
  for (const w of workloads) if (w.namespace === namespace && w.object.name) add(w.object.name, { target: w.element.id });
  return hosts;
}

interface Host {
  target: string;
  port?: number;
}

export function workloadFlows(workloads: readonly Workload[], services: readonly K8sService[]): Flow[] {
  const byId = new Map(workloads.map((w) => [w.element.id, w]));
  const hostsByNamespace = new Map<string, Map<string, Host>>();
  const out: Flow[] = [];
  for (const w of workloads) {
    let hosts = hostsByNamespace.get(w.namespace);
    if (!hosts) hostsByNamespace.set(w.namespace, (hosts = hostsFrom(w.namespace, services, workloads)));
    const names = new Set(hosts.keys());
    const flows = new Map<string, Flow & { prefixes: Set<string> }>();
    for (const v of w.env) {
      if (v.value === undefined) continue;
      for (const ref of referencesIn(v.name, v.value, names)) {
        const host = hosts.get(ref.target)!;
        const target = host.target;
        if (target === w.element.id) continue;
        let flow = flows.get(target);
        if (!flow) {
          flow = { id: `${w.element.id}->${target}`, source: w.element.id, target, label: v.name, data: [], location: { file: v.site.file, line: v.site.lines.lineAt(v.offset) }, inferredFrom: `${v.name} of ${w.object.label} names ${ref.target}`, evidence: [], prefixes: new Set() };
          flows.set(target, flow);
        }
        const where = v.from === 'config-map' ? ` (ConfigMap ${v.source})` : '';
        addEvidence(flow, evidenceAt(v.site, v.offset, `${ref.says}${where}`, ref.encrypted !== undefined && flow.encrypted !== true ? { prop: 'encrypted', value: ref.encrypted } : undefined));
        flow.prefixes.add(prefixOf(v.name));
        if (ref.protocol && flow.protocol === undefined) flow.protocol = ref.protocol;
        const port = ref.port ?? host.port;
        if (port !== undefined && flow.port === undefined) flow.port = port;
        if (ref.encrypted !== undefined && flow.encrypted !== true) flow.encrypted = ref.encrypted;
        if (ref.credentials) {
          flow.authenticated = true;
          flow.authorization = 'technical-user';
        }
      }
    }
    const tls = w.env.find((v) => TLS_VARIABLE.test(v.name) && TLS_ON.test(v.value ?? ''));
    for (const flow of flows.values()) {
      const target = byId.get(flow.target)!.element;
      const known = PROTOCOL_BY_TECHNOLOGY.find(([p]) => p.test(target.technology ?? ''));
      if (flow.protocol === undefined && known) flow.protocol = known[1];
      if (flow.encrypted === undefined && tls) {
        flow.encrypted = true;
        addEvidence(flow, evidenceAt(tls.site, tls.offset, `${tls.name}=${tls.value}: the client turns TLS on`, { prop: 'encrypted', value: true }));
      } else if (flow.encrypted === undefined && known?.[2] && STORE_KINDS.has(target.kind)) {
        flow.encrypted = false;
        flow.evidence!.push({ ...flow.evidence![0]!, says: `${w.element.name} sets no TLS option (…_SSL, sslmode) for ${target.name}: the ${known[1]} driver default is plaintext`, prop: 'encrypted', value: false });
      }
      // Only a password of the same prefix as the connection's variables (DB_HOST, DB_PASSWORD) is its login.
      const password = w.env.find((v) => PASSWORD_VARIABLE.test(v.name) && flow.prefixes.has(prefixOf(v.name)));
      if (password && flow.authenticated === undefined) {
        flow.authenticated = true;
        flow.authorization = 'technical-user';
        const from = password.from === 'secret' ? ` from the Kubernetes Secret ${password.source}` : '';
        addEvidence(flow, evidenceAt(password.site, password.offset, `${password.name} is set${from}: ${w.element.name} logs in to ${target.name}`, { prop: 'authenticated', value: true }));
      }
      const { prefixes: _prefixes, ...plain } = flow;
      out.push(plain);
    }
  }
  return out;
}
