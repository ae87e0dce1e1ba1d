// The Kubernetes rules. Each module is one rule; this list is the only place they are named.
import type { Rule } from '../../rule.js';
import addedCapabilities from './added-capabilities.js';
import apparmor from './apparmor.js';
import approvedRegistries from './approved-registries.js';
import automountToken from './automount-token.js';
import clusterAdminBinding from './cluster-admin-binding.js';
import configmapSecrets from './configmap-secrets.js';
import dockerSocket from './docker-socket.js';
import dropCapabilities from './drop-capabilities.js';
import envSecrets from './env-secrets.js';
import highGid from './high-gid.js';
import highUid from './high-uid.js';
import hostIpc from './host-ipc.js';
import hostNetwork from './host-network.js';
import hostPath from './host-path.js';
import hostPid from './host-pid.js';
import hostPort from './host-port.js';
import imageTag from './image-tag.js';
import ingressNginxAnnotations from './ingress-nginx-annotations.js';
import ingressTls from './ingress-tls.js';
import kubeSystem from './kube-system.js';
import limitCpu from './limit-cpu.js';
import limitMemory from './limit-memory.js';
import namespaceNetworkPolicy from './namespace-network-policy.js';
import networkPolicySelector from './network-policy-selector.js';
import privilegeEscalation from './privilege-escalation.js';
import privileged from './privileged.js';
import procMount from './proc-mount.js';
import rbacBroadSubjects from './rbac-broad-subjects.js';
import rbacEscalationVerbs from './rbac-escalation-verbs.js';
import rbacPodExec from './rbac-pod-exec.js';
import rbacSecrets from './rbac-secrets.js';
import rbacWildcards from './rbac-wildcards.js';
import readOnlyRoot from './read-only-root.js';
import requestCpu from './request-cpu.js';
import requestMemory from './request-memory.js';
import runAsNonRoot from './run-as-non-root.js';
import seccomp from './seccomp.js';
import selinux from './selinux.js';
import serviceDataPorts from './service-data-ports.js';
import sysAdmin from './sys-admin.js';
import sysctls from './sysctls.js';
import tiller from './tiller.js';
import volumeTypes from './volume-types.js';

export const kubernetesRules: Rule[] = [
  addedCapabilities,
  apparmor,
  approvedRegistries,
  automountToken,
  clusterAdminBinding,
  configmapSecrets,
  dockerSocket,
  dropCapabilities,
  envSecrets,
  highGid,
  highUid,
  hostIpc,
  hostNetwork,
  hostPath,
  hostPid,
  hostPort,
  imageTag,
  ingressNginxAnnotations,
  ingressTls,
  kubeSystem,
  limitCpu,
  limitMemory,
  namespaceNetworkPolicy,
  networkPolicySelector,
  privilegeEscalation,
  privileged,
  procMount,
  rbacBroadSubjects,
  rbacEscalationVerbs,
  rbacPodExec,
  rbacSecrets,
  rbacWildcards,
  readOnlyRoot,
  requestCpu,
  requestMemory,
  runAsNonRoot,
  seccomp,
  selinux,
  serviceDataPorts,
  sysAdmin,
  sysctls,
  tiller,
  volumeTypes,
];
