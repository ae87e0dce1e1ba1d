import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE, PSS_LINK } from './support.js';
import { hostFlagCheck, hostFlagFix } from './host-namespaces.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-008',
    title: 'Pods do not share the host IPC namespace',
    problem: 'Pod shares the host IPC namespace',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-653'],
    compliance: K8S_COMPLIANCE.isolation,
    description:
      'With the host IPC namespace a container reads and writes the shared memory and message queues of processes on the node, outside its own pod.',
    remediation: 'Remove `hostIPC: true` from the pod spec (or set it to false).',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_18'], trivy: ['AVD-KSV-0008'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: hostFlagCheck('hostIPC', 'IPC namespace'),
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
      hostIPC: false
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
      hostIPC: true # needed for the old exporter
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
      hostIPC: false # needed for the old exporter
      containers:
        - name: agent
          image: registry.example.com/agent:5.2.0
`,
        },
      ],
    },
  },
});
