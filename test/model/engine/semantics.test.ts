// What the threat modeller concludes reads like an architect: unknown subjects become components, names wrapped
// over lines stay whole (and keep Markdown headings on one line), and severity and risk tell a role claim behind
// a gateway from an internet-exposed database of personal data.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { renderThreatMarkdown } from '../../../src/model/report/markdown.js';
import { threatModel } from '../../../src/model/index.js';

describe('prose subjects', () => {
  it('"The order processor reads orders from the SQS queue" creates the order processor', () => {
    const { model } = readArchitecture('The API sends orders to the SQS queue. The order processor reads orders from the SQS queue and writes them to Postgres.', { format: 'prose' });
    const ids = model.flows.map((f) => `${f.source}->${f.target}`);
    assert.deepEqual(ids, ['api->sqs-queue', 'sqs-queue->order-processor', 'order-processor->postgresql']);
    assert.equal(model.elements.find((e) => e.id === 'order-processor')?.kind, 'process');
  });
});

describe('names wrapped over lines', () => {
  const design = `@startuml
actor "Shop\\ncustomer" as shopper
component "Order\\nService" as orders <<Node.js>>
database "Orders\\nDB" as db
shopper --> orders : HTTP
orders --> db : SQL
@enduml`;

  it('reads the whole name, and every Markdown heading stays on one line', () => {
    const { report } = threatModel(design, { fileName: 'orders.puml' });
    assert.deepEqual(report.model.elements.map((e) => e.name), ['Shop customer', 'Order Service', 'Orders DB']);
    const md = renderThreatMarkdown(report);
    for (const heading of md.split('\n').filter((l) => l.startsWith('#'))) assert.doesNotMatch(heading, /\\n|<br/, heading);
    assert.match(md, /^#### Unauthenticated callers use Order Service as any user$/m);
  });
});

describe('severity and risk that mean something', () => {
  it('an internet-exposed database of personal data is critical; a role claim behind an authenticating gateway is not high', () => {
    const { report } = threatModel(
      `flowchart LR
  shopper((Shopper)) -->|HTTPS| gw{{API gateway<br/>JWT auth}}
  gw -->|HTTPS + JWT| shop[Storefront service]
  shop -->|SQL| db[(Customers DB<br/>names, emails, addresses<br/>port 5432 exposed to the internet)]`,
      { fileName: 'shop.mmd' },
    );
    const exposed = report.threats.find((t) => t.ruleId === 'TM-DB-003');
    assert.equal(exposed?.severity, 'critical');
    assert.equal(exposed?.riskScore, 10);
    const role = [...report.threats, ...report.mitigatedByDesign].find((t) => t.ruleId === 'TM-TOKEN-003');
    assert.ok(role, 'the role claim is still named');
    assert.ok(role.severity !== 'high' && role.severity !== 'critical', role.severity);
    assert.ok(role.riskScore < exposed.riskScore / 2);
    // The register is in risk order, and every threat shows its factors.
    const scores = report.threats.map((t) => t.riskScore);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    for (const t of report.threats) {
      const product = Math.round(t.risk.severityWeight * t.risk.exploitability.factor * t.risk.dataSensitivity.factor * 10) / 10;
      // Only what a stated control leaves is capped below its product, and it says so.
      if (t.adjustments.some((a) => a.startsWith('risk capped'))) assert.ok(t.riskScore <= product);
      else assert.equal(t.riskScore, product, t.id);
      assert.equal(t.risk.score, t.riskScore);
    }
  });
});

describe('roles a diagram implies', () => {
  const design = `flowchart TD
  subgraph Clients
    listener((Subscriber)) --> web[Podcast web app]
    listener --> droid[Podcaster for Android]
    listener --> desk[Desktop client]
  end
  subgraph Backend[Podcast backend]
    web --> edge[Caddy reverse proxy]
    droid --> edge
    desk --> edge
    edge --> api[Episodes API]
    api --> db[(Episodes DB)]
  end
  api --> feeds[iTunes feed directory API]`;

  it('apps only people use are clients on their devices; the first of our servers they reach is the exposed one', () => {
    const { report } = threatModel(design, { fileName: 'podcasts.mmd' });
    const kind = (id: string) => report.model.elements.find((e) => e.id === id)?.kind;
    assert.deepEqual([kind('web'), kind('droid'), kind('desk')], ['web-app', 'web-app', 'web-app']);
    const onClients = report.threats.filter((t) => t.elements.some((id) => ['web', 'droid', 'desk'].includes(id)) && t.flows.length === 0);
    assert.deepEqual(onClients.map((t) => t.id), [], 'no server-side threats on the apps');
    assert.ok(report.threats.some((t) => t.id === 'TM-API-003@edge'), 'the reverse proxy takes the flood');
  });

  it('a service outside every boundary that ours only call is a third party, and says so', () => {
    const { report } = threatModel(design, { fileName: 'podcasts.mmd' });
    const feeds = report.model.elements.find((e) => e.id === 'feeds')!;
    assert.equal(feeds.kind, 'external-system');
    assert.match(feeds.inferredFrom ?? '', /outside every trust boundary/);
    assert.ok(report.threats.some((t) => t.ruleId === 'TM-3P-002' && t.flows.length === 1));
    assert.ok(!report.threats.some((t) => t.ruleId === 'TM-FLOW-003' && /feed directory/.test(t.title)), 'no impersonation of a third party');
    // A server-rendered app people use is ours: its calls are not from the internet.
    const rendered = threatModel(design.replace('web[Podcast web app]', 'web[Podcast web app<br/>Django templates]'), { fileName: 'podcasts.mmd' }).report;
    assert.equal(rendered.model.elements.find((e) => e.id === 'web')?.description, 'Django templates');
  });
});
