import { defineRule } from '../../rule.js';
import { entry, get, isFalse } from '../../../parse/yaml/tree.js';
import type { YamlFixContext } from '../../fix.js';
import { containerCheck, containerFixData, K8S_COMPLIANCE, PSS_LINK, securityAnchor, setContainerField, type ContainerFixData } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-003',
    title: 'Containers cannot gain more privileges than their parent process',
    problem: 'Container allows privilege escalation',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-269'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'Unless `allowPrivilegeEscalation` is false, a process in the container can gain privileges through setuid binaries or ' +
      'file capabilities: a non-root foothold becomes root inside the container. Setting it to false sets no_new_privs on the process.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { checkov: ['CKV_K8S_20'], trivy: ['AVD-KSV-0001'] },
    risk: 'privilege',
    links: [PSS_LINK],
  },
  kubernetes: containerCheck((v, ctx) => {
    const flag = entry(get(v.container.node, 'securityContext'), 'allowPrivilegeEscalation');
    if (flag && isFalse(flag.value)) return;
    ctx.report({
      at: flag ?? securityAnchor(v.container),
      message: flag ? `The ${v.label} sets allowPrivilegeEscalation to something other than false.` : `The ${v.label} does not set allowPrivilegeEscalation: false.`,
      part: `${v.container.part}.securityContext.allowPrivilegeEscalation`,
      fixData: containerFixData(v),
    });
  }),
  fix: {
    kubernetes: (ctx: YamlFixContext<ContainerFixData>) => setContainerField(ctx, ['securityContext', 'allowPrivilegeEscalation'], 'false', 'Sets securityContext.allowPrivilegeEscalation: false'),
  },
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
        allowPrivilegeEscalation: false
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
        runAsNonRoot: true
`,
          errors: [{ line: 9 }],
          output: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
      securityContext:
        runAsNonRoot: true
        allowPrivilegeEscalation: false
`,
        },
        {
          code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: registry.example.com/report:4.1.0
              securityContext:
                allowPrivilegeEscalation: true
`,
          errors: [{ line: 16 }],
          output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: registry.example.com/report:4.1.0
              securityContext:
                allowPrivilegeEscalation: false
`,
        },
      ],
    },
  },
});
