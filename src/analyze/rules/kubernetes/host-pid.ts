import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE, PSS_LINK } from './support.js';
import { hostFlagCheck, hostFlagFix } from './host-namespaces.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-007',
    title: 'Pods do not share the host process namespace',
    problem: 'Pod shares the host PID namespace',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-653'],
    compliance: K8S_COMPLIANCE.isolation,
    description:
      'With the host PID namespace a container sees every process on the node, reads their environment and command lines (secrets included), and with enough privilege attaches to them or kills them.',
    remediation: 'Remove `hostPID: true` from the pod spec (or set it to false).',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_17'], trivy: ['AVD-KSV-0010'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: hostFlagCheck('hostPID', 'process namespace'),
  fix: { kubernetes: hostFlagFix },
  examples: {
    kubernetes: {
      good: [
        `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: monitoring
spec:
  template:
    spec:
      hostPID: false
      containers:
        - name: agent
          image: registry.example.com/agent:5.2.0
`,
      ],
      bad: [
        {
          code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: monitoring
spec:
  template:
    spec:
      hostPID: true # needed for the old exporter
      containers:
        - name: agent
          image: registry.example.com/agent:5.2.0
`,
          errors: [{ line: 9 }],
          output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: monitoring
spec:
  template:
    spec:
      hostPID: false # needed for the old exporter
      containers:
        - name: agent
          image: registry.example.com/agent:5.2.0
`,
        },
      ],
    },
  },
});
