import { defineRule } from '../../rule.js';
import type { K8sObject } from '../../../adapt/kubernetes/objects.js';
import { K8S_COMPLIANCE, WORKLOAD_KINDS } from './support.js';

const namespaceOf = (o: K8sObject) => o.namespace ?? '';
const INDEX = Symbol('namespaces with a NetworkPolicy, and each namespace\'s first workload');

/** Built once per scan: checking every workload against every object was quadratic. */
function indexOf(objects: readonly K8sObject[]): { covered: Set<string>; first: Map<string, K8sObject> } {
  const covered = new Set<string>();
  const first = new Map<string, K8sObject>();
  for (const o of objects) {
    if (o.kind === 'NetworkPolicy') covered.add(namespaceOf(o));
    else if (WORKLOAD_KINDS.includes(o.kind) && !first.has(namespaceOf(o))) first.set(namespaceOf(o), o);
  }
  return { covered, first };
}

export default defineRule({
  meta: {
    id: 'BW-K8S-NET-004',
    title: 'Namespaces with workloads have a NetworkPolicy',
    problem: 'Namespace with workloads and no NetworkPolicy',
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-923'],
    compliance: [...K8S_COMPLIANCE.isolation, { framework: 'NIST-800-53', control: 'SC-7(5)' }],
    description:
      'Without a NetworkPolicy every pod accepts traffic from every other pod of the cluster: one compromised pod anywhere ' +
      'reaches the databases and internal APIs of this namespace. A default-deny policy plus explicit allows contains it.',
    remediation: 'Add a NetworkPolicy that denies ingress by default (`podSelector: {}` with `policyTypes: [Ingress]`) and allows the flows the workloads need.',
    provider: 'kubernetes',
    service: 'network',
    peers: { checkov: [], trivy: [] },
    risk: 'exposure',
    links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies'],
  },
  kubernetes: {
    kinds: WORKLOAD_KINDS,
    check(object, ctx) {
      const ns = namespaceOf(object);
      const { covered, first } = ctx.memo(INDEX, () => indexOf(ctx.objects));
      // Reported once per namespace, on its first workload.
      if (covered.has(ns) || first.get(ns) !== object) return;
      const where = ns ? `namespace ${ns}` : 'the namespace these manifests are applied to';
      ctx.report({ message: `No NetworkPolicy in the scanned manifests covers ${where}, where ${object.label} runs: every pod of the cluster can reach it.`, part: 'networkPolicy' });
    },
  },
  noFix: 'A NetworkPolicy must allow the flows the workloads need, which the manifests alone do not say.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.0.0
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`,
      ],
      bad: [
        {
          code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.0.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: worker
          image: registry.example.com/worker:2.0.0
`,
          errors: [{ line: 1 }],
        },
      ],
    },
  },
});
