import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE, PSS_LINK } from './support.js';
import { hostFlagCheck, hostFlagFix } from './host-namespaces.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-006',
    title: 'Pods do not use the host network',
    problem: 'Pod uses the host network',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-653'],
    compliance: K8S_COMPLIANCE.isolation,
    description:
      "A pod on the host network sees and binds the node's interfaces: it can sniff node traffic, reach services listening on the node's localhost (the kubelet, metadata endpoints), and bypass NetworkPolicies, which do not apply to host-network pods.",
    remediation: 'Remove `hostNetwork: true` from the pod spec (or set it to false).',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_19'], trivy: ['AVD-KSV-0009'] },
    risk: 'exposure',
    links: [PSS_LINK],
  },
  kubernetes: hostFlagCheck('hostNetwork', 'network stack'),
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
      hostNetwork: false
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
      hostNetwork: true # needed for the old exporter
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
      hostNetwork: false # needed for the old exporter
      containers:
        - name: agent
          image: registry.example.com/agent:5.2.0
`,
        },
      ],
    },
  },
});
