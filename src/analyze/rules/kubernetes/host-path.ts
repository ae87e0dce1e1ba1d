import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE, PSS_LINK, podCheck } from './support.js';
import { hostPathOf, volumesOf } from './volumes.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-VOL-002',
    title: 'Pods do not mount directories of their node',
    problem: 'Pod mounts a hostPath volume',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-668'],
    compliance: K8S_COMPLIANCE.isolation,
    description:
      'A hostPath volume exposes a file or directory of the node to the pod. Read access leaks other pods\' data and the ' +
      'node\'s credentials; write access (to /etc, /var/lib/kubelet, /root) is a path to owning the node.',
    remediation: 'Use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim instead; if a node agent truly needs the path, mount it read-only and suppress with the reason.',
    provider: 'kubernetes',
    service: 'volumes',
    peers: { trivy: ['AVD-KSV-0023'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: podCheck((object, pod, ctx) => {
    for (const volume of volumesOf(pod)) {
      if (volume.type !== 'hostPath') continue;
      ctx.report({ at: volume.source!, message: `${object.label} mounts ${hostPathOf(volume) ?? 'a path'} of its node (hostPath volume ${volume.name}).`, part: `${pod.path}.volumes[${volume.name}]` });
    }
  }),
  noFix: 'What the pod reads or writes on the node decides what can replace the hostPath volume.',
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
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: app-data
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
  volumes:
    - name: logs
      hostPath:
        path: /var/log
`,
          errors: [{ line: 11 }],
        },
      ],
    },
  },
});
