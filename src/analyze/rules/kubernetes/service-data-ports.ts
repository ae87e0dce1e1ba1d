import { defineRule } from '../../rule.js';
import { entry, get, getText, isMap, itemsOf, numberOf, text, textsOf, type YNode } from '../../../parse/yaml/tree.js';
import { DATA_STORE_PORTS } from '../../../core/data-store-ports.js';
import { K8S_COMPLIANCE } from './support.js';

/** A load balancer the cloud keeps inside the network (annotations of AWS, GCP, Azure), or limited to source ranges. */
function internalOnly(service: YNode): boolean {
  const annotations = get(service, 'metadata.annotations');
  if (annotations?.kind === 'map') {
    for (const e of annotations.entries) {
      const value = (text(e.value) ?? '').toLowerCase();
      if (/load-balancer-internal$/.test(e.key) && value !== 'false' && value !== '') return true;
      if (/load-balancer-scheme$/.test(e.key) && value === 'internal') return true;
      if (/load-balancer-type$/.test(e.key) && value === 'internal') return true;
    }
  }
  const ranges = textsOf(get(service, 'spec.loadBalancerSourceRanges'));
  return ranges.length > 0 && !ranges.some((r) => r === '0.0.0.0/0' || r === '::/0');
}

export default defineRule({
  meta: {
    id: 'BW-K8S-NET-003',
    title: 'Services do not expose data stores outside the cluster',
    problem: 'Data-store port exposed by a LoadBalancer or NodePort Service',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-668'],
    compliance: [
      { framework: 'PCI-DSS', control: '1.4.4' },
      { framework: 'NIST-800-53', control: 'SC-7' },
      { framework: 'ISO27001', control: 'A.8.20' },
    ],
    description:
      'A LoadBalancer or NodePort Service opens its ports outside the cluster. A database, cache or search engine port ' +
      'there is reachable by whoever can reach the load balancer or a node, and these are the services scanned and ' +
      'brute-forced within minutes of appearing on the internet.',
    remediation: 'Use `type: ClusterIP` for data stores, and reach them from outside through a bastion, a VPN or `kubectl port-forward`.',
    provider: 'kubernetes',
    service: 'network',
    peers: { checkov: [], trivy: [] },
    risk: 'exposure',
  },
  kubernetes: {
    kinds: ['Service'],
    check(object, ctx) {
      const type = getText(object.node, 'spec.type');
      if (type !== 'LoadBalancer' && type !== 'NodePort') return;
      if (type === 'LoadBalancer' && internalOnly(object.node)) return;
      for (const port of itemsOf(get(object.node, 'spec.ports'))) {
        if (!isMap(port)) continue;
        const numbers = [numberOf(get(port, 'port')), numberOf(get(port, 'targetPort'))];
        const store = numbers.map((n) => (n === undefined ? undefined : DATA_STORE_PORTS.get(n))).find(Boolean);
        if (!store) continue;
        ctx.report({ at: entry(port, 'port') ?? port, message: `${type} Service ${object.label} exposes ${store} (port ${numbers.find((n) => n !== undefined && DATA_STORE_PORTS.has(n))}) outside the cluster.`, part: `spec.ports[${numbers[0]}]` });
      }
    },
  },
  noFix: 'Clients outside the cluster reach the data store through this Service today; changing its type cuts them off.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Service
metadata:
  name: mariadb
spec:
  type: ClusterIP
  selector:
    app: mariadb
  ports:
    - port: 3306
`,
      ],
      bad: [
        {
          code: `apiVersion: v1
kind: Service
metadata:
  name: mariadb
spec:
  type: LoadBalancer
  selector:
    app: mariadb
  ports:
    - name: mysql
      port: 3306
      targetPort: 3306
`,
          errors: [{ line: 11 }],
        },
      ],
    },
  },
});
