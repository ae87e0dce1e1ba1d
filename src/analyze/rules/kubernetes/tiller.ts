import { defineRule } from '../../rule.js';
import { entry, getText, text } from '../../../parse/yaml/tree.js';
import { containerCheck, K8S_COMPLIANCE, parseImage } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-POD-020',
    title: 'Helm v2 Tiller is not deployed',
    problem: 'Tiller (Helm v2) is deployed',
    severity: 'critical',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-306'],
    compliance: K8S_COMPLIANCE.leastPrivilege,
    description:
      'Tiller, the server side of Helm v2, usually runs with cluster-admin rights and serves an unauthenticated gRPC port: ' +
      'any pod in the cluster can ask it to install anything. Helm v2 has been unsupported since 2020.',
    remediation: 'Remove Tiller and move to Helm 3, which has no in-cluster component.',
    provider: 'kubernetes',
    service: 'workloads',
    peers: { trivy: ['AVD-KSV-0102'] },
    risk: 'privilege',
    links: ['https://helm.sh/docs/topics/v2_v3_migration/'],
  },
  kubernetes: containerCheck((v, ctx) => {
    const image = entry(v.container.node, 'image');
    const ref = text(image?.value);
    const repository = ref ? parseImage(ref).repository : '';
    const labels = [getText(v.object.node, 'metadata.labels.name'), getText(v.object.node, 'metadata.labels.app')];
    if (/(^|\/)tiller$/.test(repository) || (v.container.name === 'tiller' && labels.includes('helm'))) {
      ctx.report({ at: image ?? v.container.node, message: `The ${v.label} runs Tiller (${ref ?? 'by its labels'}), Helm v2's server.`, part: `${v.container.part}.image` });
    }
  }),
  noFix: 'Removing Tiller removes the releases it manages; migrating them to Helm 3 is a planned change.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog
spec:
  template:
    spec:
      containers:
        - name: catalog
          image: registry.example.com/catalog:1.2.0
`,
      ],
      bad: [
        {
          code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: tiller-deploy
  namespace: kube-system
spec:
  template:
    spec:
      containers:
        - name: tiller
          image: gcr.io/kubernetes-helm/tiller:v2.16.12
`,
          errors: [{ line: 11 }],
        },
      ],
    },
  },
});
