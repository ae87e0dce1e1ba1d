// `bulwark model <dir>` on repositories: the ordering-system example, a shop behind nginx with split
// networks and loopback-bound stores, a README-only folder, and values from `.env` versus the shell.

import assert from 'node:assert/strict';
import { scratchRepositories } from './scratch-repository.js';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/model/engine/analyze.js';
import { modelRepository } from '../../../src/model/repository/index.js';
import { runCli } from '../../helpers/cli.js';
import { element, flowById as flow } from '../adapters/helpers.js';

const ROOT = join(import.meta.dirname, '../../..');
const ORDERING = join(ROOT, 'examples/ordering-system');
const SHOP = join(ROOT, 'test/fixtures/repositories/shop');

const lineOf = (e: { evidence?: { line: number; prop?: string }[] }, prop: string) => e.evidence?.find((x) => x.prop === prop)?.line;

const repo = scratchRepositories('bulwark-repo-');

describe('the ordering-system repository', async () => {
  const { model, sources } = await modelRepository(ORDERING);

  it('models every service with its kind and technology', () => {
    const kinds = Object.fromEntries(model.elements.map((e) => [e.id, e.kind]));
    assert.deepEqual(kinds, { user: 'actor', frontend: 'web-app', api: 'process', worker: 'process', mariadb: 'datastore', 'terraform/aws_sqs_queue.orders': 'queue' });
    assert.equal(element(model, 'mariadb').technology, 'MariaDB 11.4');
    assert.equal(element(model, 'api').technology, 'Node.js (Express)');
  });

  it('states exposure, credentials and custom code with the compose lines that show them', () => {
    const db = element(model, 'mariadb');
    assert.equal(db.props.internetFacing, true);
    assert.equal(lineOf(db, 'internetFacing'), 46);
    assert.equal(db.props.weakCredentials, true);
    assert.equal(lineOf(db, 'weakCredentials'), 48); // MYSQL_ROOT_PASSWORD
    // MariaDB encrypts nothing at rest unless told to, and this service does not say so.
    assert.equal(db.props.encryptedAtRest, false);
    assert.equal(lineOf(db, 'encryptedAtRest'), 44); // image: mariadb:11.4
    const api = element(model, 'api');
    assert.equal(api.props.storesCredentials, true);
    assert.equal(lineOf(api, 'storesCredentials'), 18);
    assert.equal(api.props.internetFacing, true);
    assert.equal(element(model, 'worker').props.internetFacing, undefined);
  });

  it('never copies a secret value into the model', () => {
    const text = JSON.stringify(model);
    for (const secret of ['rootpassword', 'orders123']) assert.ok(!text.includes(secret), secret);
  });

  it('draws the flows from environment URLs, host names and depends_on, with protocol and encryption', () => {
    // The queue LocalStack holds is reached through it (the emulator itself is the container it runs in).
    const sqs = flow(model, 'api->terraform/aws_sqs_queue.orders');
    assert.deepEqual([sqs.protocol, sqs.port, sqs.encrypted], ['sqs', 4566, false]);
    assert.equal(lineOf(sqs, 'encrypted'), 19);
    const db = flow(model, 'worker->mariadb');
    assert.deepEqual([db.protocol, db.encrypted, db.authenticated], ['mysql', false, true]);
    assert.ok(flow(model, 'frontend->api').evidence?.some((e) => e.says === 'depends_on: api' && e.line === 9));
    assert.deepEqual([flow(model, 'user->api').protocol, flow(model, 'user->frontend').port], ['http', 3000]);
  });

  it('puts the services in the default network inside the Docker host', () => {
    assert.deepEqual(model.boundaries.map((b) => [b.id, b.type, b.parent]), [
      ['docker-host', 'network-zone', undefined],
      ['network:default', 'container-network', 'docker-host'],
      ['localstack', 'process', 'network:default'],
    ]);
    assert.equal(element(model, 'terraform/aws_sqs_queue.orders').boundary, 'localstack');
    assert.equal(element(model, 'user').boundary, undefined);
  });

  it('says what was read and what is not modelled yet', () => {
    assert.deepEqual(sources.read, [
      { source: 'compose', file: 'docker-compose.yml' },
      { source: 'dockerfile', file: 'api/Dockerfile' },
      { source: 'dockerfile', file: 'frontend/Dockerfile' },
      { source: 'dockerfile', file: 'worker/Dockerfile' },
      { source: 'terraform', file: 'terraform/main.tf' },
      { source: 'node', file: 'api/src/server.js' },
      { source: 'node', file: 'frontend/src/App.jsx' },
      { source: 'node', file: 'worker/src/worker.js' },
    ]);
    assert.deepEqual(sources.notModelled, []);
  });

  it('gives the threats of the mission, located at their evidence', () => {
    const report = analyze(model);
    const ids = new Set(report.threats.map((t) => t.id));
    for (const id of ['TM-API-001@api', 'TM-DB-003@mariadb', 'TM-DB-005@mariadb', 'TM-SECRET-001@api', 'TM-FLOW-002@user->api', 'TM-API-003@api']) assert.ok(ids.has(id), id);
    const weak = report.threats.find((t) => t.id === 'TM-DB-005@mariadb')!;
    assert.ok(weak.locations.some((l) => l.file === 'docker-compose.yml' && l.line === 48), JSON.stringify(weak.locations));
  });
});

describe('a shop behind nginx, with split networks and loopback-bound stores', async () => {
  const { model, sources } = await modelRepository(SHOP);

  it('gives each service its kind and network', () => {
    const seen = Object.fromEntries(model.elements.map((e) => [e.id, [e.kind, e.boundary]]));
    assert.deepEqual(seen.gateway, ['gateway', 'network:front']);
    assert.deepEqual(seen.catalog, ['process', 'network:back']);
    assert.deepEqual(seen.postgres, ['datastore', 'network:back']);
    assert.deepEqual(seen.redis, ['cache', 'network:back']);
    assert.deepEqual(model.boundaries.filter((b) => b.type === 'container-network').map((b) => b.name), ['front network', 'back network']);
  });

  it('keeps stores bound to 127.0.0.1 off the internet, and only the gateway reachable by people', () => {
    assert.equal(element(model, 'postgres').props.internetFacing, false);
    assert.match(element(model, 'postgres').evidence!.find((e) => e.prop === 'internetFacing')!.says, /loopback/);
    assert.equal(element(model, 'gateway').props.internetFacing, true);
    assert.deepEqual(model.flows.filter((f) => f.source === 'user').map((f) => f.target), ['gateway']);
  });

  it('reads TLS from the URL, and uses a host written out even when the password comes from the shell', () => {
    const orders = flow(model, 'orders->postgres');
    assert.deepEqual([orders.encrypted, orders.authenticated, orders.port], [true, true, 5432]);
    assert.equal(flow(model, 'orders->redis').encrypted, false);
  });

  it('leaves a URL made of shell-only variables unknown, and says so', () => {
    assert.ok(!model.flows.some((f) => f.label === 'PAYMENT_API_URL'));
    assert.ok(sources.notes.some((n) => n.line === 27 && /PAYMENT_API_URL.*left unknown/.test(n.message)));
  });

  it('merges the design document: its actor and third party join, its nodes are the compose services', () => {
    assert.ok(sources.read.some((r) => r.source === 'design' && r.file === 'docs/architecture.md'));
    assert.equal(element(model, 'stripe').kind, 'external-system');
    assert.equal(model.elements.filter((e) => e.id === 'gateway' || e.name === 'Gateway').length, 1);
    assert.ok(element(model, 'gateway').evidence!.some((e) => e.file === 'docs/architecture.md'));
    assert.ok(flow(model, 'orders-to-stripe'));
  });
});

describe('values from .env and from the shell', () => {
  it('interpolates from .env and never guesses a value the shell would give', async () => {
    const dir = repo({
      'compose.yaml': 'services:\n  web:\n    image: ${WEB_IMAGE}\n    ports:\n      - "${BIND}:8080:8080"\n      - "${WEB_PORT}:80"\n  db:\n    image: postgres:${PG_TAG}\n',
      '.env': 'WEB_PORT=8081\nPG_TAG=15\n',
    });
    const { model, sources } = await modelRepository(dir);
    assert.equal(element(model, 'db').technology, 'PostgreSQL 15');
    const web = element(model, 'web');
    assert.equal(web.kind, 'process');
    assert.match(web.inferredFrom!, /unset variables \(WEB_IMAGE\)/);
    assert.equal(lineOf(web, 'internetFacing'), 6); // "${WEB_PORT}:80" → 8081:80, from .env
    assert.ok(sources.notes.some((n) => n.line === 5 && /BIND.*left unknown/.test(n.message)));
  });
});

describe('bulwark model <dir> through the CLI', () => {
  it('refuses a folder with nothing to model', async () => {
    const dir = repo({ 'README.md': '# Notes\n\nA web shop with an API and a database.\n' });
    const run = await runCli(dir, ['model']);
    assert.equal(run.code, 2);
    assert.match(run.err, /nothing in the repository could be modelled/);
    assert.equal(run.out, '');
  });

  it('models the current directory and reports sources and evidence in Markdown', async () => {
    const run = await runCli(ORDERING, ['model']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /- Read 1 compose file: docker-compose\.yml/);
    assert.match(run.out, /- Read 1 Terraform file: terraform\/main\.tf/);
    assert.match(run.out, /- Read 3 Dockerfiles: api\/Dockerfile, frontend\/Dockerfile, worker\/Dockerfile/);
    assert.match(run.out, /- Audited 5 files \(Terraform, docker-compose, Dockerfile\) with the auditor's rules: \d+ findings/);
    assert.match(run.out, /## Summary\n\n\*\*Not ready for production\*\*/);
    assert.match(run.out, /### Between components/);
    assert.match(run.out, /## Compliance considerations[\s\S]*### PCI DSS/);
    assert.match(run.out, /docker-compose\.yml:46: ports: 3306:3306 published on all interfaces/);
    assert.ok(!run.out.includes('rootpassword'));
  });

  it('carries evidence and sources in the JSON report, and keeps a single design file working', async () => {
    const run = await runCli(ROOT, ['model', 'test/fixtures/repositories/shop', '--format', 'json']);
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out);
    assert.equal(report.sources.read.length, 2);
    assert.ok(report.model.elements.find((e: { id: string }) => e.id === 'redis').evidence.length > 0);
    const design = await runCli(SHOP, ['model', 'docs/architecture.md', '--format', 'json']);
    assert.equal(design.code, 0, design.err);
    assert.equal(JSON.parse(design.out).sources, undefined);
  });
});

describe('test harnesses', () => {
  it('leaves compose files that run tests out of the model', async () => {
    const service = (name: string) => `services:\n  ${name}:\n    image: example/${name}:1.0\n`;
    const dir = repo({
      'docker-compose.yml': service('shop'),
      'docker-compose.test.yml': service('sut'),
      'tests/docker-compose.yml': service('e2e'),
      'result/docker-compose.ci.yaml': service('ci-runner'),
    });
    const { model, sources } = await modelRepository(dir);
    assert.deepEqual(sources.read.filter((r) => r.source === 'compose').map((r) => r.file), ['docker-compose.yml']);
    assert.deepEqual(model.elements.map((e) => e.id).sort(), ['shop']);
  });
});
