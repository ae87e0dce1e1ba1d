import { defineRule } from '../../rule.js';
import { highIdCheck } from './high-ids.js';
import { K8S_COMPLIANCE, PSS_LINK } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-011',
    title: 'Containers run with a GID above 10000',
    problem: 'Container runs with a low GID',
    severity: 'low',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'Ids up to 10000 are where the node keeps its own groups. A container process that escapes with such an id may own ' +
      'files and processes of a real group on the node; a high id owns nothing there.',
    remediation: 'Set `securityContext.runAsGroup` to a value above 10000 (the image must be able to run as it).',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { trivy: ['AVD-KSV-0021'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: highIdCheck('runAsGroup', 'GID'),
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
    runAsGroup: 10001
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
        runAsGroup: 1000
`,
          errors: [{ line: 10 }],
        },
      ],
    },
  },
});
