// `bulwark watch` end to end: a real process watching a copy of the project, edited while it runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', '..', 'bin', 'bulwark.js');
const fixture = join(here, 'fixtures', 'project');

describe('bulwark watch', () => {
  it('prints new and fixed findings as files change, and exits 0 on Ctrl-C', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-watch-cli-'));
    cpSync(fixture, dir, { recursive: true });
    const child = spawn(process.execPath, [bin, 'watch', dir], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const waiters: { pattern: RegExp; resolve: () => void }[] = [];
    const check = () => {
      for (const w of [...waiters]) {
        if (w.pattern.test(stdout)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      check();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Should the watcher miss a change, end the process so the test fails instead of hanging.
    const guard = setTimeout(() => child.kill('SIGKILL'), 100_000);
    const seen = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ pattern, resolve });
        check();
        void exited.then((code) => reject(new Error(`watch exited (${code}) before printing ${pattern}:\n${stdout}\n${stderr}`)));
      });
    try {
      await seen(/Watching .* for changes/);
      assert.match(stdout, /BW-AWS-VPC-002/);

      const stack = join(dir, 'stacks', 'c', 'main.tf');
      writeFileSync(stack, readFileSync(stack, 'utf8').replace('"0.0.0.0/0"', '"10.20.0.0/16"'));
      await seen(/^ {2}fixed +HIGH +BW-AWS-VPC-002 .*\n.*stacks\/c\/main\.tf:\d+/m);

      writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n');
      await seen(/^ {2}new +HIGH +BW-COMPOSE-PRIV-001 .*\n.*docker-compose\.yml:\d+/m);
      assert.doesNotMatch(stdout, /\x1b\[/, 'no colour with NO_COLOR');

      child.kill('SIGINT');
      assert.equal(await exited, 0, stderr);
    } finally {
      clearTimeout(guard);
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents itself with examples, and scan --watch', async () => {
    const help = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [bin, 'watch', '--help'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      child.on('exit', () => resolve(out));
    });
    assert.match(help, /Examples:\n {2}bulwark watch infra\//);
    assert.match(help, /never exits because of findings/);
    const scanHelp = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [bin, 'scan', '--help'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      child.on('exit', () => resolve(out));
    });
    assert.match(scanHelp, /--watch/);
  });
});
