// NetworkPolicies as evidence on the workloads they cover: a namespace with workloads and no NetworkPolicy
// lets every pod of the cluster reach them; a policy that selects a workload and restricts ingress says
// who may call it. The evidence states no property: the model has none for network segmentation.

import type { K8sObject } from '../../adapt/kubernetes/objects.js';
import { entry, getMap, isMap, itemsOf, textsOf } from '../../parse/yaml/tree.js';
import { addEvidence, evidenceAt, type EvidenceSite } from './evidence.js';
import { labelsOf, namespaceOf, type Workload } from './kubernetes-workloads.js';

interface Policy {
  object: K8sObject;
  selector: Map<string, string>;
  /** Whether the pod selector has match expressions this reading does not evaluate. */
  expressions: boolean;
  ingress: boolean;
  site: EvidenceSite;
}

export function stateNetworkPolicies(objects: readonly K8sObject[], workloads: readonly Workload[], siteOf: (file: string) => EvidenceSite): void {
  const byNamespace = new Map<string, Policy[]>();
  for (const o of objects) {
    if (o.kind !== 'NetworkPolicy') continue;
    const spec = getMap(o.node, 'spec');
    const selector = getMap(spec, 'podSelector');
    const types = textsOf(entry(spec, 'policyTypes')?.value);
    // Without policyTypes a policy restricts ingress always, and egress when it has egress rules.
    const ingress = types.length ? types.includes('Ingress') : true;
    const policy: Policy = { object: o, selector: labelsOf(getMap(selector, 'matchLabels')), expressions: itemsOf(entry(selector, 'matchExpressions')?.value).length > 0, ingress, site: siteOf(o.file) };
    const ns = namespaceOf(o);
    (byNamespace.get(ns) ?? byNamespace.set(ns, []).get(ns)!).push(policy);
  }
  for (const w of workloads) {
    const policies = byNamespace.get(w.namespace) ?? [];
    const at = w.object.node.start;
    if (!policies.length) {
      addEvidence(w.element, evidenceAt(w.site, at, `no NetworkPolicy limits traffic in namespace ${w.namespace}: every pod of the cluster can reach ${w.element.name}`));
      continue;
    }
    const covering = policies.filter((p) => p.ingress && (p.expressions || [...p.selector].every(([k, v]) => w.labels.get(k) === v)));
    if (!covering.length) {
      addEvidence(w.element, evidenceAt(w.site, at, `no NetworkPolicy of namespace ${w.namespace} selects ${w.element.name} for ingress: every pod of the cluster can reach it`));
      continue;
    }
    for (const p of covering) addEvidence(w.element, evidenceAt(p.site, p.object.node.start, `NetworkPolicy ${p.object.name} ${describeIngress(p)}${p.expressions ? ' (if its matchExpressions select this workload)' : ''}`));
  }
}

function describeIngress(p: Policy): string {
  const rules = itemsOf(entry(getMap(p.object.node, 'spec'), 'ingress')?.value);
  if (!rules.length) return 'denies all ingress to the pods it selects';
  const sources = rules.flatMap((r) => itemsOf(entry(r, 'from')?.value)).map((f) => {
    if (!isMap(f)) return '?';
    const pods = getMap(f, 'podSelector.matchLabels');
    const nss = getMap(f, 'namespaceSelector.matchLabels');
    if (entry(f, 'ipBlock')) return 'an IP block';
    return [nss ? `namespaces ${[...labelsOf(nss)].map(([k, v]) => `${k}=${v}`).join(',')}` : '', pods ? `pods ${[...labelsOf(pods)].map(([k, v]) => `${k}=${v}`).join(',')}` : ''].filter(Boolean).join(' / ') || 'selected peers';
  });
  return sources.length ? `allows ingress only from ${sources.join('; ')}` : 'restricts ingress to the ports it lists, from anywhere';
}
