import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE } from './support.js';
import { policyRules, ROLE_KINDS } from './rbac.js';

const ESCALATING = ['escalate', 'bind', 'impersonate'];

export default defineRule({
  meta: {
    id: 'BW-K8S-RBAC-005',
    title: 'Roles do not grant escalate, bind or impersonate',
    problem: 'Role grants escalate, bind or impersonate',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      '`escalate` lets a subject write roles with rights it does not have, `bind` lets it bind any role to itself, and ' +
      '`impersonate` lets it act as other users, groups or service accounts: each is a direct path to cluster-admin.',
    remediation: 'Remove these verbs; controllers that truly need them should be reviewed and suppressed with the reason.',
    provider: 'kubernetes',
    service: 'rbac',
    peers: {},
    risk: 'privilege',
    links: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb'],
  },
  kubernetes: {
    kinds: ROLE_KINDS,
    check(object, ctx) {
      for (const rule of policyRules(object)) {
        const verbs = ESCALATING.filter((v) => rule.verbs.includes(v));
        if (verbs.length) ctx.report({ at: rule.verbsEntry ?? rule.node, message: `${object.kind} ${object.label} grants ${verbs.join(', ')} on ${rule.resources.join(', ') || 'no resources'}.`, part: `rules[${rule.index}]` });
      }
    },
  },
  noFix: 'A controller or person holding these verbs may need them; removing them is an access decision.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: viewer
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "rolebindings"]
    verbs: ["get", "list"]
`,
      ],
      bad: [
        {
          code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: platform-bot
rules:
  - apiGroups: [""]
    resources: ["users", "groups", "serviceaccounts"]
    verbs: ["impersonate"]
`,
          errors: [{ line: 8 }],
        },
      ],
    },
  },
});
