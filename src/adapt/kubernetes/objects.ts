// Kubernetes objects in a manifest stream: every document with a `kind`, `List` items unpacked, and
// every workload's pod spec read the same way (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
// ReplicationController, Job, CronJob, PodTemplate), with its containers of all three groups.

import type { YDocument, YMap, YNode } from '../../parse/yaml/tree.js';
import { entry, getMap, getText, isMap, itemsOf, text } from '../../parse/yaml/tree.js';

export interface K8sObject {
  /** POSIX path relative to the project root. */
  file: string;
  kind: string;
  apiVersion: string;
  /** `metadata.name`, or `generateName`, or '' when unnamed. */
  name: string;
  namespace?: string;
  node: YMap;
  /** `Deployment/shop/web` (namespace only when the manifest sets one): the finding's resource. */
  label: string;
  /** Path of this object from its document (`items[2]` inside a List; '' for a whole document). */
  path: string;
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface K8sContainer {
  node: YMap;
  name: string;
  group: ContainerGroup;
  /** `spec.template.spec.containers[web]`: where it is, named for fingerprints and messages. */
  part: string;
}

export interface PodSpec {
  node: YMap;
  /** Path of the pod spec within the object (`spec.template.spec`). */
  path: string;
  /** The pod's metadata (the template's, for controllers), for annotations such as AppArmor's. */
  metadata: YMap | undefined;
  containers: K8sContainer[];
}

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, string>> = {
  Pod: 'spec',
  PodTemplate: 'template.spec',
  Deployment: 'spec.template.spec',
  StatefulSet: 'spec.template.spec',
  DaemonSet: 'spec.template.spec',
  ReplicaSet: 'spec.template.spec',
  ReplicationController: 'spec.template.spec',
  Job: 'spec.template.spec',
  CronJob: 'spec.jobTemplate.spec.template.spec',
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS);

/** The objects of a file's documents (a document that is not a Kubernetes object is skipped). */
export function objectsOf(file: string, documents: readonly YDocument[]): K8sObject[] {
  const out: K8sObject[] = [];
  for (const doc of documents) collect(file, doc.root, '', out);
  return out;
}

function collect(file: string, node: YNode | undefined, path: string, out: K8sObject[]): void {
  if (!isMap(node)) return;
  const kind = getText(node, 'kind');
  const apiVersion = getText(node, 'apiVersion');
  if (!kind || !apiVersion) return;
  if (kind.endsWith('List') && entry(node, 'items')) {
    itemsOf(entry(node, 'items')!.value).forEach((item, i) => collect(file, item, `${path ? `${path}.` : ''}items[${i}]`, out));
    return;
  }
  const name = getText(node, 'metadata.name') ?? getText(node, 'metadata.generateName') ?? '';
  const namespace = getText(node, 'metadata.namespace');
  out.push({ file, kind, apiVersion, name, ...(namespace ? { namespace } : {}), node, label: [kind, namespace, name || '(unnamed)'].filter(Boolean).join('/'), path });
}

const podSpecs = new WeakMap<K8sObject, PodSpec | null>();

/** The pod spec of a workload, with its containers; undefined for other kinds. Read once per object, whatever the number of rules asking. */
export function podSpecOf(object: K8sObject): PodSpec | undefined {
  let spec = podSpecs.get(object);
  if (spec === undefined) podSpecs.set(object, (spec = readPodSpec(object) ?? null));
  return spec ?? undefined;
}

function readPodSpec(object: K8sObject): PodSpec | undefined {
  const path = POD_SPEC_PATHS[object.kind];
  if (!path) return undefined;
  const node = getMap(object.node, path);
  if (!node) return undefined;
  const metadataPath = path.replace(/(^|\.)spec$/, '$1metadata');
  const containers: K8sContainer[] = [];
  for (const group of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    itemsOf(entry(node, group)?.value).forEach((item, i) => {
      if (!isMap(item)) return;
      const name = text(entry(item, 'name')?.value) ?? String(i);
      containers.push({ node: item, name, group, part: `${path}.${group}[${name}]` });
    });
  }
  return { node, path, metadata: getMap(object.node, metadataPath), containers };
}

/** "container web of Deployment/shop/web" (init and ephemeral containers say so). */
export function describeContainer(object: K8sObject, container: K8sContainer): string {
  const group = container.group === 'initContainers' ? 'init container' : container.group === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return `${group} "${container.name}" of ${object.label}`;
}
