// Python application code in repository models: a compose repository whose Flask API builds SQL from
// requests and calls a payment provider, whose worker consumes RabbitMQ and writes to PostgreSQL — each
// property located at the code line that decides it, each client a flow — and the hardened Flask API whose
// controls are registered in an app factory.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze } from '../../../src/model/engine/analyze.js';
import { modelRepository } from '../../../src/model/repository/index.js';
import { element, flowById as flow } from '../adapters/helpers.js';
import { decided } from './evidence-views.js';

const APPS = join(import.meta.dirname, 'fixtures/python-apps');

const scratch: string[] = [];
after(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));
/** A repository of fixture applications (`{ folder: fixture }`) and the compose file that runs them. */
function repoWith(apps: Record<string, string>, compose: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-python-repo-'));
  scratch.push(dir);
  for (const [folder, app] of Object.entries(apps)) cpSync(join(APPS, app), join(dir, folder), { recursive: true });
  writeFileSync(join(dir, 'docker-compose.yml'), compose);
  return dir;
}

const COMPOSE = `services:
  api:
    build: ./api
    ports:
      - "5000:5000"
    environment:
      DB_HOST: db
  worker:
    build: ./worker
    environment:
      RABBITMQ_HOST: rabbitmq
      RABBITMQ_PASSWORD: \${RABBITMQ_PASSWORD}
      DATABASE_URL: postgresql://ledger@db:5432/ledger
      PGPASSWORD: \${LEDGER_DB_PASSWORD}
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
  rabbitmq:
    image: rabbitmq:3.13-management
`;

describe('a compose repository with a Flask API, a Python worker and PostgreSQL', async () => {
  const dir = repoWith({ api: 'flask-insecure', worker: 'worker' }, COMPOSE);
  const { model, sources } = await modelRepository(dir);
  const { threats } = analyze(model);

  it('reads the Python files and joins each application to the compose service built from its folder', () => {
    assert.deepEqual(sources.read.filter((r) => r.source === 'python').map((r) => r.file), ['api/app.py', 'worker/worker.py']);
    assert.ok(!sources.notModelled.some((n) => n.what === 'application code'));
    const api = element(model, 'api');
    assert.equal(api.kind, 'process');
    assert.equal(api.technology, 'Python (Flask)');
    assert.equal(api.props.customDeveloped, true);
    // The compose service's line stays the element's location; the code's lines are its evidence.
    assert.deepEqual(api.location, { file: 'docker-compose.yml', line: 2 });
    const worker = element(model, 'worker');
    assert.equal(worker.kind, 'process');
    assert.equal(worker.technology, 'Python');
    assert.equal(element(model, 'db').kind, 'datastore');
  });

  it('states the API’s missing controls at the code lines that show them', () => {
    const api = element(model, 'api');
    assert.deepEqual(decided(api, 'authenticatesCallers'), ['api/app.py:21=false']);
    assert.deepEqual(decided(api, 'corsRestricted'), ['api/app.py:15=false']);
    assert.deepEqual(decided(api, 'rateLimited'), ['api/app.py:48=false']);
    assert.deepEqual(decided(api, 'sizeLimits'), ['api/app.py:38=false']);
    assert.deepEqual(decided(api, 'validatesInput'), ['api/app.py:25=false']);
    assert.ok(api.evidence!.some((e) => e.prop === 'validatesInput' && /SQL built by concatenating request data/.test(e.says)));
    assert.deepEqual(decided(api, 'storesCredentials'), ['api/app.py:14=true', 'api/app.py:18=true']);
    assert.ok(!JSON.stringify(model).includes('Wint3r-Orders-2024'));
    assert.deepEqual(decided(api, 'auditLogging'), ['api/app.py:48=false']);
    assert.ok(api.evidence!.some((e) => e.line === 48 && /Werkzeug debugger/.test(e.says)));
    assert.ok(sources.notes.some((n) => n.file === 'api/app.py' && n.line === 48 && /debug/.test(n.message)));
  });

  it('turns the clients into flows: to the database, the broker and the payment provider', () => {
    const toDb = flow(model, 'api->db');
    assert.equal(toDb.protocol, 'postgres');
    assert.equal(toDb.encrypted, false);
    assert.ok(toDb.evidence!.some((e) => e.file === 'api/app.py' && e.line === 18 && /DB_HOST is db/.test(e.says)));
    const toBroker = flow(model, 'worker->rabbitmq');
    assert.equal(toBroker.protocol, 'amqp');
    assert.ok(toBroker.evidence!.some((e) => e.file === 'worker/worker.py' && e.line === 12));
    const ledger = flow(model, 'worker->db');
    assert.equal(ledger.protocol, 'postgres');
    assert.ok(ledger.evidence!.some((e) => e.file === 'worker/worker.py' && e.line === 13 && /DATABASE_URL is/.test(e.says)));
    const payments = flow(model, 'api->external:api.payments-provider.com');
    assert.equal(payments.encrypted, true);
    assert.deepEqual(payments.location, { file: 'api/app.py', line: 42 });
    const user = flow(model, 'user->api');
    assert.equal(user.encrypted, false);
    assert.ok(user.evidence!.some((e) => e.file === 'api/app.py' && e.line === 48 && /plain HTTP/.test(e.says)));
  });

  it('raises SQL injection into the database where the API splices request data', () => {
    const sqli = threats.find((t) => t.id === 'TM-DB-001@db');
    assert.ok(sqli, threats.map((t) => t.id).join(', '));
    assert.ok(sqli.locations.some((l) => l.file === 'api/app.py' && l.line === 25));
  });
});

describe('a hardened Flask API whose controls are bound in an app factory', async () => {
  const dir = repoWith({ api: 'flask-factory' }, `services:
  api:
    build: ./api
    ports:
      - "8443:8443"
    environment:
      DATABASE_HOST: postgres
  postgres:
    image: postgres:16
`);
  const { model } = await modelRepository(dir);

  it('states the controls at the lines that register them', () => {
    const api = element(model, 'api');
    assert.equal(api.technology, 'Python (Flask)');
    assert.deepEqual(decided(api, 'authenticatesCallers'), ['api/shop/routes.py:29=true']);
    assert.deepEqual(decided(api, 'corsRestricted'), ['api/shop/__init__.py:10=true']);
    assert.deepEqual(decided(api, 'rateLimited'), ['api/shop/__init__.py:12=true']);
    assert.deepEqual(decided(api, 'sizeLimits'), ['api/shop/config.py:10=true']);
    assert.deepEqual(decided(api, 'validatesInput'), ['api/shop/routes.py:7=true']);
    assert.deepEqual(decided(api, 'auditLogging'), ['api/shop/routes.py:34=true']);
    assert.deepEqual(decided(api, 'storesCredentials'), []);
    assert.ok(api.evidence!.some((e) => e.line === 23 && /GET \/api\/v1\/health is public/.test(e.says)));
  });

  it('reaches the database over TLS, as sslmode=require says', () => {
    const toDb = flow(model, 'api->postgres');
    assert.equal(toDb.encrypted, true);
    assert.ok(toDb.evidence!.some((e) => e.prop === 'encrypted' && e.file === 'api/shop/routes.py' && e.line === 19));
  });
});

describe('what a service is built with', () => {
  it('is named by its code’s framework over the image name compose tags the build with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-py-tech-'));
    scratch.push(dir);
    cpSync(join(APPS, 'flask-insecure'), join(dir, 'vote'), { recursive: true });
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  vote:\n    image: example/voting-vote:1.4\n    build: ./vote\n    ports:\n      - "5000:5000"\n');
    const { model } = await modelRepository(dir);
    assert.equal(element(model, 'vote').technology, 'Python (Flask)');
  });
});

describe('debug mode', () => {
  it('is a threat at the line that turns it on: the Werkzeug debugger runs what a caller types', async () => {
    const { model } = await modelRepository(join(APPS, 'flask-insecure'));
    const report = analyze(model);
    const threat = report.threats.find((t) => t.ruleId === 'TM-API-007');
    assert.ok(threat, report.threats.map((t) => t.id).join(', '));
    assert.ok(threat.locations.some((l) => l.file === 'app.py' && l.line === 48), JSON.stringify(threat.locations));
  });
});
