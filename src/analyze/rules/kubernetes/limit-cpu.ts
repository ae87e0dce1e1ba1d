import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE } from './support.js';
import { resourceCheck, resourceFix } from './resources.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-RES-001',
    title: 'Containers have a CPU limit',
    problem: 'Container without a CPU limit',
    severity: 'low',
    stride: 'denial-of-service',
    cwe: ['CWE-770'],
    compliance: K8S_COMPLIANCE.capacity,
    description:
      'A container without a CPU limit can take every core of its node: one busy or compromised pod slows every other pod there. Limits bound what a runaway process, a crypto miner or a request flood can take.',
    remediation: 'Set `resources.limits.cpu` on every container, or a LimitRange default for the namespace.',
    provider: 'kubernetes',
    service: 'resources',
    peers: { checkov: ['CKV_K8S_11'], trivy: ['AVD-KSV-0011'] },
    risk: 'availability',
    uses: ['containerResources'],
    links: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
  },
  kubernetes: resourceCheck('limits', 'cpu'),
  fix: { kubernetes: resourceFix('limits', 'cpu') },
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
            limits:
              cpu: 500m
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
        requests:
          cpu: 500m
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
        requests:
          cpu: 500m
`,
        },
      ],
    },
  },
});
