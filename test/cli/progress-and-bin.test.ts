import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { startProgress } from '../../src/cli/support/progress.js';
import { VERSION } from '../../src/version.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (text: string) => writes.push(text) };
}

describe('startProgress', () => {
  it('stays silent on a non-terminal', () => {
    const s = stream(false);
    let t = 0;
    const p = startProgress(s, 1000, () => t);
    t = 5000;
    p.update({ done: 1, total: 2 });
    p.stop();
    assert.deepEqual(s.writes, []);
  });

  it('draws one updating line only after the delay, throttled, and clears it', () => {
    const s = stream(true);
    let t = 0;
    const p = startProgress(s, 1000, () => t);
    t = 500;
    p.update({ done: 1, total: 10 });
    assert.deepEqual(s.writes, [], 'fast scans show nothing');
    t = 1200;
    p.update({ done: 2, total: 10 });
    t = 1250;
    p.update({ done: 3, total: 10 });
    t = 1400;
    p.update({ done: 4, total: 10 });
    t = 1410;
    p.update({ done: 10, total: 10 });
    p.stop();
    assert.deepEqual(s.writes, [
      '\r\x1b[2KScanning… 2/10 files',
      '\r\x1b[2KScanning… 4/10 files',
      '\r\x1b[2KScanning… 10/10 files',
      '\r\x1b[2K',
    ]);
  });
});

describe('bin/bulwark.js', () => {
  const bin = fileURLToPath(new URL('../../bin/bulwark.js', import.meta.url));
  it('runs the CLI as a process with its exit codes', () => {
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), VERSION);
    const missing = spawnSync(process.execPath, [bin, 'scan', 'definitely-missing-path'], { encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /path not found: definitely-missing-path/);
  });

  it('ends quietly when the reader closes the pipe early', async () => {
    const example = fileURLToPath(new URL('../../examples/terraform/example-c', import.meta.url));
    // Over 64 KB, so the writer is still writing when the pipe closes.
    const child = spawn(process.execPath, [bin, 'scan', example, '--format', 'sarif', '--fail-on', 'none'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});
