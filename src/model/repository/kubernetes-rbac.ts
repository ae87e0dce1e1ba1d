// ServiceAccounts and RBAC as properties of the workloads that run under them: the roles bound to a pod's
// service account (directly, or through the groups every service account is in) decide what a compromise
// of that pod can do to the cluster. Broad grants — cluster-admin, wildcards, reading Secrets, exec into
// pods, escalate/bind/impersonate — state `leastPrivilege: false` at the binding; narrow ones state it true.

import type { K8sObject } from '../../adapt/kubernetes/objects.js';
import { BINDING_KINDS, grants, policyRules, subjectsOf, type PolicyRule } from '../../analyze/rules/kubernetes/rbac.js';
import { entry, getText, isFalse } from '../../parse/yaml/tree.js';
import { addEvidence, evidenceAt, stateProp, type EvidenceSite } from './evidence.js';
import { namespaceOf, type Workload } from './kubernetes-workloads.js';

/** Roles Kubernetes ships that grant (almost) everything in their scope. */
const BROAD_BUILTIN_ROLES = new Set(['cluster-admin', 'admin', 'edit']);

export function stateServiceAccounts(objects: readonly K8sObject[], workloads: readonly Workload[], siteOf: (file: string) => EvidenceSite): void {
  const roles = new Map<string, K8sObject>();
  for (const o of objects) if (o.kind === 'Role' || o.kind === 'ClusterRole') roles.set(o.kind === 'Role' ? `Role/${namespaceOf(o)}/${o.name}` : `ClusterRole/${o.name}`, o);
  const accounts = new Map(objects.filter((o) => o.kind === 'ServiceAccount').map((o) => [`${namespaceOf(o)}/${o.name}`, o]));
  const bindings = objects.filter((o) => BINDING_KINDS.includes(o.kind));
  for (const w of workloads) {
    const account = getText(w.pod.node, 'serviceAccountName') ?? getText(w.pod.node, 'serviceAccount') ?? 'default';
    const declared = accounts.get(`${w.namespace}/${account}`);
    const mounted = !isFalse(entry(w.pod.node, 'automountServiceAccountToken')?.value) && !(declared && isFalse(entry(declared.node, 'automountServiceAccountToken')?.value));
    let bound = false;
    for (const binding of bindings) {
      if (!bindsAccount(binding, account, w.namespace)) continue;
      bound = true;
      const site = siteOf(binding.file);
      const roleKind = getText(binding.node, 'roleRef.kind') ?? '';
      const roleName = getText(binding.node, 'roleRef.name') ?? '';
      const role = roles.get(roleKind === 'Role' ? `Role/${namespaceOf(binding)}/${roleName}` : `ClusterRole/${roleName}`);
      const broad = BROAD_BUILTIN_ROLES.has(roleName) && !role ? `the built-in ${roleName} role` : role ? broadGrant(policyRules(role)) : undefined;
      const scope = binding.kind === 'ClusterRoleBinding' ? 'cluster-wide' : `in namespace ${namespaceOf(binding)}`;
      const says = `${binding.kind} ${binding.name} gives service account ${account} of ${w.element.name} ${roleKind} ${roleName} ${scope}`;
      const at = evidenceAt(site, binding.node.start, broad ? `${says}: ${broad}${mounted ? '' : ' (its token is not mounted in the pod)'}` : `${says}, a narrow role`);
      if (broad && mounted) stateProp(w.element, 'leastPrivilege', false, at);
      else if (!broad) stateProp(w.element, 'leastPrivilege', true, at);
      else addEvidence(w.element, at);
    }
    if (!bound && mounted && account !== 'default' && declared) {
      addEvidence(w.element, evidenceAt(siteOf(declared.file), declared.node.start, `service account ${account} of ${w.element.name} has no role bound here, and its token is mounted in the pod`));
    }
  }
}

/** Whether the binding's subjects include the service account (by name, or a group every service account is in). */
function bindsAccount(binding: K8sObject, account: string, namespace: string): boolean {
  return subjectsOf(binding).some((s) => {
    if (s.kind === 'ServiceAccount') return s.name === account && (getText(s.node, 'namespace') ?? namespaceOf(binding)) === namespace;
    if (s.kind === 'Group') return s.name === 'system:serviceaccounts' || s.name === `system:serviceaccounts:${namespace}`;
    if (s.kind === 'User') return s.name === `system:serviceaccount:${namespace}:${account}`;
    return false;
  });
}

/** What makes a role broad, in words; undefined for a narrow one. */
function broadGrant(rules: readonly PolicyRule[]): string | undefined {
  for (const r of rules) {
    if (r.verbs.includes('*') && r.resources.includes('*')) return 'every verb on every resource';
    if (r.resources.includes('*')) return `${r.verbs.join(', ')} on every resource`;
    if (r.verbs.includes('*')) return `every verb on ${r.resources.join(', ')}`;
    if (grants(r, ['get', 'list', 'watch'], 'secrets')) return 'it can read Secrets';
    if (grants(r, ['create'], 'pods/exec') || grants(r, ['create'], 'pods/attach')) return 'it can exec into pods';
    if (['escalate', 'bind', 'impersonate'].some((v) => r.verbs.includes(v))) return `it can ${r.verbs.filter((v) => ['escalate', 'bind', 'impersonate'].includes(v)).join(', ')}`;
  }
  return undefined;
}
