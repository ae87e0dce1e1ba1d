// Kubernetes manifests as a repository model source: mutated manifests (rule examples, corpus snippets) with
// the tokens of workloads, Services, Ingresses, NetworkPolicies, ConfigMaps and env URLs, split over two
// files, read into a model fragment and analysed. Nothing may throw, every evidence line and location must
// point inside its file, and a literal secret's value never reaches the model.

import fc from 'fast-check';
import { analyze } from '../../../src/model/engine/analyze.js';
import { kubernetesFragment } from '../../../src/model/repository/kubernetes-source.js';
import { mergeFragments } from '../../../src/model/repository/merge.js';
import type { ModelFragment, RepositoryNote } from '../../../src/model/repository/types.js';
import { ArchitectureSchema } from '../../../src/model/schema/architecture.js';
import { formatSeeds } from '../gen/format-seeds.js';
import { YAML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { locationViolations, type ReportedLocation } from '../harness/locations.js';
import { defineTarget, type Violation } from '../harness/target.js';

const SECRET = 'Zq8vLw3nRt6yKp2m';
const TOKENS = [
  '---\n', 'apiVersion: v1\n', 'apiVersion: apps/v1\n', 'kind: Deployment\n', 'kind: StatefulSet\n', 'kind: CronJob\n', 'kind: Service\n', 'kind: Ingress\n', 'kind: NetworkPolicy\n',
  'kind: ConfigMap\n', 'kind: List\nitems:\n', 'metadata:\n  name: api\n  namespace: shop\n', 'metadata:\n  name: db\n', 'spec:\n', 'template:\n', 'labels: { app: api }\n', 'selector: { app: api }\n',
  'selector:\n  app: db\n', 'type: LoadBalancer\n', 'type: NodePort\n', 'ports:\n  - port: 5432\n', 'containers:\n', '- name: c\n', 'image: postgres:16\n', 'image: registry.k8s.io/ingress-nginx/controller:v1.10.0\n',
  'image: redis\n', 'env:\n', '- name: DB_HOST\n  value: db\n', `- name: DB_PASSWORD\n  value: ${SECRET}\n`, '- name: API_URL\n  value: http://api.shop.svc.cluster.local:8080\n',
  '- name: P\n  valueFrom:\n    secretKeyRef: { name: s, key: k }\n', 'envFrom:\n  - configMapRef: { name: cfg }\n', 'data:\n  REDIS_URL: rediss://db:6380\n', 'securityContext:\n', 'runAsUser: 0\n',
  'runAsNonRoot: true\n', 'privileged: true\n', 'resources:\n  limits: { cpu: 1 }\n', 'tls:\n  - hosts: [a.example]\n', 'rules:\n  - host: a.example\n    http:\n      paths:\n        - path: /\n          backend:\n            service: { name: api, port: { number: 80 } }\n',
  'defaultBackend:\n  service: { name: db }\n', 'podSelector: {}\n', 'policyTypes: [Ingress]\n', 'ingress:\n  - from:\n      - podSelector: { matchLabels: { app: api } }\n', 'ingressClassName: nginx\n',
];

interface Run {
  fragment: ModelFragment | undefined;
  notes: RepositoryNote[];
  threats: number;
}

export default defineTarget<Record<string, string>, Run>({
  name: 'kubernetes-model',
  description: 'Kubernetes manifests read into a repository model: workloads, Services, Ingresses, NetworkPolicies and env URLs over two files; evidence inside the files, no secret values',
  arbitrary() {
    const seeds = formatSeeds('kubernetes', (p) => /\.ya?ml$/.test(p));
    const options = { ...YAML_MUTATION, tokens: [...YAML_MUTATION.tokens, ...TOKENS] };
    const stream = fc.array(mutated(seeds, options), { minLength: 1, maxLength: 3 }).map((docs) => docs.join('\n---\n'));
    return fc.tuple(stream, stream).map(([a, b]) => ({ 'k8s/app.yaml': a, 'k8s/net.yaml': b }));
  },
  run(files) {
    const notes: RepositoryNote[] = [];
    const { fragment } = kubernetesFragment(Object.entries(files).map(([rel, text]) => ({ rel, text })), (n) => notes.push(n));
    if (!fragment) return { fragment, notes, threats: 0 };
    const model = ArchitectureSchema.parse({ ...mergeFragments([fragment]), name: 'fuzz', origin: { format: 'repository' } });
    return { fragment, notes, threats: analyze(model).threats.length };
  },
  check(files, run) {
    const locations: ReportedLocation[] = run.notes.filter((n) => n.line !== undefined).map((n) => ({ file: n.file, what: `${n.level} note`, line: n.line!, message: n.message }));
    const items = [...(run.fragment?.elements ?? []), ...(run.fragment?.flows ?? [])];
    for (const item of items) {
      if (item.location) locations.push({ file: item.location.file, what: 'model item', line: item.location.line, message: item.id });
      for (const e of item.evidence ?? []) locations.push({ file: e.file, what: 'evidence', line: e.line, message: e.says });
    }
    for (const b of run.fragment?.boundaries ?? []) if (b.location) locations.push({ file: b.location.file, what: 'boundary', line: b.location.line, message: b.id });
    const violations: Violation[] = locationViolations(files, locations);
    if (run.fragment && JSON.stringify(run.fragment).includes(SECRET)) {
      violations.push({ property: 'secret-masked', message: 'a literal secret value reached the model', signature: 'secret-in-model' });
    }
    return { violations, counters: { elements: run.fragment?.elements.length ?? 0, flows: run.fragment?.flows.length ?? 0, threats: run.threats } };
  },
});
