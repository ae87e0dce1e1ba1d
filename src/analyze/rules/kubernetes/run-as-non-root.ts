import { defineRule } from '../../rule.js';
import { isTrue, numberOf } from '../../../parse/yaml/tree.js';
import { containerCheck, containerFixData, effectiveSetting, K8S_COMPLIANCE, PSS_LINK, securityAnchor, setContainerField, type ContainerFixData } from './support.js';
import type { YamlFixContext } from '../../fix.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-001',
    title: 'Containers run as a non-root user',
    problem: 'Container may run as root',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'A container runs as the user its image names, which is root unless the image says otherwise. Root in a container is ' +
      'root on the node as far as the kernel is concerned: one container escape or a writable host mount away from the node ' +
      'and every pod on it. `runAsNonRoot: true` makes the kubelet refuse to start the container as UID 0.',
    remediation: 'Set `securityContext.runAsNonRoot: true` on the container (or the pod), and `runAsUser` to a non-zero UID if the image does not set one.',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_23'], trivy: ['AVD-KSV-0012'] },
    risk: 'privilege',
    uses: ['runAsUser'],
    links: [PSS_LINK, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
  },
  kubernetes: containerCheck((v, ctx) => {
    const nonRoot = effectiveSetting(v, 'runAsNonRoot');
    const user = effectiveSetting(v, 'runAsUser');
    const uid = numberOf(user?.entry.value);
    if (uid === 0) {
      ctx.report({ at: user!.entry, message: `The ${v.label} runs as root (runAsUser: 0).`, part: `${v.container.part}.securityContext.runAsUser`, fixData: { ...containerFixData(v), explicitRoot: true } });
      return;
    }
    if ((nonRoot && isTrue(nonRoot.entry.value)) || (uid !== undefined && uid > 0)) return;
    ctx.report({
      at: nonRoot?.entry ?? securityAnchor(v.container),
      message: nonRoot
        ? `The ${v.label} sets runAsNonRoot to ${String((nonRoot.entry.value as { value?: unknown }).value)}: it may run as root.`
        : `The ${v.label} may run as root: neither it nor its pod sets runAsNonRoot: true or a non-zero runAsUser.`,
      part: `${v.container.part}.securityContext.runAsNonRoot`,
      fixData: containerFixData(v),
    });
  }),
  fix: {
    kubernetes: (ctx: YamlFixContext<ContainerFixData & { explicitRoot?: boolean }>) => {
      if (ctx.data.explicitRoot) return { declined: 'runAsUser: 0 was chosen on purpose; pick a non-root UID the image can run as (its files must be readable by it)' };
      const uid = ctx.defaults.runAsUser;
      const set = setContainerField(ctx, ['securityContext', 'runAsNonRoot'], 'true', 'Sets securityContext.runAsNonRoot: true');
      if (uid === undefined || !('edits' in set)) return set;
      const withUser = setContainerField(ctx, ['securityContext', 'runAsUser'], String(uid), `Sets runAsUser: ${uid}`);
      if (!('edits' in withUser)) return set;
      return { kind: 'automatic', description: `Sets securityContext.runAsNonRoot: true and runAsUser: ${uid} on ${ctx.data.label}.`, edits: [...set.edits, ...withUser.edits] };
    },
  },
  examples: {
    kubernetes: {
      good: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: web
          image: registry.example.com/web:1.4.2
`,
        `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
    - name: worker
      image: registry.example.com/worker:2.0.1
      securityContext:
        runAsUser: 10001
`,
      ],
      bad: [
        {
          code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.4.2
          ports:
            - containerPort: 8080
`,
          errors: [{ line: 9 }],
          output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.4.2
          ports:
            - containerPort: 8080
          securityContext:
            runAsNonRoot: true
`,
        },
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: registry.example.com/tools:3.1
      securityContext:
        runAsUser: 0
`,
          errors: [{ line: 10 }],
          output: null,
        },
      ],
    },
  },
});
