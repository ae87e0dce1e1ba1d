// Kubernetes manifests end to end: mutated manifests (rule examples, corpus snippets) with YAML's and
// Kubernetes' own tokens, multi-document streams and List kinds, scanned as `scan()` scans them. Nothing
// may throw, and every finding and diagnostic must point inside the file.

import fc from 'fast-check';
import { scanFiles, scanViolations, type ScanOutcome } from '../checks/scan-outcome.js';
import { formatSeeds } from '../gen/format-seeds.js';
import { YAML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { defineTarget } from '../harness/target.js';

const TOKENS = [
  '---\n', 'apiVersion: v1\n', 'kind: List\nitems:\n', 'kind: Pod\n', 'kind: Deployment\n', 'kind: CronJob\n', 'spec:\n', 'template:\n',
  'containers:\n', 'initContainers:\n', '- name: c\n', 'securityContext:\n', 'runAsNonRoot: true\n', 'privileged: true\n', 'hostNetwork: true\n',
  'resources: {}\n', 'limits:\n', 'env:\n', '- name: DB_PASSWORD\n  value: hunter2hunter2\n', 'volumes:\n', 'hostPath:\n', 'path: /var/run/docker.sock\n',
  'rules:\n', "verbs: ['*']\n", 'resources: [secrets]\n', 'subjects:\n', 'roleRef:\n', 'ports:\n', '- port: 3306\n', 'type: LoadBalancer\n', 'image: nginx\n',
];

export default defineTarget<Record<string, string>, ScanOutcome>({
  name: 'kubernetes',
  description: 'Kubernetes manifests (multi-document, List kinds, every workload kind): mutated rule examples and corpus snippets',
  arbitrary() {
    const seeds = formatSeeds('kubernetes', (p) => /\.ya?ml$/.test(p));
    const options = { ...YAML_MUTATION, tokens: [...YAML_MUTATION.tokens, ...TOKENS] };
    const stream = fc.array(mutated(seeds, options), { minLength: 1, maxLength: 3 }).map((docs) => docs.join('\n---\n'));
    return stream.map((text) => ({ 'k8s/manifest.yaml': text.startsWith('apiVersion') ? text : `apiVersion: v1\nkind: Pod\n${text}` }));
  },
  run: (files) => scanFiles(files),
  check: (files, outcome) => ({ violations: scanViolations(files, outcome), counters: { findings: outcome.findings.length } }),
});
