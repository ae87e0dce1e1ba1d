import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { element, flow, ids } from './helpers.js';

const LAYERED = `flowchart TB
  %% three tiers behind a load balancer
  user((Customer<br/>Browser))
  subgraph edge [Internet edge]
    direction LR
    lb{{"Load balancer<br/>ALB :443"}}
  end
  subgraph k8s [Kubernetes cluster]
    subgraph ns [Namespace shop]
      web["**Storefront** UI<br/>React"]:::app
      api(Order API)
      jobs[[Email worker]]
    end
  end
  subgraph data [Private subnet]
    pg[(Orders<br/>PostgreSQL 15)]
    kv@{ shape: cyl, label: "Sessions" }
    mq>Events Kafka]
  end
  user -->|HTTPS| lb
  lb -- "HTTP :8080" --> web & api
  api -.->|SQL over TLS| pg
  api -.- kv
  api ==>|order events| mq --o jobs
  jobs <-->|"SMTP"| user
  classDef app fill:#eef
  class web,api app
  style pg fill:#ffd
  linkStyle 0 stroke:#f00
  click api "https://example.com/api" "Docs"
`;

describe('Mermaid flowchart', () => {
  const { model, notes } = readArchitecture(LAYERED, { fileName: 'tiers.mmd' });

  it('reads every node once, with its kind and technology from shape and label', () => {
    assert.deepEqual(ids(model.elements), ['api', 'jobs', 'kv', 'lb', 'mq', 'pg', 'user', 'web'], 'node ids, not labels: renaming a label keeps threat ids');
    assert.equal(element(model, 'user').kind, 'actor');
    assert.equal(element(model, 'user').description, 'Browser');
    assert.equal(element(model, 'lb').kind, 'gateway');
    assert.equal(element(model, 'web').name, 'Storefront UI', 'markdown bold is plain text');
    assert.equal(element(model, 'web').kind, 'web-app');
    assert.equal(element(model, 'pg').kind, 'datastore');
    assert.equal(element(model, 'pg').technology, 'PostgreSQL');
    assert.equal(element(model, 'kv').kind, 'datastore', '@{ shape: cyl } is a store');
    assert.equal(element(model, 'mq').kind, 'queue');
    assert.equal(element(model, 'jobs').kind, 'process');
  });

  it('turns nested subgraphs into typed, nested trust boundaries', () => {
    const byId = Object.fromEntries(model.boundaries.map((b) => [b.id, b]));
    assert.deepEqual(Object.keys(byId).sort(), ['internet-edge', 'kubernetes-cluster', 'namespace-shop', 'private-subnet']);
    assert.equal(byId['internet-edge']!.type, 'internet');
    assert.equal(byId['kubernetes-cluster']!.type, 'cluster');
    assert.equal(byId['namespace-shop']!.type, 'cluster');
    assert.equal(byId['namespace-shop']!.parent, 'kubernetes-cluster');
    assert.equal(byId['private-subnet']!.type, 'network-zone');
    assert.equal(element(model, 'api').boundary, 'namespace-shop');
    assert.equal(element(model, 'pg').boundary, 'private-subnet');
    assert.equal(element(model, 'user').boundary, undefined);
  });

  it('reads edges of every style, labels in both positions, & groups and chains', () => {
    assert.equal(model.flows.length, 8);
    const https = flow(model, 'user', 'lb');
    assert.equal(https.protocol, 'https');
    assert.equal(https.encrypted, true);
    const plain = flow(model, 'lb', 'web');
    assert.equal(plain.protocol, 'http');
    assert.equal(plain.port, 8080);
    assert.equal(plain.encrypted, false);
    assert.equal(flow(model, 'lb', 'api').port, 8080, '& fans the edge out');
    const sql = flow(model, 'api', 'pg');
    assert.deepEqual([sql.protocol, sql.encrypted], ['sql', true]);
    const undirected = flow(model, 'api', 'kv');
    assert.equal(undirected.protocol, undefined, 'no label: nothing is claimed');
    assert.equal(undirected.encrypted, undefined);
    assert.ok(flow(model, 'api', 'mq'));
    assert.ok(flow(model, 'mq', 'jobs'), 'chain continues after --o');
    assert.equal(flow(model, 'jobs', 'user').bidirectional, true);
  });

  it('keeps 1-based source lines and ignores styling lines without warnings', () => {
    assert.equal(element(model, 'user').location?.line, 3);
    assert.equal(element(model, 'pg').location?.line, 16);
    assert.equal(element(model, 'pg').location?.file, 'tiers.mmd');
    assert.equal(flow(model, 'api', 'pg').location?.line, 22);
    assert.deepEqual(notes.filter((n) => n.level === 'warning'), []);
  });

  it('marks what an actor calls directly as internet-facing, and says so', () => {
    assert.equal(element(model, 'lb').props.internetFacing, true);
    assert.equal(element(model, 'api').props.internetFacing, undefined);
    assert.ok(notes.some((n) => n.level === 'info' && n.message.includes('Load balancer') && n.message.includes('internet-facing')));
  });

  it('reports lines it does not understand with their line number, and adds nothing from them', () => {
    const r = readArchitecture('graph LR\n  a[API] --> b[(DB)]\n  this is not ]] mermaid\n  a --> \n', { format: 'mermaid' });
    assert.deepEqual(ids(r.model.elements), ['a', 'b']);
    const warnings = r.notes.filter((n) => n.level === 'warning');
    assert.deepEqual(warnings.map((w) => w.line), [3, 4]);
  });

  it('reads `A -- text --> B`, `subgraph "Title"` and nodes defined after use', () => {
    const r = readArchitecture('graph TD\nsubgraph "Docker network"\n  a --> b\nend\na -- uses TLS --> c\na[Web App]\nb[(Redis cache)]\nc[Stripe]\n', { format: 'mermaid' });
    assert.deepEqual(ids(r.model.elements), ['a', 'b', 'c']);
    assert.equal(r.model.boundaries[0]?.type, 'container-network');
    assert.equal(element(r.model, 'a').boundary, r.model.boundaries[0]?.id);
    assert.equal(element(r.model, 'b').kind, 'cache');
    assert.equal(flow(r.model, 'a', 'c').encrypted, true);
    assert.equal(element(r.model, 'c').kind, 'external-system');
  });

  it('extracts mermaid fences from Markdown and keeps the file line numbers', () => {
    const md = '# Design\n\nSome words.\n\n```mermaid\nflowchart LR\n  a[API] -->|HTTPS| b[(Orders DB)]\n```\n';
    const r = readArchitecture(md, { fileName: 'design.md' });
    assert.equal(r.model.origin?.format, 'mermaid');
    assert.equal(element(r.model, 'a').location?.line, 7);
  });

  it('reads markdown-string labels spanning lines, and refuses edges to a subgraph', () => {
    const r = readArchitecture('graph LR\n  subgraph vpc [VPC]\n    gw{{API GW}} --> svc["`**Orders**\n    service`"]\n  end\n  user[User] --> vpc\n  svc --> db[(Mongo)]\n', { format: 'mermaid' });
    assert.deepEqual(ids(r.model.elements), ['db', 'gw', 'svc', 'user']);
    assert.equal(element(r.model, 'gw').kind, 'gateway');
    assert.equal(element(r.model, 'svc').name, 'Orders service', 'a name wrapped over two lines');
    assert.equal(element(r.model, 'db').technology, 'MongoDB');
    assert.equal(r.model.flows.length, 2);
    const warning = r.notes.find((n) => n.level === 'warning');
    assert.match(warning?.message ?? '', /subgraph "vpc"/);
    assert.equal(warning?.line, 6, 'the label spans lines 3-4, so the edge to the subgraph is on line 6');
  });

  it('skips Mermaid diagrams that describe no architecture, with one warning, and refuses the empty result', () => {
    const r = readArchitecture('sequenceDiagram\n  Alice->>Bob: Hello\n', { format: 'mermaid' });
    assert.equal(r.model.elements.length, 0);
    assert.deepEqual(r.notes.filter((n) => n.level === 'warning').map((n) => n.line), [1]);
    assert.deepEqual(
      r.notes.filter((n) => n.level === 'error').map((n) => `${n.line}: ${n.message}`),
      ['1: no architecture elements were found in the input (a Mermaid sequenceDiagram describes no architecture; use a flowchart, architecture-beta or C4 diagram)'],
    );
  });
});
