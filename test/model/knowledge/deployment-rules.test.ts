// Build-chain threats (TM-SUPPLY-002..007): each fires on a realistic design, a stated control removes it, and a
// near miss stays silent; the same ideas read from a Threagile model, a YAML model and a Mermaid diagram.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mitigated, open, openIds, reportOf } from './helpers.js';

/** Developers push to GitHub; Jenkins builds and deploys the orders API, which runs in Docker and keeps PII. */
const pipeline = (opts: { jenkins?: string; api?: string; repo?: string; description?: string } = {}) => `
name: Orders
description: ${opts.description ?? 'Orders platform'}
dataAssets:
  - { name: Customer records, classification: pii }
boundaries:
  - { name: Build network, type: network-zone, elements: [GitHub repository, Jenkins] }
  - { name: Production, type: network-zone, elements: [Orders API, Orders DB] }
elements:
  - { name: Developer, kind: actor }
  - { name: Customer, kind: actor }
  - { name: GitHub repository, kind: process, technology: GitHub ${opts.repo ?? ''} }
  - { name: Jenkins, kind: process, technology: Jenkins ${opts.jenkins ?? ''} }
  - { name: Orders API, kind: process, technology: Java, description: runs in Docker, customDeveloped: true ${opts.api ?? ''} }
  - { name: Orders DB, kind: datastore, technology: PostgreSQL, data: [Customer records] }
flows:
  - { source: Developer, target: GitHub repository, protocol: https, label: pushes code }
  - { source: GitHub repository, target: Jenkins, protocol: https, label: webhook }
  - { source: Jenkins, target: Orders API, protocol: ssh, label: deploys release }
  - { source: Customer, target: Orders API, protocol: https }
  - { source: Orders API, target: Orders DB, protocol: jdbc }
`;

describe('TM-SUPPLY-002 container base-image backdooring', () => {
  it('fires on a containerised, custom-built service', () => {
    const [threat] = open(reportOf(pipeline(), 'orders.yaml'), 'TM-SUPPLY-002');
    assert.equal(threat?.id, 'TM-SUPPLY-002@orders-api');
    assert.match(threat!.title, /backdoored base image ships inside Orders API/);
  });

  it('is removed by stated hardened images, or by pinned and signed images in its words', () => {
    const hardened = reportOf(pipeline({ api: ', hardened: true' }), 'orders.yaml');
    assert.deepEqual(openIds(hardened, 'TM-SUPPLY-002'), []);
    assert.match(mitigated(hardened, 'TM-SUPPLY-002')[0]!.suppressedBy[0]!, /hardened, verified image/);
    const pinned = reportOf(pipeline().replace('runs in Docker', 'runs in Docker from distroless images pinned by digest'), 'orders.yaml');
    assert.deepEqual(openIds(pinned, 'TM-SUPPLY-002'), []);
  });

  it('stays silent for a container nobody reaches that holds nothing, and for services not said to run in containers', () => {
    const idle = reportOf(`elements:\n  - { name: Batch job, kind: process, technology: Docker }\n`, 'idle.yaml');
    assert.deepEqual(openIds(idle, 'TM-SUPPLY-002'), []);
    assert.deepEqual(openIds(reportOf(pipeline().replace(', description: runs in Docker', ''), 'orders.yaml'), 'TM-SUPPLY-002'), []);
  });
});

describe('TM-SUPPLY-003 code backdooring', () => {
  it('fires on a repository reachable from the internet, not on a pipeline nobody reaches from outside', () => {
    const report = reportOf(pipeline(), 'orders.yaml');
    assert.deepEqual(openIds(report, 'TM-SUPPLY-003'), ['TM-SUPPLY-003@github-repository']);
    assert.match(open(report, 'TM-SUPPLY-003').find((t) => t.id.endsWith('github-repository'))!.description, /reachable from the internet/);
  });

  it('is removed by MFA and least privilege together, lowered by one of them', () => {
    const both = reportOf(pipeline({ repo: ', mfa: true, leastPrivilege: true' }), 'orders.yaml');
    assert.deepEqual(openIds(both, 'TM-SUPPLY-003'), []);
    const mfaOnly = reportOf(pipeline({ repo: ', mfa: true' }), 'orders.yaml');
    const repo = open(mfaOnly, 'TM-SUPPLY-003').find((t) => t.id.endsWith('github-repository'))!;
    assert.ok(repo.adjustments.some((a) => /severity lowered: GitHub repository requires MFA/.test(a)), repo.adjustments.join('; '));
  });

  it('in a diagram, fires on a registry that runtime components load from and not on an unexposed pipeline', () => {
    const report = reportOf(
      `flowchart LR
  ci[GitHub Actions CI]
  train[Training jobs]
  reg[(Model registry)]
  serve[Inference endpoint]
  train -->|writes model| reg
  serve -->|loads model| reg
  ci -->|runs| train`,
      'ml.mmd',
    );
    const [threat] = open(report, 'TM-SUPPLY-003');
    assert.match(threat!.title, /Poisoned artifacts in Model registry run in Inference endpoint/);
    assert.equal(open(report, 'TM-SUPPLY-003').length, 1, 'the CI nobody reaches from outside is not reported in a sketch');
  });
});

describe('TM-SUPPLY-004 unchecked deployment and TM-SUPPLY-005 push-based deployment', () => {
  it('fire on a pipeline that deploys into production', () => {
    const report = reportOf(pipeline(), 'orders.yaml');
    assert.deepEqual(openIds(report, 'TM-SUPPLY-004'), ['TM-SUPPLY-004@jenkins']);
    assert.match(open(report, 'TM-SUPPLY-004')[0]!.title, /Jenkins deploys unchecked code to Orders API/);
    assert.deepEqual(openIds(report, 'TM-SUPPLY-005'), ['TM-SUPPLY-005@jenkins']);
  });

  it('image scanning and signing remove the unchecked deployment; a GitOps pull removes the push', () => {
    const scanned = reportOf(pipeline({ jenkins: ', description: "runs SAST and Trivy image scanning, signs artifacts with cosign"' }), 'orders.yaml');
    assert.deepEqual(openIds(scanned, 'TM-SUPPLY-004'), []);
    assert.deepEqual(openIds(reportOf(pipeline({ jenkins: ', validatesInput: true' }), 'orders.yaml'), 'TM-SUPPLY-004'), []);
    const gitops = reportOf(pipeline({ description: 'Argo CD pulls the manifests into production' }), 'orders.yaml');
    assert.deepEqual(openIds(gitops, 'TM-SUPPLY-005'), []);
    assert.match(mitigated(gitops, 'TM-SUPPLY-005')[0]!.suppressedBy[0]!, /pull-based/);
  });

  it('read the push from prose-like diagram labels ("Jenkins pushes to production" is a deploy edge)', () => {
    const report = reportOf(
      `flowchart LR
  jenkins[Jenkins CI]
  api[Orders API]
  jenkins -->|deploys to production| api`,
      'deploy.mmd',
    );
    assert.deepEqual(openIds(report, 'TM-SUPPLY-005'), ['TM-SUPPLY-005@jenkins']);
  });

  it('stay silent for a pipeline that only publishes to a registry', () => {
    const report = reportOf(
      `elements:
  - { name: Jenkins, kind: process, technology: Jenkins }
  - { name: Artifactory, kind: datastore, technology: Artifactory }
flows:
  - { source: Jenkins, target: Artifactory, label: publishes artifacts, usage: devops }
`,
      'publish.yaml',
    );
    assert.deepEqual([...openIds(report, 'TM-SUPPLY-004'), ...openIds(report, 'TM-SUPPLY-005')], []);
  });
});

describe('TM-SUPPLY-006 missing build infrastructure', () => {
  const custom = (extra = '') => `
elements:
  - { name: Customer, kind: actor }
  - { name: Shop API, kind: process, technology: Go, customDeveloped: true }
  - { name: Billing worker, kind: process, technology: Go, customDeveloped: true }
${extra}
flows:
  - { source: Customer, target: Shop API, protocol: https }
  - { source: Shop API, target: Billing worker, protocol: grpc }
`;

  it('fires once per design, on the first custom-developed component, naming them all', () => {
    const report = reportOf(custom(), 'shop.yaml');
    assert.deepEqual(openIds(report, 'TM-SUPPLY-006'), ['TM-SUPPLY-006@shop-api']);
    assert.match(open(report, 'TM-SUPPLY-006')[0]!.title, /Shop API and Billing worker/);
  });

  it('stays silent once a pipeline is modelled, or when nothing is stated custom-developed', () => {
    assert.deepEqual(openIds(reportOf(custom('  - { name: Build pipeline, kind: process, technology: GitHub Actions }'), 'shop.yaml'), 'TM-SUPPLY-006'), []);
    assert.deepEqual(openIds(reportOf(custom().replaceAll(', customDeveloped: true', ''), 'shop.yaml'), 'TM-SUPPLY-006'), []);
  });
});

describe('TM-SUPPLY-007 accidental secret leak', () => {
  const leaky = { api: ', storesCredentials: true' };

  it('fires on the repository and the pipeline when a component keeps credentials in its code or configuration', () => {
    assert.deepEqual(openIds(reportOf(pipeline(leaky), 'orders.yaml'), 'TM-SUPPLY-007').sort(), ['TM-SUPPLY-007@github-repository', 'TM-SUPPLY-007@jenkins']);
    assert.deepEqual(openIds(reportOf(pipeline(), 'orders.yaml'), 'TM-SUPPLY-007'), [], 'nothing says a secret is in the code');
  });

  it('is removed by stated secret scanning, and for the pipeline by reading secrets from a vault', () => {
    const scanned = reportOf(pipeline({ ...leaky, description: 'GitHub secret scanning with push protection on every repository' }), 'orders.yaml');
    assert.deepEqual(openIds(scanned, 'TM-SUPPLY-007'), []);
    const vault = pipeline(leaky)
      .replace('elements:\n', 'elements:\n  - { name: Vault, kind: secret-store, technology: HashiCorp Vault }\n')
      .replace('flows:\n', 'flows:\n  - { source: Jenkins, target: Vault, label: reads signing keys }\n');
    assert.deepEqual(openIds(reportOf(vault, 'orders.yaml'), 'TM-SUPPLY-007'), ['TM-SUPPLY-007@github-repository']);
  });

  it('in a diagram, fires only where a component states credentials in its code', () => {
    const diagram = (api: string) => `flowchart LR
  dev[Developer] -->|pushes| repo[GitLab repository]
  repo -->|builds| api[${api}]`;
    assert.deepEqual(openIds(reportOf(diagram('Orders API'), 'd.mmd'), 'TM-SUPPLY-007'), []);
    const leaky = reportOf(diagram('Orders API<br/>API keys hard-coded in config'), 'd.mmd');
    assert.deepEqual(openIds(leaky, 'TM-SUPPLY-007'), ['TM-SUPPLY-007@repo']);
    assert.match(open(leaky, 'TM-SUPPLY-007')[0]!.description, /Orders API keeps credentials in code/);
  });
});

describe('build-chain threats from a Threagile model', () => {
  const threagile = `threagile_version: 1.0.0
title: Build chain
data_assets:
  Source Code:
    id: source-code
    usage: devops
    confidentiality: internal
    integrity: critical
    availability: important
technical_assets:
  Developer Client:
    id: dev-client
    type: external-entity
    technology: devops-client
    internet: true
    data_assets_processed: [source-code]
    communication_links:
      Code Push:
        target: git-repo
        protocol: ssh
        usage: devops
        data_assets_sent: [source-code]
  Git Repository:
    id: git-repo
    type: process
    technology: sourcecode-repository
    data_assets_stored: [source-code]
  Jenkins:
    id: jenkins
    type: process
    technology: build-pipeline
    data_assets_processed: [source-code]
    communication_links:
      Checkout:
        target: git-repo
        protocol: ssh
        usage: devops
        data_assets_received: [source-code]
      Deployment:
        target: web-app
        protocol: ssh
        usage: devops
        data_assets_sent: [source-code]
  Web App:
    id: web-app
    type: process
    technology: web-server
    custom_developed_parts: true
    data_assets_processed: [source-code]
`;

  it('reads the repository, the pipeline and its devops deployment', () => {
    const report = reportOf(threagile, 'threagile.yaml');
    assert.equal(report.model.origin?.format, 'threagile');
    assert.deepEqual(openIds(report, 'TM-SUPPLY-003').sort(), ['TM-SUPPLY-003@git-repo', 'TM-SUPPLY-003@jenkins']);
    assert.deepEqual(openIds(report, 'TM-SUPPLY-004'), ['TM-SUPPLY-004@jenkins']);
    assert.deepEqual(openIds(report, 'TM-SUPPLY-005'), ['TM-SUPPLY-005@jenkins']);
    assert.deepEqual(openIds(report, 'TM-SUPPLY-006'), [], 'the build chain is modelled');
    assert.deepEqual(openIds(report, 'TM-SUPPLY-007').sort(), ['TM-SUPPLY-007@git-repo', 'TM-SUPPLY-007@jenkins'], 'an explicit model states no secret scanning');
  });
});
