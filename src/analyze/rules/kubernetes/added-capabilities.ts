import { defineRule } from '../../rule.js';
import { capabilities } from './capabilities.js';
import { containerCheck, K8S_COMPLIANCE, PSS_LINK } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-012',
    title: 'Containers add no capabilities',
    problem: 'Container adds Linux capabilities',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'Every capability added widens what a compromised process can do to the node. Each addition should be a reviewed ' +
      'exception (NET_BIND_SERVICE for a web server on port 80 is the common one).',
    remediation: 'Remove the entries of `securityContext.capabilities.add`, or suppress this finding with the reason each is needed.',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { trivy: ['AVD-KSV-0022'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: containerCheck((v, ctx) => {
    const caps = capabilities(v);
    if (caps.add.length) ctx.report({ at: caps.addEntry!, message: `The ${v.label} adds capabilities: ${caps.add.join(', ')}.`, part: `${v.container.part}.securityContext.capabilities.add` });
  }),
  noFix: 'A capability is added because something needs it; whether it still does only its owner can tell.',
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
          drop: ["ALL"]
`,
      ],
      bad: [
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: proxy
spec:
  containers:
    - name: proxy
      image: registry.example.com/proxy:3.0.0
      securityContext:
        capabilities:
          add: ["NET_ADMIN", "NET_RAW"]
`,
          errors: [{ line: 11 }],
        },
      ],
    },
  },
});
