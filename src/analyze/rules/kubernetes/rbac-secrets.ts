import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE } from './support.js';
import { bindingIndex, bindingsOf, BROAD_SUBJECTS, grants, policyRules, ROLE_KINDS, subjectsOf } from './rbac.js';

const BINDINGS = Symbol('bindings by role');

export default defineRule({
  meta: {
    id: 'BW-K8S-RBAC-003',
    title: 'Roles that read Secrets are narrow',
    problem: 'Role can read every Secret',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-200'],
    compliance: [...K8S_COMPLIANCE.leastPrivilege, ...K8S_COMPLIANCE.secrets],
    description:
      'get, list or watch on secrets without resourceNames reads every Secret of the namespace (of the cluster, for a ' +
      'ClusterRole): database passwords, API keys and service account tokens, which then give further access. `list` ' +
      'and `watch` return the values too.',
    remediation: 'Limit the rule to the Secrets needed with `resourceNames`, or mount those Secrets into the pod instead of reading them through the API.',
    provider: 'kubernetes',
    service: 'rbac',
    peers: { trivy: ['AVD-KSV-0041'] },
    risk: 'credentials',
  },
  kubernetes: {
    kinds: ROLE_KINDS,
    check(object, ctx) {
      for (const rule of policyRules(object)) {
        if (!grants(rule, ['get', 'list', 'watch'], 'secrets') || rule.node.entries.some((e) => e.key === 'resourceNames')) continue;
        const broad = bindingsOf(object, ctx.memo(BINDINGS, () => bindingIndex(ctx.objects))).flatMap((b) => subjectsOf(b)).filter((s) => BROAD_SUBJECTS.includes(s.name) || s.name.startsWith('system:serviceaccounts'));
        const scope = object.kind === 'ClusterRole' ? 'every Secret of the cluster' : `every Secret of namespace ${object.namespace ?? '(the one it is applied to)'}`;
        const to = broad.length ? `, and is bound to ${broad.map((s) => s.name).join(', ')}` : '';
        ctx.report({ at: rule.resourcesEntry ?? rule.node, message: `${object.kind} ${object.label} can read ${scope} (${rule.verbs.join(', ')})${to}.`, part: `rules[${rule.index}]` });
      }
    },
  },
  noFix: 'Which Secrets the subject needs (resourceNames) is known from what it does.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: tls-reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    resourceNames: ["shop-tls"]
    verbs: ["get"]
`,
      ],
      bad: [
        {
          code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: secret-reader
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: everyone-reads-secrets
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: secret-reader
subjects:
  - kind: Group
    name: system:authenticated
    apiGroup: rbac.authorization.k8s.io
`,
          errors: [{ line: 7 }],
        },
      ],
    },
  },
});
