// One Kubernetes workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, ...) as a model element:
// its kind and technology from its main container's image (or a frontend's name and labels), the labels
// Services select it by, and its environment with each value's line (literals, and ConfigMap keys read
// through `envFrom` or `configMapKeyRef`). The pod spec is read by the auditor's one reader (podSpecOf).

import { podSpecOf, type K8sContainer, type K8sObject, type PodSpec } from '../../adapt/kubernetes/objects.js';
import { entry, getMap, isMap, itemsOf, text, type YMap } from '../../parse/yaml/tree.js';
import type { Element } from '../schema/architecture.js';
import { DATABASE_NAME, imageKind, imageParts, type ServiceKind } from './compose-kinds.js';
import { evidenceAt, type EvidenceSite } from './evidence.js';

export const CLUSTER_RUNTIME = 'Kubernetes cluster';

export interface EnvValue {
  name: string;
  /** The literal value; undefined when it comes from a Secret or cannot be read. */
  value?: string;
  from: 'literal' | 'config-map' | 'secret' | 'other';
  /** `secretKeyRef` / `secretRef` / ConfigMap name. */
  source?: string;
  site: EvidenceSite;
  offset: number;
  container: string;
}

export interface Workload {
  object: K8sObject;
  pod: PodSpec;
  element: Element;
  namespace: string;
  /** The pod's labels (the template's, for controllers): what Services and NetworkPolicies select. */
  labels: Map<string, string>;
  env: EnvValue[];
  site: EvidenceSite;
}

/** ConfigMaps by `namespace/name`: each key's value and where it is written. */
export type ConfigMaps = Map<string, { site: EvidenceSite; data: Map<string, { value: string; offset: number }> }>;

/** Ingress controllers and service-mesh proxies, by their image path. */
const CONTROLLER_IMAGE = /(?:^|\/)(?:ingress-nginx|nginx-ingress|kubernetes-ingress|traefik|envoyproxy|contour|kong|haproxy-ingress|istio\/proxyv2|emissary|ambassador)(?:\/|:|$)/i;
const FRONTEND_WORD = /(?:^|[-_./])(?:frontend|front|web|webapp|web-app|ui|storefront|spa|portal|www)(?:$|[-_./:])/i;
const LABEL_KEYS = ['app', 'app.kubernetes.io/name', 'app.kubernetes.io/component', 'component', 'tier', 'role'];

export const namespaceOf = (object: K8sObject): string => object.namespace ?? 'default';

export function labelsOf(map: YMap | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of map?.entries ?? []) {
    const value = text(e.value);
    if (value !== undefined) out.set(e.key, value);
  }
  return out;
}

/** The main container: the first of `containers` (sidecars follow it by convention). */
export function mainContainer(pod: PodSpec): K8sContainer | undefined {
  return pod.containers.find((c) => c.group === 'containers');
}

const versioned = (image: string): string => {
  const { name, tag } = imageParts(image);
  return `${name}${tag && tag !== 'latest' ? ` ${tag}` : ''}`;
};

function kindOf(object: K8sObject, pod: PodSpec, labels: Map<string, string>, env: (name: string) => string | undefined): ServiceKind {
  const main = mainContainer(pod);
  const image = main ? text(entry(main.node, 'image')?.value) : undefined;
  if (image && CONTROLLER_IMAGE.test(image)) {
    const { name, tag } = imageParts(image);
    return { kind: 'gateway', technology: `Ingress controller (${image.match(CONTROLLER_IMAGE)![0].replace(/^\/|[/:]$/g, '') || name}${tag && tag !== 'latest' ? ` ${tag}` : ''})`, why: `image ${image}` };
  }
  const product = image ? imageKind(image, env) : undefined;
  if (product && product.kind !== 'gateway') return product;
  const label = LABEL_KEYS.map((k) => [k, labels.get(k)] as const).find(([, v]) => v !== undefined && FRONTEND_WORD.test(v));
  if (label) return { kind: 'web-app', ...(image ? { technology: versioned(image) } : {}), why: `label ${label[0]}=${label[1]}` };
  if (image && FRONTEND_WORD.test(imageParts(image).name)) return { kind: 'web-app', technology: versioned(image), why: `frontend image ${image}` };
  if (FRONTEND_WORD.test(object.name)) return { kind: 'web-app', ...(image ? { technology: versioned(image) } : {}), why: `${object.kind} name ${object.name}` };
  if (product) return product;
  // A custom image named for a database (`catalogue-db`), or a workload so named, is the database.
  const dbName = [object.name, image ? imageParts(image).name : ''].find((n) => DATABASE_NAME.test(n));
  if (dbName) return { kind: 'datastore', ...(image ? { technology: versioned(image) } : {}), why: `name ${dbName}` };
  if (!image) return { kind: 'process', why: `${object.kind} without an image` };
  return { kind: 'process', technology: versioned(image), why: `image ${image}` };
}

/** Every container's environment, ConfigMap keys resolved where the manifests hold the ConfigMap. */
function environment(pod: PodSpec, namespace: string, site: EvidenceSite, configMaps: ConfigMaps): EnvValue[] {
  const out: EnvValue[] = [];
  for (const container of pod.containers) {
    if (container.group === 'ephemeralContainers') continue;
    for (const item of itemsOf(entry(container.node, 'env')?.value)) {
      if (!isMap(item)) continue;
      const name = text(entry(item, 'name')?.value);
      if (!name) continue;
      const literal = entry(item, 'value');
      const base = { name, container: container.name };
      if (literal) {
        const value = text(literal.value);
        out.push({ ...base, from: 'literal', ...(value !== undefined ? { value } : {}), site, offset: literal.keyStart });
        continue;
      }
      const secretRef = getMap(item, 'valueFrom.secretKeyRef');
      const configRef = getMap(item, 'valueFrom.configMapKeyRef');
      if (secretRef) out.push({ ...base, from: 'secret', source: text(entry(secretRef, 'name')?.value) ?? '?', site, offset: entry(getMap(item, 'valueFrom'), 'secretKeyRef')!.keyStart });
      else if (configRef) {
        const map = configMaps.get(`${namespace}/${text(entry(configRef, 'name')?.value) ?? ''}`);
        const key = map?.data.get(text(entry(configRef, 'key')?.value) ?? '');
        out.push(key ? { ...base, from: 'config-map', value: key.value, source: text(entry(configRef, 'name')?.value)!, site: map!.site, offset: key.offset } : { ...base, from: 'other', site, offset: item.start });
      } else out.push({ ...base, from: 'other', site, offset: item.start });
    }
    for (const item of itemsOf(entry(container.node, 'envFrom')?.value)) {
      const prefix = text(entry(item, 'prefix')?.value) ?? '';
      const secret = text(get2(item, 'secretRef'));
      if (secret !== undefined) out.push({ name: `${prefix}*`, container: container.name, from: 'secret', source: secret, site, offset: item.start });
      const map = configMaps.get(`${namespace}/${text(get2(item, 'configMapRef')) ?? ''}`);
      for (const [key, v] of map?.data ?? []) out.push({ name: `${prefix}${key}`, container: container.name, from: 'config-map', value: v.value, source: text(get2(item, 'configMapRef'))!, site: map!.site, offset: v.offset });
    }
  }
  return out;
}

const get2 = (item: Parameters<typeof entry>[0], ref: string) => entry(entry(item, ref)?.value, 'name')?.value;

export function configMapsOf(objects: readonly K8sObject[], siteOf: (file: string) => EvidenceSite): ConfigMaps {
  const out: ConfigMaps = new Map();
  for (const o of objects) {
    if (o.kind !== 'ConfigMap' || !o.name) continue;
    const data = new Map<string, { value: string; offset: number }>();
    for (const e of getMap(o.node, 'data')?.entries ?? []) {
      const value = text(e.value);
      if (value !== undefined) data.set(e.key, { value, offset: e.keyStart });
    }
    out.set(`${namespaceOf(o)}/${o.name}`, { site: siteOf(o.file), data });
  }
  return out;
}

export function workloadOf(object: K8sObject, id: string, site: EvidenceSite, configMaps: ConfigMaps): Workload | undefined {
  const pod = podSpecOf(object);
  if (!pod) return undefined;
  const namespace = namespaceOf(object);
  const labels = labelsOf(getMap(pod.metadata, 'labels') ?? getMap(object.node, 'metadata.labels'));
  const env = environment(pod, namespace, site, configMaps);
  const literal = (name: string) => env.find((v) => v.name === name && v.value !== undefined)?.value;
  const kind = kindOf(object, pod, labels, literal);
  const element: Element = {
    id,
    name: object.name || id,
    kind: kind.kind,
    ...(kind.technology ? { technology: kind.technology } : {}),
    runtime: CLUSTER_RUNTIME,
    props: {},
    data: [],
    location: { file: site.file, line: site.lines.lineAt(object.node.start) },
    inferredFrom: `${object.kind} ${object.label}: ${kind.why}`,
    evidence: [evidenceAt(site, object.node.start, `${object.kind} ${object.name || '(unnamed)'}: ${kind.kind} (${kind.why})`)],
  };
  return { object, pod, element, namespace, labels, env, site };
}
