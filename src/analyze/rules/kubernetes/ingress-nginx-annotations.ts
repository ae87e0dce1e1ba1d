import { defineRule } from '../../rule.js';
import { get, text } from '../../../parse/yaml/tree.js';
import { K8S_COMPLIANCE } from './support.js';

/** Annotations ingress-nginx copied into its nginx configuration unchecked (CVE-2025-1097, -1098, -24514). */
const INJECTABLE = ['auth-url', 'auth-tls-match-cn', 'mirror-target', 'mirror-host', 'auth-signin', 'permanent-redirect', 'temporal-redirect'];
/** Characters that end or comment out an nginx directive, or have no place in a URL or a CN. */
const SUSPICIOUS = /[\s#;|{}'"`\\$]/;

export default defineRule({
  meta: {
    id: 'BW-K8S-INGRESS-001',
    title: 'ingress-nginx annotations hold no configuration injection',
    problem: 'ingress-nginx annotation can inject nginx configuration',
    severity: 'critical',
    stride: 'tampering',
    cwe: ['CWE-74'],
    compliance: [...K8S_COMPLIANCE.configuration, { framework: 'NIST-800-53', control: 'SI-10' }],
    description:
      'Older ingress-nginx controllers paste some annotations (auth-url, auth-tls-match-cn, mirror-target, mirror-host, ...) into ' +
      'the nginx configuration. A value with `;`, `#`, a newline or a quote ends the directive and adds the attacker\'s own: ' +
      'with the controller\'s access to every Secret of the cluster, that is a cluster takeover (IngressNightmare).',
    remediation: 'Use a plain URL (or `CN=...`) without spaces, quotes, `;`, `#` or `|`, and upgrade ingress-nginx to 1.11.5 / 1.12.1 or later.',
    provider: 'kubernetes',
    service: 'ingress',
    peers: { trivy: ['AVD-KCV-0093'] },
    risk: 'exposure',
    links: ['https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/'],
  },
  kubernetes: {
    kinds: ['Ingress'],
    check(object, ctx) {
      const annotations = get(object.node, 'metadata.annotations');
      if (annotations?.kind !== 'map') return;
      for (const item of annotations.entries) {
        const name = item.key.replace(/^nginx\.ingress\.kubernetes\.io\//, '');
        if (name === item.key || !INJECTABLE.includes(name)) continue;
        const value = text(item.value);
        if (value === undefined) continue;
        const badCn = name === 'auth-tls-match-cn' && !/^CN=/.test(value);
        if (SUSPICIOUS.test(value.trim()) || badCn) {
          ctx.report({ at: item, message: `Ingress ${object.label} sets ${item.key} to a value that can inject nginx configuration (${JSON.stringify(value.slice(0, 60))}).`, part: `metadata.annotations.${name}` });
        }
      }
    },
  },
  noFix: 'What the annotation should say is known only to its author; a crafted value must be looked at by a person.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/auth-url: https://auth.example.com/oauth2/auth
    nginx.ingress.kubernetes.io/auth-tls-match-cn: CN=client.example.com
spec:
  ingressClassName: nginx
`,
      ],
      bad: [
        {
          code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/auth-url: "http://auth.example.com/#;
      load_module /tmp/evil.so;"
spec:
  ingressClassName: nginx
`,
          errors: [{ line: 6 }],
        },
      ],
    },
  },
});
