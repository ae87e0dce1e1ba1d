import { defineRule } from '../../rule.js';
import { entry, getText } from '../../../parse/yaml/tree.js';
import { K8S_COMPLIANCE } from './support.js';
import { BINDING_KINDS, subjectsOf } from './rbac.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-RBAC-002',
    title: 'Nothing is bound to cluster-admin',
    problem: 'Subject bound to cluster-admin',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'cluster-admin can do anything to anything in the cluster. A service account bound to it turns any compromise of its ' +
      'pods into a cluster compromise; a person or group bound to it bypasses every review the RBAC design has.',
    remediation: 'Bind a role that grants what the subject needs instead; keep cluster-admin for break-glass access.',
    provider: 'kubernetes',
    service: 'rbac',
    peers: { checkov: [], trivy: [] },
    risk: 'privilege',
  },
  kubernetes: {
    kinds: BINDING_KINDS,
    check(object, ctx) {
      if (getText(object.node, 'roleRef.name') !== 'cluster-admin') return;
      // The cluster's own bootstrap bindings (system:masters and friends) are how Kubernetes ships.
      const subjects = subjectsOf(object).filter((s) => !s.name.startsWith('system:'));
      if (!subjects.length) return;
      ctx.report({ at: entry(object.node, 'roleRef'), message: `${object.kind} ${object.label} gives cluster-admin to ${subjects.map((s) => `${s.kind} ${s.name}`).join(', ')}.`, part: 'roleRef' });
    },
  },
  noFix: 'The subject does something that needs rights; which role covers it is a design decision.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci-deployer
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: deployer
subjects:
  - kind: ServiceAccount
    name: ci
    namespace: shop
`,
      ],
      bad: [
        {
          code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: ci
    namespace: shop
`,
          errors: [{ line: 5 }],
        },
      ],
    },
  },
});
