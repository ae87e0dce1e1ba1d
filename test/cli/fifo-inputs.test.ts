// Only regular files are read. A FIFO anywhere Bulwark might read from (the tree, an ignore file, a
// path or var file named on the command line, a design or tracking file) gets a clear message and
// never blocks. Each case runs the real CLI in a child process with a deadline, because a read that
// blocks on a FIFO would block this test process too.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tree } from '../helpers/tree.js';

const bin = fileURLToPath(new URL('../../bin/bulwark.js', import.meta.url));
const BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n';
const DESIGN = 'name: Shop\nelements:\n  - id: web\n    type: process\n    name: Web app\n  - id: db\n    type: datastore\n    name: Orders DB\nflows:\n  - from: web\n    to: db\n';

function bulwark(cwd: string, ...args: string[]) {
  const child = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(child.signal, null, `bulwark ${args.join(' ')} did not finish: it blocked`);
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('FIFOs are never read', { timeout: 120_000 }, () => {
  it('a FIFO named .gitignore in the tree is reported and the scan goes on', async () => {
    const dir = await tree({ 'infra/main.tf': BUCKET });
    mkfifo(join(dir, 'infra/.gitignore'));
    const { code, stdout } = bulwark(dir, 'scan', 'infra', '--format', 'json', '--fail-on', 'none');
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as { findings: unknown[]; diagnostics: { code: string; message: string }[] };
    assert.ok(result.findings.length > 0, 'the bucket was still scanned');
    const diagnostic = result.diagnostics.find((d) => d.code === 'ignore-file-unreadable');
    assert.match(diagnostic?.message ?? '', /\.gitignore is a FIFO/);
  });

  it('a FIFO or a link to one with a Terraform name is named, not opened', async () => {
    const dir = await tree({ 'infra/main.tf': BUCKET });
    mkfifo(join(dir, 'infra/pipe.tf'));
    await symlink('pipe.tf', join(dir, 'infra/link.tf'));
    const { code, stdout } = bulwark(dir, 'scan', 'infra', '--format', 'json', '--fail-on', 'none');
    assert.equal(code, 0);
    const messages = (JSON.parse(stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics.filter((d) => d.code === 'file-not-regular').map((d) => d.message);
    assert.equal(messages.length, 2);
    assert.ok(messages.every((m) => /is a FIFO/.test(m)));
  });

  it('a FIFO named on the command line is a usage error for scan and model', async () => {
    const dir = await tree({});
    mkfifo(join(dir, 'main.tf'));
    mkfifo(join(dir, 'design.yaml'));
    const scan = bulwark(dir, 'scan', 'main.tf');
    assert.equal(scan.code, 2);
    assert.match(scan.stderr, /main\.tf is a FIFO/);
    const model = bulwark(dir, 'model', 'design.yaml');
    assert.equal(model.code, 2);
    assert.match(model.stderr, /design\.yaml is a FIFO/);
  });

  it('a FIFO given as --var-file is named as what it is, not "not found"', async () => {
    const dir = await tree({ 'infra/main.tf': BUCKET });
    mkfifo(join(dir, 'prod.tfvars'));
    const { code, stderr } = bulwark(dir, 'scan', 'infra', '--var-file', 'prod.tfvars');
    assert.equal(code, 2);
    assert.match(stderr, /var file prod\.tfvars is a FIFO/);
    assert.doesNotMatch(stderr, /not found/);
  });

  it('a FIFO as the tracking file is a usage error', async () => {
    const dir = await tree({ 'design.yaml': DESIGN });
    mkfifo(join(dir, 'bulwark-threats.yaml'));
    const { code, stderr } = bulwark(dir, 'model', 'design.yaml', '--fail-on', 'none');
    assert.equal(code, 2);
    assert.match(stderr, /bulwark-threats\.yaml is a FIFO/);
  });
});
