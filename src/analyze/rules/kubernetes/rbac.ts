// Reading RBAC: the policy rules of a Role or ClusterRole, and the subjects of a binding.

import { entry, getText, isMap, itemsOf, textsOf, type YEntry, type YMap } from '../../../parse/yaml/tree.js';
import type { K8sObject } from '../../../adapt/kubernetes/objects.js';

export const ROLE_KINDS = ['Role', 'ClusterRole'];
export const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'];

export interface PolicyRule {
  node: YMap;
  index: number;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  verbsEntry: YEntry | undefined;
  resourcesEntry: YEntry | undefined;
}

export function policyRules(role: K8sObject): PolicyRule[] {
  const out: PolicyRule[] = [];
  itemsOf(entry(role.node, 'rules')?.value).forEach((item, index) => {
    if (!isMap(item)) return;
    const verbsEntry = entry(item, 'verbs');
    const resourcesEntry = entry(item, 'resources');
    out.push({
      node: item,
      index,
      apiGroups: textsOf(entry(item, 'apiGroups')?.value),
      resources: textsOf(resourcesEntry?.value),
      verbs: textsOf(verbsEntry?.value).map((v) => v.toLowerCase()),
      verbsEntry,
      resourcesEntry,
    });
  });
  return out;
}

/** True when the rule grants `verb` (or `*`) on `resource` (or `*`) of the core API group. */
export function grants(rule: PolicyRule, verbs: readonly string[], resource: string, coreGroup = true): boolean {
  const groupOk = !coreGroup || rule.apiGroups.length === 0 || rule.apiGroups.includes('') || rule.apiGroups.includes('*');
  return groupOk && (rule.resources.includes('*') || rule.resources.includes(resource)) && (rule.verbs.includes('*') || verbs.some((v) => rule.verbs.includes(v)));
}

/** Subjects everyone (or every workload) is: binding a role to them gives it to the whole cluster. */
export const BROAD_SUBJECTS = ['system:anonymous', 'system:unauthenticated', 'system:authenticated', 'system:serviceaccounts'];

export interface Subject {
  kind: string;
  name: string;
  node: YMap;
}

export function subjectsOf(binding: K8sObject): Subject[] {
  const out: Subject[] = [];
  for (const item of itemsOf(entry(binding.node, 'subjects')?.value)) {
    if (!isMap(item)) continue;
    out.push({ kind: getText(item, 'kind') ?? '', name: getText(item, 'name') ?? '', node: item });
  }
  return out;
}

/** The bindings of a scan by the role they refer to (`ClusterRole/view`), built once per scan. */
export function bindingIndex(objects: readonly K8sObject[]): Map<string, K8sObject[]> {
  const index = new Map<string, K8sObject[]>();
  for (const o of objects) {
    if (!BINDING_KINDS.includes(o.kind)) continue;
    const key = `${getText(o.node, 'roleRef.kind')}/${getText(o.node, 'roleRef.name')}`;
    index.set(key, [...(index.get(key) ?? []), o]);
  }
  return index;
}

/** Bindings (in the index) that give `role` to a subject: a Role only from its own namespace. */
export function bindingsOf(role: K8sObject, index: ReadonlyMap<string, K8sObject[]>): K8sObject[] {
  return (index.get(`${role.kind}/${role.name}`) ?? []).filter((o) => role.kind === 'ClusterRole' || o.namespace === role.namespace);
}
