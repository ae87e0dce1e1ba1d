import { defineRule } from '../../rule.js';
import { entry, get, itemsOf } from '../../../parse/yaml/tree.js';
import { K8S_COMPLIANCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-INGRESS-002',
    title: 'Ingresses serve TLS',
    problem: 'Ingress without TLS',
    severity: 'medium',
    stride: 'information-disclosure',
    cwe: ['CWE-319'],
    compliance: [
      { framework: 'PCI-DSS', control: '4.2.1' },
      { framework: 'NIST-800-53', control: 'SC-8' },
      { framework: 'ISO27001', control: 'A.8.24' },
    ],
    description:
      'An Ingress without a `tls` section serves its hosts over plain HTTP: credentials, session cookies and personal data ' +
      'cross the network readable and alterable by anyone on the path.',
    remediation: 'Add `spec.tls` with the hosts and a certificate Secret (cert-manager can issue and renew it).',
    provider: 'kubernetes',
    service: 'ingress',
    peers: { checkov: [], trivy: [] },
    risk: 'exposure',
    links: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#tls'],
  },
  kubernetes: {
    kinds: ['Ingress'],
    check(object, ctx) {
      const spec = get(object.node, 'spec');
      if (itemsOf(get(spec, 'tls')).length) return;
      ctx.report({ at: entry(spec, 'tls') ?? entry(spec, 'rules') ?? entry(object.node, 'spec'), message: `Ingress ${object.label} has no tls section: its hosts are served over plain HTTP.`, part: 'spec.tls' });
    },
  },
  noFix: 'TLS needs a certificate and its Secret (or cert-manager issuer), which only the cluster owner can name.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`,
      ],
      bad: [
        {
          code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`,
          errors: [{ line: 6 }],
        },
      ],
    },
  },
});
