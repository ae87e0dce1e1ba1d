// Dockerfiles in repository models: a shop whose compose services are built from Dockerfiles (a custom
// `dockerfile:` name, multi-stage builds, numeric, named and root users, no USER, a compose `user:` that
// overrides the image's, a Flask API), a Node.js service and a Go service no compose file names, a variant and a tooling
// image that are not services; then one Dockerfile on its own, and one a Kubernetes Deployment runs.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/model/engine/analyze.js';
import type { Threat } from '../../../src/model/engine/types.js';
import { readDockerfileImage } from '../../../src/model/repository/dockerfile-image.js';
import { modelRepository } from '../../../src/model/repository/index.js';
import { element } from '../adapters/helpers.js';
import { decided } from './evidence-views.js';
import { scratchRepositories } from './scratch-repository.js';

const SHOP = join(import.meta.dirname, 'fixtures/dockerfiles/shop');
const repo = scratchRepositories('bulwark-dockerfile-');
const at = (t: Threat | undefined) => t?.locations.map((l) => `${l.file}:${l.line}`) ?? [];
const says = (e: { evidence?: { file: string; line: number; says: string }[] }, file: string) => (e.evidence ?? []).filter((x) => x.file === file).map((x) => `${x.line}: ${x.says}`);

describe('a shop built from Dockerfiles', async () => {
  const { model, sources } = await modelRepository(SHOP);
  const threats = analyze(model).threats;
  const threat = (id: string) => threats.find((t) => t.id === id);

  it('reads the Dockerfiles it models, and says why it leaves the others out', () => {
    assert.deepEqual(
      sources.read.filter((r) => r.source === 'dockerfile').map((r) => r.file),
      ['admin/Dockerfile', 'api/Dockerfile', 'jobs/Dockerfile', 'notifier/Dockerfile', 'reports/Dockerfile', 'web/Dockerfile.prod'],
    );
    assert.ok(!sources.notModelled.some((n) => /Dockerfile/.test(n.what)));
    const notes = sources.notes.map((n) => `${n.file}: ${n.message}`);
    assert.ok(notes.some((n) => n.startsWith('tools/Dockerfile: Dockerfile that runs nothing')), notes.join('\n'));
    assert.ok(notes.some((n) => n.startsWith('api/Dockerfile.dev: a variant of the Dockerfile of api')), notes.join('\n'));
    assert.deepEqual(model.elements.map((e) => e.id).sort(), ['admin', 'api', 'db', 'jobs', 'notifier', 'reports', 'user', 'web']);
  });

  it('joins the compose service built with a custom dockerfile name, and reads the final stage of its multi-stage build', () => {
    const web = element(model, 'web');
    assert.equal(web.kind, 'web-app');
    assert.equal(web.technology, 'Vite', 'the frontend code names it, not the nginx base image');
    assert.deepEqual(decided(web, 'runsAsRoot'), ['web/Dockerfile.prod:9=true']);
    assert.ok(says(web, 'web/Dockerfile.prod').includes('9: no USER instruction: the container runs as root'));
    assert.ok(says(web, 'web/Dockerfile.prod').includes('11: EXPOSE 80: the container listens on this port'));
    assert.deepEqual(at(threat('TM-K8S-001@web')), ['docker-compose.yml:2', 'web/Dockerfile.prod:9']);
  });

  it('follows FROM base to the base image, and leaves the technology to the Python code of the folder', () => {
    const api = element(model, 'api');
    assert.equal(api.technology, 'Python (Flask)');
    assert.equal(api.location?.file, 'docker-compose.yml', 'the compose service keeps its place');
    assert.deepEqual(decided(api, 'runsAsRoot'), ['api/Dockerfile:14=false']);
    const lines = says(api, 'api/Dockerfile');
    assert.ok(lines.includes('10: FROM base (built on python:3.12-slim): the image is built from this Dockerfile'), lines.join('\n'));
    assert.ok(lines.includes('1: FROM python:3.12-slim: the base image is named by a tag, not pinned by digest; a re-pointed tag changes what is built'));
    assert.ok(lines.includes('16: HEALTHCHECK: Docker checks that the service answers'));
    assert.equal(threat('TM-K8S-001@api'), undefined);
  });

  it('states a literal ENV secret as stored credentials, masked', () => {
    const api = element(model, 'api');
    assert.equal(api.props.storesCredentials, true);
    assert.deepEqual(decided(api, 'storesCredentials'), ['api/Dockerfile:13=true']);
    assert.ok(says(api, 'api/Dockerfile').includes('13: ENV SECRET_KEY is a literal secret in the Dockerfile, readable in the image (docker inspect) (masked: f3b9****)'));
    assert.ok(!JSON.stringify(model).includes('f3b9c1d27a64e8b05d9c2f7e1a3b6d48'));
    assert.ok(at(threat('TM-SECRET-001@api')).includes('api/Dockerfile:13'));
  });

  it('takes USER root at its line, and notes downloads run or unpacked at build time without their credentials', () => {
    const admin = element(model, 'admin');
    assert.deepEqual(decided(admin, 'runsAsRoot'), ['admin/Dockerfile:5=true']);
    assert.equal(admin.technology, undefined, 'an operating-system base image says nothing of what runs on it');
    const lines = says(admin, 'admin/Dockerfile');
    assert.ok(lines.includes('2: RUN pipes a download into an interpreter (curl … | sh) without verifying it: whoever serves it decides what the image runs'), lines.join('\n'));
    assert.ok(lines.includes('4: ADD downloads https://downloads.example.com/admin/console.tar.gz at build time without a checksum: whoever serves it decides what the image holds'));
    assert.ok(!JSON.stringify(model).includes('Tk93hQ2vXw'));
    assert.deepEqual(at(threat('TM-K8S-001@admin')), ['docker-compose.yml:16', 'admin/Dockerfile:5']);
  });

  it('leaves the user to compose where the service sets user:', () => {
    const jobs = element(model, 'jobs');
    assert.equal(jobs.props.runsAsRoot, false);
    assert.deepEqual(decided(jobs, 'runsAsRoot'), ['docker-compose.yml:24=false']);
    assert.ok(says(jobs, 'jobs/Dockerfile').includes('1: no USER instruction: the container runs as root (compose service jobs overrides it with user:)'));
    assert.equal(jobs.technology, 'Ruby 3.3', 'no code of the folder is read: the base image names the runtime');
  });

  it('joins the Node.js application of the Dockerfile’s folder, which names it', () => {
    const notifier = element(model, 'notifier');
    assert.equal(notifier.name, 'shop-notifier');
    assert.equal(notifier.technology, 'Node.js (Express)');
    assert.deepEqual(decided(notifier, 'runsAsRoot'), ['notifier/Dockerfile:6=false']);
    assert.equal(notifier.props.authenticatesCallers, false, 'what the code decides is kept');
  });

  it('models a Go service no compose file names, on a distroless non-root base', () => {
    const reports = element(model, 'reports');
    assert.equal(reports.technology, 'distroless (static-debian12)');
    assert.equal(reports.location?.file, 'reports/Dockerfile');
    assert.deepEqual(decided(reports, 'runsAsRoot'), ['reports/Dockerfile:6=false']);
    assert.equal(threat('TM-K8S-001@reports'), undefined);
    assert.equal(threat('TM-SUPPLY-002@reports'), undefined, 'a distroless base is a verified base in the knowledge base’s words');
  });

  it('raises the base-image threat for a container built on a tag, not for one pinned by digest', () => {
    assert.ok(threat('TM-SUPPLY-002@api'));
    assert.ok(threat('TM-SUPPLY-002@notifier'));
  });
});

describe('Dockerfiles on their own and with Kubernetes', () => {
  it('models a lone Dockerfile as its folder’s service, and a digest-pinned non-root one without the root and base-image threats', async () => {
    const digest = 'sha256:9b2f6e0c4d1a8b7e3f5c2a9d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c';
    const dir = repo({
      'billing/Dockerfile': `FROM python:3.12-slim@${digest}\nWORKDIR /app\nCOPY . .\nUSER 10001\nEXPOSE 8000\nCMD ["python", "-m", "billing"]\n`,
      'ledger/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\nCMD ["python", "-m", "ledger"]\n',
    });
    const { model, refusal } = await modelRepository(dir);
    assert.equal(refusal, undefined);
    assert.deepEqual(model.elements.map((e) => [e.id, e.technology]), [['billing', 'Python 3.12'], ['ledger', 'Python 3.12']]);
    const threats = analyze(model).threats.map((t) => t.id);
    assert.equal(element(model, 'billing').description, 'Runs in a container built from a Dockerfile on a base pinned by digest');
    assert.ok(!threats.includes('TM-K8S-001@billing') && !threats.includes('TM-SUPPLY-002@billing'), threats.join(', '));
    assert.deepEqual(decided(element(model, 'ledger'), 'runsAsRoot'), ['ledger/Dockerfile:1=true']);
    assert.ok(threats.includes('TM-K8S-001@ledger') && threats.includes('TM-SUPPLY-002@ledger'), threats.join(', '));
  });

  it('reads the stage a compose build targets, not the last one', async () => {
    const dir = repo({
      'compose.yaml': 'services:\n  backend:\n    build:\n      context: backend\n      target: builder\n    ports:\n      - "8000:8000"\n',
      'backend/Dockerfile': 'FROM golang:1.22-alpine AS builder\nWORKDIR /src\nCOPY . .\nRUN go build -o /server .\nCMD ["/server"]\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=builder /server /server\nENTRYPOINT ["/server"]\n',
    });
    const backend = element((await modelRepository(dir)).model, 'backend');
    assert.equal(backend.technology, 'Go 1.22');
    assert.deepEqual(decided(backend, 'runsAsRoot'), ['backend/Dockerfile:1=true']);
    assert.ok(says(backend, 'backend/Dockerfile').includes('1: FROM golang:1.22-alpine, stage builder (the build target): the image is built from this Dockerfile'));
  });

  it('joins the Python application of the Dockerfile’s folder, under the name its manifest gives', async () => {
    const dir = repo({
      'svc/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\nEXPOSE 5000\nCMD ["flask", "run", "--host", "0.0.0.0"]\n',
      'svc/pyproject.toml': '[project]\nname = "ledger-svc"\nversion = "1.0.0"\ndependencies = ["flask>=3.0"]\n',
      'svc/app.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get("/balance")\ndef balance():\n    return {"balance": 0}\n',
    });
    const { model } = await modelRepository(dir);
    assert.deepEqual(model.elements.map((e) => [e.id, e.name, e.technology]), [['svc', 'ledger-svc', 'Python (Flask)']]);
    assert.deepEqual(decided(element(model, 'svc'), 'runsAsRoot'), ['svc/Dockerfile:1=true']);
  });

  it('joins the Kubernetes Deployment whose image is named after the Dockerfile’s folder', async () => {
    const dir = repo({
      'services/orders/Dockerfile': 'FROM eclipse-temurin:21-jre\nCOPY target/orders.jar /orders.jar\nEXPOSE 8080\nENTRYPOINT ["java", "-jar", "/orders.jar"]\n',
      'deploy/orders.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: order-service',
        'spec:',
        '  selector: { matchLabels: { app: orders } }',
        '  template:',
        '    metadata: { labels: { app: orders } }',
        '    spec:',
        '      containers:',
        '        - name: orders',
        '          image: ghcr.io/acme/orders:1.4.2',
        '',
      ].join('\n'),
    });
    const { model } = await modelRepository(dir);
    assert.deepEqual(model.elements.map((e) => e.id), ['order-service']);
    const orders = element(model, 'order-service');
    assert.equal(orders.runtime, 'Kubernetes cluster');
    assert.deepEqual(decided(orders, 'runsAsRoot'), ['services/orders/Dockerfile:1=true']);
  });

  it('leaves the user to the pod’s securityContext, and names a service by the folder above a generic src/', async () => {
    const dir = repo({
      'cart/src/Dockerfile': 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out/ /app/\nEXPOSE 7070\nENTRYPOINT ["dotnet", "/app/cart.dll"]\n',
      'deploy/cart.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: cart',
        'spec:',
        '  template:',
        '    spec:',
        '      securityContext:',
        '        runAsUser: 10001',
        '        runAsNonRoot: true',
        '      containers:',
        '        - name: cart',
        '          image: registry.example.com/shop/cart:2.0',
        '',
      ].join('\n'),
    });
    const { model } = await modelRepository(dir);
    assert.deepEqual(model.elements.map((e) => e.id), ['cart']);
    const cart = element(model, 'cart');
    assert.equal(cart.props.runsAsRoot, false);
    const stated = decided(cart, 'runsAsRoot');
    assert.ok(stated.length > 0 && stated.every((d) => d.startsWith('deploy/cart.yaml:') && d.endsWith('=false')), stated.join(', '));
    assert.ok(says(cart, 'cart/src/Dockerfile').includes('1: no USER instruction: the container runs as root (workload cart sets its user in securityContext)'));
  });
});

describe('reading one Dockerfile', () => {
  const image = (text: string) => readDockerfileImage('Dockerfile', text) ?? assert.fail('no image');

  it('resolves a base image from a global ARG default, and keeps ARG secrets masked', () => {
    const found = image('ARG BASE=node:20-alpine\nFROM ${BASE}\nARG NPM_TOKEN=npm_8f2KqL0vXr5TzW9yBn3Hc6Jd1Mp4Sa7Ue2Gi\nUSER node\nCMD ["node", "server.js"]\n');
    assert.equal(found.base, 'node:20-alpine');
    assert.equal(found.baseFacts.technology, 'Node.js 20');
    assert.equal(found.props.runsAsRoot, false);
    assert.equal(found.props.storesCredentials, true);
    assert.ok(!JSON.stringify(found).includes('8f2KqL0vXr5TzW9yBn3Hc6Jd1Mp4Sa7Ue2Gi'));
  });

  it('decides nothing about the user it cannot know', () => {
    assert.equal(image('FROM node:20\nARG APP_USER\nUSER ${APP_USER}\nCMD ["node", "a.js"]\n').props.runsAsRoot, undefined);
    assert.equal(image('FROM bitnami/node:20\nCMD ["node", "a.js"]\n').props.runsAsRoot, undefined);
    assert.equal(image('FROM ${BASE}\nCMD ["x"]\n').props.runsAsRoot, undefined);
    assert.equal(image('FROM cgr.dev/chainguard/node:latest\nCMD ["a.js"]\n').props.runsAsRoot, false);
    assert.equal(image('FROM node:20\nUSER 0:0\n').props.runsAsRoot, true);
  });

  it('reads nothing from a file without FROM', () => {
    assert.equal(readDockerfileImage('Dockerfile', '# just a comment\nRUN echo hi\n'), undefined);
  });
});
