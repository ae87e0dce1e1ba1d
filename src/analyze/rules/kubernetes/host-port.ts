import { defineRule } from '../../rule.js';
import { entry, isMap, itemsOf, numberOf } from '../../../parse/yaml/tree.js';
import { containerCheck, K8S_COMPLIANCE, PSS_LINK } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-NET-001',
    title: 'Containers do not bind host ports',
    problem: 'Container binds a port of its node',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-668'],
    compliance: K8S_COMPLIANCE.isolation,
    description:
      'A hostPort opens the port on the node itself, outside Services and NetworkPolicies, to anything that can reach the ' +
      'node, and ties the pod to nodes where that port is free.',
    remediation: 'Remove `hostPort` and expose the container through a Service.',
    provider: 'kubernetes',
    service: 'network',
    peers: { checkov: ['CKV_K8S_26'], trivy: ['AVD-KSV-0024'] },
    risk: 'exposure',
    links: [PSS_LINK],
  },
  kubernetes: containerCheck((v, ctx) => {
    for (const port of itemsOf(entry(v.container.node, 'ports')?.value)) {
      const hostPort = isMap(port) ? entry(port, 'hostPort') : undefined;
      const number = numberOf(hostPort?.value);
      if (hostPort && number !== 0) ctx.report({ at: hostPort, message: `The ${v.label} binds port ${number ?? '?'} of its node (hostPort).`, part: `${v.container.part}.ports[${number}]` });
    }
  }),
  noFix: 'Something reaches the pod through that node port today; moving it behind a Service changes how clients connect.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example.com/web:1.0.0
      ports:
        - containerPort: 8080
`,
      ],
      bad: [
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example.com/web:1.0.0
      ports:
        - containerPort: 8080
          hostPort: 80
`,
          errors: [{ line: 11 }],
        },
      ],
    },
  },
});
