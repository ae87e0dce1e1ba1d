// Security facts written in labels reach the model: what a store holds (its name and description), plaintext
// stated on an internal flow, and the threats both call for. Inputs are small designs written for this test.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threatModel } from '../../../src/model/index.js';

const model = (text: string, fileName = 'design.mmd') => threatModel(text, { fileName }).report;
const ruleIds = (text: string, fileName?: string) => model(text, fileName).threats.map((t) => t.ruleId);

describe('security facts in labels', () => {
  const plaintext = `flowchart LR
  subgraph cluster[Payments cluster]
    tokens[Token API]
    store[(Refresh token store<br/>Memcached)]
  end
  tokens -->|memcache protocol, plaintext| store`;

  it('a store holds what its label says, and a flow to it carries that', () => {
    const report = model(plaintext);
    const store = report.model.elements.find((e) => e.name === 'Refresh token store')!;
    assert.equal(store.kind, 'cache');
    assert.ok(store.data.length > 0, 'the tokens it holds are its data');
    const ids = report.threats.map((t) => t.ruleId);
    assert.ok(ids.includes('TM-CACHE-001'), 'a cache of tokens that does not authenticate clients');
    assert.ok(ids.includes('TM-FLOW-004'), 'tokens in plaintext inside the cluster');
    const internal = report.threats.find((t) => t.ruleId === 'TM-FLOW-004')!;
    assert.match(internal.title, /Token API → Refresh token store/);
  });

  it('stating TLS and client authentication removes both threats, and never adds one', () => {
    const hardened = plaintext
      .replace('memcache protocol, plaintext', 'memcache over TLS, SASL auth')
      .replace('Memcached]', 'Memcached, client authentication required]');
    const before = new Set(ruleIds(plaintext));
    const after = ruleIds(hardened);
    assert.ok(!after.includes('TM-FLOW-004'));
    for (const id of after) assert.ok(before.has(id), `hardening added ${id}`);
  });

  it('an internal flow that states nothing about encryption is not called plaintext', () => {
    assert.ok(!ruleIds(plaintext.replace('memcache protocol, plaintext', 'reads tokens')).includes('TM-FLOW-004'));
  });

  it('health records and personal data named on a store make it sensitive', () => {
    const report = model(`flowchart LR
  subgraph vpc[Clinic VPC]
    labs[Lab service]
    results[(Lab results - PHI)]
    people[(Patient registry<br/>names, dates of birth, national IDs)]
  end
  labs --> results
  labs --> people`);
    for (const name of ['Lab results', 'Patient registry']) {
      const element = report.model.elements.find((e) => e.name.startsWith(name))!;
      const assets = report.model.dataAssets.filter((a) => element.data.includes(a.id));
      assert.ok(assets.some((a) => a.classification === 'pii'), `${name} holds personal data`);
    }
  });

  it('a process description does not become data it holds', () => {
    const report = model(`flowchart LR
  w[Billing worker<br/>reads payment records]`);
    assert.deepEqual(report.model.elements[0]!.data, []);
  });
});
