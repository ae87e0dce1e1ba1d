// The two engines joined on a repository: the auditor's findings become evidence on the model's components,
// and each threat is confirmed by lines or findings, shown mitigated, or left unverified (design only).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditRepository, auditSummary } from '../../../src/repository-model.js';
import { builtinRules } from '../../../src/analyze/rules/index.js';
import type { Finding } from '../../../src/core/types.js';
import { analyze } from '../../../src/model/engine/analyze.js';
import type { ThreatReport } from '../../../src/model/engine/types.js';
import { verifyThreats } from '../../../src/model/engine/verification.js';
import { MITIGATIONS } from '../../../src/model/knowledge/mitigations.js';
import { checksOf, MITIGATION_CHECKS, mitigationsVerifiedBy } from '../../../src/model/knowledge/verified-by.js';
import { renderThreatMarkdown } from '../../../src/model/report/markdown.js';
import { attachFindings } from '../../../src/model/repository/auditor-evidence.js';
import { modelRepository } from '../../../src/model/repository/index.js';
import type { Architecture } from '../../../src/model/schema/architecture.js';

const ROOT = join(import.meta.dirname, '../../..');

async function joinedReport(dir: string): Promise<ThreatReport> {
  const abs = join(ROOT, dir);
  const { model, sources } = await modelRepository(abs);
  const audit = await auditRepository(abs);
  const joined = attachFindings(model, audit.findings);
  const report = { ...analyze(model), sources: { ...sources, audit: auditSummary(audit, joined) } };
  verifyThreats(report);
  return report;
}

const threat = (report: ThreatReport, id: string) => {
  const found = [...report.threats, ...report.mitigatedByDesign].find((t) => t.id === id);
  assert.ok(found, `threat ${id} in ${[...report.threats, ...report.mitigatedByDesign].map((t) => t.id).join(', ')}`);
  return found;
};
const findingsOf = (report: ThreatReport, id: string) => threat(report, id).verification!.evidence.filter((e) => e.rule).map((e) => `${e.rule}@${e.file}:${e.line}`);

describe('auditor findings as evidence on a repository model', () => {
  it('places each finding on the component it concerns and confirms the threats it shows', async () => {
    const report = await joinedReport('examples/ordering-system');
    const orders = report.model.elements.find((e) => e.id === 'terraform/aws_sqs_queue.orders')!;
    const onOrders = orders.evidence!.filter((e) => e.rule).map((e) => `${e.rule}@${e.file}:${e.line}`);
    assert.ok(onOrders.includes('BW-AWS-SQS-001@terraform/main.tf:12'), onOrders.join(', '));
    // The LocalStack container it runs in (a boundary in the model): its compose findings are the queue's.
    assert.ok(onOrders.includes('BW-COMPOSE-RES-001@docker-compose.yml:36'), onOrders.join(', '));
    // The unencrypted queue: confirmed by the Terraform line and by the auditor's finding on it.
    const queue = threat(report, 'TM-QUEUE-001@terraform/aws_sqs_queue.orders');
    assert.equal(queue.verification!.status, 'confirmed');
    assert.deepEqual(findingsOf(report, queue.id), ['BW-AWS-SQS-001@terraform/main.tf:12']);
    // Weak database passwords: the compose findings on the database itself.
    assert.ok(findingsOf(report, 'TM-DB-005@mariadb').every((f) => f.startsWith('BW-COMPOSE-SECRET-002@docker-compose.yml:')));
    assert.ok(findingsOf(report, 'TM-DB-005@mariadb').length >= 2);
    // The published database port: the auditor's localhost-only rule agrees with the model.
    assert.deepEqual(findingsOf(report, 'TM-DB-003@mariadb'), ['BW-COMPOSE-NET-001@docker-compose.yml:46']);
    // No authentication: the route line in the code decides it.
    const auth = threat(report, 'TM-API-001@api');
    assert.equal(auth.verification!.status, 'confirmed');
    assert.ok(auth.verification!.evidence.some((e) => e.file === 'api/src/server.js' && e.prop === 'authenticatesCallers' && e.value === false));
    // Nothing in a repository can show a missing WAF in front of the API: the design alone implies it.
    assert.equal(threat(report, 'TM-WEB-005@api').verification!.status, 'unverified');
    assert.deepEqual(threat(report, 'TM-WEB-005@api').verification!.evidence, []);
    const audit = report.sources!.audit!;
    assert.deepEqual(audit.formats.slice().sort(), ['Dockerfile', 'Terraform', 'docker-compose']);
    assert.equal(audit.joined + audit.unmatched.reduce((n, u) => n + u.count, 0), audit.findings);
  });

  it('shows the hardened copy’s controls as mitigations with their lines, and no finding behind them', async () => {
    const report = await joinedReport('test/fixtures/repositories/ordering-system-hardened');
    // Authentication: removed by the JWT middleware the code registers, at its line.
    const auth = report.mitigatedByDesign.find((t) => t.id === 'TM-API-001@api')!;
    assert.equal(auth.verification!.status, 'mitigated');
    assert.ok(auth.verification!.evidence.some((e) => e.file === 'api/src/auth.js' && e.prop === 'authenticatesCallers' && e.value === true));
    // The encrypted queue raises no threat, and the auditor finds nothing on it.
    assert.ok(!report.threats.some((t) => t.id === 'TM-QUEUE-001@terraform/aws_sqs_queue.orders'));
    const orders = report.model.elements.find((e) => e.id === 'terraform/aws_sqs_queue.orders')!;
    assert.deepEqual(orders.evidence!.filter((e) => e.rule?.startsWith('BW-AWS-SQS')), []);
    const markdown = renderThreatMarkdown(report);
    // Its one high threat (cross-site scripting in the React frontend) is implied by the design, not confirmed.
    assert.match(markdown, /## Summary\n\n\*\*Review before production\*\*: 1 critical or high threat open that the architecture implies/);
    assert.match(markdown, /- Audited \d+ files \(/);
  });

  it('names the findings it cannot place instead of guessing: a resource the model shows no component for', () => {
    const model: Architecture = {
      name: 'Queue',
      elements: [{ id: 'orders', name: 'orders', kind: 'queue', props: {}, data: [], location: { file: 'main.tf', line: 1 }, evidence: [{ file: 'main.tf', line: 1, says: 'aws_sqs_queue.orders' }] }],
      flows: [],
      boundaries: [],
      dataAssets: [],
    } as unknown as Architecture;
    const at = (line: number, resource: string): Finding =>
      ({ ruleId: 'BW-AWS-KMS-001', severity: 'medium', title: 't', message: `${resource} does not rotate`, resource, fingerprint: `f${line}`, location: { file: 'main.tf', range: { start: { line, column: 1, offset: 0 }, end: { line, column: 2, offset: 1 } } } }) as unknown as Finding;
    const joined = attachFindings(model, [at(1, 'aws_sqs_queue.orders'), at(9, 'aws_kms_key.queue')]);
    assert.equal(joined.joined, 1);
    assert.deepEqual(joined.unmatched.map((f) => f.resource), ['aws_kms_key.queue']);
  });
});

describe('a workload copied into another manifest', () => {
  it('takes the findings on the copy by kind, namespace and name', () => {
    const model = {
      name: 'Shop',
      elements: [{ id: 'carts-db', name: 'carts-db', kind: 'datastore', props: {}, data: [], location: { file: 'manifests/carts-db.yaml', line: 1 }, evidence: [] }],
      flows: [],
      boundaries: [],
      dataAssets: [],
    } as unknown as Architecture;
    const finding = (resource: string) =>
      ({ ruleId: 'BW-K8S-POD-001', severity: 'medium', title: 't', message: `${resource} runs as root`, resource, fingerprint: resource, location: { file: 'complete-demo.yaml', range: { start: { line: 98, column: 1, offset: 0 }, end: { line: 98, column: 2, offset: 1 } } } }) as unknown as Finding;
    const joined = attachFindings(model, [finding('Deployment/sock-shop/carts-db'), finding('Deployment/sock-shop/orders-db')]);
    assert.equal(joined.joined, 1);
    assert.deepEqual(joined.unmatched.map((f) => f.resource), ['Deployment/sock-shop/orders-db']);
    assert.equal(model.elements[0]!.evidence!.at(-1)!.file, 'complete-demo.yaml');
  });
});

describe('the mitigation ↔ auditor rule link', () => {
  it('names only rules and mitigations that exist, and derives the inverse', () => {
    const rules = new Set(builtinRules.map((r) => r.meta.id));
    const mitigations = new Set(MITIGATIONS.map((m) => m.id));
    for (const [mitigation, checks] of Object.entries(MITIGATION_CHECKS)) {
      assert.ok(mitigations.has(mitigation), `${mitigation} is a mitigation`);
      for (const rule of checks) assert.ok(rules.has(rule), `${mitigation}: ${rule} is an auditor rule`);
    }
    assert.deepEqual(mitigationsVerifiedBy('BW-AWS-SQS-001'), ['MIT-QUEUE-ENCRYPTION']);
    assert.ok(checksOf(['MIT-QUEUE-ENCRYPTION', 'MIT-TLS']).has('BW-K8S-INGRESS-002'));
  });
});

describe('remediation for the stack', () => {
  it('names only mitigations of the library', async () => {
    const { STACK_REMEDIATIONS } = await import('../../../src/model/knowledge/remediations.js');
    const mitigations = new Set(MITIGATIONS.map((m) => m.id));
    for (const r of STACK_REMEDIATIONS) assert.ok(mitigations.has(r.mitigation), r.mitigation);
  });
});
