// Access paths and stores (TM-INFRA-006..010, TM-STORE-001, TM-CACHE-002, TM-QUEUE-004, TM-SECRET-003/004,
// TM-STORAGE-005): each fires on a realistic design, a stated control removes it, and a near miss stays silent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mitigated, open, openIds, reportOf } from './helpers.js';

describe('TM-INFRA-006 unguarded access from the internet', () => {
  const design = (reports: string) => `
dataAssets:
  - { name: Invoices, classification: confidential }
elements:
  - { name: Customer, kind: actor }
  - { name: API gateway, kind: gateway, technology: Kong }
  - { name: Orders API, kind: process, technology: Go }
  - { name: Reports service, kind: process, technology: Python, data: [Invoices] ${reports} }
flows:
  - { source: Customer, target: API gateway, protocol: https }
  - { source: API gateway, target: Orders API, protocol: https }
  - { source: Customer, target: Reports service, protocol: https }
`;

  it('fires on a service the internet reaches around the gateway', () => {
    const report = reportOf(design(''), 'g.yaml');
    assert.deepEqual(openIds(report, 'TM-INFRA-006'), ['TM-INFRA-006@reports-service']);
    assert.match(open(report, 'TM-INFRA-006')[0]!.title, /Reports service is reached from the internet with no gateway in front \(Customer\)/);
  });

  it('is removed by a stated WAF', () => {
    const report = reportOf(design(', waf: true'), 'g.yaml');
    assert.deepEqual(openIds(report, 'TM-INFRA-006'), []);
    assert.match(mitigated(report, 'TM-INFRA-006')[0]!.suppressedBy[0]!, /web application firewall/);
  });

  it('does not judge a sketch that draws no gateway anywhere', () => {
    const report = reportOf('flowchart LR\n  u[Customer] -->|HTTPS| api[Orders API]\n  api --> db[(Orders DB - Postgres, customer PII)]', 's.mmd');
    assert.deepEqual(openIds(report, 'TM-INFRA-006'), []);
  });
});

describe('TM-INFRA-007 unguarded direct datastore access', () => {
  const c4 = (via: string) => `@startuml
!include <C4/C4_Container>
Enterprise_Boundary(corp, "Corporate network") {
  Container(backoffice, "Back-office API", "Go", "Refunds")
}
System_Boundary(prod, "Production") {
  Container(public_api, "Public API", "Go", "Tenant API")
  ContainerDb(tenants, "Tenant database", "PostgreSQL", "Customer PII")
}
Rel(${via}, tenants, "Reads and writes", "SQL")
@enduml`;

  it('fires on a service in another zone connecting straight to the database', () => {
    const report = reportOf(c4('backoffice'), 'admin.puml');
    assert.deepEqual(openIds(report, 'TM-INFRA-007'), ['TM-INFRA-007@backoffice->tenants']);
    assert.match(open(report, 'TM-INFRA-007')[0]!.description, /crossing Corporate network and Production/);
  });

  it('stays silent for the owning service in the same zone', () => {
    assert.deepEqual(openIds(reportOf(c4('public_api'), 'admin.puml'), 'TM-INFRA-007'), []);
  });
});

describe('TM-INFRA-008 DoS risky access across a trust boundary', () => {
  const zones = (api: string, db = '') => `
dataAssets:
  - { name: Payments, classification: payment }
boundaries:
  - { name: Web zone, type: network-zone, elements: [Checkout API] }
  - { name: Data zone, type: network-zone, elements: [Payments DB] }
elements:
  - { name: Shopper, kind: actor }
  - { name: Checkout API, kind: process, technology: Node.js ${api} }
  - { name: Payments DB, kind: datastore, technology: PostgreSQL, data: [Payments] ${db} }
flows:
  - { source: Shopper, target: Checkout API, protocol: https }
  - { source: Checkout API, target: Payments DB, protocol: postgres }
`;

  it('fires on a critical store behind an unthrottled internet-facing caller in another zone', () => {
    const report = reportOf(zones(''), 'z.yaml');
    assert.deepEqual(openIds(report, 'TM-INFRA-008'), ['TM-INFRA-008@payments-db']);
    assert.match(open(report, 'TM-INFRA-008')[0]!.title, /A flood through Checkout API exhausts Payments DB/);
  });

  it('is silent when the caller is rate-limited, and removed when the store limits its callers', () => {
    assert.deepEqual(openIds(reportOf(zones(', rateLimited: true'), 'z.yaml'), 'TM-INFRA-008'), []);
    assert.deepEqual(openIds(reportOf(zones('', ', rateLimited: true'), 'z.yaml'), 'TM-INFRA-008'), []);
  });
});

describe('TM-INFRA-009 service registry poisoning', () => {
  const registry = (consul: string) => `flowchart LR
  orders[Orders service] -->|registers| consul[${consul}]
  billing[Billing service] -->|looks up orders| consul`;

  it('fires on a service registry with no stated client authentication', () => {
    const report = reportOf(registry('Consul'), 'r.mmd');
    assert.deepEqual(openIds(report, 'TM-INFRA-009'), ['TM-INFRA-009@consul']);
    assert.match(open(report, 'TM-INFRA-009')[0]!.description, /Orders service and Billing service use it/);
  });

  it('is removed by ACL tokens and mTLS stated on it', () => {
    const report = reportOf(registry('Consul<br/>ACL tokens and mTLS'), 'r.mmd');
    assert.deepEqual(openIds(report, 'TM-INFRA-009'), []);
    assert.ok(mitigated(report, 'TM-INFRA-009').length > 0);
  });

  it('stays silent on a registry of artifacts', () => {
    assert.deepEqual(openIds(reportOf('flowchart LR\n  ci[Jenkins] -->|pushes images| reg[Container registry]', 'c.mmd'), 'TM-INFRA-009'), []);
  });
});

describe('TM-INFRA-010 unencrypted asset', () => {
  const cache = (props: string) => `
dataAssets:
  - { name: Sessions, classification: credentials }
elements:
  - { name: Web app, kind: process, technology: Node.js }
  - { name: Session cache, kind: cache, technology: Redis, data: [Sessions] ${props} }
flows:
  - { source: Web app, target: Session cache, label: stores sessions }
`;

  it('fires on a cache stated unencrypted, in a model or a diagram', () => {
    assert.deepEqual(openIds(reportOf(cache(', encryptedAtRest: false'), 'c.yaml'), 'TM-INFRA-010'), ['TM-INFRA-010@session-cache']);
    assert.deepEqual(openIds(reportOf(cache(''), 'c.yaml'), 'TM-INFRA-010'), [], 'a hand-written model that says nothing of it is a sketch');
    const diagram = reportOf('flowchart LR\n  app[Web app] --> cache[(Redis<br/>unencrypted)]', 'c.mmd');
    assert.deepEqual(openIds(diagram, 'TM-INFRA-010'), ['TM-INFRA-010@cache']);
  });

  it('stays silent when encryption at rest is stated, and for databases (TM-DB-002)', () => {
    assert.deepEqual(openIds(reportOf(cache(', encryptedAtRest: true'), 'c.yaml'), 'TM-INFRA-010'), []);
    assert.deepEqual(openIds(reportOf(cache('').replace('kind: cache, technology: Redis', 'kind: datastore, technology: PostgreSQL'), 'c.yaml'), 'TM-INFRA-010'), []);
  });
});

describe('store threats', () => {
  it('TM-STORE-001: a PII database stated without audit logging, not once audit logging is stated', () => {
    const text = (audit: string) => `elements:
  - { name: API, kind: process }
  - { name: Patients DB, kind: datastore, technology: PostgreSQL, description: "patient PII; ${audit}" }
flows:
  - { source: API, target: Patients DB, label: writes records }
`;
    const report = reportOf(text('no audit logging'), 'p.yaml');
    assert.deepEqual(openIds(report, 'TM-STORE-001'), ['TM-STORE-001@patients-db']);
    assert.deepEqual(openIds(reportOf(text('audit logging with pgAudit'), 'p.yaml'), 'TM-STORE-001'), []);
    assert.deepEqual(openIds(reportOf('flowchart LR\n  api[API] --> db[(Patients DB - Postgres, patient PII)]', 'p.mmd'), 'TM-STORE-001'), [], 'a sketch that says nothing of auditing');
  });

  it('TM-CACHE-002: a Redis cache without authentication, not an HTTP cache or one requiring AUTH', () => {
    assert.deepEqual(openIds(reportOf('flowchart LR\n  api[API] --> cache[(Redis<br/>no authentication)]', 'c.mmd'), 'TM-CACHE-002'), ['TM-CACHE-002@cache']);
    assert.deepEqual(openIds(reportOf('flowchart LR\n  api[API] --> cache[(Redis<br/>requires authentication)]', 'c.mmd'), 'TM-CACHE-002'), []);
    assert.deepEqual(openIds(reportOf('flowchart LR\n  u[Visitor] --> varnish[(Varnish cache)]', 'v.mmd'), 'TM-CACHE-002'), []);
  });

  it('TM-QUEUE-004: devices publishing to a queue without authentication, removed when the queue authenticates producers', () => {
    const text = (queue: string) => `elements:
  - { name: Sensor, kind: external-system }
  - { name: Telemetry queue, kind: queue, technology: RabbitMQ ${queue} }
flows:
  - { source: Sensor, target: Telemetry queue, protocol: amqp, label: publishes readings }
`;
    assert.deepEqual(openIds(reportOf(text(''), 'q.yaml'), 'TM-QUEUE-004'), ['TM-QUEUE-004@telemetry-queue']);
    assert.deepEqual(openIds(reportOf(text(', authenticatesCallers: true'), 'q.yaml'), 'TM-QUEUE-004'), []);
    assert.deepEqual(openIds(reportOf(text('').replace('protocol: amqp', 'protocol: amqp, authenticated: true'), 'q.yaml'), 'TM-QUEUE-004'), []);
  });

  it('TM-SECRET-003 and TM-SECRET-004: a vault without authentication or backups', () => {
    const report = reportOf('flowchart LR\n  api[API] -->|reads secrets| vault[HashiCorp Vault<br/>no authentication, no backups]', 'v.mmd');
    assert.deepEqual(openIds(report, 'TM-SECRET-003'), ['TM-SECRET-003@vault']);
    assert.deepEqual(openIds(reportOf('flowchart LR\n  api[API] -->|reads secrets| vault[HashiCorp Vault]', 'v.mmd'), 'TM-SECRET-003'), []);
    const lost = reportOf(`elements:
  - { name: API, kind: process }
  - { name: Vault, kind: secret-store, technology: HashiCorp Vault, backups: false }
flows:
  - { source: API, target: Vault, label: reads secrets }
`, 'v.yaml');
    assert.deepEqual(openIds(lost, 'TM-SECRET-004'), ['TM-SECRET-004@vault']);
    assert.match(open(lost, 'TM-SECRET-004')[0]!.description, /API reads secrets from it/);
  });

  it('TM-STORAGE-005: clients upload straight into a bucket, removed by stated size limits, left to TM-API-002 through a service', () => {
    const direct = (limits: string) => `flowchart LR
  app[Mobile app] -->|uploads photos with a pre-signed URL| s3[(S3 bucket${limits})]`;
    assert.deepEqual(openIds(reportOf(direct(''), 'u.mmd'), 'TM-STORAGE-005'), ['TM-STORAGE-005@s3']);
    assert.deepEqual(openIds(reportOf(direct('<br/>objects up to 10 MB'), 'u.mmd'), 'TM-STORAGE-005'), []);
    const viaService = 'flowchart LR\n  u[User] -->|uploads photos| up[Upload service]\n  up -->|stores files| s3[(S3 bucket)]';
    assert.deepEqual(openIds(reportOf(viaService, 'v.mmd'), 'TM-STORAGE-005'), []);
  });
});
