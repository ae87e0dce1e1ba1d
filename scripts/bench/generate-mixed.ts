// Generates the mixed benchmark tree: Terraform root modules, about 20 MB of Kubernetes manifests
// (multi-document files of Deployments, Services, ConfigMaps, RBAC, CronJobs), and services with a
// Dockerfile and a compose file each (2,000 of those files in all). Deterministic: the same arguments give
// byte-identical trees.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTree } from './generate-tree.js';
import { seededRandom } from './random.js';

export interface MixedSpec {
  dir: string;
  terraformFiles: number;
  kubernetesBytes: number;
  /** Services, each with a Dockerfile and a compose file. */
  services: number;
}

export interface MixedStats {
  files: number;
  bytes: number;
  kubernetesBytes: number;
}

export function generateMixedTree(spec: MixedSpec): MixedStats {
  rmSync(spec.dir, { recursive: true, force: true });
  const tf = generateTree({ dir: join(spec.dir, 'terraform'), files: spec.terraformFiles });
  const random = seededRandom(4242);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  let files = tf.files;
  let bytes = tf.bytes;
  const write = (rel: string, text: string) => {
    const abs = join(spec.dir, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
    files++;
    bytes += Buffer.byteLength(text);
  };

  let kubernetesBytes = 0;
  for (let f = 0; kubernetesBytes < spec.kubernetesBytes; f++) {
    const ns = `team-${f % 40}`;
    const docs: string[] = [];
    for (let i = 0; i < 60; i++) docs.push(manifest(ns, `app-${f}-${i}`, random, pick));
    const text = `${docs.join('---\n')}`;
    write(`k8s/${ns}/apps-${f}.yaml`, text);
    kubernetesBytes += Buffer.byteLength(text);
  }

  for (let s = 0; s < spec.services; s++) {
    const name = `svc-${s}`;
    write(`services/${name}/Dockerfile`, dockerfile(random, pick));
    write(`services/${name}/compose.yaml`, compose(name, random, pick));
  }
  return { files, bytes, kubernetesBytes };
}

type Pick = <T>(xs: readonly T[]) => T;

function manifest(ns: string, name: string, random: () => number, pick: Pick): string {
  const kind = pick(['Deployment', 'Deployment', 'StatefulSet', 'CronJob', 'Service', 'ConfigMap', 'Role', 'Ingress'] as const);
  const hardened = random() < 0.5;
  const container = `        - name: ${name}
          image: registry.example.com/${ns}/${name}:${pick(['1.4.2', 'latest', '2.0.0'])}
          ports:
            - containerPort: ${pick([8080, 3000, 5432, 6379])}
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_PASSWORD
              ${random() < 0.2 ? 'value: "Xk9mQ2vL8pR4wT"' : 'valueFrom:\n                secretKeyRef:\n                  name: db\n                  key: password'}
${hardened ? `          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          resources:
            limits: { cpu: 500m, memory: 256Mi }
            requests: { cpu: 250m, memory: 128Mi }
` : ''}`;
  const meta = `metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app: ${name}
    team: "${ns}"
  annotations:
    description: "${name} of ${ns}, generated for the benchmark"
`;
  switch (kind) {
    case 'Service':
      return `apiVersion: v1\nkind: Service\n${meta}spec:\n  type: ${pick(['ClusterIP', 'LoadBalancer'])}\n  selector:\n    app: ${name}\n  ports:\n    - port: ${pick([80, 3306, 443])}\n      targetPort: 8080\n`;
    case 'ConfigMap':
      return `apiVersion: v1\nkind: ConfigMap\n${meta}data:\n  LOG_LEVEL: info\n  app.properties: |\n    server.port=8080\n    feature.flags=a,b,c\n    cache.ttl=300\n`;
    case 'Role':
      return `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n${meta}rules:\n  - apiGroups: [""]\n    resources: ["configmaps", "pods"]\n    verbs: ["get", "list"]\n`;
    case 'Ingress':
      return `apiVersion: networking.k8s.io/v1\nkind: Ingress\n${meta}spec:\n  rules:\n    - host: ${name}.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ${name}\n                port:\n                  number: 80\n`;
    case 'CronJob':
      return `apiVersion: batch/v1\nkind: CronJob\n${meta}spec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n${container.replace(/^ {8}/gm, '            ')}`;
    default:
      return `apiVersion: apps/v1\nkind: ${kind}\n${meta}spec:\n  replicas: ${1 + Math.floor(random() * 4)}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      ${random() < 0.1 ? 'hostNetwork: true\n      ' : ''}containers:\n${container}`;
  }
}

function dockerfile(random: () => number, pick: Pick): string {
  const base = pick(['node:20-alpine', 'python:3.12-slim', 'golang:1.22', 'debian:12-slim', 'ubuntu:latest']);
  return `# syntax=docker/dockerfile:1
FROM ${base} AS build
WORKDIR /src
COPY . .
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*
RUN make build

FROM ${pick(['gcr.io/distroless/static:nonroot', 'alpine:3.20', base])}
COPY --from=build /src/out /app
${random() < 0.5 ? 'USER 10001\n' : ''}EXPOSE 8080
${random() < 0.3 ? 'HEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1\n' : ''}CMD ["/app"]
`;
}

function compose(name: string, random: () => number, pick: Pick): string {
  return `services:
  ${name}:
    build: .
    ports:
      - "${pick(['8080:8080', '127.0.0.1:8080:8080'])}"
    environment:
      DB_HOST: db
      DB_PASSWORD: ${random() < 0.3 ? 'rootpassword' : '${DB_PASSWORD:?set it}'}
    depends_on: [db]
  db:
    image: ${pick(['postgres:16', 'mariadb:latest', 'redis:7'])}
    ports:
      - "${pick(['5432:5432', '127.0.0.1:5432:5432'])}"
    volumes:
      - data:/var/lib/data
volumes:
  data:
`;
}
