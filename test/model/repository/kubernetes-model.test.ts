// `bulwark model <dir>` on Kubernetes manifests: a shop with a TLS Ingress in front of a web frontend and
// an API, Postgres and Redis behind ClusterIP Services in a namespace with a NetworkPolicy, a worker and
// RabbitMQ in one without, a Redis container running as root with no limits, and a Helm chart and a
// Kustomize overlay that are never rendered. Then a database exposed by a LoadBalancer Service.

import assert from 'node:assert/strict';
import { scratchRepositories } from './scratch-repository.js';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/model/engine/analyze.js';
import { modelRepository } from '../../../src/model/repository/index.js';
import { element, flowById as flow } from '../adapters/helpers.js';

const SHOP = join(import.meta.dirname, '../../fixtures/repositories/k8s-shop');

const proof = (e: { evidence?: { file: string; line: number; prop?: string; value?: unknown }[] }, prop: string) => {
  const found = e.evidence?.find((x) => x.prop === prop);
  return found && `${found.file}:${found.line}=${String(found.value)}`;
};

const repo = scratchRepositories('bulwark-k8s-');

describe('a Kubernetes shop', async () => {
  const { model, sources } = await modelRepository(SHOP);

  it('models each workload with the kind its image or labels say', () => {
    const kinds = Object.fromEntries(model.elements.map((e) => [e.id, e.kind]));
    assert.deepEqual(kinds, { user: 'actor', api: 'process', web: 'web-app', postgres: 'datastore', redis: 'cache', rabbitmq: 'queue', worker: 'process', 'ingress-storefront': 'gateway' });
    assert.equal(element(model, 'postgres').technology, 'PostgreSQL 16.2');
    assert.equal(element(model, 'rabbitmq').technology, 'RabbitMQ 3.13-management');
    assert.equal(element(model, 'api').technology, 'api 1.8.0');
    assert.equal(element(model, 'ingress-storefront').technology, 'Kubernetes Ingress (nginx)');
    assert.ok(model.elements.filter((e) => e.kind !== 'actor').every((e) => e.runtime === 'Kubernetes cluster'));
  });

  it('puts each namespace in a cluster boundary inside one cluster', () => {
    assert.deepEqual(
      model.boundaries.map((b) => [b.id, b.type, b.parent ?? null, b.location ? `${b.location.file}:${b.location.line}` : null]),
      [
        ['k8s-cluster', 'cluster', null, null],
        ['namespace:shop', 'cluster', 'k8s-cluster', 'k8s/namespaces.yaml:1'],
        ['namespace:messaging', 'cluster', 'k8s-cluster', 'k8s/namespaces.yaml:6'],
      ],
    );
    assert.equal(element(model, 'worker').boundary, 'namespace:messaging');
    assert.equal(element(model, 'postgres').boundary, 'namespace:shop');
  });

  it('routes the User through the TLS Ingress to the frontend and the API, which are internet-facing', () => {
    const user = flow(model, 'user->ingress-storefront');
    assert.deepEqual([user.protocol, user.port, user.encrypted], ['https', 443, true]);
    assert.equal(proof(user, 'encrypted'), 'k8s/ingress.yaml:8=true');
    const toApi = flow(model, 'ingress-storefront->api');
    assert.deepEqual([toApi.label, toApi.port, toApi.encrypted], ['shop.example.com/api', 8080, false]);
    assert.equal(flow(model, 'ingress-storefront->web').port, 80);
    assert.equal(proof(element(model, 'api'), 'internetFacing'), 'k8s/ingress.yaml:15=true');
    assert.equal(proof(element(model, 'web'), 'internetFacing'), 'k8s/ingress.yaml:22=true');
    assert.equal(element(model, 'ingress-storefront').props.internetFacing, true);
  });

  it('keeps workloads behind ClusterIP Services inside the cluster', () => {
    assert.equal(proof(element(model, 'postgres'), 'internetFacing'), 'k8s/postgres.yaml:38=false');
    assert.equal(proof(element(model, 'redis'), 'internetFacing'), 'k8s/redis.yaml:26=false'); // no type: ClusterIP by default
    assert.equal(proof(element(model, 'rabbitmq'), 'internetFacing'), 'k8s/messaging.yaml:29=false');
    assert.equal(element(model, 'worker').props.internetFacing, undefined); // no Service at all
  });

  it('draws flows from environment values that name Services, through ConfigMaps and across namespaces', () => {
    const db = flow(model, 'api->postgres');
    assert.deepEqual([db.protocol, db.port, db.encrypted, db.authenticated, db.authorization], ['postgres', 5432, false, true, 'technical-user']);
    assert.ok(db.evidence?.some((e) => e.says.includes('DB_PASSWORD is set from the Kubernetes Secret api-db') && e.line === 38));
    const cache = flow(model, 'api->redis');
    assert.deepEqual([cache.protocol, cache.port, cache.encrypted], ['redis', 6379, false]);
    assert.equal(proof(cache, 'encrypted'), 'k8s/api.yaml:7=false'); // the ConfigMap's REDIS_URL line
    const publish = flow(model, 'api->rabbitmq');
    assert.deepEqual([publish.protocol, publish.port, publish.encrypted], ['amqp', 5671, true]);
    const consume = flow(model, 'worker->rabbitmq');
    assert.deepEqual([consume.protocol, consume.port, consume.encrypted, consume.authenticated], ['amqp', 5672, false, true]);
    assert.deepEqual([flow(model, 'worker->postgres').port, flow(model, 'worker->postgres').protocol], [5432, 'postgres']);
    assert.equal(model.flows.length, 8);
  });

  it('states root, limits and literal secrets with their lines, and never copies the secret', () => {
    const redis = element(model, 'redis');
    assert.equal(proof(redis, 'runsAsRoot'), 'k8s/redis.yaml:18=true');
    assert.equal(proof(redis, 'resourceLimits'), 'k8s/redis.yaml:15=false');
    assert.equal(proof(element(model, 'api'), 'runsAsRoot'), 'k8s/api.yaml:28=false');
    assert.equal(proof(element(model, 'web'), 'runsAsRoot'), 'k8s/web.yaml:16=false'); // the pod's runAsNonRoot
    assert.equal(proof(element(model, 'api'), 'resourceLimits'), 'k8s/api.yaml:44=true');
    const worker = element(model, 'worker');
    assert.equal(proof(worker, 'storesCredentials'), 'k8s/messaging.yaml:59=true');
    assert.ok(!JSON.stringify(model).includes('fulfilment-2024'));
    assert.equal(element(model, 'api').props.storesCredentials, undefined);
    assert.ok(element(model, 'postgres').evidence?.some((e) => e.says === 'POSTGRES_PASSWORD from the Kubernetes Secret postgres-admin (secret store: Kubernetes Secret)' && e.line === 23));
  });

  it('says which namespace no NetworkPolicy covers, and which policy restricts ingress', () => {
    const says = (id: string) => element(model, id).evidence!.map((e) => `${e.file}:${e.line} ${e.says}`);
    assert.ok(says('worker').includes('k8s/messaging.yaml:37 no NetworkPolicy limits traffic in namespace messaging: every pod of the cluster can reach worker'));
    assert.ok(says('postgres').includes('k8s/postgres.yaml:44 NetworkPolicy postgres-from-api allows ingress only from pods app=api'));
    assert.ok(says('redis').some((s) => s.startsWith('k8s/redis.yaml:1 no NetworkPolicy of namespace shop selects redis')));
  });

  it('names the Helm chart and the Kustomize overlay as not modelled, and reads the manifests', () => {
    assert.deepEqual(
      sources.notModelled.map((n) => [n.what.split(' (')[0], n.examples]),
      [
        ['Helm charts', ['charts/admin/Chart.yaml', 'charts/admin/templates/deployment.yaml']],
        ['Kustomize overlays', ['deploy/overlays/prod/kustomization.yaml']],
      ],
    );
    assert.equal(sources.read.filter((r) => r.source === 'kubernetes').length, 7);
    assert.deepEqual(sources.notes, []);
  });

  it('finds the threats the manifests confirm', () => {
    const threats = analyze(model).threats.map((t) => t.id);
    for (const expected of ['TM-K8S-001@redis', 'TM-K8S-002@redis', 'TM-SECRET-001@worker', 'TM-FLOW-002@worker->postgres']) assert.ok(threats.includes(expected), `${expected} in ${threats.join(', ')}`);
    // An Ingress routes traffic; it has no image to backdoor (the workloads behind it do).
    assert.ok(threats.includes('TM-SUPPLY-002@web') && !threats.includes('TM-SUPPLY-002@ingress-storefront'), threats.join(', '));
    for (const absent of ['TM-K8S-001@api', 'TM-K8S-002@postgres', 'TM-FLOW-002@user->ingress-storefront']) assert.ok(!threats.includes(absent), absent);
  });
});

const POSTGRES_LB = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: orders-db
spec:
  template:
    metadata:
      labels: { app: orders-db }
    spec:
      containers:
        - name: db
          image: docker.io/library/mysql:8.4
          securityContext:
            privileged: true
---
apiVersion: v1
kind: Service
metadata:
  name: orders-db
spec:
  type: LoadBalancer
  selector: { app: orders-db }
  ports:
    - port: 3306
---
apiVersion: v1
kind: Service
metadata:
  name: admin
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-internal: "true"
spec:
  type: LoadBalancer
  selector: { app: admin }
  ports:
    - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: admin
spec:
  template:
    metadata:
      labels: { app: admin }
    spec:
      containers:
        - name: admin
          image: quay.io/keycloak/keycloak:24.0
          resources:
            limits: { memory: 1Gi }
`;

describe('a database behind a LoadBalancer Service', async () => {
  const { model } = await modelRepository(repo({ 'deploy/db.yaml': POSTGRES_LB }));

  it('is internet-facing with the Service line, privileged means root, and an internal load balancer is not', () => {
    const db = element(model, 'orders-db');
    assert.deepEqual([db.kind, db.technology, db.boundary], ['datastore', 'MySQL 8.4', 'namespace:default']);
    assert.equal(proof(db, 'internetFacing'), 'deploy/db.yaml:21=true');
    assert.equal(proof(db, 'runsAsRoot'), 'deploy/db.yaml:14=true');
    const admin = element(model, 'admin');
    assert.deepEqual([admin.kind, admin.props.internetFacing], ['identity-provider', false]);
    assert.ok(!model.elements.some((e) => e.id === 'user'), 'nobody is drawn calling a database');
  });

  it('reports the exposed database and the root container', () => {
    const threats = analyze(model).threats.map((t) => t.id);
    for (const expected of ['TM-DB-003@orders-db', 'TM-K8S-001@orders-db', 'TM-K8S-002@orders-db']) assert.ok(threats.includes(expected), `${expected} in ${threats.join(', ')}`);
  });
});

describe('manifests that are not a model', () => {
  it('reads broken YAML up to the error and says where it stopped', async () => {
    const { model, sources } = await modelRepository(repo({ 'k8s/app.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n---\napiVersion: v1\nkind: Service\nmetadata: {name: [\n' }));
    assert.equal(element(model, 'app').kind, 'gateway');
    assert.ok(sources.notes.some((n) => n.level === 'warning' && n.file === 'k8s/app.yaml' && /not fully read/.test(n.message)));
  });

  it('models nothing from manifests without workloads, and says so', async () => {
    const { model, sources, refusal } = await modelRepository(repo({ 'rbac.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ci\n' }));
    assert.equal(model.elements.length, 0);
    assert.ok(refusal);
    assert.ok(sources.notes.some((n) => /without workloads \(ServiceAccount\)/.test(n.message)));
  });
});

describe('service accounts and RBAC', () => {
  const deployment = (name: string, pod: string[]) => [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: { name: ${name}, namespace: shop }`,
    'spec:',
    `  selector: { matchLabels: { app: ${name} } }`,
    '  template:',
    `    metadata: { labels: { app: ${name} } }`,
    '    spec:',
    ...pod.map((l) => `      ${l}`),
    '      containers:',
    `        - name: ${name}`,
    `          image: example/${name}:1.0`,
  ].join('\n');

  it('states what each workload’s service account may do, at the binding that grants it', async () => {
    const dir = repo({
      'k8s/apps.yaml': [
        deployment('deployer', ['serviceAccountName: deployer']),
        '---',
        deployment('reports', ['serviceAccountName: reports']),
        '---',
        deployment('web', ['automountServiceAccountToken: false']),
        '',
      ].join('\n'),
      'k8s/rbac.yaml': [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata: { name: deployer, namespace: shop }',
        '---',
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRoleBinding',
        'metadata: { name: deployer-admin }',
        'roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }',
        'subjects:',
        '  - { kind: ServiceAccount, name: deployer, namespace: shop }',
        '---',
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: Role',
        'metadata: { name: read-config, namespace: shop }',
        'rules:',
        '  - { apiGroups: [""], resources: [configmaps], verbs: [get] }',
        '---',
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: RoleBinding',
        'metadata: { name: reports-config, namespace: shop }',
        'roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: read-config }',
        'subjects:',
        '  - { kind: ServiceAccount, name: reports }',
        '',
      ].join('\n'),
    });
    const { model } = await modelRepository(dir);
    const deployer = element(model, 'deployer');
    assert.equal(deployer.props.leastPrivilege, false);
    assert.deepEqual(deployer.evidence!.filter((e) => e.prop === 'leastPrivilege').map((e) => `${e.file}:${e.line}`), ['k8s/rbac.yaml:5']);
    assert.equal(element(model, 'reports').props.leastPrivilege, true);
    assert.equal(element(model, 'web').props.leastPrivilege, undefined);
    const threat = analyze(model).threats.find((t) => t.id === 'TM-K8S-003@deployer');
    assert.ok(threat, 'the deployer can take over the cluster');
    assert.ok(threat.locations.some((l) => l.file === 'k8s/rbac.yaml' && l.line === 5));
    assert.ok(!analyze(model).threats.some((t) => t.id === 'TM-K8S-003@reports'));
  });
});
