import { defineRule } from '../../rule.js';
import { K8S_COMPLIANCE, PSS_LINK, podCheck } from './support.js';
import { volumesOf } from './volumes.js';

/** The volume types the restricted Pod Security Standard allows (hostPath has a rule of its own). */
const CORE_TYPES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret', 'hostPath', ''];

export default defineRule({
  meta: {
    id: 'BW-K8S-VOL-003',
    title: 'Pods use only core volume types',
    problem: 'Pod uses a volume type outside the restricted set',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-668'],
    compliance: K8S_COMPLIANCE.configuration,
    description:
      'In-tree volume plugins (nfs, iscsi, rbd, scaleIO, flexVolume, ...) are mounted by the node with the node\'s rights and ' +
      'credentials written into the pod spec. The restricted Pod Security Standard allows only volumes whose access ' +
      'Kubernetes mediates: configMap, secret, emptyDir, projected, downwardAPI, persistentVolumeClaim, ephemeral and csi.',
    remediation: 'Provision the storage through a PersistentVolume and claim it with a persistentVolumeClaim.',
    provider: 'kubernetes',
    service: 'volumes',
    peers: { trivy: ['AVD-KSV-0028'] },
    risk: 'protection',
    links: [PSS_LINK],
  },
  kubernetes: podCheck((object, pod, ctx) => {
    for (const volume of volumesOf(pod)) {
      if (!CORE_TYPES.includes(volume.type)) ctx.report({ at: volume.source!, message: `${object.label} mounts volume ${volume.name} of type ${volume.type}, outside the restricted set.`, part: `${pod.path}.volumes[${volume.name}]` });
    }
  }),
  noFix: 'Moving storage behind a PersistentVolumeClaim needs a PersistentVolume or a storage class that the cluster provides.',
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
    - name: config
      configMap:
        name: app-config
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
    - name: shared
      nfs:
        server: nfs.example.com
        path: /exports/shared
`,
          errors: [{ line: 11 }],
        },
      ],
    },
  },
});
