// Identity threats (TM-IAM-*): each fires on a realistic design, a stated control removes it, and a near miss does
// not trigger it. Threagile-style fields (flow authorization and usage, element runtime) and words both count.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mitigated, open, openIds, reportOf } from './helpers.js';

describe('TM-IAM-001 missing identity propagation', () => {
  const shop = (authorization: string, caller = 'Customer') => `
dataAssets:
  - { id: orders, name: Customer orders, classification: confidential }
elements:
  - { name: ${caller}, kind: actor }
  - { name: Web shop, kind: process }
  - { name: ERP system, kind: process, data: [orders] }
flows:
  - { source: ${caller}, target: Web shop, protocol: https, authenticated: true }
  - { source: Web shop, target: ERP system, protocol: https, authenticated: true, authorization: ${authorization} }
`;

  it('fires where a service that end users call reaches the ERP as one technical user', () => {
    const [threat] = open(reportOf(shop('technical-user'), 'shop.yaml'), 'TM-IAM-001');
    assert.equal(threat?.id, 'TM-IAM-001@web-shop->erp-system');
    assert.equal(threat!.stride, 'elevation-of-privilege');
    assert.match(threat!.title, /ERP system cannot tell which user Web shop acts for/);
  });

  it('does not fire when the end user identity is propagated', () => {
    assert.deepEqual(openIds(reportOf(shop('end-user'), 'shop.yaml'), 'TM-IAM-001'), []);
  });

  it('reads a shared database user from the words of a diagram', () => {
    const report = reportOf(
      `flowchart LR
  user([Customer]) -->|HTTPS| app[Account service]
  app -->|SQL as the shared database user| db[(Accounts DB<br/>PostgreSQL)]
`,
      'shared-user.mmd',
    );
    assert.deepEqual(openIds(report, 'TM-IAM-001'), ['TM-IAM-001@app->db']);
  });

  it('does not fire on a batch job that serves no end users', () => {
    const report = reportOf(
      `elements:
  - { name: Nightly export, kind: process }
  - { name: ERP system, kind: process }
flows:
  - { source: Nightly export, target: ERP system, authenticated: true, authorization: technical-user }
`,
      'batch.yaml',
    );
    assert.deepEqual(openIds(report, 'TM-IAM-001'), []);
  });
});

describe('TM-IAM-002 administrative access without a second factor', () => {
  it('fires on an admin console that administrators reach, and a stated MFA removes it', () => {
    const open1 = reportOf('flowchart LR\n  admin([Administrator]) -->|HTTPS| console[Admin console]\n', 'admin.mmd');
    const [threat] = open(open1, 'TM-IAM-002');
    assert.equal(threat?.id, 'TM-IAM-002@console');
    assert.match(threat!.description, /^Administrator administers Admin console/);
    const withMfa = reportOf('flowchart LR\n  admin([Administrator]) -->|HTTPS| console[Admin console<br/>Django, MFA required]\n', 'admin.mmd');
    assert.deepEqual(openIds(withMfa, 'TM-IAM-002'), []);
    assert.equal(mitigated(withMfa, 'TM-IAM-002').length, 1);
  });

  it('counts operations flows from people to a build server, and an identity provider that states MFA', () => {
    const design = (idp: string) => `
elements:
  - { name: Developer, kind: actor }
  - { name: Jenkins, kind: process, technology: CI/CD build pipeline }
  ${idp}
flows:
  - { source: Developer, target: Jenkins, label: configure jobs, protocol: https, usage: devops }
  ${idp ? '- { source: Jenkins, target: Corporate SSO, label: SAML sign-in }' : ''}
`;
    assert.deepEqual(openIds(reportOf(design(''), 'ci.yaml'), 'TM-IAM-002'), ['TM-IAM-002@jenkins']);
    const sso = reportOf(design('- { name: Corporate SSO, kind: identity-provider, mfa: true }'), 'ci.yaml');
    assert.deepEqual(openIds(sso, 'TM-IAM-002'), []);
    assert.match(mitigated(sso, 'TM-IAM-002')[0]!.suppressedBy[0]!, /through Corporate SSO, which requires MFA/);
  });

  it('does not fire on a customer dashboard (the customer login is TM-AUTH-001)', () => {
    const report = reportOf('flowchart LR\n  c([Customer]) -->|login with password| d[Customer dashboard]\n', 'dash.mmd');
    assert.deepEqual(openIds(report, 'TM-IAM-002'), []);
    assert.equal(open(report, 'TM-AUTH-001').length, 1);
  });
});

describe('TM-IAM-003 missing identity store', () => {
  const shop = (extra: string) => `flowchart LR
  c([Customer]) -->|login with password| web[Shop web app]
  s([Seller]) -->|login with password| seller[Seller portal]
  web -->|orders| db[(Orders DB<br/>PostgreSQL)]
  seller -->|listings| db
${extra}`;

  it('fires once per design, on the first element that takes end users\' credentials', () => {
    const report = reportOf(shop(''), 'shop.mmd');
    assert.deepEqual(openIds(report, 'TM-IAM-003'), ['TM-IAM-003@web']);
    assert.match(open(report, 'TM-IAM-003')[0]!.description, /takes users' credentials, but the design shows no identity provider/);
  });

  it('does not fire when the design draws an identity provider', () => {
    const report = reportOf(shop('  web -->|verify credentials| cognito[Cognito user pool]\n'), 'shop.mmd');
    assert.deepEqual(openIds(report, 'TM-IAM-003'), []);
  });

  it('does not fire where nothing authenticates end users', () => {
    const report = reportOf('flowchart LR\n  v([Visitor]) -->|HTTPS| site[Brochure site]\n', 'site.mmd');
    assert.deepEqual(openIds(report, 'TM-IAM-003'), []);
  });
});

describe('TM-IAM-004 identity provider isolation', () => {
  const dmz = (keycloakZone: string, runtime = '') => `
boundaries:
  - { name: DMZ, type: network-zone }
  - { name: Identity zone, type: network-zone }
elements:
  - { name: Visitor, kind: actor }
  - { name: Web server, kind: process, boundary: DMZ ${runtime} }
  - { name: Keycloak, kind: identity-provider, boundary: ${keycloakZone} ${runtime} }
  - { name: Keycloak DB, kind: datastore, technology: PostgreSQL, boundary: ${keycloakZone} }
flows:
  - { source: Visitor, target: Web server, protocol: https }
  - { source: Web server, target: Keycloak, label: token exchange, protocol: https }
  - { source: Keycloak, target: Keycloak DB, protocol: sql }
`;

  it('fires on an identity provider in the same zone as an internet-facing web server (its own database does not count)', () => {
    const [threat] = open(reportOf(dmz('DMZ'), 'idp.yaml'), 'TM-IAM-004');
    assert.equal(threat?.id, 'TM-IAM-004@keycloak');
    assert.match(threat!.title, /^Keycloak is not isolated from Web server$/);
  });

  it('fires on a shared runtime even across zones, and not at all when isolated', () => {
    const shared = open(reportOf(dmz('Identity zone', ', runtime: prod-vm-1'), 'idp.yaml'), 'TM-IAM-004')[0];
    assert.match(shared?.description ?? '', /runs on the same runtime as Web server/);
    assert.deepEqual(openIds(reportOf(dmz('Identity zone'), 'idp.yaml'), 'TM-IAM-004'), []);
  });
});

describe('TM-IAM-005 missing authentication between trust zones', () => {
  const zones = (flow: string, target = '') => `
boundaries:
  - { name: App zone, type: network-zone }
  - { name: Data zone, type: network-zone }
dataAssets:
  - { id: invoices, name: Customer invoices, classification: pii }
elements:
  - { name: Reporting service, kind: process, boundary: App zone }
  - { name: Billing service, kind: process, boundary: Data zone, data: [invoices] ${target} }
flows:
  - { source: Reporting service, target: Billing service, label: fetch invoices, protocol: https, data: [invoices] ${flow} }
`;

  it('fires on a call across zones stated unauthenticated to a service holding PII', () => {
    const [threat] = open(reportOf(zones(', authenticated: false'), 'zones.yaml'), 'TM-IAM-005');
    assert.equal(threat?.id, 'TM-IAM-005@reporting-service->billing-service');
    assert.equal(threat!.severity, 'critical', 'raised for personal data');
  });

  it('is removed when the target authenticates its callers', () => {
    const report = reportOf(zones(', authenticated: false', ', authenticatesCallers: true'), 'zones.yaml');
    assert.deepEqual(openIds(report, 'TM-IAM-005'), []);
    assert.equal(mitigated(report, 'TM-IAM-005').length, 1);
  });

  it('does not fire where the design does not state the call unauthenticated (that is TM-FLOW-003)', () => {
    const report = reportOf(zones(''), 'zones.yaml');
    assert.deepEqual(openIds(report, 'TM-IAM-005'), []);
    assert.equal(open(report, 'TM-FLOW-003').length, 1);
  });
});

describe('TM-IAM-004 judges directories, not their clients', () => {
  it('does not take an app that mentions LDAP for a directory', () => {
    const report = reportOf(
      `boundaries:
  - { name: DMZ, type: network-zone }
elements:
  - { name: Visitor, kind: actor }
  - { name: Web server, kind: process, boundary: DMZ }
  - { name: Intranet, kind: process, boundary: DMZ, description: Binds to the corporate LDAP to check passwords }
flows:
  - { source: Visitor, target: Web server, protocol: https }
  - { source: Web server, target: Intranet, protocol: https }
`,
      'client.yaml',
    );
    assert.deepEqual(openIds(report, 'TM-IAM-004'), []);
  });
});
