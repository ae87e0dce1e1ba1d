// Infrastructure threats (TM-INFRA-001..005, TM-SECRET-002): platform escapes, shared runtimes, cloud accounts,
// hardening and segmentation. Each fires on a realistic design, a stated control removes it, a near miss stays silent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mitigated, open, openIds, reportOf } from './helpers.js';
import { threagileModel } from './threagile-model.js';

describe('TM-INFRA-001 container platform escape', () => {
  const cluster = (platform = '') => `flowchart LR
  user[Customer] -->|HTTPS| checkout
  subgraph k8s[Kubernetes cluster${platform}]
    checkout[Checkout service] -->|SQL| ledger[(Ledger - Postgres, card payments)]
  end`;

  it('fires once per cluster, on its first workload, naming what runs on it', () => {
    const report = reportOf(cluster(), 'pay.mmd');
    assert.deepEqual(openIds(report, 'TM-INFRA-001'), ['TM-INFRA-001@checkout']);
    const [threat] = open(report, 'TM-INFRA-001');
    assert.match(threat!.title, /container escape on Kubernetes cluster/);
    assert.match(threat!.description, /Checkout service and Ledger/);
  });

  it('fires on a container platform element whose workloads name it as their runtime, and stated hardening removes it', () => {
    const model = (hardened: string) => `
elements:
  - { name: Customer, kind: actor }
  - { name: Platform, kind: process, technology: OpenShift container platform ${hardened} }
  - { name: Shop, kind: process, technology: Java, runtime: Platform }
flows:
  - { source: Customer, target: Shop, protocol: https }
`;
    assert.deepEqual(openIds(reportOf(model(''), 'p.yaml'), 'TM-INFRA-001'), ['TM-INFRA-001@platform']);
    const hardened = reportOf(model(', hardened: true'), 'p.yaml');
    assert.deepEqual(openIds(hardened, 'TM-INFRA-001'), []);
    assert.match(mitigated(hardened, 'TM-INFRA-001')[0]!.suppressedBy[0]!, /Platform is stated hardened/);
  });

  it('stays silent for a cluster of internal workloads with no sensitive data, and leaves root containers to TM-K8S-001', () => {
    const quiet = reportOf(`flowchart LR
  subgraph k8s[Kubernetes cluster]
    a[Report builder] --> b[Renderer]
  end`, 'q.mmd');
    assert.deepEqual(openIds(quiet, 'TM-INFRA-001'), []);
  });
});

describe('TM-INFRA-002 shared runtime mixing trust levels', () => {
  const shared = (db = 'Customer DB') => `
dataAssets:
  - { name: Customer records, classification: pii }
elements:
  - { name: Customer, kind: actor }
  - { name: Web server, kind: process, technology: Apache, runtime: VM host 7 }
  - { name: ${db}, kind: datastore, technology: MySQL, runtime: VM host 7, data: [Customer records] }
  - { name: Billing job, kind: process, technology: Java, runtime: VM host 7 }
flows:
  - { source: Customer, target: Web server, protocol: https }
`;

  it('fires once per runtime, on its internet-facing member, naming the others', () => {
    const report = reportOf(shared(), 'r.yaml');
    assert.deepEqual(openIds(report, 'TM-INFRA-002'), ['TM-INFRA-002@web-server']);
    assert.match(open(report, 'TM-INFRA-002')[0]!.description, /Web server is reachable from the internet and Customer DB holds personal data/);
  });

  it('stays silent when the runtime holds no sensitive data beside the exposed one', () => {
    const report = reportOf(shared().replace(', data: [Customer records]', ''), 'r.yaml');
    assert.deepEqual(openIds(report, 'TM-INFRA-002'), []);
  });

  it('reads Threagile shared runtimes whose members sit in different trust boundaries', () => {
    const report = reportOf(
      `threagile_version: 1.0.0
title: Shared host
technical_assets:
  Portal:
    id: portal
    type: process
    technology: web-server
  Ledger:
    id: ledger
    type: process
    technology: application-server
trust_boundaries:
  DMZ:
    id: dmz
    type: network-on-prem
    technical_assets_inside: [portal]
  Core:
    id: core
    type: network-on-prem
    technical_assets_inside: [ledger]
shared_runtimes:
  Blade 3:
    id: blade-3
    technical_assets_running: [portal, ledger]
`,
      'tg.yaml',
    );
    const [threat] = open(report, 'TM-INFRA-002');
    assert.ok(threat, report.threats.map((t) => t.id).join(', '));
    assert.match(threat.description, /different trust zones \(Portal in DMZ; Ledger in Core\)/);
  });
});

describe('TM-INFRA-003 cloud account hardening', () => {
  /** A Threagile model: an AWS account boundary around a function and its table. */
  const account = (description?: string) =>
    threagileModel({
      assets: [
        { id: 'customer', type: 'external-entity', technology: 'browser', internet: true, links: [{ target: 'orders-api' }] },
        { id: 'orders-api', technology: 'function', ...(description ? { description } : {}), links: [{ target: 'orders-table' }] },
        { id: 'orders-table', type: 'datastore', technology: 'database' },
      ],
      boundaries: [{ id: 'production-account', type: 'network-cloud-provider', inside: ['orders-api', 'orders-table'] }],
    });

  it('fires once per account, on its first element', () => {
    assert.deepEqual(openIds(reportOf(account(), 'a.yaml'), 'TM-INFRA-003'), ['TM-INFRA-003@orders-api']);
  });

  it('is removed by stated guardrails', () => {
    const guarded = reportOf(account('Deployed under SCPs with CloudTrail and GuardDuty'), 'a.yaml');
    assert.deepEqual(openIds(guarded, 'TM-INFRA-003'), []);
    assert.match(mitigated(guarded, 'TM-INFRA-003')[0]!.suppressedBy[0]!, /guardrails/);
  });

  it('in a diagram, fires only for an account with an element stated unhardened', () => {
    const diagram = (api: string) => `flowchart LR
  u[Customer] --> api
  subgraph acct[AWS production account]
    api[${api}] --> db[(Orders DB - RDS)]
  end`;
    assert.deepEqual(openIds(reportOf(diagram('Orders API'), 'd.mmd'), 'TM-INFRA-003'), []);
    assert.deepEqual(openIds(reportOf(diagram('Orders API<br/>not hardened'), 'd.mmd'), 'TM-INFRA-003'), ['TM-INFRA-003@api']);
  });
});

describe('TM-INFRA-004 missing hardening', () => {
  it('fires on an internet-facing server stated unhardened, from prose words', () => {
    const report = reportOf('Customers use the Storefront server over HTTPS. The Storefront server is not hardened and stores orders in the Orders database.', 'shop.md');
    assert.ok(openIds(report, 'TM-INFRA-004').some((id) => id.startsWith('TM-INFRA-004@storefront')), report.threats.map((t) => t.id).join(', '));
  });

  it('fires on a high-value target of an explicit model, and not once its hardening is stated', () => {
    const model = (description?: string) =>
      threagileModel({
        assets: [
          { id: 'orders-api', technology: 'application-server', links: [{ target: 'vault' }] },
          { id: 'vault', technology: 'vault', ...(description ? { description } : {}) },
        ],
      });
    assert.deepEqual(openIds(reportOf(model(), 'v.yaml'), 'TM-INFRA-004'), ['TM-INFRA-004@vault']);
    assert.deepEqual(openIds(reportOf(model('CIS-hardened appliance'), 'v.yaml'), 'TM-INFRA-004'), []);
    const yaml = 'elements:\n  - { name: Vault, kind: secret-store, technology: HashiCorp Vault }\n';
    assert.deepEqual(openIds(reportOf(yaml, 'v.yaml'), 'TM-INFRA-004'), [], 'a hand-written model that says nothing of hardening');
  });

  it('stays silent on a sketch that says nothing of hardening', () => {
    const report = reportOf('flowchart LR\n  api[Orders API] --> db[(Orders DB - Postgres, customer PII)]', 'd.mmd');
    assert.deepEqual(openIds(report, 'TM-INFRA-004'), []);
  });
});

describe('TM-INFRA-005 missing network segmentation and TM-SECRET-002 vault isolation', () => {
  const zone = (db: string, vault: string) => `flowchart LR
  u[Customer] -->|HTTPS| api
  subgraph dmz[DMZ network]
    api[Orders API] --> db[(${db})]
    api --> vault[${vault}]
  end`;

  it('fire on a sensitive store and a self-hosted vault that share a zone with an internet-facing service', () => {
    const report = reportOf(zone('Orders DB - Postgres, customer PII', 'HashiCorp Vault'), 'z.mmd');
    assert.deepEqual(openIds(report, 'TM-INFRA-005'), ['TM-INFRA-005@db']);
    assert.match(open(report, 'TM-INFRA-005')[0]!.title, /Orders DB - Postgres, customer PII shares DMZ network with internet-facing Orders API/);
    assert.deepEqual(openIds(report, 'TM-SECRET-002'), ['TM-SECRET-002@vault']);
  });

  it('stay silent for stores in a zone of their own, and for managed secret services', () => {
    const separate = `flowchart LR
  u[Customer] -->|HTTPS| api
  subgraph dmz[DMZ network]
    api[Orders API]
  end
  subgraph data[Data network]
    db[(Orders DB - Postgres, customer PII)]
    vault[HashiCorp Vault]
  end
  api --> db
  api --> vault`;
    const report = reportOf(separate, 's.mmd');
    assert.deepEqual([...openIds(report, 'TM-INFRA-005'), ...openIds(report, 'TM-SECRET-002')], []);
    assert.deepEqual(openIds(reportOf(zone('Orders DB - Postgres, customer PII', 'AWS Secrets Manager'), 'z.mmd'), 'TM-SECRET-002'), []);
  });

  it('do not judge a sketch that draws no zones at all', () => {
    const report = reportOf('flowchart LR\n  u[Customer] -->|HTTPS| api[Orders API]\n  api --> db[(Orders DB - Postgres, customer PII)]', 'n.mmd');
    assert.deepEqual(openIds(report, 'TM-INFRA-005'), []);
  });
});
