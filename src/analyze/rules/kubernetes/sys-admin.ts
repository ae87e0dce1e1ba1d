import { defineRule } from '../../rule.js';
import { capabilities } from './capabilities.js';
import { containerCheck, K8S_COMPLIANCE, PSS_LINK } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-005',
    title: 'Containers do not add CAP_SYS_ADMIN',
    problem: 'Container adds the SYS_ADMIN capability',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'SYS_ADMIN is "the new root": it allows mounting filesystems, changing namespaces and many kernel operations. Most ' +
      'container escapes that need a capability need this one.',
    remediation: 'Remove SYS_ADMIN from `securityContext.capabilities.add`; find the narrower capability the process needs.',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_39'], trivy: ['AVD-KSV-0005'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: containerCheck((v, ctx) => {
    const caps = capabilities(v);
    if (caps.add.includes('SYS_ADMIN') || caps.add.includes('ALL')) {
      ctx.report({ at: caps.addEntry!, message: `The ${v.label} adds ${caps.add.includes('ALL') ? 'ALL capabilities, SYS_ADMIN among them' : 'the SYS_ADMIN capability'}.`, part: `${v.container.part}.securityContext.capabilities.add` });
    }
  }),
  noFix: 'Removing SYS_ADMIN from a process that uses it breaks it; which narrower capability replaces it is the owner\'s call.',
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
        capabilities:
          add: ["NET_BIND_SERVICE"]
`,
      ],
      bad: [
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: fuse
spec:
  containers:
    - name: fuse
      image: registry.example.com/fuse:2.1.0
      securityContext:
        capabilities:
          add:
            - SYS_ADMIN
`,
          errors: [{ line: 11 }],
        },
      ],
    },
  },
});
