// How workloads are reached: Services select them by labels (a LoadBalancer or NodePort Service exposes them
// outside the cluster, ClusterIP keeps them inside), and Ingress rules route people's requests by host and
// path to a Service, so to its workloads, over TLS when the Ingress lists it. The Ingress controller (a
// workload in the manifests) or else the Ingress itself is the gateway between the User and those workloads.

import type { K8sObject } from '../../adapt/kubernetes/objects.js';
import { entry, getMap, getText, isMap, itemsOf, numberOf, text, type YNode } from '../../parse/yaml/tree.js';
import type { Element, Evidence, Flow } from '../schema/architecture.js';
import { USER_ID } from './compose-source.js';
import { addEvidence, evidenceAt, stateProp, type EvidenceSite } from './evidence.js';
import { CLUSTER_RUNTIME, labelsOf, namespaceOf, type Workload } from './kubernetes-workloads.js';

export interface K8sService {
  object: K8sObject;
  name: string;
  namespace: string;
  type: string;
  selected: Workload[];
  ports: { port?: number; offset: number }[];
  site: EvidenceSite;
}

export interface Exposure {
  elements: Element[];
  flows: Flow[];
}

const HTTP_PORTS = new Set([80, 443, 3000, 4000, 5000, 8000, 8080, 8443, 9000]);
/** Cloud annotations that make a LoadBalancer Service an internal one. */
const INTERNAL_LB = /(?:aws-load-balancer-internal|aws-load-balancer-scheme|load-balancer-type|azure-load-balancer-internal|openstack-internal-load-balancer)$/;

const selects = (selector: Map<string, string>, labels: Map<string, string>): boolean => selector.size > 0 && [...selector].every(([k, v]) => labels.get(k) === v);

export function servicesOf(objects: readonly K8sObject[], workloads: readonly Workload[], siteOf: (file: string) => EvidenceSite): K8sService[] {
  const out: K8sService[] = [];
  for (const o of objects) {
    if (o.kind !== 'Service' || !o.name) continue;
    const selector = labelsOf(getMap(o.node, 'spec.selector'));
    const namespace = namespaceOf(o);
    const ports = itemsOf(entry(getMap(o.node, 'spec'), 'ports')?.value).map((p) => ({ ...(numberOf(entry(p, 'port')?.value) !== undefined ? { port: numberOf(entry(p, 'port')?.value)! } : {}), offset: p.start }));
    out.push({ object: o, name: o.name, namespace, type: getText(o.node, 'spec.type') ?? 'ClusterIP', selected: workloads.filter((w) => w.namespace === namespace && selects(selector, w.labels)), ports, site: siteOf(o.file) });
  }
  return out;
}

interface Reach {
  value: boolean;
  evidence: Evidence;
}

/** Exposure of every workload, and the User, gateway and flows that Services and Ingresses imply. */
export function exposureOf(objects: readonly K8sObject[], workloads: readonly Workload[], services: readonly K8sService[], siteOf: (file: string) => EvidenceSite, boundaryOf: (namespace: string) => string): Exposure {
  const reach = new Map<Workload, Reach[]>();
  const push = (w: Workload, r: Reach) => (reach.get(w) ?? reach.set(w, []).get(w)!).push(r);
  const flows: Flow[] = [];
  const elements: Element[] = [];

  for (const s of services) {
    const at = getMap(s.object.node, 'spec')?.start ?? s.object.node.start;
    const typeAt = entry(getMap(s.object.node, 'spec'), 'type')?.keyStart ?? at;
    const annotations = labelsOf(getMap(s.object.node, 'metadata.annotations'));
    const internal = [...annotations].some(([k, v]) => INTERNAL_LB.test(k) && !/^(?:false|internet-facing|external)$/i.test(v));
    for (const w of s.selected) {
      if ((s.type === 'LoadBalancer' && !internal) || s.type === 'NodePort') {
        const how = s.type === 'LoadBalancer' ? 'a cloud load balancer with a public address' : "a port on every node's address";
        push(w, { value: true, evidence: evidenceAt(s.site, typeAt, `Service ${s.name} (type: ${s.type}) exposes it outside the cluster on ${how}`) });
        const port = s.ports[0]?.port;
        if (w.element.kind === 'web-app' || w.element.kind === 'gateway' || (w.element.kind === 'process' && HTTP_PORTS.has(port ?? -1))) {
          const tls = port === 443 || port === 8443;
          flows.push(userFlow(w.element.id, tls, port, evidenceAt(s.site, typeAt, `Service ${s.name} (type: ${s.type}) port ${port ?? '?'}`), `Service ${s.name} of type ${s.type}`));
        }
      } else if (s.type !== 'ExternalName') {
        push(w, { value: false, evidence: evidenceAt(s.site, typeAt, `Service ${s.name} (type: ${s.type}${internal ? ', an internal load balancer' : ''}): reachable inside the ${internal ? 'private network' : 'cluster'} only`) });
      }
    }
  }

  for (const o of objects) {
    if (o.kind !== 'Ingress') continue;
    const site = siteOf(o.file);
    const routes = ingressRoutes(o, services);
    const tlsEntry = entry(getMap(o.node, 'spec'), 'tls');
    const tlsHosts = itemsOf(tlsEntry?.value).flatMap((t) => (isMap(t) && entry(t, 'hosts') ? itemsOf(entry(t, 'hosts')!.value).map((h) => text(h) ?? '') : ['*']));
    const tls = (host: string | undefined) => tlsHosts.includes('*') || (host !== undefined && tlsHosts.includes(host));
    const gateway = controllerFor(o, workloads) ?? ingressElement(o, site, boundaryOf(namespaceOf(o)), elements);
    stateProp(gateway, 'internetFacing', true, evidenceAt(site, o.node.start, `Ingress ${o.name} routes requests from outside the cluster`));
    const hosts = [...new Set(routes.map((r) => r.host))];
    const encrypted = hosts.length > 0 && hosts.every((h) => tls(h));
    const says = tlsEntry ? `Ingress ${o.name}: tls for ${tlsHosts.join(', ')}` : `Ingress ${o.name} has no tls: plain HTTP`;
    const userEvidence = evidenceAt(site, tlsEntry?.keyStart ?? o.node.start, says, { prop: 'encrypted', value: encrypted });
    if (routes.length) flows.push(userFlow(gateway.id, encrypted, encrypted ? 443 : 80, userEvidence, `Ingress ${o.name}${hosts.filter(Boolean).length ? ` for ${hosts.filter(Boolean).join(', ')}` : ''}`));
    const backendTls = /^(?:HTTPS|GRPCS)$/i.test(getText(o.node, ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/backend-protocol']) ?? '');
    for (const r of routes) {
      const route = `${r.host ?? '*'}${r.path}`;
      for (const w of r.service.selected) {
        if (w.element.id === gateway.id) continue;
        push(w, { value: true, evidence: evidenceAt(site, r.offset, `Ingress ${o.name} routes ${route} to Service ${r.service.name}: served to the internet${tls(r.host) ? ' over TLS' : ' over plain HTTP'}`) });
        const id = `${gateway.id}->${w.element.id}`;
        const same = flows.find((f) => f.id === id);
        const evidence = evidenceAt(site, r.offset, `Ingress ${o.name}: ${route} → Service ${r.service.name}${r.port ? `:${r.port}` : ''}${backendTls ? ' (backend-protocol HTTPS)' : ' (the controller forwards plain HTTP inside the cluster)'}`, { prop: 'encrypted', value: backendTls });
        if (same) addEvidence(same, evidence);
        else flows.push({ id, source: gateway.id, target: w.element.id, label: route, protocol: backendTls ? 'https' : 'http', ...(r.port ? { port: r.port } : {}), encrypted: backendTls, data: [], location: { file: site.file, line: evidence.line }, inferredFrom: `Ingress ${o.name} routes ${route} to Service ${r.service.name}`, evidence: [evidence] });
      }
    }
  }

  for (const [w, list] of reach) {
    // Reachable from outside wins over a ClusterIP Service beside it, which is then evidence only.
    const exposed = list.filter((r) => r.value);
    for (const r of exposed) stateProp(w.element, 'internetFacing', true, { ...r.evidence, prop: 'internetFacing', value: true });
    for (const r of list.filter((x) => !x.value)) {
      if (exposed.length) addEvidence(w.element, r.evidence);
      else stateProp(w.element, 'internetFacing', false, { ...r.evidence, prop: 'internetFacing', value: false });
    }
  }
  if (flows.some((f) => f.source === USER_ID)) elements.unshift({ id: USER_ID, name: 'User', kind: 'actor', technology: 'Browser', props: {}, data: [], inferredFrom: 'people reach the workloads an Ingress or a LoadBalancer/NodePort Service exposes' });
  return { elements, flows };
}

interface Route {
  host?: string;
  path: string;
  service: K8sService;
  port?: number;
  offset: number;
}

/** Host, path and backend Service of every rule (networking.k8s.io/v1 and the older extensions/v1beta1 form), and the default backend. */
function ingressRoutes(o: K8sObject, services: readonly K8sService[]): Route[] {
  const out: Route[] = [];
  const namespace = namespaceOf(o);
  const backend = (node: YNode | undefined, host: string | undefined, path: string, offset: number) => {
    const name = getText(node, 'service.name') ?? getText(node, 'serviceName');
    const service = services.find((s) => s.name === name && s.namespace === namespace);
    const port = numberOf((entry(getMap(node, 'service.port'), 'number') ?? entry(node, 'servicePort'))?.value);
    if (service) out.push({ ...(host ? { host } : {}), path, service, ...(port !== undefined ? { port } : {}), offset });
  };
  const spec = getMap(o.node, 'spec');
  const fallback = entry(spec, 'defaultBackend') ?? entry(spec, 'backend');
  if (fallback) backend(fallback.value, undefined, '/*', fallback.keyStart);
  for (const rule of itemsOf(entry(spec, 'rules')?.value)) {
    const host = getText(rule, 'host');
    for (const p of itemsOf(entry(getMap(rule, 'http'), 'paths')?.value)) backend(entry(p, 'backend')?.value, host, getText(p, 'path') ?? '/', p.start);
  }
  return out;
}

/** The Ingress controller among the workloads: the only one, or the one whose name or image names the Ingress's class. */
function controllerFor(o: K8sObject, workloads: readonly Workload[]): Element | undefined {
  const controllers = workloads.filter((w) => w.element.kind === 'gateway' && /Ingress controller/.test(w.element.technology ?? ''));
  const className = getText(o.node, 'spec.ingressClassName') ?? getText(o.node, ['metadata', 'annotations', 'kubernetes.io/ingress.class']);
  const named = className ? controllers.find((w) => `${w.element.name} ${w.element.technology}`.toLowerCase().includes(className.toLowerCase())) : undefined;
  return (named ?? (controllers.length === 1 ? controllers[0] : undefined))?.element;
}

function ingressElement(o: K8sObject, site: EvidenceSite, boundary: string, elements: Element[]): Element {
  const className = getText(o.node, 'spec.ingressClassName') ?? getText(o.node, ['metadata', 'annotations', 'kubernetes.io/ingress.class']);
  const element: Element = {
    id: `ingress-${o.name || 'unnamed'}`,
    name: `Ingress ${o.name || '(unnamed)'}`,
    kind: 'gateway',
    technology: `Kubernetes Ingress${className ? ` (${className})` : ''}`,
    boundary,
    runtime: CLUSTER_RUNTIME,
    props: {},
    data: [],
    location: { file: site.file, line: site.lines.lineAt(o.node.start) },
    inferredFrom: `Ingress ${o.label}: its controller is not in the manifests, so the Ingress stands for it`,
    evidence: [evidenceAt(site, o.node.start, `Ingress ${o.name}: gateway (the Ingress controller's routing)`)],
  };
  const existing = elements.find((e) => e.id === element.id);
  if (existing) return existing;
  elements.push(element);
  return element;
}

function userFlow(target: string, encrypted: boolean, port: number | undefined, evidence: Evidence, via: string): Flow {
  return {
    id: `${USER_ID}->${target}`,
    source: USER_ID,
    target,
    label: encrypted ? 'HTTPS' : 'HTTP',
    protocol: encrypted ? 'https' : 'http',
    ...(port !== undefined ? { port } : {}),
    encrypted,
    data: [],
    location: { file: evidence.file, line: evidence.line },
    inferredFrom: `people reach it through ${via}${encrypted ? '' : ': plain HTTP'}`,
    evidence: [{ ...evidence, prop: 'encrypted', value: encrypted }],
  };
}
