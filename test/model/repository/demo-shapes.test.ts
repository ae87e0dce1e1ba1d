// `bulwark model <dir>` on shapes common in public microservice demos: a users service called `user`
// (in compose and in Kubernetes) beside the people who use the shop.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { modelRepository } from '../../../src/model/repository/index.js';
import { scratchRepositories } from './scratch-repository.js';

const repo = scratchRepositories('bulwark-demo-shapes-');

const COMPOSE = `services:
  front-end:
    image: example/front-end:1.0
    ports:
      - "80:8079"
  user:
    image: example/user:1.0
    environment:
      - MONGO_HOST=user-db:27017
  user-db:
    image: mongo:7
`;

const K8S = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: user
spec:
  selector:
    matchLabels: { name: user }
  template:
    metadata:
      labels: { name: user }
    spec:
      containers:
        - name: user
          image: example/user:1.0
          env:
            - name: MONGO_HOST
              value: user-db:27017
---
apiVersion: v1
kind: Service
metadata:
  name: user
spec:
  selector: { name: user }
  ports:
    - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: user-db
spec:
  selector:
    matchLabels: { name: user-db }
  template:
    metadata:
      labels: { name: user-db }
    spec:
      containers:
        - name: user-db
          image: mongo:7
---
apiVersion: v1
kind: Service
metadata:
  name: user-db
spec:
  selector: { name: user-db }
  ports:
    - port: 27017
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: front-end
spec:
  selector:
    matchLabels: { name: front-end }
  template:
    metadata:
      labels: { name: front-end }
    spec:
      containers:
        - name: front-end
          image: example/front-end:1.0
---
apiVersion: v1
kind: Service
metadata:
  name: front-end
spec:
  type: LoadBalancer
  selector: { name: front-end }
  ports:
    - port: 80
`;

describe('a users service called `user`', () => {
  for (const [label, files] of [
    ['in docker-compose', { 'docker-compose.yml': COMPOSE }],
    ['in Kubernetes manifests', { 'k8s/shop.yaml': K8S }],
    ['in both', { 'docker-compose.yml': COMPOSE, 'k8s/shop.yaml': K8S }],
  ] as const) {
    it(`stays a service apart from the User actor (${label})`, async () => {
      const { model } = await modelRepository(repo(files));
      const actor = model.elements.find((e) => e.id === 'user');
      assert.equal(actor?.kind, 'actor');
      const service = model.elements.filter((e) => e.name === 'user' && e.kind !== 'actor');
      assert.deepEqual(service.map((e) => [e.id, e.kind]), [['user-service', 'process']]);
      const flows = model.flows.map((f) => `${f.source}->${f.target}`).sort();
      assert.ok(flows.includes('user->front-end'), flows.join(', '));
      assert.ok(flows.includes('user-service->user-db'), flows.join(', '));
      assert.ok(!flows.includes('user->user-db'), flows.join(', '));
    });
  }
});

describe('the same manifests copied into two deploy folders', () => {
  it('state each fact once per file and line', async () => {
    const { model } = await modelRepository(repo({ 'kubernetes-manifests/shop.yaml': K8S, 'release/shop.yaml': K8S }));
    const people = model.flows.find((f) => f.id === 'user->front-end');
    assert.ok(people);
    const sites = people.evidence!.map((e) => `${e.file}:${e.line}`);
    assert.deepEqual(sites, ['kubernetes-manifests/shop.yaml:72', 'release/shop.yaml:72']);
  });
});

describe('a Helm chart whose Service templates hold no template actions', () => {
  it('is left to Helm as a whole: none of its templates is read', async () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: user-db\nspec:\n  selector: { name: user-db }\n  ports:\n    - port: 27017\n';
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: user-db\nspec:\n  replicas: {{ .Values.replicas }}\n';
    const { sources } = await modelRepository(repo({ 'docker-compose.yml': COMPOSE, 'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n', 'chart/templates/user-db-svc.yaml': service, 'chart/templates/user-db-dep.yaml': deployment }));
    assert.deepEqual(sources.read.map((r) => r.file), ['docker-compose.yml']);
    const helm = sources.notModelled.find((n) => n.what.startsWith('Helm charts'));
    assert.equal(helm?.files, 3);
  });
});

describe('databases built from custom images', () => {
  it('are datastores when the service or image is named for a database', async () => {
    const compose = `services:
  catalogue:
    image: example/catalogue:0.3.5
    environment:
      - DB_HOST=catalogue-db
  catalogue-db:
    image: example/catalogue-db:0.3.0
  orders_db_1:
    image: example/orders-store:2
  dbadmin:
    image: example/dbadmin:1
`;
    const k8s = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: carts
spec:
  template:
    spec:
      containers:
        - name: carts-store
          image: example/carts-db:1.0
`;
    const { model } = await modelRepository(repo({ 'docker-compose.yml': compose, 'k8s/carts.yaml': k8s }));
    const kinds = Object.fromEntries(model.elements.map((e) => [e.id, e.kind]));
    assert.equal(kinds['catalogue-db'], 'datastore');
    assert.equal(kinds['orders_db_1'] ?? kinds['orders-db-1'], 'datastore');
    assert.equal(kinds['carts'], 'datastore', 'a workload whose image is named for a database');
    assert.equal(kinds['catalogue'], 'process');
    assert.equal(kinds['dbadmin'], 'process', 'a name that only starts with "db" is not a database');
  });
});
