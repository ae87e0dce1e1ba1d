import { defineRule } from '../../rule.js';
import { entry, get, getText, text } from '../../../parse/yaml/tree.js';
import { containerCheck, effectiveSetting, K8S_COMPLIANCE, PSS_LINK } from './support.js';

const ALLOWED_ANNOTATION = /^(runtime\/default|localhost\/.+)$/;

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-017',
    title: 'Containers do not override the default AppArmor profile',
    problem: 'Container runs under a non-default AppArmor profile',
    severity: 'low',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-693'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'On nodes with AppArmor, the runtime confines containers with its default profile. Setting the profile to `unconfined` ' +
      'or to an unknown one removes that confinement, which the baseline Pod Security Standard forbids.',
    remediation: 'Remove the override, or set the profile to `runtime/default` (annotation) or `RuntimeDefault` / `Localhost` (securityContext.appArmorProfile).',
    provider: 'kubernetes',
    service: 'pod-security',
    peers: { trivy: ['AVD-KSV-0002'] },
    risk: 'privilege',
    links: [PSS_LINK, 'https://kubernetes.io/docs/tutorials/security/apparmor/'],
  },
  kubernetes: containerCheck((v, ctx) => {
    const annotation = entry(get(v.pod.metadata, 'annotations'), `container.apparmor.security.beta.kubernetes.io/${v.container.name}`);
    const value = text(annotation?.value);
    if (annotation && value !== undefined && !ALLOWED_ANNOTATION.test(value)) {
      ctx.report({ at: annotation, message: `The ${v.label} runs under AppArmor profile "${value}", not runtime/default or a local profile.`, part: `${v.container.part}.appArmor` });
      return;
    }
    const setting = effectiveSetting(v, 'appArmorProfile');
    const type = getText(setting?.entry.value, 'type');
    if (setting && type !== undefined && type !== 'RuntimeDefault' && type !== 'Localhost') {
      ctx.report({ at: entry(setting.entry.value, 'type') ?? setting.entry, message: `The ${v.label} runs under AppArmor profile type ${type}.`, part: `${v.container.part}.securityContext.appArmorProfile` });
    }
  }),
  noFix: 'An AppArmor override is set for a reason (a tool that the default profile blocks); only its owner knows whether it is still needed.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: app
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: runtime/default
spec:
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
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
`,
          errors: [{ line: 6 }],
        },
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
    appArmorProfile:
      type: Unconfined
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
