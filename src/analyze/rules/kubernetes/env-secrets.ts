import { defineRule } from '../../rule.js';
import { entry, isMap, itemsOf, text, type YEntry } from '../../../parse/yaml/tree.js';
import { replaceEntry } from '../../../edit/yaml-edit.js';
import { findNamedSecrets } from '../../secrets/patterns.js';
import type { YamlFixContext } from '../../fix.js';
import { containerCheck, K8S_COMPLIANCE } from './support.js';

interface EnvSecretFix {
  value: YEntry;
  name: string;
  secret: string;
  label: string;
}

export default defineRule({
  meta: {
    id: 'BW-K8S-SECRET-002',
    title: 'Containers take secrets from Secrets, not literal environment values',
    problem: 'Secret written into a container environment variable',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-798', 'CWE-526'],
    compliance: K8S_COMPLIANCE.secrets,
    description:
      'A password, token or key written as an `env` value is in the manifest, so in the repository, its history and every ' +
      'clone, and in the object anyone who can read the workload sees. It cannot be rotated without a commit. A Secret ' +
      'referenced through `secretKeyRef` (or mounted as a volume) keeps the value out of the code and under RBAC.',
    remediation: 'Move the value into a Secret and reference it with `valueFrom.secretKeyRef` (or mount the Secret as a volume); rotate the exposed value.',
    provider: 'kubernetes',
    service: 'secrets',
    peers: { checkov: ['CKV_K8S_35'], trivy: [] },
    risk: 'credentials',
    links: ['https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables'],
  },
  kubernetes: containerCheck((v, ctx) => {
    for (const item of itemsOf(entry(v.container.node, 'env')?.value)) {
      if (!isMap(item)) continue;
      const name = text(entry(item, 'name')?.value);
      const value = entry(item, 'value');
      const literal = text(value?.value);
      if (!name || !value || literal === undefined) continue;
      const [hit] = findNamedSecrets([[name, literal]]);
      if (!hit) continue;
      const secret = `${v.object.name || 'app'}-secrets`.toLowerCase().replace(/[^a-z0-9.-]+/g, '-');
      ctx.report({
        at: value,
        message: `The ${v.label} sets ${name} to a literal secret (${hit.masked}) in its environment.`,
        part: `${v.container.part}.env[${name}]`,
        fixData: { value, name, secret, label: v.label } satisfies EnvSecretFix,
      });
    }
  }),
  fix: {
    kubernetes: (ctx: YamlFixContext<EnvSecretFix>) => {
      const { value, name, secret, label } = ctx.data;
      return {
        kind: 'automatic',
        description:
          `Reads ${name} of ${label} from the Secret ${secret} (key ${name}) instead of the literal. Create that Secret before ` +
          `deploying (kubectl create secret generic ${secret} --from-literal=${name}=...) and rotate the exposed value.`,
        edits: replaceEntry(ctx.text, value, ['valueFrom:', '  secretKeyRef:', `    name: ${secret} # kubectl create secret generic ${secret} --from-literal=${name}=...`, `    key: ${name}`]),
      };
    },
  },
  examples: {
    kubernetes: {
      good: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    spec:
      containers:
        - name: orders
          image: registry.example.com/orders:1.8.0
          env:
            - name: DB_HOST
              value: mariadb.shop.svc
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: orders-db
                  key: password
            - name: API_TOKEN
              value: \${API_TOKEN}
`,
      ],
      bad: [
        {
          code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    spec:
      containers:
        - name: orders
          image: registry.example.com/orders:1.8.0
          env:
            - name: DB_HOST
              value: mariadb.shop.svc
            - name: DB_PASSWORD
              value: "S3cr3t-Passw0rd!"
`,
          errors: [{ line: 15 }],
          output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    spec:
      containers:
        - name: orders
          image: registry.example.com/orders:1.8.0
          env:
            - name: DB_HOST
              value: mariadb.shop.svc
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: orders-secrets # kubectl create secret generic orders-secrets --from-literal=DB_PASSWORD=...
                  key: DB_PASSWORD
`,
        },
      ],
    },
  },
});
