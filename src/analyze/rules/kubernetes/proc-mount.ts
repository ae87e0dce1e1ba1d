import { defineRule } from '../../rule.js';
import { entry, get, text } from '../../../parse/yaml/tree.js';
import { containerCheck, K8S_COMPLIANCE, PSS_LINK } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-015',
    title: 'Containers keep the default /proc masks',
    problem: 'Container unmasks /proc',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description: 'The runtime masks parts of /proc that expose the node kernel. `procMount: Unmasked` removes those masks, which helps escapes.',
    remediation: 'Remove `securityContext.procMount` or set it to `Default`.',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { trivy: ['AVD-KSV-0027'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: containerCheck((v, ctx) => {
    const mount = entry(get(v.container.node, 'securityContext'), 'procMount');
    const value = text(mount?.value);
    if (mount && value !== undefined && value !== 'Default') ctx.report({ at: mount, message: `The ${v.label} sets procMount: ${value}, removing the masks on /proc.`, part: `${v.container.part}.securityContext.procMount` });
  }),
  noFix: 'Unmasking /proc is done for nested containers or debugging tools that need it; removing it may stop them.',
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
        procMount: Default
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
        procMount: Unmasked
`,
          errors: [{ line: 10 }],
        },
      ],
    },
  },
});
