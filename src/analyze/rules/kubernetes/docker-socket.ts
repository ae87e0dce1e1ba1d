import { defineRule } from '../../rule.js';
import { entry } from '../../../parse/yaml/tree.js';
import { K8S_COMPLIANCE, podCheck } from './support.js';
import { hostPathOf, volumesOf } from './volumes.js';

/** Container runtime sockets: whoever can write to one runs containers as root on the node. */
export const RUNTIME_SOCKET = /(^|\/)(docker|containerd|crio|cri-dockerd|podman)\.sock$|^\/var\/run\/docker$|^\/run\/containerd\/?$/;

export default defineRule({
  meta: {
    id: 'BW-K8S-VOL-001',
    title: 'Pods do not mount the container runtime socket',
    problem: 'Pod mounts the container runtime socket',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'The Docker (or containerd, CRI-O) socket is the runtime\'s API. A process that can write to it starts a privileged ' +
      'container with the node\'s root filesystem mounted: root on the node, in one request.',
    remediation: 'Remove the hostPath volume of the socket; use the Kubernetes API, or a rootless build tool (kaniko, buildkit rootless) instead.',
    provider: 'kubernetes',
    service: 'volumes',
    peers: { trivy: ['AVD-KSV-0006'] },
    risk: 'privilege',
  },
  kubernetes: podCheck((object, pod, ctx) => {
    for (const volume of volumesOf(pod)) {
      const path = hostPathOf(volume);
      if (path && RUNTIME_SOCKET.test(path.replace(/\/+$/, ''))) {
        ctx.report({ at: entry(volume.source?.value, 'path') ?? volume.node, message: `${object.label} mounts the container runtime socket ${path} (volume ${volume.name}).`, part: `${pod.path}.volumes[${volume.name}]` });
      }
    }
  }),
  noFix: 'Whatever uses the socket (a CI runner, a monitoring agent) stops working without it; its replacement is a design decision.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: kaniko
      image: gcr.io/kaniko-project/executor:v1.23.2
      volumeMounts:
        - name: workspace
          mountPath: /workspace
  volumes:
    - name: workspace
      emptyDir: {}
`,
      ],
      bad: [
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: docker
      image: docker:27.3-cli
      volumeMounts:
        - name: docker-sock
          mountPath: /var/run/docker.sock
  volumes:
    - name: docker-sock
      hostPath:
        path: /var/run/docker.sock
        type: Socket
`,
          errors: [{ line: 15 }],
        },
      ],
    },
  },
});
