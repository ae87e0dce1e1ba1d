// Web application threats (TM-WEB-*): each fires on a realistic design, a stated control removes it, and a near
// miss does not trigger it. Designs are read through the real readers (YAML model, Mermaid, prose).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mitigated, open, openIds, reportOf } from './helpers.js';

/** A customer portal rendered on the server, with cookie sessions; `portal` adds properties. */
const portal = (props = '') => `
name: Customer portal
boundaries:
  - { name: DMZ, type: network-zone, elements: [Account portal] }
elements:
  - { name: Customer, kind: actor }
  - name: Account portal
    kind: web-app
    technology: Django
    description: Server-rendered account pages; keeps a session cookie after login.
    ${props}
flows:
  - { source: Customer, target: Account portal, label: "login and change address", protocol: https }
`;

describe('TM-WEB-001 cross-site request forgery', () => {
  it('fires on a server-rendered portal that keeps a cookie session', () => {
    const [threat] = open(reportOf(portal(), 'portal.yaml'), 'TM-WEB-001');
    assert.ok(threat);
    assert.equal(threat.stride, 'spoofing');
    assert.match(threat.title, /Customer's browsers act on Account portal/);
    assert.match(threat.description, /session cookie/);
  });

  it('is removed by stated CSRF protection, in YAML and in words', () => {
    const yaml = reportOf(portal('csrfProtection: true'), 'portal.yaml');
    assert.deepEqual(openIds(yaml, 'TM-WEB-001'), []);
    assert.match(mitigated(yaml, 'TM-WEB-001')[0]!.suppressedBy[0]!, /Account portal defends state-changing requests against CSRF/);
    const mermaid = reportOf(
      'flowchart LR\n  customer([Customer]) -->|login, HTTPS| portal[Account portal<br/>Rails, session cookies, CSRF tokens]\n',
      'portal.mmd',
    );
    assert.deepEqual(openIds(mermaid, 'TM-WEB-001'), []);
    assert.equal(mitigated(mermaid, 'TM-WEB-001').length, 1);
  });

  it('does not fire where browsers send a bearer token in a header, nor on the single-page app itself', () => {
    const report = reportOf(
      `flowchart LR
  user([Customer]) -->|HTTPS| spa[React single-page app]
  spa -->|REST with JWT bearer token| api[Orders API<br/>Express]
`,
      'spa.mmd',
    );
    assert.deepEqual(openIds(report, 'TM-WEB-001'), []);
  });

  it('does not fire on a web app that logs users in and hands their browsers a JWT', () => {
    const report = reportOf('User submits credentials → Web App validates → Auth Service checks against Database → returns JWT.', 'login.md');
    assert.deepEqual(openIds(report, 'TM-WEB-001'), []);
  });

  it('fires on the API behind a single-page app when the browser holds a cookie session for it', () => {
    const report = reportOf(
      `flowchart LR
  user([Customer]) -->|HTTPS| spa[React single-page app]
  spa -->|REST with session cookie| api[Orders API<br/>Express]
`,
      'spa-cookie.mmd',
    );
    assert.deepEqual(openIds(report, 'TM-WEB-001'), ['TM-WEB-001@api']);
  });
});

describe('TM-WEB-002 cross-site scripting', () => {
  const forum = (extra: string) => `flowchart LR
  member([Member]) -->|HTTPS| forum[Community forum<br/>PHP web application, shows member comments${extra}]
`;

  it('fires on a web application that shows what users post', () => {
    const [threat] = open(reportOf(forum(''), 'forum.mmd'), 'TM-WEB-002');
    assert.ok(threat);
    assert.equal(threat.stride, 'tampering');
    assert.match(threat.description, /including content users supply/);
    assert.deepEqual(threat.mitigations, ['MIT-XSS-OUTPUT-ENCODING']);
  });

  it('is removed by stated output encoding and a Content-Security-Policy', () => {
    const report = reportOf(forum(', output encoding and CSP'), 'forum.mmd');
    assert.deepEqual(openIds(report, 'TM-WEB-002'), []);
    assert.equal(mitigated(report, 'TM-WEB-002').length, 1);
  });

  it('does not fire on a static site that shows no user content', () => {
    const report = reportOf(
      `elements:
  - { name: Visitor, kind: actor }
  - { name: Brochure site, kind: web-app, description: Static site generated at build time }
flows:
  - { source: Visitor, target: Brochure site, protocol: https }
`,
      'static.yaml',
    );
    assert.deepEqual(openIds(report, 'TM-WEB-002'), []);
  });

  it('reads a Threagile-style custom-developed web application', () => {
    const report = reportOf(
      `elements:
  - { name: Browser, kind: actor }
  - { name: Shop, kind: web-app, technology: Web application, customDeveloped: true }
flows:
  - { source: Browser, target: Shop, protocol: https }
`,
      'shop.yaml',
    );
    assert.deepEqual(openIds(report, 'TM-WEB-002'), ['TM-WEB-002@shop']);
  });
});

describe('TM-WEB-005 missing web application firewall', () => {
  const payments = (gateway: string, api: string) => `
boundaries:
  - { name: VPC, type: cloud-account, elements: [ALB, Payments API] }
dataAssets:
  - { id: cards, name: Card details, classification: payment }
elements:
  - { name: Shopper, kind: actor }
  - { name: ALB, kind: gateway, technology: Load balancer ${gateway} }
  - { name: Payments API, kind: process, technology: Java, data: [cards] ${api} }
flows:
  - { source: Shopper, target: ALB, protocol: https }
  - { source: ALB, target: Payments API, protocol: https }
`;

  it('fires on our API handling payment data that the internet reaches through a plain load balancer', () => {
    const [threat] = open(reportOf(payments('', ''), 'payments.yaml'), 'TM-WEB-005');
    assert.ok(threat);
    assert.equal(threat.id, 'TM-WEB-005@payments-api');
    assert.match(threat.description, /through ALB/);
  });

  it('does not fire when the load balancer in front states a WAF', () => {
    assert.deepEqual(openIds(reportOf(payments(', waf: true', ''), 'payments.yaml'), 'TM-WEB-005'), []);
  });

  it('is removed by a WAF stated on the API itself, in words', () => {
    const report = reportOf(payments('', ', description: Behind AWS WAF with the managed rule sets'), 'payments.yaml');
    assert.deepEqual(openIds(report, 'TM-WEB-005'), []);
    assert.equal(mitigated(report, 'TM-WEB-005').length, 1);
  });

  it('does not fire on a product run as shipped', () => {
    assert.deepEqual(openIds(reportOf(payments('', ', customDeveloped: false'), 'payments.yaml'), 'TM-WEB-005'), []);
  });
});

describe('TM-WEB-006 missing file validation', () => {
  const intake = (props: string) => `
elements:
  - { name: Partner, kind: external-system }
  - { name: Document intake, kind: process, dataFormats: [file] ${props} }
  - { name: Documents, kind: bucket, technology: AWS S3 }
flows:
  - { source: Partner, target: Document intake, label: delivers scanned contracts, protocol: sftp }
  - { source: Document intake, target: Documents, label: store }
`;

  it('fires on a component that accepts files and does not say it checks them', () => {
    const [threat] = open(reportOf(intake(''), 'intake.yaml'), 'TM-WEB-006');
    assert.ok(threat);
    assert.match(threat.description, /accepts files from Partner/);
  });

  it('is removed by stated validation', () => {
    const report = reportOf(intake(', validatesInput: true'), 'intake.yaml');
    assert.deepEqual(openIds(report, 'TM-WEB-006'), []);
    assert.equal(mitigated(report, 'TM-WEB-006').length, 1);
  });

  it('leaves an unauthenticated upload endpoint that says nothing to TM-API-001 (one malicious-upload threat, not two)', () => {
    const report = reportOf('We run a web API that accepts user uploads (images) and stores them in S3.', 'upload.txt');
    assert.ok(open(report, 'TM-API-001').some((t) => /upload malicious files/.test(t.title)));
    assert.deepEqual(openIds(report, 'TM-WEB-006'), []);
  });
});

describe('TM-WEB-003 server-side request forgery', () => {
  const preview = (zone: string, extra = '') => `flowchart LR
  user([Member]) -->|posts a link| api[Chat API]
  subgraph ${zone}
    preview[Link preview service<br/>fetches remote URLs users post${extra}]
    db[(Messages DB<br/>PostgreSQL)]
  end
  api -->|preview request| preview
  preview -->|stores previews| db
`;

  it('fires high on a URL fetcher in a cloud account', () => {
    const [threat] = open(reportOf(preview('cloud[AWS account]'), 'preview.mmd'), 'TM-WEB-003');
    assert.ok(threat);
    assert.equal(threat.stride, 'information-disclosure');
    assert.equal(threat.severity, 'high');
    assert.match(threat.description, /cloud metadata endpoint/);
  });

  it('is lower where there is no cloud metadata and nothing sensitive beside it, and lower again with URL validation', () => {
    const onPrem = open(reportOf(preview('dc[Office server room]'), 'preview.mmd'), 'TM-WEB-003')[0];
    assert.equal(onPrem?.severity, 'medium');
    const validated = open(reportOf(preview('dc[Office server room]', ', validates input URLs against an allow-list'), 'preview.mmd'), 'TM-WEB-003')[0];
    assert.equal(validated?.severity, 'low');
  });

  it('does not fire on a service that only calls a payment provider', () => {
    const report = reportOf('flowchart LR\n  api[Checkout service] -->|charge card| stripe[Stripe]\n', 'checkout.mmd');
    assert.deepEqual(openIds(report, 'TM-WEB-003'), []);
  });
});

describe('TM-WEB-004 path traversal', () => {
  const erp = (props: string) => `
elements:
  - { name: Clerk, kind: actor }
  - { name: ERP system, kind: process, technology: Application server ${props} }
  - { name: Contract file server, kind: datastore, technology: NFS }
flows:
  - { source: Clerk, target: ERP system, label: open contract, protocol: https }
  - { source: ERP system, target: Contract file server, label: read contract PDFs, protocol: nfs }
`;

  it('fires on a service that opens files on a file server for the requests it takes', () => {
    assert.deepEqual(openIds(reportOf(erp(''), 'erp.yaml'), 'TM-WEB-004'), ['TM-WEB-004@erp-system->contract-file-server']);
  });

  it('is removed by stated input validation on the service', () => {
    const report = reportOf(erp(', validatesInput: true'), 'erp.yaml');
    assert.deepEqual(openIds(report, 'TM-WEB-004'), []);
    assert.equal(mitigated(report, 'TM-WEB-004').length, 1);
  });

  it('does not fire on a bucket written under keys the service makes up', () => {
    const report = reportOf(
      `flowchart LR
  user([User]) -->|HTTPS| api[Thumbnail API]
  api -->|stores thumbnails| s3[(S3 bucket)]
`,
      'thumbs.mmd',
    );
    assert.deepEqual(openIds(report, 'TM-WEB-004'), []);
  });
});

describe('TM-API-004 on a web app that writes to a store itself', () => {
  const design = (props: string) => `
dataAssets:
  - { id: patients, name: Patient records, classification: pii }
elements:
  - { name: Patient, kind: actor }
  - { name: Patient portal, kind: web-app, technology: Django ${props} }
  - { name: Records DB, kind: datastore, technology: PostgreSQL, data: [patients] }
flows:
  - { source: Patient, target: Patient portal, protocol: https }
  - { source: Patient portal, target: Records DB, label: update records, data: [patients] }
`;

  it('fires on a server-rendered portal writing personal data without an audit log, and audit logging removes it', () => {
    assert.deepEqual(openIds(reportOf(design(''), 'portal.yaml'), 'TM-API-004'), ['TM-API-004@patient-portal']);
    assert.deepEqual(openIds(reportOf(design(', auditLogging: true'), 'portal.yaml'), 'TM-API-004'), []);
  });
});
