import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE } from './support.js';
import { resourceCheck, resourceFix } from './resources.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-RES-004',
    title: 'Containers request memory',
    problem: 'Container without a memory request',
    severity: 'low',
    stride: 'denial-of-service',
    cwe: ['CWE-770'],
    compliance: K8S_COMPLIANCE.capacity,
    description:
      'The scheduler places pods by their requests. Without a memory request a pod can be packed onto a node that has no room for it, and is the first evicted under memory pressure.',
    remediation: 'Set `resources.requests.memory` on every container, or a LimitRange default for the namespace.',
    provider: 'kubernetes',
    service: 'resources',
    peers: { checkov: ['CKV_K8S_12'], trivy: ['AVD-KSV-0016'] },
    risk: 'availability',
    uses: ['containerResources'],
    links: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
  },
  kubernetes: resourceCheck('requests', 'memory'),
  fix: { kubernetes: resourceFix('requests', 'memory') },
  examples: {
    kubernetes: {
      good: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.3.0
          resources:
            requests:
              memory: 128Mi
`,
      ],
      bad: [
        {
          code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.3.0
`,
          errors: [{ line: 9 }],
          defaults: { containerResources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } } },
          output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.3.0
          resources:
            limits:
              cpu: 500m
              memory: 256Mi
            requests:
              cpu: 250m
              memory: 128Mi
`,
        },
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: batch
spec:
  containers:
    - name: batch
      image: registry.example.com/batch:1.0.0
      resources:
        limits:
          memory: 128Mi
`,
          errors: [{ line: 9 }],
          output: `apiVersion: v1
kind: Pod
metadata:
  name: batch
spec:
  containers:
    # NEEDS YOUR INPUT: Set CPU and memory requests and limits for this container (resources.requests and resources.limits), or give defaults in the policy (safeDefaults.containerResources)
    - name: batch
      image: registry.example.com/batch:1.0.0
      resources:
        limits:
          memory: 128Mi
`,
        },
      ],
    },
  },
});
