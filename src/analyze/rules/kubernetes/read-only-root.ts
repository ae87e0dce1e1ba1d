import { defineRule } from '../../rule.js';
import { entry, get, isTrue } from '../../../parse/yaml/tree.js';
import { containerCheck, K8S_COMPLIANCE, securityAnchor } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-009',
    title: 'Containers have a read-only root filesystem',
    problem: 'Container root filesystem is writable',
    severity: 'high',
    stride: 'tampering',
    cwe: ['CWE-732'],
    compliance: K8S_COMPLIANCE.configuration,
    description:
      'A writable root filesystem lets an attacker who gets code execution drop tools, change binaries and persist for the ' +
      'life of the container. With a read-only root, writes go only to the volumes mounted for them.',
    remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` volume where the process must write (/tmp, caches).',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_22'], trivy: ['AVD-KSV-0014'] },
    risk: 'protection',
  },
  kubernetes: containerCheck((v, ctx) => {
    const flag = entry(get(v.container.node, 'securityContext'), 'readOnlyRootFilesystem');
    if (flag && isTrue(flag.value)) return;
    ctx.report({
      at: flag ?? securityAnchor(v.container),
      message: `The ${v.label} has a writable root filesystem (readOnlyRootFilesystem is not true).`,
      part: `${v.container.part}.securityContext.readOnlyRootFilesystem`,
    });
  }),
  noFix: 'Most processes write somewhere (/tmp, a cache, a pid file); making the root read-only without mounting a volume there stops them, and where is known only by running them.',
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
        readOnlyRootFilesystem: true
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir: {}
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
`,
          errors: [{ line: 7 }],
        },
      ],
    },
  },
});
