// Design hygiene (TM-DESIGN-001..007): model-quality findings on explicit models, and silence on sketches where
// much is naturally unstated.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { open, openIds, reportOf } from './helpers.js';

const DESIGN = /^TM-DESIGN-/;

/** An explicit model with gaps: a service without technology, a flow without protocol, unused parts. */
const explicit = `
dataAssets:
  - { name: Orders, classification: confidential }
  - { name: Card numbers, classification: payment }
  - { name: Marketing list, classification: pii }
boundaries:
  - { name: App subnet, type: network-zone, elements: [Orders API, Thumbnailer, Orders table] }
elements:
  - { name: Customer, kind: actor }
  - { name: Orders API, kind: process, data: [Orders] }
  - { name: Thumbnailer, kind: function, technology: AWS Lambda }
  - { name: Orders table, kind: datastore, technology: DynamoDB, data: [Orders] }
  - { name: Legacy FTP, kind: process, technology: vsftpd }
  - { name: Audit bucket, kind: bucket, technology: AWS S3 }
flows:
  - { source: Customer, target: Orders API, data: [Orders, Card numbers] }
  - { source: Orders API, target: Orders table, protocol: https, data: [Orders] }
  - { source: Orders API, target: Thumbnailer, protocol: https }
  - { source: Orders API, target: Audit bucket, protocol: sql, data: [Orders] }
  - { source: Thumbnailer, target: Audit bucket, protocol: https }
`;

describe('design hygiene on an explicit model', () => {
  const report = reportOf(explicit, 'orders.yaml');

  it('TM-DESIGN-001: an internet-facing service with confidential data, no technology and a flow without protocol, once', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-001'), ['TM-DESIGN-001@orders-api']);
    const [threat] = open(report, 'TM-DESIGN-001');
    assert.match(threat!.description, /its technology is not stated; the flow Customer → Orders API states no protocol/);
    assert.equal(threat!.severity, 'low');
  });

  it('TM-DESIGN-002: a component connected to nothing', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-002'), ['TM-DESIGN-002@legacy-ftp']);
  });

  it('TM-DESIGN-003: a flow that carries no data between components that hold none', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-003'), ['TM-DESIGN-003@thumbnailer->audit-bucket'], 'Orders API holds data: its link to Thumbnailer may carry it');
  });

  it('TM-DESIGN-004: declared data nothing stores or carries, once, on the first element', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-004'), ['TM-DESIGN-004@customer']);
    assert.match(open(report, 'TM-DESIGN-004')[0]!.title, /Marketing list/);
  });

  it('TM-DESIGN-005: payment data sent to a service that neither keeps nor passes it on', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-005'), ['TM-DESIGN-005@customer->orders-api']);
    assert.match(open(report, 'TM-DESIGN-005')[0]!.title, /Orders API receives Card numbers it does not use/);
  });

  it('TM-DESIGN-006: a SQL flow to a bucket', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-006'), ['TM-DESIGN-006@orders-api->audit-bucket']);
    assert.match(open(report, 'TM-DESIGN-006')[0]!.description, /sql is a database protocol, but Audit bucket is a bucket/);
  });

  it('TM-DESIGN-007: a Lambda function and a DynamoDB table drawn inside a subnet', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-007').sort(), ['TM-DESIGN-007@orders-table', 'TM-DESIGN-007@thumbnailer']);
  });

  it('a complete model has none of them', () => {
    const complete = `
dataAssets:
  - { name: Orders, classification: confidential }
elements:
  - { name: Customer, kind: actor }
  - { name: Orders API, kind: process, technology: Go, data: [Orders] }
  - { name: Orders DB, kind: datastore, technology: PostgreSQL, data: [Orders] }
flows:
  - { source: Customer, target: Orders API, protocol: https, data: [Orders] }
  - { source: Orders API, target: Orders DB, protocol: postgres, data: [Orders] }
`;
    assert.deepEqual(reportOf(complete, 'ok.yaml').threats.filter((t) => DESIGN.test(t.ruleId)).map((t) => t.id), []);
  });
});

describe('design hygiene stays quiet on sketches', () => {
  it('reports nothing on the bundled diagrams and prose, however much they leave unstated', () => {
    for (const file of ['shop.mmd', 'shop.puml', 'shop-c4.puml', 'login-flow.md', 'photo-upload.txt']) {
      const text = readFileSync(new URL(`../../../examples/models/${file}`, import.meta.url), 'utf8');
      const found = reportOf(text, file).threats.filter((t) => DESIGN.test(t.ruleId));
      assert.deepEqual(found.map((t) => t.id), [], file);
    }
  });

  it('in a diagram, reports a node connected to nothing and a protocol that contradicts its target', () => {
    const report = reportOf('flowchart LR\n  api[Orders API] -->|SQL| q[[Orders queue - SQS]]\n  old[Legacy batch]', 'd.mmd');
    assert.deepEqual(openIds(report, 'TM-DESIGN-002'), ['TM-DESIGN-002@old']);
    assert.deepEqual(openIds(report, 'TM-DESIGN-006'), ['TM-DESIGN-006@api->q']);
  });

  it('in prose, an unconnected name is a reading gap, not an unnecessary component', () => {
    const report = reportOf('The Orders API writes orders to PostgreSQL. We also run a Legacy batch server.', 'p.md');
    assert.deepEqual(openIds(report, 'TM-DESIGN-002'), []);
  });
});
