// The incremental engine behind `bulwark watch`, driven directly on a copy of a small project: two stacks that
// call one bucket module, and a third stack on its own.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IncrementalScan } from '../../src/watch/incremental.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'project');

describe('incremental scan', () => {
  let dir: string;
  let engine: IncrementalScan;
  const path = (rel: string) => join(dir, rel);
  const rules = (findings: readonly { ruleId: string }[]) => findings.map((f) => f.ruleId).sort();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-watch-'));
    cpSync(fixture, dir, { recursive: true });
    ({ engine } = await IncrementalScan.start([dir]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from the full scan', () => {
    const found = engine.findings();
    assert.ok(found.some((f) => f.ruleId === 'BW-AWS-VPC-002' && f.location.file === 'stacks/c/main.tf'));
    assert.ok(found.some((f) => f.ruleId === 'BW-AWS-S3-001' && f.location.file === 'modules/bucket/main.tf'));
  });

  it('re-evaluates every root that calls a changed module, and no other', async () => {
    const file = path('modules/bucket/main.tf');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n# owned by the platform team\n`);
    const outcome = await engine.update([file]);
    assert.ok(outcome);
    assert.deepEqual(outcome.roots, ['stacks/a', 'stacks/b']);
    assert.ok(!outcome.scanned.includes('stacks/c/main.tf'));
    assert.deepEqual(outcome.added, []);
    assert.deepEqual(outcome.fixed, []);
  });

  it('reports a fixed finding', async () => {
    const file = path('stacks/c/main.tf');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"0.0.0.0/0"', '"10.20.0.0/16"'));
    const outcome = await engine.update([file]);
    assert.ok(outcome);
    assert.deepEqual(outcome.roots, ['stacks/c']);
    assert.deepEqual(rules(outcome.fixed), ['BW-AWS-VPC-002']);
    assert.deepEqual(outcome.added, []);
    assert.ok(!engine.findings().some((f) => f.ruleId === 'BW-AWS-VPC-002'));
  });

  it('keeps a module finding while another root still reaches it', async () => {
    const file = path('stacks/a/main.tf');
    rmSync(file);
    const outcome = await engine.update([file]);
    assert.ok(outcome);
    assert.deepEqual(outcome.removed, ['stacks/a/main.tf']);
    assert.deepEqual(outcome.fixed, []);
    assert.ok(engine.findings().some((f) => f.ruleId === 'BW-AWS-S3-001'));
  });

  it('reports the findings of a new compose file as new', async () => {
    const file = path('docker-compose.yml');
    writeFileSync(file, 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n');
    const outcome = await engine.update([file]);
    assert.ok(outcome);
    assert.deepEqual(outcome.scanned, ['docker-compose.yml']);
    assert.deepEqual(outcome.roots, []);
    assert.ok(rules(outcome.added).includes('BW-COMPOSE-PRIV-001'));
    assert.deepEqual(outcome.fixed, []);
  });

  it('reports the findings of a deleted file as fixed', async () => {
    const file = path('docker-compose.yml');
    rmSync(file);
    const outcome = await engine.update([file]);
    assert.ok(outcome);
    assert.ok(rules(outcome.fixed).includes('BW-COMPOSE-PRIV-001'));
    assert.ok(!engine.findings().some((f) => f.location.file === 'docker-compose.yml'));
  });

  it('reports a syntax error as a finding, and its repair as a fix', async () => {
    const file = path('stacks/c/extra.tf');
    writeFileSync(file, 'locals {\n  team = \n');
    const broken = await engine.update([file]);
    assert.ok(broken);
    assert.ok(rules(broken.added).includes('BW-PARSE-001'));
    writeFileSync(file, 'locals {\n  team = "c"\n}\n');
    const repaired = await engine.update([file]);
    assert.ok(repaired);
    assert.deepEqual(rules(repaired.fixed), ['BW-PARSE-001']);
  });

  it('drops the findings of a module the last root stopped calling only when no root reaches it', async () => {
    const file = path('stacks/b/main.tf');
    rmSync(file);
    const outcome = await engine.update([file]);
    assert.ok(outcome);
    // Nothing calls the module now: the scan evaluates it as a root of its own, so its findings stay.
    assert.ok(outcome.roots.includes('modules/bucket'));
    assert.ok(engine.findings().some((f) => f.ruleId === 'BW-AWS-S3-001'));
  });

  it('ignores what discovery ignores', async () => {
    mkdirSync(path('build'));
    const file = path('build/main.tf');
    writeFileSync(file, 'resource "aws_security_group" "x" {\n}\n');
    assert.equal(await engine.update([file]), undefined);
    assert.equal(await engine.update([path('node_modules/pkg/main.tf')]), undefined);
  });
});
