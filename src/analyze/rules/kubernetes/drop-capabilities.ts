import { defineRule } from '../../rule.js';
import { capabilities } from './capabilities.js';
import { containerCheck, K8S_COMPLIANCE, PSS_LINK, securityAnchor } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-004',
    title: 'Containers drop all Linux capabilities',
    problem: 'Container keeps the default Linux capabilities',
    severity: 'low',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'Container runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, FOWNER, NET_RAW, SETUID, ...). NET_RAW ' +
      'alone lets a compromised container spoof traffic on the node network. Dropping ALL and adding back only what is needed ' +
      'is what the restricted Pod Security Standard requires.',
    remediation: 'Set `securityContext.capabilities.drop: ["ALL"]`, and add back only the capabilities the process needs (usually none, or NET_BIND_SERVICE).',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_28', 'CKV_K8S_37'], trivy: ['AVD-KSV-0003'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: containerCheck((v, ctx) => {
    const caps = capabilities(v);
    if (caps.drop.includes('ALL')) return;
    ctx.report({
      at: caps.dropEntry ?? caps.caps ?? securityAnchor(v.container),
      message: `The ${v.label} does not drop all capabilities (capabilities.drop does not hold ALL).`,
      part: `${v.container.part}.securityContext.capabilities.drop`,
    });
  }),
  noFix: 'Which capabilities a process needs back after dropping ALL is known only by running it; dropping them blindly can stop it (binding port 80 as root, changing file owners).',
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
          add: ["NET_BIND_SERVICE"]
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
        capabilities:
          drop: ["NET_RAW"]
`,
          errors: [{ line: 11 }],
        },
      ],
    },
  },
});
