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

describe('controls and weaknesses written on a component', () => {
  const props = (text: string, name: string, fileName = 'design.mmd') => model(text, fileName).model.elements.find((e) => e.name.startsWith(name))!.props;

  it('a secret kept in the environment or the code is a weakness; one read from a secret store is not', () => {
    const leaky = `flowchart LR
  u((Customer)) -->|HTTPS| api[Invoice API<br/>Stripe key in .env file]
  api --> w[Report builder<br/>hard-coded SMTP password]`;
    assert.equal(props(leaky, 'Invoice API').storesCredentials, true);
    assert.equal(props(leaky, 'Report builder').storesCredentials, true);
    assert.ok(ruleIds(leaky).includes('TM-SECRET-001'));
    const kept = leaky.replace('Stripe key in .env file', 'Stripe key from Vault').replace('hard-coded SMTP password', 'SMTP password via AWS Secrets Manager');
    assert.equal(props(kept, 'Invoice API').storesCredentials, false);
    assert.ok(!ruleIds(kept).includes('TM-SECRET-001'));
  });

  it('what a description denies is never read as stated', () => {
    const c4 = `@startuml
Container(api, "Refund API", "Go", "Refunds for support staff; no rate limiting, no input validation")
Container(ok, "Catalog API", "Go", "Rate limited, validates all requests, OIDC-protected")
@enduml`;
    assert.equal(props(c4, 'Refund API', 'design.puml').rateLimited, false);
    assert.equal(props(c4, 'Refund API', 'design.puml').validatesInput, false);
    assert.equal(props(c4, 'Catalog API', 'design.puml').rateLimited, true);
    assert.equal(props(c4, 'Catalog API', 'design.puml').validatesInput, true);
    assert.equal(props(c4, 'Catalog API', 'design.puml').authenticatesCallers, true);
  });

  it('a property the input states itself wins over its description', () => {
    const yaml = `name: t
elements:
  - name: Search API
    kind: process
    description: JWT auth, rate limited
    props: { rateLimited: false }
`;
    assert.equal(props(yaml, 'Search API', 'design.yaml').rateLimited, false);
    assert.equal(props(yaml, 'Search API', 'design.yaml').authenticatesCallers, true);
  });
});

describe('third parties are trust boundaries', () => {
  const design = `flowchart LR
  subgraph k8s[Cluster]
    fx[Currency service]
  end
  ecb[Exchange-rate provider - ECB]
  fx -->|HTTPS| ecb
  hook[Shipping partner webhooks] -->|POST /events| fx`;

  it('a call out gets response-trust and availability threats, not impersonation; a call in gets forgery', () => {
    const report = model(design);
    const titles = report.threats.map((t) => `${t.ruleId} ${t.title}`);
    assert.ok(titles.some((t) => t.startsWith('TM-3P-002') && /Currency service trusts what Exchange-rate provider - ECB returns/.test(t)), titles.join('\n'));
    assert.ok(titles.some((t) => t.startsWith('TM-3P-003')));
    assert.ok(titles.some((t) => t.startsWith('TM-3P-001') && /Forged callbacks to Currency service/.test(t)));
    assert.ok(!titles.some((t) => /impersonate Currency service towards Exchange-rate provider/.test(t)));
  });

  it('validating what comes back removes the response-trust threat', () => {
    const validated = design.replace('fx[Currency service]', 'fx[Currency service<br/>validates all responses]');
    assert.ok(!ruleIds(validated).includes('TM-3P-002'));
  });
});

describe('provisioning and deployment edges', () => {
  const design = `flowchart LR
  subgraph aws[Production account]
    q[(Orders queue - SQS)]
    fn[Order handler - Lambda]
  end
  gha[Release pipeline]
  tf[Terraform]
  gha -->|runs| tf
  tf -.->|provisions| q
  gha -->|deploys| fn
  fn -->|reads| q`;

  it('are supply-chain power over their targets, not data flows', () => {
    const report = model(design);
    const supply = report.threats.filter((t) => t.ruleId === 'TM-SUPPLY-001');
    assert.deepEqual(supply.map((t) => t.title).sort(), ['Whoever controls Release pipeline controls Order handler - Lambda', 'Whoever controls Terraform controls Orders queue - SQS']);
    // No data-flow threat (impersonation, plaintext) is drawn on a provisioning edge.
    for (const t of report.threats) assert.ok(!/Terraform → |Release pipeline → Order handler/.test(`${t.title} ${t.description}`), t.title);
  });

  it('least-privilege deploy credentials remove the threat', () => {
    const hardened = design.replace('gha[Release pipeline]', 'gha[Release pipeline<br/>OIDC role, least privilege]').replace('tf[Terraform]', 'tf[Terraform<br/>least-privilege deploy role]');
    assert.ok(!ruleIds(hardened).includes('TM-SUPPLY-001'));
  });
});

describe('clients run on users\' devices', () => {
  const c4 = (frontTech: string) => `@startuml
Person(u, "Shopper")
System_Boundary(s, "Shop") {
  Container(fe, "Storefront", "${frontTech}", "What shoppers see")
  Container(api, "Cart service", "Go", "Carts")
  Container(lib, "Pricing rules", "TypeScript", "Shared library")
}
Rel(u, fe, "Uses", "HTTPS")
Rel(fe, api, "Calls", "JSON/HTTPS")
Rel(fe, lib, "Imports", "Local workspace")
@enduml`;

  it("what a single-page app calls is called from the internet, and never the app itself", () => {
    const report = model(c4('Vue.js SPA'), 'design.puml');
    const spoofed = report.threats.filter((t) => t.ruleId === 'TM-API-001').map((t) => t.title);
    assert.ok(spoofed.some((t) => /Cart service/.test(t)), spoofed.join('; '));
    assert.ok(!spoofed.some((t) => /Storefront/.test(t)), 'the app runs in the browser: it receives no server-side threats');
  });

  it('a server-rendered web app calls from our servers', () => {
    const report = model(c4('Django templates'), 'design.puml');
    assert.ok(!report.threats.some((t) => t.ruleId === 'TM-API-001' && /Cart service/.test(t.title)));
  });

  it('an imported library is a code dependency, not a service with callers', () => {
    const report = model(c4('Vue.js SPA'), 'design.puml');
    assert.ok(!report.threats.some((t) => /Pricing rules/.test(`${t.title} ${t.description}`)), 'no threat about the imported library');
  });
});

describe('mitigations that apply to this design', () => {
  it('advises on uploads only where files are uploaded, and on token lifetimes only where tokens travel', () => {
    const report = model(`flowchart LR
  u((Customer)) -->|login form over HTTP: username and password| api[Accounts API]
  api -->|SQL| db[(Accounts DB<br/>customer addresses)]`);
    const all = [...report.threats, ...report.mitigatedByDesign];
    assert.ok(all.length > 0);
    for (const t of all) assert.ok(!t.mitigations.includes('MIT-UPLOAD-VALIDATE'), `${t.id} advises on uploads`);
    const leak = all.find((t) => t.ruleId === 'TM-FLOW-001');
    assert.ok(leak, 'passwords in plaintext');
    assert.deepEqual(leak.mitigations, ['MIT-TLS'], 'no token lifetime for a password');
    const withToken = model(`flowchart LR
  u((Customer)) -->|bearer JWT over HTTP| api[Accounts API]`);
    const tokens = [...withToken.threats, ...withToken.mitigatedByDesign].find((t) => t.ruleId === 'TM-FLOW-001');
    assert.deepEqual(tokens?.mitigations, ['MIT-TLS', 'MIT-TOKEN-LIFETIME']);
  });
});
