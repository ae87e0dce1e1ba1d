// `bulwark watch` end to end: a real process watching a copy of the project, edited while it runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bin, startWatch } from './watch-process.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, 'fixtures', 'project');
const repo = join(here, '..', '..');

function copyOfProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-watch-cli-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

describe('bulwark watch', () => {
  it('prints new and fixed findings as files change, and exits 0 on Ctrl-C', { timeout: 120_000 }, async () => {
    const dir = copyOfProject();
    const watch = startWatch(['watch', dir]);
    try {
      await watch.seen(/Watching .* for changes/);
      assert.match(watch.stdout(), /BW-AWS-VPC-002/);

      const stack = join(dir, 'stacks', 'c', 'main.tf');
      writeFileSync(stack, readFileSync(stack, 'utf8').replace('"0.0.0.0/0"', '"10.20.0.0/16"'));
      await watch.seen(/^ {2}fixed +HIGH +BW-AWS-VPC-002 .*\n.*stacks\/c\/main\.tf:\d+/m);

      writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n');
      await watch.seen(/^ {2}new +HIGH +BW-COMPOSE-PRIV-001 .*\n.*docker-compose\.yml:\d+/m);
      assert.doesNotMatch(watch.stdout(), /\x1b\[/, 'no colour with NO_COLOR');

      assert.equal(await watch.interrupt(), 0);
    } finally {
      watch.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scan --watch --format json prints one object per change', { timeout: 120_000 }, async () => {
    const dir = copyOfProject();
    const watch = startWatch(['scan', '--watch', '--format', 'json', dir]);
    try {
      await watch.seen(/"event":"watching"/);
      const stack = join(dir, 'stacks', 'c', 'main.tf');
      writeFileSync(stack, readFileSync(stack, 'utf8').replace('"0.0.0.0/0"', '"10.20.0.0/16"'));
      await watch.seen(/"event":"change".*\n/);
      const lines = watch.stdout().trim().split('\n').map((line) => JSON.parse(line) as { event: string; fixed?: { ruleId: string }[]; roots?: string[] });
      assert.deepEqual(lines.map((l) => l.event).slice(0, 2), ['scan', 'watching']);
      const change = lines.find((l) => l.event === 'change')!;
      assert.deepEqual(change.roots, ['stacks/c']);
      assert.deepEqual(change.fixed?.map((f) => f.ruleId), ['BW-AWS-VPC-002']);
      assert.equal(await watch.interrupt(), 0);
    } finally {
      watch.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the README's watch example as written", { timeout: 120_000 }, async () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const start = readme.indexOf('\n### Watch mode\n');
    assert.ok(start >= 0, 'the README has the subsection');
    const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
    const command = /```sh\n(.*)\n```/.exec(section)?.[1];
    assert.equal(command, 'bulwark watch infra/');
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-watch-readme-'));
    cpSync(join(fixture, 'stacks', 'c'), join(dir, 'infra'), { recursive: true });
    const watch = startWatch(command!.split(' ').slice(1), { cwd: dir });
    try {
      await watch.seen(/Watching infra\/ for changes/);
      mkdirSync(join(dir, 'infra', 'queue'));
      writeFileSync(join(dir, 'infra', 'queue', 'main.tf'), 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n  sqs_managed_sse_enabled = false\n}\n');
      await watch.seen(/^ {2}new +MEDIUM +BW-AWS-SQS-001 .*\n.*queue\/main\.tf:\d+/m);
      assert.equal(await watch.interrupt(), 0);
    } finally {
      watch.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents itself with examples, and scan --watch', () => {
    const help = spawnSync(process.execPath, [bin, 'watch', '--help'], { encoding: 'utf8' }).stdout;
    assert.match(help, /Examples:\n {2}bulwark watch infra\//);
    assert.match(help, /never exits because of findings/);
    assert.match(spawnSync(process.execPath, [bin, 'scan', '--help'], { encoding: 'utf8' }).stdout, /--watch/);
  });
});
