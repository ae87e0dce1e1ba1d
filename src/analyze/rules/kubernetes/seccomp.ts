import { defineRule } from '../../rule.js';
import { entry, get, getText, text } from '../../../parse/yaml/tree.js';
import type { YamlFixContext } from '../../fix.js';
import { containerCheck, containerFixData, effectiveSetting, K8S_COMPLIANCE, PSS_LINK, securityAnchor, setContainerField, type ContainerFixData } from './support.js';

const CONFINED = ['RuntimeDefault', 'Localhost'];
const LEGACY_CONFINED = /^(runtime\/default|docker\/default|localhost\/.+)$/;

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-016',
    title: 'Containers run under the RuntimeDefault (or a local) seccomp profile',
    problem: 'Container runs without a seccomp profile',
    severity: 'low',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-693'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'Kubernetes runs containers Unconfined by default: every system call of the node kernel is open to them, including ' +
      'the rarely used ones most kernel exploits go through. The runtime\'s default profile blocks those and breaks almost nothing.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod or each container (or `Localhost` with a reviewed profile).',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_31'], trivy: ['AVD-KSV-0030'] },
    risk: 'privilege',
    links: [PSS_LINK, 'https://kubernetes.io/docs/tutorials/security/seccomp/'],
  },
  kubernetes: containerCheck((v, ctx) => {
    const setting = effectiveSetting(v, 'seccompProfile');
    const type = getText(setting?.entry.value, 'type');
    if (type !== undefined && CONFINED.includes(type)) return;
    if (!setting) {
      const annotations = get(v.pod.metadata, 'annotations');
      const legacy = text(entry(annotations, `container.seccomp.security.alpha.kubernetes.io/${v.container.name}`)?.value) ?? text(entry(annotations, 'seccomp.security.alpha.kubernetes.io/pod')?.value);
      if (legacy && LEGACY_CONFINED.test(legacy)) return;
    }
    ctx.report({
      at: setting ? (entry(setting.entry.value, 'type') ?? setting.entry) : securityAnchor(v.container),
      message: type ? `The ${v.label} runs under seccomp profile type ${type}, not RuntimeDefault or Localhost.` : `The ${v.label} sets no seccomp profile, so it runs Unconfined.`,
      part: `${v.container.part}.securityContext.seccompProfile`,
      ...(setting ? {} : { fixData: containerFixData(v) }),
    });
  }),
  fix: {
    kubernetes: (ctx: YamlFixContext<ContainerFixData>) => setContainerField(ctx, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault', 'Sets securityContext.seccompProfile.type: RuntimeDefault'),
  },
  examples: {
    kubernetes: {
      good: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      securityContext:
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: api
          image: registry.example.com/api:2.0.0
`,
      ],
      bad: [
        {
          code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.0.0
          securityContext:
            runAsNonRoot: true
`,
          errors: [{ line: 11 }],
          output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.0.0
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
`,
        },
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: tool
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
  containers:
    - name: tool
      image: registry.example.com/tool:1.0.0
`,
          errors: [{ line: 8 }],
          output: null,
        },
      ],
    },
  },
});
