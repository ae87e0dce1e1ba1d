// Application code in repository models: the ordering system's Express API and worker, an insecure API that
// builds SQL from requests and calls a third party, and a hardened API whose controls remove the threats —
// each property and threat located at the code line that decides it.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze } from '../../../src/model/engine/analyze.js';
import type { Threat } from '../../../src/model/engine/types.js';
import { modelRepository } from '../../../src/model/repository/index.js';
import { element, flowById as flow } from '../adapters/helpers.js';
import { decided } from './evidence-views.js';

const ROOT = join(import.meta.dirname, '../../..');
const ORDERING = join(ROOT, 'examples/ordering-system');
const APPS = join(import.meta.dirname, 'fixtures/node-apps');

const scratch: string[] = [];
after(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));
/** A repository of one fixture application, built in `api/`, and the compose file that runs it. */
function repoWith(app: string, compose: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-node-repo-'));
  scratch.push(dir);
  cpSync(join(APPS, app), join(dir, 'api'), { recursive: true });
  writeFileSync(join(dir, 'docker-compose.yml'), compose);
  return dir;
}

const threat = (threats: Threat[], id: string) => {
  const found = threats.find((t) => t.id === id);
  assert.ok(found, `threat ${id}: ${threats.map((t) => t.id).join(', ')}`);
  return found;
};
const at = (t: Threat) => t.locations.map((l) => `${l.file}:${l.line}`);

describe('the ordering system, with its application code', async () => {
  const { model, sources } = await modelRepository(ORDERING);
  const { threats } = analyze(model);

  it('reads the JavaScript it models and no longer lists it as not modelled', () => {
    assert.deepEqual(sources.read.filter((r) => r.source === 'node').map((r) => r.file), ['api/src/server.js', 'frontend/src/App.jsx', 'worker/src/worker.js']);
    assert.ok(!sources.notModelled.some((n) => n.what === 'application code'));
  });

  it('states the API’s missing controls at the code lines that show them', () => {
    const api = element(model, 'api');
    assert.equal(api.props.authenticatesCallers, false);
    assert.deepEqual(decided(api, 'authenticatesCallers'), ['api/src/server.js:19=false']);
    assert.deepEqual(decided(api, 'corsRestricted'), ['api/src/server.js:7=false']);
    assert.deepEqual(decided(api, 'rateLimited'), ['api/src/server.js:30=false']);
    assert.ok(api.evidence!.some((e) => e.prop === 'rateLimited' && /no rate limiter is registered/.test(e.says)));
    assert.ok(decided(api, 'storesCredentials').includes('api/src/server.js:13=true'));
    assert.ok(decided(element(model, 'worker'), 'storesCredentials').includes('worker/src/worker.js:4=true'));
    // Its queries are parameterised, but the order body is taken as it comes: no validation library is used.
    assert.deepEqual(decided(api, 'validatesInput'), ['api/src/server.js:19=false']);
    assert.ok(api.evidence!.some((e) => e.prop === 'validatesInput' && /no validation library/.test(e.says)));
    assert.deepEqual(api.evidence!.filter((e) => /parameterised SQL/.test(e.says)).map((e) => e.line), [20, 26]);
    // It writes orders and keeps no audit trail of who did.
    assert.deepEqual(decided(api, 'auditLogging'), ['api/src/server.js:30=false']);
    assert.ok(!JSON.stringify(model).includes('rootpassword') && !JSON.stringify(model).includes('orders123'));
  });

  it('draws the API → SQS and worker → MariaDB flows from the code', () => {
    // The queue LocalStack runs, reached through it.
    const toQueue = flow(model, 'api->terraform/aws_sqs_queue.orders');
    assert.equal(toQueue.label, 'SQS sendMessage');
    assert.equal(toQueue.encrypted, false);
    assert.ok(toQueue.evidence!.some((e) => e.file === 'api/src/server.js' && e.line === 21));
    const fromQueue = flow(model, 'worker->terraform/aws_sqs_queue.orders');
    assert.equal(fromQueue.label, 'SQS receiveMessage; SQS deleteMessage');
    const toDb = flow(model, 'worker->mariadb');
    assert.equal(toDb.encrypted, false);
    assert.deepEqual(decided(toDb, 'encrypted').filter((e) => e.startsWith('worker/')), ['worker/src/worker.js:9=false']);
    assert.ok(flow(model, 'api->mariadb').evidence!.some((e) => e.file === 'api/src/server.js' && e.line === 10));
    // The browser code calls the API on the port compose publishes.
    assert.ok(flow(model, 'user->api').evidence!.some((e) => e.file === 'frontend/src/App.jsx' && e.line === 8));
  });

  it('reports the gaps with their code evidence', () => {
    assert.ok(at(threat(threats, 'TM-API-001@api')).includes('api/src/server.js:19'));
    assert.ok(at(threat(threats, 'TM-API-005@api')).includes('api/src/server.js:7'));
    assert.ok(at(threat(threats, 'TM-API-003@api')).includes('api/src/server.js:30'));
    assert.ok(at(threat(threats, 'TM-SECRET-001@api')).includes('api/src/server.js:13'));
    assert.ok(at(threat(threats, 'TM-SECRET-001@worker')).includes('worker/src/worker.js:4'));
    assert.ok(at(threat(threats, 'TM-FLOW-002@user->api')).includes('api/src/server.js:30'));
    for (const id of ['TM-API-001@api', 'TM-API-005@api', 'TM-API-003@api', 'TM-FLOW-002@user->api']) assert.equal(threat(threats, id).status, 'open', id);
  });
});

describe('an API that builds SQL from requests', async () => {
  const dir = repoWith(
    'insecure-api',
    ['services:', '  api:', '    build: ./api', '    ports:', '      - "3000:3000"', '  mariadb:', '    image: mariadb:11.4', '  localstack:', '    image: localstack/localstack', '    environment:', '      SERVICES: sqs', '  worker:', '    image: node:20', ''].join('\n'),
  );
  const { model } = await modelRepository(dir);
  const { threats } = analyze(model);

  it('states validatesInput false at the concatenated statement, and confirms SQL injection there', () => {
    const api = element(model, 'api');
    assert.deepEqual(decided(api, 'validatesInput'), ['api/src/server.js:25=false']);
    assert.ok(at(threat(threats, 'TM-DB-001@mariadb')).length > 0);
    assert.deepEqual(decided(api, 'corsRestricted'), ['api/src/server.js:11=false']);
    assert.deepEqual(decided(api, 'storesCredentials'), ['api/src/server.js:17=true']);
  });

  it('resolves hosts written in the code, and names a third party by its domain', () => {
    assert.ok(flow(model, 'api->mariadb').evidence!.some((e) => e.line === 14));
    assert.equal(flow(model, 'api->localstack').label, 'SQS sendMessage');
    assert.equal(flow(model, 'api->worker').encrypted, false);
    const stripe = element(model, 'external:api.stripe.com');
    assert.equal(stripe.kind, 'external-system');
    assert.equal(flow(model, 'api->external:api.stripe.com').encrypted, true);
  });
});

describe('a hardened API', async () => {
  const dir = repoWith(
    'hardened-api',
    [
      'services:',
      '  api:',
      '    build: ./api',
      '    ports:',
      '      - "8443:8443"',
      '    environment:',
      '      PORT: "8443"',
      '      DB_HOST: mariadb',
      '      ORDER_QUEUE_URL: https://sqs.eu-west-1.amazonaws.com/123456789012/orders',
      '  mariadb:',
      '    image: mariadb:11.4',
      '',
    ].join('\n'),
  );
  const { model } = await modelRepository(dir);
  const report = analyze(model);

  it('states the controls the code applies, each at its line', () => {
    const api = element(model, 'api');
    assert.deepEqual(decided(api, 'authenticatesCallers'), ['api/src/middleware/auth.js:10=true']);
    assert.deepEqual(decided(api, 'corsRestricted'), ['api/src/server.js:17=true']);
    assert.deepEqual(decided(api, 'rateLimited'), ['api/src/server.js:18=true']);
    assert.deepEqual(decided(api, 'sizeLimits'), ['api/src/server.js:19=true']);
    assert.equal(api.props.validatesInput, true);
    assert.equal(api.props.auditLogging, true);
    assert.equal(api.props.storesCredentials, undefined);
    assert.ok(api.evidence!.some((e) => /GET \/health is public/.test(e.says)));
    assert.ok(api.evidence!.some((e) => /helmet/.test(e.says)));
  });

  it('draws TLS into the API and to the queue the compose environment names', () => {
    const inbound = flow(model, 'user->api');
    assert.equal(inbound.encrypted, true);
    assert.ok(decided(inbound, 'encrypted').includes('api/src/server.js:26=true'));
    const queue = element(model, 'sqs:orders');
    assert.equal(queue.kind, 'queue');
    assert.equal(flow(model, 'api->sqs:orders').encrypted, true);
  });

  it('mitigates the gaps of the insecure API, with the code line that does', () => {
    const open = new Set(report.threats.map((t) => t.id));
    for (const id of ['TM-API-001@api', 'TM-API-003@api', 'TM-API-005@api', 'TM-SECRET-001@api', 'TM-FLOW-002@user->api', 'TM-DB-001@mariadb', 'TM-INJ-001@api->mariadb']) assert.ok(!open.has(id), id);
    const mitigated = (id: string) => report.mitigatedByDesign.find((t) => t.id === id) ?? assert.fail(`${id} is not mitigated by design`);
    assert.deepEqual(mitigated('TM-API-001@api').suppressedBy, ['api authenticates its callers']);
    assert.ok(at(mitigated('TM-API-001@api')).includes('api/src/middleware/auth.js:10'));
    assert.ok(at(mitigated('TM-API-003@api')).includes('api/src/server.js:18'));
    assert.ok(at(mitigated('TM-FLOW-002@user->api')).includes('api/src/server.js:26'));
    // The SDK signs its calls: the flows to AWS are authenticated, and encrypted.
    assert.equal(flow(model, 'api->sqs:orders').authenticated, true);
  });
});
