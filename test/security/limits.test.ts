// Size limits on what Bulwark reads and writes: past each limit the input is named with the limit it
// broke, and everything else is still scanned. docs/security.md lists every limit with its test.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { run } from '../../src/cli/main.js';
import { capturedIo } from '../../src/cli/support/io.js';
import { MAX_FILE_BYTES } from '../../src/pipeline/file-parser.js';
import { MAX_IGNORE_FILE_BYTES } from '../../src/discover/ignore-stack.js';
import { MAX_ERRORS } from '../../src/parse/hcl/scanner.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { MAX_STDIN_BYTES } from '../../src/cli/support/io.js';
import { tree } from '../helpers/tree.js';

const bin = fileURLToPath(new URL('../../bin/bulwark.js', import.meta.url));
const PUBLIC_BUCKET = 'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = "acme-logs"\n  block_public_acls       = false\n}\n';

interface JsonReport {
  findings: { ruleId: string; location: { file: string } }[];
  diagnostics: { code: string; severity: string; message: string; location?: { file: string } }[];
}

async function scanJson(dir: string, ...args: string[]): Promise<JsonReport> {
  const io = capturedIo({ cwd: dir });
  const code = await run(['scan', '.', '--format', 'json', '--fail-on', 'none', ...args], io);
  assert.equal(code, 0, io.stderrText());
  return JSON.parse(io.stdoutText()) as JsonReport;
}

/** Terraform text of exactly `bytes` bytes: a real resource followed by comment lines. */
function terraformOfSize(bytes: number): string {
  const line = '# padding comment line of a generated file\n';
  const body = PUBLIC_BUCKET + line.repeat(Math.ceil(bytes / line.length));
  return body.slice(0, bytes - 1) + '\n';
}

describe('size limits', () => {
  it('a Terraform file over the file-size limit is named with the limit, and the other files are still scanned', async () => {
    const dir = await tree({ 'small/main.tf': PUBLIC_BUCKET });
    await writeFile(join(dir, 'huge.tf'), terraformOfSize(MAX_FILE_BYTES + 1));
    const report = await scanJson(dir);
    const tooLarge = report.diagnostics.filter((d) => d.code === 'file-too-large');
    assert.equal(tooLarge.length, 1);
    assert.equal(tooLarge[0]!.location?.file, 'huge.tf');
    assert.match(tooLarge[0]!.message, /16,777,217 bytes.*16 MB/);
    assert.ok(report.findings.some((f) => f.location.file === 'small/main.tf'));
    assert.ok(!report.findings.some((f) => f.location.file === 'huge.tf'));
  });

  it('an ignore file over its limit is reported, and the files it would have hidden are scanned', async () => {
    const rules = 'generated/\n' + '# '.padEnd(78, '=') + '\n';
    const dir = await tree({ 'generated/main.tf': PUBLIC_BUCKET, '.bulwarkignore': rules.repeat(Math.ceil((MAX_IGNORE_FILE_BYTES + 1) / rules.length)) });
    const report = await scanJson(dir);
    const skipped = report.diagnostics.find((d) => d.code === 'ignore-file-unreadable');
    assert.ok(skipped, JSON.stringify(report.diagnostics));
    assert.equal(skipped.location?.file, '.bulwarkignore');
    assert.match(skipped.message, /over the 1 MB limit; its rules are not applied/);
    assert.ok(report.findings.some((f) => f.location.file === 'generated/main.tf'));
  });

  it('an ignore file under the limit still applies', async () => {
    const dir = await tree({ 'generated/main.tf': PUBLIC_BUCKET, 'kept/main.tf': PUBLIC_BUCKET, '.bulwarkignore': 'generated/\n' });
    const report = await scanJson(dir);
    assert.ok(!report.diagnostics.some((d) => d.code === 'ignore-file-unreadable'));
    assert.deepEqual([...new Set(report.findings.map((f) => f.location.file))], ['kept/main.tf']);
  });

  it('syntax errors past the cap are summarised in one error, not one per line', () => {
    const text = Array.from({ length: 3 * MAX_ERRORS }, (_, i) => `resource "aws_s3_bucket" "b${i}" { = }\n`).join('');
    const file = parseHcl(text, 'broken.tf');
    assert.equal(file.errors.length, MAX_ERRORS + 1);
    assert.match(file.errors.at(-1)!.message, /Too many syntax errors/);
  });

  it('gzip-compressed user data that would inflate past its limit is not inflated, and the scan goes on', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024)).toString('base64');
    const dir = await tree({
      'main.tf': `resource "aws_instance" "web" {\n  ami              = "ami-0abcdef1234567890"\n  instance_type    = "t3.micro"\n  user_data_base64 = "${bomb}"\n}\n`,
      'bucket.tf': PUBLIC_BUCKET,
    });
    const report = await scanJson(dir);
    assert.ok(report.findings.some((f) => f.location.file === 'bucket.tf'));
  });

  it('standard input over its limit is refused with the limit named', () => {
    const child = spawnSync(process.execPath, [bin, 'model', '-', '--from', 'mermaid'], {
      input: 'flowchart LR\n' + '%% comment line\n'.repeat(Math.ceil((MAX_STDIN_BYTES + 1) / 16)),
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(child.status, 2, child.stderr);
    assert.match(child.stderr, /standard input is over the 16 MB limit/);
  });

  it('a loop of symbolic links as the output file is refused, not followed forever', async () => {
    const dir = await tree({ 'main.tf': PUBLIC_BUCKET });
    await symlink('b.json', join(dir, 'a.json'));
    await symlink('a.json', join(dir, 'b.json'));
    const io = capturedIo({ cwd: dir });
    const code = await run(['scan', 'main.tf', '--format', 'json', '--output', 'a.json', '--fail-on', 'none'], io);
    assert.equal(code, 2);
    assert.match(io.stderrText(), /a\.json: too many levels of symbolic links/);
  });
});
