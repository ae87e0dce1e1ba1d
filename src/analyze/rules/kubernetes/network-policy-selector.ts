import { defineRule } from '../../rule.js';
import { entry, get } from '../../../parse/yaml/tree.js';
import { K8S_COMPLIANCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-NET-002',
    title: 'NetworkPolicies select the pods they apply to',
    problem: 'NetworkPolicy without a podSelector',
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-923'],
    compliance: K8S_COMPLIANCE.isolation,
    description:
      '`spec.podSelector` is required: it says which pods the policy isolates (`{}` for all of them in the namespace). A ' +
      'policy without it is rejected by the API server, so the isolation it was meant to give does not exist.',
    remediation: 'Set `spec.podSelector` (`{}` to select every pod of the namespace).',
    provider: 'kubernetes',
    service: 'network',
    peers: { trivy: ['AVD-KSV-0038'] },
    risk: 'exposure',
    links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
  },
  kubernetes: {
    kinds: ['NetworkPolicy'],
    check(object, ctx) {
      if (entry(get(object.node, 'spec'), 'podSelector')) return;
      ctx.report({ at: entry(object.node, 'spec'), message: `NetworkPolicy ${object.label} has no spec.podSelector, so it selects no pods.`, part: 'spec.podSelector' });
    },
  },
  noFix: 'Which pods the policy was meant for is its author\'s intent; `{}` (all pods) may isolate more than intended.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: mariadb
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: orders
`,
      ],
      bad: [
        {
          code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-ingress
  namespace: shop
spec:
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: orders
`,
          errors: [{ line: 6 }],
        },
      ],
    },
  },
});
