// Every tool's success path, end to end over stdio: scan, fix (diff, then apply), model (text, file and
// repository), explain_rule, list_rules, compliance, threat_status (write, read back, applied by model), and
// the resources.

import assert from 'node:assert/strict';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE, FIXTURE_SECRET, start, textOf, workspace, type Session } from './harness.js';

describe('bulwark mcp: tools', () => {
  let root: string;
  let session: Session;
  before(async () => {
    root = await workspace(FIXTURE);
    session = await start(['mcp', '--root', root]);
  });
  after(async () => {
    await session.close();
    await rm(root, { recursive: true, force: true });
  });

  it('lists every tool, each with an input and an output schema', async () => {
    const { tools } = await session.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['compliance', 'explain_rule', 'fix', 'list_rules', 'model', 'scan', 'threat_status']);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object', tool.name);
      assert.equal(tool.outputSchema?.type, 'object', tool.name);
      assert.ok(tool.description && tool.description.length > 40, tool.name);
    }
    const fix = tools.find((t) => t.name === 'fix')!;
    assert.match(fix.description!, /show the diff to the user/i);
  });

  it('scan returns the findings with paths relative to the root, secrets masked, and the threshold outcome', async () => {
    const result = await session.call('scan', {});
    assert.ok(!result.isError, textOf(result));
    const scan = result.structuredContent as any;
    assert.equal(scan.root, root);
    const rules = scan.findings.map((f: any) => f.ruleId);
    assert.ok(rules.includes('BW-AWS-SQS-001'), rules.join());
    assert.ok(rules.includes('BW-COMPOSE-SECRET-001'), rules.join());
    const sqs = scan.findings.find((f: any) => f.ruleId === 'BW-AWS-SQS-001');
    assert.equal(sqs.file, 'infra/main.tf');
    assert.equal(sqs.line, 1);
    assert.equal(sqs.resource, 'aws_sqs_queue.orders');
    assert.equal(scan.failed, true);
    assert.equal(scan.failOn, 'high');
    assert.equal(scan.counts.high, 1);
    assert.equal(scan.page.total, scan.findings.length);
    assert.ok(!JSON.stringify(result).includes(FIXTURE_SECRET), 'the literal password came back in clear');
    assert.match(textOf(result), /fails --fail-on high/);
  });

  it('scan narrows to paths, severity and rules, and can add a Markdown report', async () => {
    const scan = await session.ok('scan', { paths: ['infra'], severity: 'medium', failOn: 'critical', report: 'markdown' });
    assert.deepEqual(scan.findings.map((f: any) => f.ruleId), ['BW-AWS-SQS-001']);
    assert.equal(scan.failed, false);
    assert.match(scan.report, /BW-AWS-SQS-001/);
    const byRule = await session.ok('scan', { rules: ['BW-COMPOSE-SECRET-001'], report: 'text' });
    assert.deepEqual(byRule.findings.map((f: any) => f.ruleId), ['BW-COMPOSE-SECRET-001']);
    assert.match(byRule.report, /BW-COMPOSE-SECRET-001/);
    assert.ok(!byRule.report.includes(FIXTURE_SECRET));
  });

  it('explain_rule gives the metadata and the reference page, whatever the case of the id', async () => {
    const rule = await session.ok('explain_rule', { id: 'bw-aws-sqs-001' });
    assert.equal(rule.id, 'BW-AWS-SQS-001');
    assert.equal(rule.provider, 'aws');
    assert.ok(rule.compliance.includes('PCI-DSS 3.5.1'), rule.compliance.join());
    assert.match(rule.doc, /^# BW-AWS-SQS-001: /);
    assert.match(rule.remediation, /sqs_managed_sse_enabled/);
    assert.equal(rule.resource, 'bulwark://rules/BW-AWS-SQS-001');
  });

  it('list_rules filters by provider and severity, and pages', async () => {
    const first = await session.ok('list_rules', { provider: 'aws', severity: 'high', limit: 5 });
    assert.equal(first.rules.length, 5);
    for (const r of first.rules) {
      assert.equal(r.provider, 'aws');
      assert.ok(['critical', 'high'].includes(r.severity), r.severity);
    }
    assert.ok(first.page.total > 5);
    const second = await session.ok('list_rules', { provider: 'aws', severity: 'high', limit: 5, cursor: first.page.nextCursor });
    assert.equal(second.page.offset, 5);
    assert.ok(!second.rules.some((r: any) => first.rules.some((s: any) => s.id === r.id)));
    const docker = await session.ok('list_rules', { provider: 'docker', limit: 500 });
    assert.ok(docker.rules.length > 0 && docker.rules.every((r: any) => r.provider === 'docker'));
  });

  it('compliance names the failed controls and the resources failing them', async () => {
    const report = await session.ok('compliance', { framework: 'pci-dss' });
    assert.equal(report.framework, 'PCI-DSS');
    const encryption = report.controls.find((c: any) => c.control === '3.5.1');
    assert.ok(encryption, JSON.stringify(report.controls.map((c: any) => c.control)));
    assert.equal(encryption.status, 'fail');
    assert.deepEqual(encryption.failing.map((f: any) => [f.ruleId, f.file]), [['BW-AWS-SQS-001', 'infra/main.tf']]);
    assert.ok(report.controls.every((c: any) => c.status === 'fail'));
    assert.equal(report.failed, report.controls.length);
    const all = await session.ok('compliance', { framework: 'GDPR', status: ['fail', 'pass', 'not-applicable', 'not-assessed'], limit: 500 });
    assert.equal(all.controls.length, all.failed + all.passed + all.notApplicable + all.notAssessed);
  });

  it('model reads design text, a design file, and the repository folder', async () => {
    const diagram = FIXTURE['docs/design.mmd']!;
    const fromText = await session.ok('model', { text: diagram, format: 'mermaid' });
    assert.equal(fromText.source, 'text');
    assert.equal(fromText.elements, 3);
    assert.ok(fromText.open > 0);
    assert.ok(fromText.threats.some((t: any) => t.id === 'TM-API-001@api'), fromText.threats.map((t: any) => t.id).join());
    const fromFile = await session.ok('model', { file: 'docs/design.mmd', limit: 1 });
    assert.equal(fromFile.source, 'file');
    assert.equal(fromFile.threats.length, 1);
    assert.equal(fromFile.page.total, fromText.open);
    assert.equal(fromFile.page.nextCursor, '1');
    const repository = await session.ok('model', { dir: '.' });
    assert.equal(repository.source, 'repository');
    assert.ok(repository.elements > 0);
    assert.ok(!JSON.stringify(repository).includes(FIXTURE_SECRET), 'the literal password came back in clear');
  });

  it('fix shows a masked diff without writing, refuses a stale digest, then applies the verified changes', async () => {
    const tf = join(root, 'infra', 'main.tf');
    const before = await readFile(tf, 'utf8');
    const shown = await session.call('fix', {});
    assert.ok(!shown.isError, textOf(shown));
    const fix = shown.structuredContent as any;
    assert.equal(fix.applied, false);
    const files = fix.changes.map((c: any) => c.file).sort();
    assert.deepEqual(files, ['.env.example', 'docker-compose.yml', 'infra/main.tf']);
    const tfChange = fix.changes.find((c: any) => c.file === 'infra/main.tf');
    assert.match(tfChange.diff, /^\+\s+sqs_managed_sse_enabled = true$/m);
    assert.deepEqual(tfChange.fixes.map((f: any) => [f.ruleId, f.line, f.kind]), [['BW-AWS-SQS-001', 1, 'automatic']]);
    assert.equal(fix.fixedTotal, fix.changes.reduce((n: number, c: any) => n + c.fixes.length, 0));
    assert.ok(fix.notFixed.some((u: any) => u.ruleId === 'BW-COMPOSE-PRIV-006' && u.reason.length > 0), JSON.stringify(fix.notFixed));
    assert.equal(fix.notFixedTotal, fix.notFixed.length);
    const paged = await session.ok('fix', { limit: 1 });
    assert.deepEqual([paged.changes.length, paged.page.total, paged.page.nextCursor, paged.digest], [1, 3, '1', fix.digest]);
    const composeDiff = fix.changes.find((c: any) => c.file === 'docker-compose.yml').diff;
    assert.match(composeDiff, /^-\s+POSTGRES_PASSWORD: "Tr0u\*\*\*\*"$/m);
    assert.ok(!JSON.stringify(shown).includes(FIXTURE_SECRET), 'the literal password came back in clear');
    assert.match(textOf(shown), /apply: true/);
    assert.equal(await readFile(tf, 'utf8'), before, 'fix without apply wrote a file');
    await assert.rejects(stat(join(root, '.env.example')));

    const stale = await session.refused('fix', { apply: true, expectedDigest: '0'.repeat(64) });
    assert.match(stale, /no longer the ones shown/);
    assert.equal(await readFile(tf, 'utf8'), before);

    const applied = await session.ok('fix', { apply: true, expectedDigest: fix.digest });
    assert.equal(applied.applied, true);
    assert.match(await readFile(tf, 'utf8'), /sqs_managed_sse_enabled = true/);
    assert.match(await readFile(join(root, 'docker-compose.yml'), 'utf8'), /\$\{POSTGRES_PASSWORD/);
    assert.equal(await readFile(join(root, '.env.example'), 'utf8'), 'POSTGRES_PASSWORD=\n');
    const rescan = await session.ok('scan', { limit: 500 });
    assert.ok(!rescan.findings.some((f: any) => f.ruleId === 'BW-AWS-SQS-001' || f.ruleId === 'BW-COMPOSE-SECRET-001'));
    const again = await session.ok('fix', { rules: ['BW-AWS-SQS-001'] });
    assert.deepEqual(again.changes, []);
  });

  it('threat_status records a decision atomically, reads it back, and model applies it', async () => {
    const empty = await session.ok('threat_status', {});
    assert.equal(empty.exists, false);
    const written = await session.ok('threat_status', {
      id: 'TM-API-001@api',
      status: 'accepted',
      justification: 'internal pilot behind the VPN until March',
      owner: 'alice@example.com',
      expires: '2099-03-31',
      title: 'Unauthenticated callers use Orders API as any user',
    });
    assert.deepEqual(written.updated, { id: 'TM-API-001@api', status: 'accepted', justification: 'internal pilot behind the VPN until March', owner: 'alice@example.com', expires: '2099-03-31', line: written.updated.line });
    const file = await readFile(join(root, 'bulwark-threats.yaml'), 'utf8');
    assert.match(file, /^version: 1$/m);
    assert.match(file, /TM-API-001@api:\n\s+status: accepted\n/);

    const second = await session.ok('threat_status', { id: 'TM-API-003@api', status: 'mitigated', justification: 'rate limited at the gateway' });
    assert.equal(second.updated.status, 'mitigated');
    const read = await session.ok('threat_status', {});
    assert.deepEqual(read.entries.map((e: any) => [e.id, e.status]), [['TM-API-001@api', 'accepted'], ['TM-API-003@api', 'mitigated']]);
    const one = await session.ok('threat_status', { id: 'TM-API-003@api' });
    assert.deepEqual(one.entries.map((e: any) => e.justification), ['rate limited at the gateway']);
    // Reopening keeps the other entry and the justification given before.
    await session.ok('threat_status', { id: 'TM-API-003@api', status: 'open' });
    const reopened = await session.ok('threat_status', { id: 'TM-API-003@api' });
    assert.equal(reopened.entries[0].status, 'open');

    const model = await session.ok('model', { file: 'docs/design.mmd', includeDecided: true });
    assert.equal(model.trackingFile, 'bulwark-threats.yaml');
    assert.equal(model.decided, 1);
    const accepted = model.threats.find((t: any) => t.id === 'TM-API-001@api');
    assert.equal(accepted.status, 'accepted');
    assert.equal(accepted.decision.owner, 'alice@example.com');
  });

  it('serves the rule pages and the knowledge base as resources', async () => {
    const { resources } = await session.client.listResources();
    const uris = resources.map((r) => r.uri);
    assert.ok(uris.includes('bulwark://knowledge/threat-model'));
    assert.ok(uris.includes('bulwark://rules/BW-AWS-SQS-001'));
    const { resourceTemplates } = await session.client.listResourceTemplates();
    assert.deepEqual(resourceTemplates.map((t) => t.uriTemplate), ['bulwark://rules/{id}']);
    const rule = await session.client.readResource({ uri: 'bulwark://rules/BW-AWS-SQS-001' });
    const ruleText = (rule.contents[0] as { text: string }).text;
    assert.match(ruleText, /^# BW-AWS-SQS-001: /);
    assert.match(ruleText, /CKV_AWS_27/);
    const kb = await session.client.readResource({ uri: 'bulwark://knowledge/threat-model' });
    const kbText = (kb.contents[0] as { text: string }).text;
    assert.match(kbText, /TM-API-001/);
    assert.match(kbText, /### web-api/);
    await assert.rejects(session.client.readResource({ uri: 'bulwark://rules/BW-NOPE-999' }), /no rule/);
  });
});
