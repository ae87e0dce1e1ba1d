import { defineRule } from '../../rule.js';
import { entry, isTrue } from '../../../parse/yaml/tree.js';
import { K8S_COMPLIANCE, podCheck } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-018',
    title: 'Pods do not ask for a service account token they may not need',
    problem: 'Pod explicitly mounts its service account token',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'A mounted service account token lets anyone with code execution in the pod call the Kubernetes API with the service ' +
      'account\'s rights. Setting `automountServiceAccountToken: true` on the pod forces the mount even where the service ' +
      'account turns it off; most application pods never call the API.',
    remediation: 'Set `automountServiceAccountToken: false` unless the pod calls the Kubernetes API.',
    provider: 'kubernetes',
    service: 'service-accounts',
    peers: { checkov: ['CKV_K8S_38'], trivy: ['AVD-KSV-0036'] },
    risk: 'privilege',
    links: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting'],
  },
  kubernetes: podCheck((object, pod, ctx) => {
    const flag = entry(pod.node, 'automountServiceAccountToken');
    if (flag && isTrue(flag.value)) ctx.report({ at: flag, message: `${object.label} sets automountServiceAccountToken: true, mounting an API token into every container.`, part: `${pod.path}.automountServiceAccountToken` });
  }),
  noFix: 'A pod that asks for its token explicitly probably calls the Kubernetes API; turning the token off would stop it.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  automountServiceAccountToken: false
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
spec:
  automountServiceAccountToken: true
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
`,
          errors: [{ line: 6 }],
        },
      ],
    },
  },
});
