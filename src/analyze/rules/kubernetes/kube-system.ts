import { defineRule } from '../../rule.js';
import { entry, get } from '../../../parse/yaml/tree.js';
import { K8S_COMPLIANCE, WORKLOAD_KINDS } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-019',
    title: 'Workloads are not deployed into kube-system',
    problem: 'Workload deployed into the kube-system namespace',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-668'],
    compliance: K8S_COMPLIANCE.isolation,
    description:
      'kube-system holds the cluster\'s own components and their highly privileged service accounts and secrets. An ' +
      'application there shares that namespace\'s RBAC and escapes the policies applied to user namespaces.',
    remediation: 'Deploy the workload into a namespace of its own.',
    provider: 'kubernetes',
    service: 'namespaces',
    peers: { trivy: ['AVD-KSV-0037'] },
    risk: 'privilege',
  },
  kubernetes: {
    kinds: WORKLOAD_KINDS,
    check(object, ctx) {
      if (object.namespace !== 'kube-system') return;
      ctx.report({ at: entry(get(object.node, 'metadata'), 'namespace'), message: `${object.label} is deployed into kube-system.`, part: 'metadata.namespace' });
    },
  },
  noFix: 'Moving a workload to another namespace moves its Services, Secrets and RBAC too; that is a migration.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: shop
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
`,
      ],
      bad: [
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: kube-system
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
`,
          errors: [{ line: 5 }],
        },
      ],
    },
  },
});
