// Design hygiene (TM-DESIGN-001..007): model-quality findings on explicit models, and silence on sketches where
// much is naturally unstated.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { open, openIds, reportOf } from './helpers.js';
import { threagileModel } from './threagile-model.js';

const DESIGN = /^TM-DESIGN-/;

/** A Threagile model with gaps: a service of unknown technology, a link of unknown protocol, unused parts. */
const explicit = threagileModel({
  data: [
    { id: 'orders', confidentiality: 'confidential' },
    { id: 'card-numbers', confidentiality: 'strictly-confidential' },
    { id: 'marketing-list', confidentiality: 'confidential' },
  ],
  assets: [
    { id: 'customer', type: 'external-entity', technology: 'browser', internet: true, links: [{ target: 'orders-api', protocol: 'unknown-protocol', sent: ['orders', 'card-numbers'] }] },
    {
      id: 'orders-api',
      technology: 'unknown-technology',
      processed: ['orders'],
      links: [
        { target: 'orders-table', sent: ['orders'] },
        { target: 'thumbnailer' },
        { target: 'audit-queue', protocol: 'jdbc', sent: ['orders'] },
      ],
    },
    { id: 'thumbnailer', technology: 'function', description: 'AWS Lambda', links: [{ target: 'audit-queue' }] },
    { id: 'orders-table', type: 'datastore', technology: 'database', description: 'DynamoDB table', stored: ['orders'] },
    { id: 'legacy-ftp', technology: 'application-server' },
    { id: 'audit-queue', type: 'datastore', technology: 'message-queue' },
  ],
  boundaries: [{ id: 'app-subnet', type: 'network-cloud-security-group', inside: ['orders-api', 'thumbnailer', 'orders-table'] }],
});

describe('design hygiene on an explicit model', () => {
  const report = reportOf(explicit, 'orders.yaml');

  it('TM-DESIGN-001: an internet-facing service with confidential data, no technology and a flow without protocol, once', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-001'), ['TM-DESIGN-001@orders-api']);
    const [threat] = open(report, 'TM-DESIGN-001');
    assert.match(threat!.description, /its technology is not stated; the flow customer → orders-api states no protocol/);
    assert.equal(threat!.severity, 'low');
  });

  it('TM-DESIGN-002: a component connected to nothing', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-002'), ['TM-DESIGN-002@legacy-ftp']);
  });

  it('TM-DESIGN-003: a flow that carries no data between components that hold none', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-003'), ['TM-DESIGN-003@thumbnailer->audit-queue'], 'orders-api holds data: its link to thumbnailer may carry it');
  });

  it('TM-DESIGN-004: declared data nothing stores or carries, once, on the first element', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-004'), ['TM-DESIGN-004@customer']);
    assert.match(open(report, 'TM-DESIGN-004')[0]!.title, /marketing-list/);
  });

  it('TM-DESIGN-005: payment data sent to a service that neither keeps nor passes it on', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-005'), ['TM-DESIGN-005@customer->orders-api']);
    assert.match(open(report, 'TM-DESIGN-005')[0]!.title, /orders-api receives card-numbers it does not use/);
  });

  it('TM-DESIGN-006: a JDBC flow to a message queue', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-006'), ['TM-DESIGN-006@orders-api->audit-queue']);
    assert.match(open(report, 'TM-DESIGN-006')[0]!.description, /sql is a database protocol, but audit-queue is a queue/);
  });

  it('TM-DESIGN-007: a Lambda function and a DynamoDB table drawn inside a subnet', () => {
    assert.deepEqual(openIds(report, 'TM-DESIGN-007').sort(), ['TM-DESIGN-007@orders-table', 'TM-DESIGN-007@thumbnailer']);
  });

  it('a complete model has none of them', () => {
    const complete = threagileModel({
      data: [{ id: 'orders', confidentiality: 'confidential' }],
      assets: [
        { id: 'customer', type: 'external-entity', technology: 'browser', internet: true, links: [{ target: 'orders-api', sent: ['orders'] }] },
        { id: 'orders-api', technology: 'application-server', processed: ['orders'], links: [{ target: 'orders-db', protocol: 'jdbc', sent: ['orders'] }] },
        { id: 'orders-db', type: 'datastore', technology: 'database', stored: ['orders'] },
      ],
    });
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
    const report = reportOf('flowchart LR\n  u[Customer] --> web[Web app] --> api[Orders API]\n  api -->|SQL| q[[Orders queue - SQS]]\n  old[Legacy batch]', 'd.mmd');
    assert.deepEqual(openIds(report, 'TM-DESIGN-002'), ['TM-DESIGN-002@old']);
    assert.deepEqual(openIds(report, 'TM-DESIGN-006'), ['TM-DESIGN-006@api->q']);
  });

  it('not in an inventory of components that draws few flows', () => {
    const report = reportOf('flowchart LR\n  a[Billing] --> b[Ledger]\n  c[Reports]\n  d[Exports]', 'i.mmd');
    assert.deepEqual(openIds(report, 'TM-DESIGN-002'), []);
  });

  it('in prose, an unconnected name is a reading gap, not an unnecessary component', () => {
    const report = reportOf('The Orders API writes orders to PostgreSQL. We also run a Legacy batch server.', 'p.md');
    assert.deepEqual(openIds(report, 'TM-DESIGN-002'), []);
  });
});
