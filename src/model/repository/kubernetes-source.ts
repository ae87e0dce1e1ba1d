// Kubernetes manifests as a repository source: every YAML or JSON file of Kubernetes objects, read with the
// auditor's bounded YAML reader and its one object and pod-spec reader, becomes one fragment (a Service in
// one file selects workloads in another): workloads as elements inside a boundary per namespace within
// the cluster, flows from their environment, exposure from Services and Ingresses, and the security
// context, limits, secrets, NetworkPolicies and the RBAC roles bound to each workload's service account as
// evidence. Helm charts and Kustomize overlays are never
// rendered (they can run plugins and fetch remote code); files.ts names them as not modelled.

import { objectsOf, type K8sObject } from '../../adapt/kubernetes/objects.js';
import { isKubernetesManifest } from '../../core/iac-content.js';
import { readYaml } from '../../parse/yaml/read.js';
import { getText } from '../../parse/yaml/tree.js';
import type { Boundary } from '../schema/architecture.js';
import type { EvidenceSite } from './evidence.js';
import { workloadFlows } from './kubernetes-flows.js';
import { stateNetworkPolicies } from './kubernetes-policies.js';
import { stateServiceAccounts } from './kubernetes-rbac.js';
import { statePodSecurity } from './kubernetes-security.js';
import { exposureOf, servicesOf } from './kubernetes-services.js';
import { configMapsOf, namespaceOf, workloadOf, type Workload } from './kubernetes-workloads.js';
import { LineIndex } from './lines.js';
import { USER_ID, USER_SERVICE_ID } from './people.js';
import { emptyFragment, type ModelFragment, type RepositoryNote, type RepositorySource } from './types.js';

export const CLUSTER_BOUNDARY = 'k8s-cluster';
const MANIFEST = /\.(?:ya?ml|json)$/i;
const KUSTOMIZATION = /(?:^|\/)kustomization\.ya?ml$/i;

/** A template of a Helm chart: under `templates/`, with `{{ .Values… }}` actions only Helm can render. */
export function isHelmTemplate(rel: string, head: string): boolean {
  return /(?:^|\/)templates\//.test(rel) && /\{\{-?[^}]{0,200}?\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\{\{-?\s*(?:include|template|define)\b/.test(head);
}

export const kubernetesSource: RepositorySource = {
  id: 'kubernetes',
  label: 'Kubernetes manifest',
  wants: (rel, head) => MANIFEST.test(rel) && !KUSTOMIZATION.test(rel) && isKubernetesManifest(head()) && !head().includes('kustomize.config.k8s.io') && !isHelmTemplate(rel, head()),
  read(input) {
    const files: { rel: string; text: string }[] = [];
    for (const file of input.files) {
      const text = input.read(file);
      if (text !== undefined) files.push({ rel: file.rel, text });
    }
    const { fragment, read } = kubernetesFragment(files, input.note);
    return { fragments: fragment ? [fragment] : [], read };
  },
};

export const namespaceBoundary = (namespace: string): string => `namespace:${namespace}`;

/** All manifests as one part of the model; undefined when they hold no workload and no Ingress. */
export function kubernetesFragment(files: readonly { rel: string; text: string }[], note: (n: RepositoryNote) => void): { fragment?: ModelFragment; read: string[] } {
  const sites = new Map<string, EvidenceSite>();
  const objects: K8sObject[] = [];
  const read: string[] = [];
  for (const file of files) {
    const site: EvidenceSite = { file: file.rel, lines: new LineIndex(file.text) };
    sites.set(file.rel, site);
    const stream = readYaml(file.text);
    if (stream.error) note({ level: 'warning', file: file.rel, line: site.lines.lineAt(stream.error.offset), message: `Kubernetes manifest not fully read: ${stream.error.message}` });
    const found = objectsOf(file.rel, stream.documents);
    if (found.length) read.push(file.rel);
    objects.push(...found);
  }
  const siteOf = (file: string): EvidenceSite => sites.get(file)!;
  const configMaps = configMapsOf(objects, siteOf);
  const workloads: Workload[] = [];
  const taken = new Set<string>();
  for (const object of objects) {
    const id = uniqueId(object, taken);
    const w = workloadOf(object, id, siteOf(object.file), configMaps);
    if (!w) continue;
    taken.add(id);
    w.element.boundary = namespaceBoundary(w.namespace);
    workloads.push(w);
  }
  const hasIngress = objects.some((o) => o.kind === 'Ingress');
  if (!workloads.length && !hasIngress) {
    if (objects.length) note({ level: 'info', file: objects[0]!.file, message: `Kubernetes manifests without workloads (${[...new Set(objects.map((o) => o.kind))].slice(0, 5).join(', ')}): nothing to model` });
    return { read };
  }
  const fragment = emptyFragment();
  const services = servicesOf(objects, workloads, siteOf);
  for (const w of workloads) statePodSecurity(w);
  const exposure = exposureOf(objects, workloads, services, siteOf, namespaceBoundary);
  stateNetworkPolicies(objects, workloads, siteOf);
  stateServiceAccounts(objects, workloads, siteOf);
  fragment.elements.push(...exposure.elements.filter((e) => e.kind === 'actor'), ...workloads.map((w) => w.element), ...exposure.elements.filter((e) => e.kind !== 'actor'));
  fragment.flows.push(...exposure.flows, ...workloadFlows(workloads, services));
  fragment.boundaries.push(...boundaries(objects, fragment.elements.map((e) => e.boundary).filter((b): b is string => b !== undefined), siteOf));
  for (const w of workloads) {
    const names = [...new Set([...(w.object.name !== w.element.id ? [w.object.name] : []), ...services.filter((s) => s.selected.includes(w)).map((s) => s.name)])].filter((n) => n && n !== w.element.id && n !== USER_ID);
    if (names.length) fragment.aliases.set(w.element.id, names);
  }
  return { fragment, read };
}

/** The workload's name; a second workload of the same name (in another namespace) is `namespace/name`. */
function uniqueId(object: K8sObject, taken: ReadonlySet<string>): string {
  // A workload called `user` is a service, not the User actor.
  const name = object.name === USER_ID ? USER_SERVICE_ID : object.name || `${object.kind.toLowerCase()}-unnamed`;
  if (!taken.has(name)) return name;
  const qualified = `${namespaceOf(object)}/${name}`;
  let id = qualified;
  for (let n = 2; taken.has(id); n++) id = `${qualified}-${n}`;
  return id;
}

/** One cluster; inside it a boundary for each namespace an element sits in, at its Namespace object when the manifests declare it. */
function boundaries(objects: readonly K8sObject[], used: readonly string[], siteOf: (file: string) => EvidenceSite): Boundary[] {
  const out: Boundary[] = [{ id: CLUSTER_BOUNDARY, name: 'Kubernetes cluster', type: 'cluster' }];
  for (const id of new Set(used)) {
    if (!id.startsWith('namespace:')) continue;
    const namespace = id.slice('namespace:'.length);
    const declared = objects.find((o) => o.kind === 'Namespace' && getText(o.node, 'metadata.name') === namespace);
    const location = declared ? { file: declared.file, line: siteOf(declared.file).lines.lineAt(declared.node.start) } : undefined;
    out.push({ id, name: `namespace ${namespace}`, type: 'cluster', parent: CLUSTER_BOUNDARY, ...(location ? { location } : {}) });
  }
  return out;
}
