import { defineRule } from '../../rule.js';
import { getText } from '../../../parse/yaml/tree.js';
import { K8S_COMPLIANCE } from './support.js';
import { BINDING_KINDS, BROAD_SUBJECTS, subjectsOf } from './rbac.js';

/** Roles Kubernetes itself binds to everyone (discovery, public info). */
const SAFE_FOR_EVERYONE = ['system:basic-user', 'system:discovery', 'system:public-info-viewer'];

export default defineRule({
  meta: {
    id: 'BW-K8S-RBAC-006',
    title: 'Roles are not bound to anonymous or every authenticated user',
    problem: 'Role bound to anonymous users or to everyone',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-284'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'system:anonymous and system:unauthenticated are requests without credentials; system:authenticated is every user and ' +
      'service account, including any identity a cloud provider lets authenticate. A role bound to them is granted to the ' +
      'whole world, or close to it.',
    remediation: 'Bind the role to the specific users, groups or service accounts that need it.',
    provider: 'kubernetes',
    service: 'rbac',
    peers: {},
    risk: 'privilege',
  },
  kubernetes: {
    kinds: BINDING_KINDS,
    check(object, ctx) {
      const role = getText(object.node, 'roleRef.name') ?? '';
      if (SAFE_FOR_EVERYONE.includes(role)) return;
      for (const subject of subjectsOf(object)) {
        if (BROAD_SUBJECTS.includes(subject.name)) ctx.report({ at: subject.node, message: `${object.kind} ${object.label} gives ${role} to ${subject.name}.`, part: `subjects[${subject.name}]` });
      }
    },
  },
  noFix: 'Who should get the role instead is an access decision.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: viewers
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: Group
    name: shop-team
    apiGroup: rbac.authorization.k8s.io
`,
      ],
      bad: [
        {
          code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: open-view
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: Group
    name: system:unauthenticated
    apiGroup: rbac.authorization.k8s.io
`,
          errors: [{ line: 10 }],
        },
      ],
    },
  },
});
