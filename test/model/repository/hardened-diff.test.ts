// The ordering system and its hardened copy, modelled from their repositories: each gap the insecure system
// ships with is open there, and in the hardened copy it is gone or mitigated by design at the line of the
// control that closes it; `bulwark model --diff OLD-DIR NEW-DIR` lists those gaps as removed.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze } from '../../../src/model/engine/analyze.js';
import type { Threat } from '../../../src/model/engine/types.js';
import { modelRepository } from '../../../src/model/repository/index.js';
import { runCli } from '../../helpers/cli.js';
import { element, flowById as flow } from '../adapters/helpers.js';
import { decided } from './evidence-views.js';

const ROOT = join(import.meta.dirname, '../../..');
const INSECURE = 'examples/ordering-system';
const HARDENED = 'test/fixtures/repositories/ordering-system-hardened';

/** The gaps of the insecure system that hardening closes, by threat id. */
const GAPS: Record<string, string> = {
  'TM-API-001@api': 'no authentication',
  'TM-API-005@api': 'CORS open to any origin',
  'TM-API-003@api': 'no rate limiting',
  'TM-API-006@api': 'no request-size limit',
  'TM-FLOW-002@user->api': 'plaintext HTTP to the API',
  'TM-FLOW-002@user->frontend': 'plaintext HTTP to the frontend',
  'TM-DB-005@mariadb': 'weak, hard-coded database credentials',
  'TM-SECRET-001@api': 'credentials in the API’s code and environment',
  'TM-SECRET-001@worker': 'credentials in the worker’s code and environment',
  'TM-DB-003@mariadb': 'database reachable from outside',
  'TM-DB-003@terraform/aws_sqs_queue.orders': 'AWS emulator (which runs the queue) reachable from outside',
  'TM-DB-001@mariadb': 'unvalidated input written to the database',
  'TM-DB-002@mariadb': 'database unencrypted at rest',
  'TM-API-004@api': 'no audit log of the changes the API makes',
  'TM-QUEUE-001@terraform/aws_sqs_queue.orders': 'unencrypted queue',
  'TM-QUEUE-002@terraform/aws_sqs_queue.orders': 'no dead-letter queue',
};

const at = (t: Threat) => t.locations.map((l) => `${l.file}:${l.line}`);

describe('the ordering system and its hardened copy', async () => {
  const insecure = await modelRepository(join(ROOT, INSECURE));
  const hardened = await modelRepository(join(ROOT, HARDENED));
  const before = analyze(insecure.model);
  const now = analyze(hardened.model);
  const openBefore = new Map(before.threats.map((t) => [t.id, t]));
  const openNow = new Map(now.threats.map((t) => [t.id, t]));
  const mitigated = (id: string) => now.mitigatedByDesign.find((t) => t.id === id) ?? assert.fail(`${id} is not mitigated by design`);

  it('models the hardened copy without warnings, from every source', () => {
    assert.equal(hardened.refusal, undefined);
    assert.deepEqual(hardened.sources.notes.filter((n) => n.level !== 'info'), []);
    assert.deepEqual([...new Set(hardened.sources.read.map((r) => r.source))].sort(), ['compose', 'dockerfile', 'node', 'terraform']);
  });

  it('has every gap open in the insecure system', () => {
    for (const [id, gap] of Object.entries(GAPS)) assert.equal(openBefore.get(id)?.status, 'open', `${gap} (${id})`);
  });

  it('has none of them open in the hardened copy', () => {
    for (const [id, gap] of Object.entries(GAPS)) assert.ok(!openNow.has(id), `${gap} (${id}) is still open`);
  });

  it('mitigates authentication, rate limiting and TLS by design, at the hardened lines', () => {
    assert.ok(at(mitigated('TM-API-001@api')).includes('api/src/auth.js:7'));
    assert.ok(at(mitigated('TM-API-003@api')).includes('api/src/server.js:20'));
    assert.ok(at(mitigated('TM-FLOW-002@user->api')).includes('api/src/server.js:42'));
    assert.ok(at(mitigated('TM-FLOW-002@user->frontend')).includes('docker-compose.yml:5'));
    assert.ok(at(mitigated('TM-QUEUE-002@terraform/aws_sqs_queue.orders')).includes('terraform/main.tf:31'));
  });

  it('states the controls that make the other gaps disappear, each at its line', () => {
    const api = element(hardened.model, 'api');
    assert.deepEqual(decided(api, 'corsRestricted'), ['api/src/server.js:19=true']);
    assert.deepEqual(decided(api, 'sizeLimits'), ['api/src/server.js:21=true']);
    assert.deepEqual(decided(api, 'auditLogging'), ['api/src/audit.js:7=true']);
    assert.equal(api.props.validatesInput, true);
    assert.equal(element(hardened.model, 'worker').props.validatesInput, true);
    assert.ok(api.evidence!.some((e) => /helmet/.test(e.says)));
    // No literal credential anywhere: compose reads them from secrets, the worker from Secrets Manager.
    for (const id of ['api', 'worker', 'mariadb']) {
      const props = element(hardened.model, id).props;
      assert.equal(props.storesCredentials, undefined, id);
      assert.equal(props.weakCredentials, undefined, id);
    }
    const db = element(hardened.model, 'mariadb');
    assert.deepEqual(decided(db, 'internetFacing'), ['docker-compose.yml:63=false']);
    const queue = element(hardened.model, 'terraform/aws_sqs_queue.orders');
    assert.deepEqual(decided(queue, 'encryptedAtRest'), ['terraform/main.tf:30=true']);
    // Stated at the redrive_policy line (terraform-relations.ts).
    assert.deepEqual(decided(queue, 'deadLetterQueue'), ['terraform/main.tf:31=true']);
    assert.equal(element(hardened.model, 'terraform/aws_sqs_queue.orders_dlq').props.encryptedAtRest, true);
  });

  it('sees TLS on the database connections, from the driver options and the compose environment', () => {
    for (const [id, code] of [['api->mariadb', 'api/src/db.js:5'], ['worker->mariadb', 'worker/src/worker.js:18']] as const) {
      assert.equal(flow(insecure.model, id).encrypted, false, id);
      assert.equal(flow(hardened.model, id).encrypted, true, id);
      assert.ok(decided(flow(hardened.model, id), 'encrypted').includes(`${code}=true`), id);
    }
    // The worker's password comes from Secrets Manager (the secret Terraform creates in LocalStack), over TLS.
    const secret = flow(hardened.model, 'worker->terraform/aws_secretsmanager_secret.db_worker');
    assert.equal(secret.encrypted, true);
    assert.ok(secret.evidence!.some((e) => e.file === 'worker/src/worker.js'));
  });

  it('leaves open what the repository model cannot see closed yet', () => {
    // LocalStack is the container the queues run in (a boundary), not a queue of its own with a missing
    // dead-letter queue.
    for (const report of [before, now]) assert.ok(!report.threats.some((t) => t.elements.includes('localstack')));
    assert.equal(hardened.model.boundaries.find((b) => b.id === 'localstack')?.type, 'process');
    // The dead-letter queue is watched by a CloudWatch alarm (terraform/main.tf), which the Terraform reader
    // does not read: the new queue shows as unmonitored.
    assert.equal(openNow.get('TM-QUEUE-003@terraform/aws_sqs_queue.orders_dlq')?.status, 'open');
  });
});

describe('bulwark model --diff on repository folders', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'bulwark-diff-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const removedIds = (out: string) => (JSON.parse(out) as { removed: { id: string }[] }).removed.map((t) => t.id);

  it('lists the closed gaps as removed, with the control that removed them', async () => {
    const r = await runCli(ROOT, ['model', '--diff', INSECURE, HARDENED, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const diff = JSON.parse(r.out) as { removed: { id: string; mitigatedByDesign?: string[] }[]; added: { id: string }[] };
    const removed = new Map(diff.removed.map((t) => [t.id, t]));
    for (const [id, gap] of Object.entries(GAPS)) assert.ok(removed.has(id), `${gap} (${id}) is not listed as removed`);
    assert.deepEqual(removed.get('TM-API-001@api')!.mitigatedByDesign, ['api authenticates its callers']);
    assert.deepEqual(removed.get('TM-DB-003@mariadb')!.mitigatedByDesign, ['mariadb now states internetFacing: false']);
    assert.ok(!diff.added.some((t) => t.id.startsWith('TM-API-') || t.id.startsWith('TM-SECRET-')));
  });

  it('renders text and Markdown, and fails on what a change adds at or above --fail-on', async () => {
    const text = await runCli(ROOT, ['model', '--diff', INSECURE, HARDENED, '--fail-on', 'high']);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /- HIGH Spoofing: Unauthenticated callers use api as any user \[TM-API-001@api\] \(mitigated by design/);
    const markdown = await runCli(ROOT, ['model', '--diff', INSECURE, HARDENED, '--format', 'markdown']);
    assert.match(markdown.out, /\| removed \| HIGH \| Spoofing \| Unauthenticated callers use api as any user/);
    // Going back from the hardened copy to the insecure one adds the gaps again.
    const back = await runCli(ROOT, ['model', '--diff', HARDENED, INSECURE, '--fail-on', 'high']);
    assert.equal(back.code, 1);
    assert.match(back.out, /\+ HIGH Spoofing: Unauthenticated callers use api as any user/);
  });

  it('compares a design file with a repository folder', async () => {
    const exported = await runCli(ROOT, ['model', INSECURE, '--format', 'yaml']);
    assert.equal(exported.code, 0, exported.err);
    const design = join(scratch, 'ordering-system.yaml');
    writeFileSync(design, exported.out);
    const r = await runCli(ROOT, ['model', '--diff', design, HARDENED, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const removed = removedIds(r.out);
    for (const id of ['TM-API-001@api', 'TM-API-005@api', 'TM-DB-003@mariadb', 'TM-QUEUE-001@terraform/aws_sqs_queue.orders']) assert.ok(removed.includes(id), id);
  });

  it('refuses a missing side or a folder with nothing to model', async () => {
    const missing = await runCli(ROOT, ['model', '--diff', INSECURE, join(scratch, 'nowhere')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /design file or repository folder not found/);
    const nothing = join(scratch, 'empty');
    mkdirSync(nothing);
    const empty = await runCli(ROOT, ['model', '--diff', INSECURE, nothing]);
    assert.equal(empty.code, 2);
    assert.match(empty.err, /nothing in the repository could be modelled/);
    const one = await runCli(ROOT, ['model', '--diff', INSECURE]);
    assert.equal(one.code, 2);
    assert.match(one.err, /exactly two designs/);
  });
});
