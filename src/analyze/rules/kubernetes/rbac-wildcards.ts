import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE } from './support.js';
import { policyRules, ROLE_KINDS } from './rbac.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-RBAC-001',
    title: 'Roles grant named verbs on named resources',
    problem: 'Role grants wildcard verbs or resources',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'A `*` in verbs or resources grants everything, including whatever resource types and verbs are added to the cluster ' +
      'later (custom resources, escalate, impersonate). Least privilege needs the list written out.',
    remediation: 'Replace `*` with the verbs and resources the subject needs.',
    provider: 'kubernetes',
    service: 'rbac',
    peers: { checkov: ['CKV_K8S_49'], trivy: ['AVD-KSV-0044', 'AVD-KSV-0045', 'AVD-KSV-0046'] },
    risk: 'privilege',
    links: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kubernetes: {
    kinds: ROLE_KINDS,
    check(object, ctx) {
      for (const rule of policyRules(object)) {
        const verbs = rule.verbs.includes('*');
        const resources = rule.resources.includes('*');
        if (!verbs && !resources) continue;
        const what = verbs && resources ? 'every verb on every resource' : verbs ? `every verb on ${rule.resources.join(', ')}` : `${rule.verbs.join(', ')} on every resource`;
        ctx.report({ at: (verbs ? rule.verbsEntry : rule.resourcesEntry) ?? rule.node, message: `${object.kind} ${object.label} grants ${what}${rule.apiGroups.includes('*') ? ' of every API group' : ''}.`, part: `rules[${rule.index}]` });
      }
    },
  },
  noFix: 'Which verbs and resources the subjects need is known from what they do, not from the role.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch"]
`,
      ],
      bad: [
        {
          code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: deployer
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["*"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["get", "list"]
`,
          errors: [{ line: 8 }, { line: 10 }],
        },
      ],
    },
  },
});
