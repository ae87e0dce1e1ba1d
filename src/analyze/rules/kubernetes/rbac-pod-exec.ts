import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE } from './support.js';
import { grants, policyRules, ROLE_KINDS } from './rbac.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-RBAC-004',
    title: 'Roles do not grant exec or attach into pods',
    problem: 'Role can exec into pods',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'create on pods/exec (or pods/attach) runs commands inside any pod the role reaches, with that pod\'s service ' +
      'account, secrets and network position: every workload in scope is one command away.',
    remediation: 'Remove pods/exec and pods/attach from roles that do not strictly need them; grant them for break-glass access only.',
    provider: 'kubernetes',
    service: 'rbac',
    peers: { trivy: ['AVD-KSV-0053'] },
    risk: 'privilege',
  },
  kubernetes: {
    kinds: ROLE_KINDS,
    check(object, ctx) {
      for (const rule of policyRules(object)) {
        const sub = ['pods/exec', 'pods/attach'].find((r) => grants(rule, ['create', 'get'], r));
        if (sub && !rule.resources.includes('*')) ctx.report({ at: rule.resourcesEntry ?? rule.node, message: `${object.kind} ${object.label} can run commands in pods (${sub}).`, part: `rules[${rule.index}]` });
      }
    },
  },
  noFix: 'Exec access is granted to someone who uses it; taking it away is an access decision.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: log-reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list"]
`,
      ],
      bad: [
        {
          code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: debugger
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/exec"]
    verbs: ["get", "create"]
`,
          errors: [{ line: 8 }],
        },
      ],
    },
  },
});
