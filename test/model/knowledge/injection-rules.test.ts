// Injection threats (TM-INJ-*): each fires on a realistic design, a stated control removes or lowers it, and a
// near miss does not trigger it. TM-INJ-001 and TM-DB-001 report one SQL injection per caller, never both.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mitigated, open, openIds, reportOf } from './helpers.js';

describe('TM-INJ-001 SQL and NoSQL injection from a caller', () => {
  /** Users → API gateway → a service → a store: the service is not internet-facing itself, so TM-DB-001 is silent. */
  const behindGateway = (store: string, service = '') => `
boundaries:
  - { name: VPC, type: cloud-account, elements: [API gateway, Orders service, Orders store] }
elements:
  - { name: Customer, kind: actor }
  - { name: API gateway, kind: gateway }
  - { name: Orders service, kind: process, technology: Java ${service} }
  - { name: Orders store, kind: datastore, technology: ${store} }
flows:
  - { source: Customer, target: API gateway, protocol: https }
  - { source: API gateway, target: Orders service, protocol: https }
  - { source: Orders service, target: Orders store, label: query orders }
`;

  it('fires on a service behind a gateway that queries PostgreSQL, in SQL words', () => {
    const report = reportOf(behindGateway('PostgreSQL'), 'orders.yaml');
    const [threat] = open(report, 'TM-INJ-001');
    assert.equal(threat?.id, 'TM-INJ-001@orders-service->orders-store');
    assert.match(threat!.title, /^SQL injection from Orders service into Orders store$/);
    assert.deepEqual(openIds(report, 'TM-DB-001'), [], 'the store-side rule needs an internet-facing writer');
  });

  it('speaks of query operators for MongoDB', () => {
    const [threat] = open(reportOf(behindGateway('MongoDB'), 'orders.yaml'), 'TM-INJ-001');
    assert.match(threat!.title, /^NoSQL injection/);
    assert.match(threat!.description, /\$ne/);
  });

  it('is removed by stated input validation on the caller', () => {
    const report = reportOf(behindGateway('PostgreSQL', ', validatesInput: true'), 'orders.yaml');
    assert.deepEqual(openIds(report, 'TM-INJ-001'), []);
    assert.match(mitigated(report, 'TM-INJ-001')[0]!.suppressedBy[0]!, /Orders service validates the data it receives/);
  });

  it('is not reported twice: an internet-facing writer without validation is TM-DB-001 on the store', () => {
    const report = reportOf(
      'flowchart LR\n  user([User]) -->|HTTPS| api[Orders API<br/>no input validation]\n  api -->|INSERT orders, SQL| db[(MySQL)]\n',
      'direct.mmd',
    );
    assert.equal(open(report, 'TM-DB-001').length, 1);
    assert.deepEqual(openIds(report, 'TM-INJ-001'), []);
  });

  it('does not fire on a store without a query technology, nor on a caller that takes no input', () => {
    assert.deepEqual(openIds(reportOf(behindGateway('Key-value store'), 'orders.yaml'), 'TM-INJ-001'), []);
    const cron = reportOf(
      'elements:\n  - { name: Nightly report job, kind: process }\n  - { name: Sales DB, kind: datastore, technology: PostgreSQL }\nflows:\n  - { source: Nightly report job, target: Sales DB, label: SELECT totals }\n',
      'cron.yaml',
    );
    assert.deepEqual(openIds(cron, 'TM-INJ-001'), []);
  });
});

describe('TM-INJ-002 LDAP injection', () => {
  const directory = (props: string) => `
elements:
  - { name: Employee, kind: actor }
  - { name: Intranet, kind: process ${props} }
  - { name: Corporate directory, kind: identity-provider, technology: LDAP directory }
flows:
  - { source: Employee, target: Intranet, label: login, protocol: https }
  - { source: Intranet, target: Corporate directory, label: look up user and bind, protocol: ldaps }
`;

  it('fires on a service that queries an LDAP directory', () => {
    const [threat] = open(reportOf(directory(''), 'ldap.yaml'), 'TM-INJ-002');
    assert.equal(threat?.id, 'TM-INJ-002@intranet->corporate-directory');
    assert.match(threat!.description, /\*\)\(uid=\*/);
  });

  it('is removed by stated input validation, and does not fire on a directory nobody queries with LDAP', () => {
    assert.deepEqual(openIds(reportOf(directory(', validatesInput: true'), 'ldap.yaml'), 'TM-INJ-002'), []);
    const oidc = reportOf(
      'flowchart LR\n  user([User]) -->|HTTPS| app[Web app]\n  app -->|OIDC code exchange| idp[Okta]\n',
      'oidc.mmd',
    );
    assert.deepEqual(openIds(oidc, 'TM-INJ-002'), []);
  });

  it('names the service as the caller when the directory is drawn answering it over LDAP', () => {
    const answered = `
elements:
  - { name: Employee, kind: actor }
  - { name: Intranet, kind: process }
  - { name: Corporate directory, kind: identity-provider, technology: OpenLDAP }
flows:
  - { source: Employee, target: Intranet, label: login, protocol: https }
  - { source: Corporate directory, target: Intranet, label: user entries, protocol: ldaps }
`;
    assert.deepEqual(openIds(reportOf(answered, 'ldap.yaml'), 'TM-INJ-002'), []);
  });
});

describe('TM-INJ-003 search query injection', () => {
  it('fires on a service that queries Elasticsearch, and is removed by stated validation', () => {
    const design = (props: string) => `
elements:
  - { name: Shopper, kind: actor }
  - { name: Search service, kind: process ${props} }
  - { name: Product index, kind: datastore, technology: Elasticsearch }
flows:
  - { source: Shopper, target: Search service, label: search products, protocol: https }
  - { source: Search service, target: Product index, label: query, protocol: https }
`;
    assert.deepEqual(openIds(reportOf(design(''), 'search.yaml'), 'TM-INJ-003'), ['TM-INJ-003@search-service->product-index']);
    assert.deepEqual(openIds(reportOf(design(''), 'search.yaml'), 'TM-INJ-001'), [], 'a search engine is not reported as SQL');
    assert.deepEqual(openIds(reportOf(design(', validatesInput: true'), 'search.yaml'), 'TM-INJ-003'), []);
  });

  it('reads the search engine from prose, where the flow is drawn the way the data comes back', () => {
    const report = reportOf('Shoppers use the catalogue API. The catalogue API reads products from the OpenSearch cluster.', 'search.txt');
    const [threat] = open(report, 'TM-INJ-003');
    assert.match(threat?.title ?? '', /^Search query injection from catalogue API into OpenSearch cluster$/i, report.threats.map((t) => t.id).join(', '));
  });
});

describe('TM-INJ-004 XML external entities', () => {
  it('fires on a component stated to accept XML, and on one whose flows carry SOAP', () => {
    const yaml = reportOf(
      'elements:\n  - { name: Partner, kind: external-system }\n  - { name: Order import, kind: process, dataFormats: [xml] }\nflows:\n  - { source: Partner, target: Order import, protocol: https }\n',
      'xml.yaml',
    );
    assert.deepEqual(openIds(yaml, 'TM-INJ-004'), ['TM-INJ-004@order-import']);
    const mermaid = reportOf('flowchart LR\n  bank[Bank] -->|SOAP payment notices| gw[Payment adapter]\n', 'soap.mmd');
    const [threat] = open(mermaid, 'TM-INJ-004');
    assert.match(threat!.description, /carries "soap"/);
  });

  it('stated validation lowers it but does not close it; JSON alone never triggers it', () => {
    const design = (props: string) =>
      `elements:\n  - { name: Partner, kind: external-system }\n  - { name: Order import, kind: process, dataFormats: [xml] ${props} }\nflows:\n  - { source: Partner, target: Order import, protocol: https }\n`;
    const before = open(reportOf(design(''), 'xml.yaml'), 'TM-INJ-004')[0]!;
    const after = open(reportOf(design(', validatesInput: true'), 'xml.yaml'), 'TM-INJ-004')[0]!;
    assert.notEqual(after.severity, before.severity);
    const json = reportOf(design('').replace('[xml]', '[json]'), 'json.yaml');
    assert.deepEqual(openIds(json, 'TM-INJ-004'), []);
  });
});

describe('TM-INJ-005 untrusted deserialisation', () => {
  it('is critical when serialized objects come across a trust boundary, high when only from inside', () => {
    const across = reportOf(
      `boundaries:
  - { name: Partner network, type: network-zone, elements: [Partner ERP] }
  - { name: Backend, type: network-zone, elements: [Billing engine] }
elements:
  - { name: Partner ERP, kind: process }
  - { name: Billing engine, kind: process, technology: Java, description: Receives invoices as serialized Java objects over RMI }
flows:
  - { source: Partner ERP, target: Billing engine, label: invoices }
`,
      'rmi.yaml',
    );
    const [threat] = open(across, 'TM-INJ-005');
    assert.equal(threat?.severity, 'critical');
    assert.match(threat!.description, /across a trust boundary by Partner ERP/);
    const inside = reportOf(
      `boundaries:
  - { name: Backend, type: network-zone, elements: [Scheduler, Billing engine] }
elements:
  - { name: Scheduler, kind: process }
  - { name: Billing engine, kind: process, dataFormats: [serialization] }
flows:
  - { source: Scheduler, target: Billing engine, label: run jobs }
`,
      'inside.yaml',
    );
    assert.equal(open(inside, 'TM-INJ-005')[0]?.severity, 'high');
  });

  it('does not fire on JSON APIs', () => {
    const report = reportOf('flowchart LR\n  user([User]) -->|JSON over HTTPS| api[Billing API<br/>Java]\n', 'json.mmd');
    assert.deepEqual(openIds(report, 'TM-INJ-005'), []);
  });
});
