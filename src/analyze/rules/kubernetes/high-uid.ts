import { defineRule } from '../../rule.js';
import { highIdCheck } from './high-ids.js';
import { K8S_COMPLIANCE, PSS_LINK } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-010',
    title: 'Containers run with a UID above 10000',
    problem: 'Container runs with a low UID',
    severity: 'low',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'Ids up to 10000 are where the node keeps its own users. A container process that escapes with such an id may own ' +
      'files and processes of a real user on the node; a high id owns nothing there.',
    remediation: 'Set `securityContext.runAsUser` to a value above 10000 (the image must be able to run as it).',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_40'], trivy: ['AVD-KSV-0020'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: highIdCheck('runAsUser', 'UID'),
  noFix: 'The image decides which ids it can run as (its files must be readable by them); the id is the owner\'s choice.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
    runAsUser: 10001
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
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
      securityContext:
        runAsUser: 1000
`,
          errors: [{ line: 10 }],
        },
      ],
    },
  },
});
