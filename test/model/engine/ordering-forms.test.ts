// The small ordering system (React frontend → Express API → SQS → worker → MariaDB) written three ways: a Mermaid
// diagram, a prose description and a Bulwark YAML model. Each states the same weaknesses in its own words, and
// each report must find every one of them; the hardened version of each states the controls, and its --diff
// shows every problem gone (or, for what a stated control leaves behind, lower than what it replaced).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diffReports } from '../../../src/model/engine/diff.js';
import type { Threat } from '../../../src/model/engine/types.js';
import { threatModel } from '../../../src/model/index.js';

const dir = new URL('./fixtures/ordering/', import.meta.url);
const report = (file: string) => threatModel(readFileSync(new URL(file, dir), 'utf8'), { fileName: file }).report;

/** Each weakness the designs state, the rule that must report it, and the component it must name. */
const STATED_PROBLEMS: ReadonlyArray<readonly [string, string, RegExp]> = [
  ['no authentication', 'TM-API-001', /Express API/],
  ['no TLS from the frontend', 'TM-FLOW-002', /frontend → Express API/],
  ['CORS allows any origin', 'TM-API-005', /Express API/],
  ['hard-coded AWS keys', 'TM-SECRET-001', /Express API/],
  ['hard-coded database password', 'TM-SECRET-001', /Order worker/i],
  ['no rate limit', 'TM-API-003', /Express API/],
  ['no request-size limit', 'TM-API-006', /Express API/],
  ['no input validation reaches the database through the queue', 'TM-DB-001', /MariaDB/],
  ['unencrypted queue', 'TM-QUEUE-001', /queue/i],
  ['unencrypted database holding PII', 'TM-DB-002', /MariaDB.*personal data/],
  ['no audit logging', 'TM-API-004', /Express API/],
  ['unmonitored dead-letter queue', 'TM-QUEUE-003', /(DLQ|Dead-letter)/i],
  ['weak database credentials', 'TM-DB-005', /MariaDB/],
  ['database port published on every interface', 'TM-DB-003', /MariaDB/],
];

const riskTotal = (threats: readonly Threat[]) => threats.reduce((sum, t) => sum + t.riskScore, 0);

for (const form of ['mmd', 'md', 'yaml']) {
  describe(`ordering system as ${form}`, () => {
    const insecure = report(`insecure.${form}`);
    const hardened = report(`hardened.${form}`);

    it('the title comes from the file', () => assert.equal(insecure.model.name, 'Ordering system'));

    for (const [problem, ruleId, subject] of STATED_PROBLEMS) {
      it(`finds: ${problem}`, () => {
        const found = insecure.threats.filter((t) => t.ruleId === ruleId && subject.test(t.title));
        assert.ok(found.length > 0, `${ruleId} on ${subject}; got ${insecure.threats.map((t) => `${t.ruleId} ${t.title}`).join(' | ')}`);
      });
    }

    it('the hardened design adds nothing and every stated problem is gone', () => {
      const diff = diffReports(insecure, hardened);
      assert.deepEqual(diff.added.map((t) => t.id), [], 'nothing new');
      assert.ok(diff.changed.every((c) => c.after !== c.before), 'no severity raised');
      for (const [problem, ruleId, subject] of STATED_PROBLEMS) {
        const still = hardened.threats.filter((t) => t.ruleId === ruleId && subject.test(t.title));
        assert.deepEqual(still.map((t) => t.id), [], `${problem} still reported`);
      }
      // What JWT authentication leaves (token validation) is lower than the spoofing threat it replaced.
      for (const r of diff.replaced) for (const p of r.replaces) assert.ok(['TM-API-001', 'TM-FLOW-003'].includes(p.ruleId));
      assert.ok(riskTotal(hardened.threats) < riskTotal(insecure.threats) / 4, 'most of the risk is gone');
    });

    it('controls that have one say why the threat went away', () => {
      const diff = diffReports(insecure, hardened);
      for (const ruleId of ['TM-API-003', 'TM-API-005', 'TM-DB-002', 'TM-DB-005', 'TM-QUEUE-003']) {
        const gone = diff.removed.find((t) => t.ruleId === ruleId);
        assert.ok(gone, `${ruleId} removed`);
        assert.ok(diff.nowMitigatedByDesign.get(gone.id)?.length, `${ruleId} says what removed it`);
      }
    });
  });
}

describe('ordering system rephrased as bullets with other words', () => {
  // Vue instead of React, RabbitMQ and Postgres, "Access-Control-Allow-Origin: *", "does not throttle", "the
  // default password", "exposed to the internet", keys "hard-coded in the backend API's config file".
  const r = report('rephrased-bullets.md');
  const has = (ruleId: string, subject: RegExp) => r.threats.some((t) => t.ruleId === ruleId && subject.test(t.title));

  it('reads the components and which way data moves', () => {
    const flows = r.model.flows.map((f) => `${f.source}->${f.target}`);
    assert.deepEqual(flows, [
      'shopper->vue-storefront',
      'vue-storefront->express-backend-api',
      'express-backend-api->rabbitmq-queue',
      'rabbitmq-queue->fulfilment-worker',
      'fulfilment-worker->postgresql-database',
    ]);
  });

  for (const [problem, ruleId, subject] of [
    ['no authentication', 'TM-API-001', /Express Backend API/],
    ['plain HTTP from the storefront', 'TM-FLOW-002', /storefront → Express Backend API/],
    ['any origin', 'TM-API-005', /Express Backend API/],
    ['no throttling', 'TM-API-003', /Express Backend API/],
    ['keys hard-coded in the API', 'TM-SECRET-001', /Express Backend API/],
    ['unencrypted queue', 'TM-QUEUE-001', /RabbitMQ/],
    ['injection through the queue', 'TM-DB-001', /PostgreSQL/],
    ['default password', 'TM-DB-005', /PostgreSQL/],
    ['exposed port', 'TM-DB-003', /PostgreSQL/],
  ] as const) {
    it(`finds: ${problem}`, () => assert.ok(has(ruleId, subject), r.threats.map((t) => `${t.ruleId} ${t.title}`).join(' | ')));
  }
});
