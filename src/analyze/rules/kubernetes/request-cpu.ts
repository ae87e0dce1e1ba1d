import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE } from './support.js';
import { resourceCheck, resourceFix } from './resources.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-RES-003',
    title: 'Containers request CPU',
    problem: 'Container without a CPU request',
    severity: 'low',
    stride: 'denial-of-service',
    cwe: ['CWE-770'],
    compliance: K8S_COMPLIANCE.capacity,
    description:
      'The scheduler places pods by their requests. Without a CPU request a pod lands on nodes that cannot serve it under load, and is the first to starve, which turns load into outages.',
    remediation: 'Set `resources.requests.cpu` on every container, or a LimitRange default for the namespace.',
    provider: 'kubernetes',
    service: 'resources',
    peers: { checkov: ['CKV_K8S_10'], trivy: ['AVD-KSV-0015'] },
    risk: 'availability',
    uses: ['containerResources'],
    links: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
  },
  kubernetes: resourceCheck('requests', 'cpu'),
  fix: { kubernetes: resourceFix('requests', 'cpu') },
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
              cpu: 250m
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
          cpu: 250m
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
          cpu: 250m
`,
        },
      ],
    },
  },
});
