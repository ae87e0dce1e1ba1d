import { defineRule } from '../../rule.js';
import { entry, get, isMap, itemsOf, text } from '../../../parse/yaml/tree.js';
import { K8S_COMPLIANCE, PSS_LINK, podCheck } from './support.js';

/** The sysctls the baseline Pod Security Standard allows: namespaced, and unable to affect other pods. */
export const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-014',
    title: 'Pods set only safe sysctls',
    problem: 'Pod sets an unsafe sysctl',
    severity: 'medium',
    stride: 'denial-of-service',
    cwe: ['CWE-400'],
    compliance: K8S_COMPLIANCE.isolation,
    description:
      'Sysctls outside the safe set are not fully namespaced: a pod that sets them changes the kernel for every pod on its ' +
      'node, and can starve or destabilise them.',
    remediation: 'Remove the unsafe sysctls, or run the workload on dedicated nodes where the kubelet allows them.',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { trivy: ['AVD-KSV-0026'] },
    risk: 'availability',
    links: [PSS_LINK, 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/'],
  },
  kubernetes: podCheck((object, pod, ctx) => {
    for (const item of itemsOf(get(pod.node, 'securityContext.sysctls'))) {
      const name = isMap(item) ? entry(item, 'name') : undefined;
      const value = text(name?.value);
      if (name && value !== undefined && !SAFE_SYSCTLS.includes(value)) ctx.report({ at: name, message: `${object.label} sets the unsafe sysctl ${value}.`, part: `${pod.path}.securityContext.sysctls[${value}]` });
    }
  }),
  noFix: 'The workload sets the sysctl because it needs the kernel tuned; moving it to dedicated nodes is an operations decision.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.tcp_keepalive_time
        value: "600"
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
  securityContext:
    sysctls:
      - name: net.core.somaxconn
        value: "1024"
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
`,
          errors: [{ line: 8 }],
        },
      ],
    },
  },
});
