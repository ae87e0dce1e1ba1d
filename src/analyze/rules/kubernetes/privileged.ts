import { defineRule } from '../../rule.js';
import { entry, get, isTrue } from '../../../parse/yaml/tree.js';
import { containerCheck, K8S_COMPLIANCE, PSS_LINK } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-002',
    title: 'Containers are not privileged',
    problem: 'Privileged container',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'A privileged container has every capability and every device of the node, and no seccomp or AppArmor confinement: ' +
      'root in it is root on the node. Escaping takes one mount command.',
    remediation: 'Remove `privileged: true`; grant the specific capabilities or devices the container needs instead.',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_16'], trivy: ['AVD-KSV-0017'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: containerCheck((v, ctx) => {
    const flag = entry(get(v.container.node, 'securityContext'), 'privileged');
    if (flag && isTrue(flag.value)) ctx.report({ at: flag, message: `The ${v.label} is privileged: it has every capability and device of the node.`, part: `${v.container.part}.securityContext.privileged` });
  }),
  noFix: 'A privileged container usually needs some of what it gets (a device, a capability); which part only its owner knows, and dropping it all may stop it working.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
      securityContext:
        privileged: false
`,
      ],
      bad: [
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
      securityContext:
        privileged: true
`,
          errors: [{ line: 10 }],
        },
      ],
    },
  },
});
