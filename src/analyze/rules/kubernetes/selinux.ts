import { defineRule } from '../../rule.js';
import { entry, get, getText, type YEntry } from '../../../parse/yaml/tree.js';
import { K8S_COMPLIANCE, PSS_LINK, podCheck } from './support.js';

const ALLOWED_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-013',
    title: 'Pods do not set custom SELinux options',
    problem: 'Pod or container sets a custom SELinux user, role or type',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-693'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'An SELinux type other than the container types, or a custom user or role, can run the container in a domain with more ' +
      'rights than containers get, which the baseline Pod Security Standard forbids.',
    remediation: 'Remove `seLinuxOptions.user` and `role`, and use one of the container types (container_t, container_init_t, container_kvm_t) or none.',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { trivy: ['AVD-KSV-0025'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: podCheck((object, pod, ctx) => {
    const judge = (options: YEntry | undefined, owner: string, part: string) => {
      if (!options) return;
      const type = getText(options.value, 'type');
      for (const field of ['user', 'role'] as const) {
        const set = entry(options.value, field);
        if (set) ctx.report({ at: set, message: `${owner} sets a custom SELinux ${field} (${getText(options.value, field) ?? ''}).`, part: `${part}.${field}` });
      }
      if (type !== undefined && !ALLOWED_TYPES.includes(type)) ctx.report({ at: entry(options.value, 'type')!, message: `${owner} runs under SELinux type ${type}, not a container type.`, part: `${part}.type` });
    };
    judge(entry(get(pod.node, 'securityContext'), 'seLinuxOptions'), object.label, `${pod.path}.securityContext.seLinuxOptions`);
    for (const c of pod.containers) judge(entry(get(c.node, 'securityContext'), 'seLinuxOptions'), `The container "${c.name}" of ${object.label}`, `${c.part}.securityContext.seLinuxOptions`);
  }),
  noFix: 'A custom SELinux context is set for a workload that needs it; only its owner can say what replaces it.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
    seLinuxOptions:
      level: "s0:c123,c456"
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
    seLinuxOptions:
      type: spc_t
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
