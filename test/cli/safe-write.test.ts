// Writing reports never damages what is at the output path: files keep their mode, links stay links,
// FIFOs are streamed into, directories and empty names are refused, and temporary files never linger.
// Everything happens in a temporary directory; no real device is touched.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/main.js';
import { capturedIo } from '../../src/cli/support/io.js';
import { tree } from '../helpers/tree.js';

const BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n';

async function project(): Promise<string> {
  return tree({ 'infra/main.tf': BUCKET });
}

async function scanTo(dir: string, output: string, format = 'json') {
  const io = capturedIo({ cwd: dir });
  const code = await run(['scan', 'infra', '--format', format, '--output', output, '--fail-on', 'none'], io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

function temps(names: string[]): string[] {
  return names.filter((n) => n.endsWith('.tmp'));
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('report writes', { timeout: 30_000 }, () => {
  it('keeps the mode of the report it replaces', async () => {
    const dir = await project();
    const out = join(dir, 'report.json');
    await writeFile(out, 'old report');
    await chmod(out, 0o600);
    const { code } = await scanTo(dir, 'report.json');
    assert.equal(code, 0);
    assert.equal((await stat(out)).mode & 0o777, 0o600);
    assert.match(await readFile(out, 'utf8'), /"findings"/);
    assert.deepEqual(temps(await readdir(dir)), []);
  });

  it('updates the target of a symbolic link and leaves the link in place', async () => {
    const dir = await project();
    await mkdir(join(dir, 'reports'));
    await writeFile(join(dir, 'reports/latest.json'), 'old');
    await symlink('reports/latest.json', join(dir, 'report.json'));
    assert.equal((await scanTo(dir, 'report.json')).code, 0);
    assert.ok((await lstat(join(dir, 'report.json'))).isSymbolicLink());
    assert.equal(await readlink(join(dir, 'report.json')), 'reports/latest.json');
    assert.match(await readFile(join(dir, 'reports/latest.json'), 'utf8'), /"findings"/);
  });

  it('creates the missing target of a dangling link', async () => {
    const dir = await project();
    await symlink('fresh.json', join(dir, 'report.json'));
    assert.equal((await scanTo(dir, 'report.json')).code, 0);
    assert.ok((await lstat(join(dir, 'report.json'))).isSymbolicLink());
    assert.match(await readFile(join(dir, 'fresh.json'), 'utf8'), /"findings"/);
  });

  it('streams into a FIFO instead of replacing it', async () => {
    const dir = await project();
    const fifo = join(dir, 'pipe');
    mkfifo(fifo);
    const chunks: Buffer[] = [];
    const reader = new Promise<string>((resolve, reject) => {
      createReadStream(fifo)
        .on('data', (c) => chunks.push(c as Buffer))
        .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
        .on('error', reject);
    });
    const { code } = await scanTo(dir, 'pipe');
    assert.equal(code, 0);
    assert.match(await reader, /"findings"/);
    assert.ok((await lstat(fifo)).isFIFO(), 'the FIFO is still a FIFO');
  });

  it('writes - to standard output', async () => {
    const dir = await project();
    const { code, stdout } = await scanTo(dir, '-');
    assert.equal(code, 0);
    assert.match(stdout, /"findings"/);
    assert.deepEqual((await readdir(dir)).sort(), ['infra']);
  });

  // Through the writer itself, so that even the code before this fix never reaches the real device.
  it('sends /dev/stdout and /dev/stderr to the streams, never to the file system', async () => {
    const { writeOutput } = await import('../../src/cli/support/write-file.js');
    const io = capturedIo();
    await writeOutput(io, '/dev/stdout', 'to stdout');
    await writeOutput(io, '/dev/stderr', 'to stderr');
    assert.equal(io.stdoutText(), 'to stdout');
    assert.equal(io.stderrText(), 'to stderr');
  });

  it('refuses a directory and an empty name with a clear message', async () => {
    const dir = await project();
    await mkdir(join(dir, 'out'));
    const directory = await scanTo(dir, 'out');
    assert.equal(directory.code, 2);
    assert.match(directory.stderr, /cannot write out: it is a directory/);
    assert.ok((await stat(join(dir, 'out'))).isDirectory());
    const empty = await scanTo(dir, '');
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /--output needs a file name/);
    assert.doesNotMatch(empty.stderr, /EISDIR/);
  });

  it('names a missing directory instead of a system error code', async () => {
    const dir = await project();
    const { code, stderr } = await scanTo(dir, 'no/such/dir/report.json');
    assert.equal(code, 2);
    assert.match(stderr, /directory .* does not exist/);
  });

  it('updates a symlinked tracking file in place', async () => {
    const dir = await tree({ 'design.yaml': DESIGN, 'shared/threats.yaml': '' });
    await writeFile(join(dir, 'shared/threats.yaml'), 'version: 1\nthreats: {}\n');
    await symlink('shared/threats.yaml', join(dir, 'bulwark-threats.yaml'));
    const io = capturedIo({ cwd: dir });
    const code = await run(['model', 'design.yaml', '--update-tracking', '--fail-on', 'none', '--output', 'report.md'], io);
    assert.equal(code, 0, io.stderrText());
    assert.ok((await lstat(join(dir, 'bulwark-threats.yaml'))).isSymbolicLink());
    assert.match(await readFile(join(dir, 'shared/threats.yaml'), 'utf8'), /status: open/);
  });
});

const DESIGN = `name: Shop
elements:
  - id: customer
    type: external-entity
    name: Customer
  - id: web
    type: process
    name: Web app
  - id: db
    type: datastore
    name: Orders DB
flows:
  - from: customer
    to: web
    protocol: http
  - from: web
    to: db
`;

/** A child process that writes a 200 MB report through the real writer, to be killed mid-write. */
function slowWriter(target: string): ReturnType<typeof spawn> {
  const script = `
    import { writeFileSafely } from ${JSON.stringify(new URL('../../src/cli/support/write-file.ts', import.meta.url).href)};
    await writeFileSafely(${JSON.stringify(target)}, 'x'.repeat(200 * 1024 * 1024));
  `;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
}

async function waitForTemp(dir: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (temps(await readdir(dir)).length) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the writer never created its temporary file');
}

describe('temporary files', { timeout: 30_000 }, () => {
  it('are removed when the write is interrupted by SIGTERM', async () => {
    const dir = await tree({});
    const child = slowWriter(join(dir, 'report.json'));
    await waitForTemp(dir);
    child.kill('SIGTERM');
    const signal = await new Promise((r) => child.on('exit', (_code, sig) => r(sig)));
    assert.equal(signal, 'SIGTERM', 'the writer still dies of the signal');
    assert.deepEqual(temps(await readdir(dir)), []);
  });

  it('left by a killed writer are recognisable and removed by the next write', async () => {
    const dir = await project();
    const child = slowWriter(join(dir, 'report.json'));
    await waitForTemp(dir);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const [left] = temps(await readdir(dir));
    assert.match(left!, /^\.report\.json\.bulwark-\d+-[0-9a-f]{8}\.tmp$/);
    // A running writer's temporary file (here: this test's parent process) is left alone.
    const running = `.report.json.bulwark-${process.ppid}-0badc0de.tmp`;
    await writeFile(join(dir, running), 'in progress');
    assert.equal((await scanTo(dir, 'report.json')).code, 0);
    assert.deepEqual(temps(await readdir(dir)), [running]);
  });
});
