// The mission's acceptance cases end to end: text in, threat register out, through the real input adapters.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { STRIDE_CATEGORIES } from '../../../src/core/types.js';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { analyze, type ThreatReport } from '../../../src/model/engine/index.js';

function example(name: string): string {
  return readFileSync(new URL(`../../../examples/models/${name}`, import.meta.url), 'utf8');
}

function modelOf(name: string, text = example(name)): ThreatReport {
  return analyze(readArchitecture(text, { fileName: name }).model);
}

describe('Example A: the image-upload API described in prose', () => {
  const report = modelOf('photo-upload.txt');
  const byRule = new Map(report.threats.map((t) => [t.ruleId, t]));

  it('names the five components (and the user)', () => {
    const names = report.model.elements.map((e) => `${e.name}:${e.kind}`).sort();
    assert.deepEqual(names, ['Lambda function:function', 'PostgreSQL:datastore', 'S3 bucket:bucket', 'Signed-URL generator:process', 'User:actor', 'Web API:process']);
  });

  it("gives the mission table's six threats at the stated severities, with their mitigations", () => {
    const expected: [rule: string, stride: string, severity: string, title: RegExp, mitigation: string][] = [
      ['TM-API-001', 'spoofing', 'high', /^Unauthenticated users upload malicious files to Web API$/, 'MIT-API-AUTHN'],
      ['TM-STORAGE-002', 'tampering', 'medium', /^Files in S3 bucket modified or replaced after upload$/, 'MIT-S3-VERSIONING'],
      ['TM-STORAGE-001', 'information-disclosure', 'high', /^S3 bucket may be publicly accessible$/, 'MIT-S3-BLOCK-PUBLIC'],
      ['TM-STORAGE-003', 'information-disclosure', 'medium', /^Signed URLs from Signed-URL generator don't expire$/, 'MIT-SIGNED-URL-EXPIRY'],
      ['TM-API-002', 'denial-of-service', 'medium', /^Huge or repeated uploads to Web API exhaust storage in S3 bucket$/, 'MIT-UPLOAD-LIMITS'],
      ['TM-SERVERLESS-001', 'elevation-of-privilege', 'high', /^Lambda function has overly broad IAM permissions$/, 'MIT-LEAST-PRIVILEGE-ROLE'],
    ];
    for (const [rule, stride, severity, title, mitigation] of expected) {
      const t = byRule.get(rule);
      assert.ok(t, `${rule} reported`);
      assert.equal(t.stride, stride, rule);
      assert.equal(t.severity, severity, rule);
      assert.match(t.title, title);
      assert.ok(t.mitigations.includes(mitigation), `${rule} mitigated by ${mitigation}`);
    }
  });

  it('counts High 3 / Medium 3 / Low 0 and adds no generic filler', () => {
    assert.deepEqual(report.counts, { critical: 0, high: 3, medium: 3, low: 0 });
    assert.equal(report.threats.length, 6);
  });

  it('the least-privilege threat names exactly what the function touches', () => {
    assert.match(byRule.get('TM-SERVERLESS-001')!.description, /only PostgreSQL and S3 bucket/);
  });

  it('stating the controls in the description removes the threats, and the report says why', () => {
    const hardened = modelOf(
      'photo-upload.txt',
      `${example('photo-upload.txt').trim()} The bucket blocks public access and has versioning enabled. Signed URLs expire after 1 hour. ` +
        'The API requires JWT authentication and rate-limits uploads. The Lambda function uses a least-privilege role.',
    );
    assert.deepEqual(hardened.threats, []);
    const why = new Map(hardened.mitigatedByDesign.map((t) => [t.ruleId, t.suppressedBy.join('; ')]));
    assert.equal(why.get('TM-API-001'), 'Web API authenticates its callers');
    assert.equal(why.get('TM-STORAGE-001'), 'S3 bucket blocks public access');
    assert.equal(why.get('TM-STORAGE-002'), 'S3 bucket keeps object versions');
    assert.equal(why.get('TM-STORAGE-003'), 'signed URLs for S3 bucket have a short expiry');
    assert.equal(why.get('TM-API-002'), 'Web API enforces upload size limits and rate limits');
    assert.equal(why.get('TM-SERVERLESS-001'), 'Lambda function runs with a least-privilege role');
  });
});

describe('Example B: the login flow', () => {
  const report = modelOf('login-flow.md');

  it('gives specific threats in all six STRIDE categories', () => {
    for (const category of STRIDE_CATEGORIES) assert.ok(report.threats.some((t) => t.stride === category), `${category} covered`);
  });

  it('names credential stuffing, JWT tampering, unlogged logins, token leakage, login flooding and role-claim escalation', () => {
    const titles = report.threats.map((t) => t.title);
    const find = (pattern: RegExp) => titles.find((t) => pattern.test(t));
    assert.ok(find(/^Credential stuffing against the login at Web App$/));
    assert.ok(find(/^Forged or tampered JWTs accepted by Web App \(`alg: none`/));
    assert.ok(find(/^Logins at Auth Service are not audit-logged$/));
    assert.ok(find(/^Bearer tokens leak in transit on Web App → User$/));
    assert.ok(find(/^Leaked tokens from Auth Service stay valid$/));
    assert.ok(find(/^Login flooding at Web App locks out users/));
    assert.ok(find(/^Role-claim escalation at Web App$/));
  });

  it('locates threats at the description line', () => {
    const lines = example('login-flow.md').split('\n');
    const line = lines.findIndex((l) => l.includes('User submits credentials')) + 1;
    const stuffing = report.threats.find((t) => t.ruleId === 'TM-AUTH-001');
    assert.equal(stuffing?.locations[0]?.line, line);
    assert.match(stuffing?.description ?? '', /accepts usernames and passwords from the internet and checks them via Auth Service\./);
  });
});

describe('the same system in YAML, Mermaid, PlantUML and C4-PlantUML', () => {
  const files = ['shop.yaml', 'shop.mmd', 'shop.puml', 'shop-c4.puml'];
  const reports = files.map((f) => modelOf(f));
  const summary = (r: ThreatReport) => r.threats.map((t) => `${t.id} ${t.severity}`);

  it('yields the same threats at the same severities', () => {
    assert.ok(reports[0]!.threats.length > 0);
    for (const [i, r] of reports.entries()) assert.deepEqual(summary(r), summary(reports[0]!), files[i]);
    assert.deepEqual(
      reports.map((r) => r.mitigatedByDesign.map((t) => t.id)),
      files.map(() => reports[0]!.mitigatedByDesign.map((t) => t.id)),
    );
  });

  it('reports the shop-specific threats, and credits the stated controls', () => {
    const ids = reports[0]!.threats.map((t) => t.id);
    // The service behind the gateway verifies the JWT: what that authentication leaves is open, and counted
    // against the impersonation threat it removed (never more risk than that carried).
    const forged = reports[0]!.threats.find((t) => t.id === 'TM-TOKEN-001@orders');
    assert.deepEqual(forged?.replaces, ['TM-FLOW-003@gateway->orders']);
    const replaced = reports[0]!.mitigatedByDesign.find((t) => t.id === 'TM-FLOW-003@gateway->orders')!;
    const remainder = reports[0]!.threats.filter((t) => t.replaces?.includes(replaced.id)).reduce((sum, t) => sum + t.riskScore, 0);
    assert.ok(remainder <= replaced.riskScore + 1e-9, `${remainder} within ${replaced.riskScore}`);
    assert.ok(ids.includes('TM-FLOW-003@cdn->gateway'), 'the origin accepts anything in the account');
    const byDesign = new Map(reports[0]!.mitigatedByDesign.map((t) => [t.id, t.suppressedBy.join('; ')]));
    assert.match(byDesign.get('TM-FLOW-002@customer->cdn') ?? '', /Customer → CloudFront CDN is encrypted \(HTTPS\)/);
    assert.match(byDesign.get('TM-API-001@cdn') ?? '', /only forwards to authenticated services/);
  });

  it('points each threat at the diagram line of its element', () => {
    const mmd = reports[1]!;
    const lines = example('shop.mmd').split('\n');
    const queueLine = lines.findIndex((l) => l.includes('queue>"Order Queue')) + 1;
    const poison = mmd.threats.find((t) => t.id === 'TM-QUEUE-002@queue');
    assert.equal(poison?.locations[0]?.line, queueLine);
    assert.equal(poison?.locations[0]?.file, 'shop.mmd');
  });
});

describe('flow controls through a YAML model', () => {
  const yaml = (flow: string) => `name: Payments
boundaries:
  - { id: dmz, name: DMZ, type: network-zone }
  - { id: core, name: Core, type: network-zone }
elements:
  - { id: api, name: Payments API, kind: process, boundary: dmz, props: { authenticatesCallers: true, rateLimited: true } }
  - { id: ledger, name: Ledger, kind: process, boundary: core }
dataAssets:
  - { id: cards, name: Card numbers, classification: payment }
flows:
  - { id: f1, source: api, target: ledger, data: [cards], ${flow} }
`;
  it('TLS and authentication on the flow remove the in-transit and spoofing threats', () => {
    const open = modelOf('p.yaml', yaml('protocol: http'));
    const ids = open.threats.map((t) => t.id);
    assert.ok(ids.includes('TM-FLOW-001@api->ledger'), 'card numbers readable in transit');
    assert.ok(ids.includes('TM-FLOW-002@api->ledger'), 'tampering in transit');
    assert.ok(ids.includes('TM-FLOW-003@api->ledger'), 'caller spoofing');
    assert.equal(open.threats.find((t) => t.id === 'TM-FLOW-001@api->ledger')?.severity, 'high');
    const closed = modelOf('p.yaml', yaml('protocol: https, authenticated: true'));
    assert.deepEqual(closed.threats.filter((t) => t.flows.includes('f1')).map((t) => t.id), []);
    assert.deepEqual(closed.mitigatedByDesign.map((t) => t.id).sort(), ['TM-FLOW-001@api->ledger', 'TM-FLOW-002@api->ledger', 'TM-FLOW-003@api->ledger']);
  });
});
