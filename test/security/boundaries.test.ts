// The promises of docs/security.md that concern the outside world, checked on a repository written to
// break them: Bulwark never executes or fetches scanned content, makes no network access, and reads
// nothing outside the scan root except the files named on the command line (and Bulwark's own files).
// The real CLI runs in a child process with an audit hook that records every file it opens or lists
// and refuses every process start and network connection.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tree } from '../helpers/tree.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(packageRoot, 'bin', 'bulwark.js');
const hook = join(packageRoot, 'test', 'security', 'audit-hook.mjs');
const SECRET = 'outside-the-root-7f3a9c';

interface AuditRecord {
  kind: 'read' | 'exec' | 'network';
  detail: string;
  /** 0 for the main thread, else the worker's thread id. */
  thread: number;
}

let server: Server;
let requests = 0;
let port = 0;

before(async () => {
  server = createServer((_req, res) => {
    requests++;
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());

/** A workspace: `outer/` holds what must never be read; `project/` is what gets scanned. */
async function hostileWorkspace(): Promise<{ dir: string; project: string; marker: string }> {
  const dir = await tree({
    'outer/secret.txt': SECRET,
    'outer/outside.tpl': SECRET,
    'outer/module/main.tf': `resource "aws_s3_bucket" "outside" {\n  bucket = "${SECRET}"\n}\n`,
    'outer/leak.tf': `locals {\n  leaked = "${SECRET}"\n}\n`,
  });
  const project = join(dir, 'project');
  const marker = join(dir, 'executed');
  const url = `http://127.0.0.1:${port}`;
  await mkdir(join(project, 'infra'), { recursive: true });
  await writeFile(
    join(project, 'infra', 'main.tf'),
    `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  provisioner "local-exec" {
    command = "touch ${marker}"
  }
}

data "external" "run" {
  program = ["sh", "-c", "touch ${marker}"]
}

data "http" "fetch" {
  url = "${url}/data"
}

locals {
  from_file     = file("${join(dir, 'outer', 'secret.txt')}")
  from_relative = file("../../outer/secret.txt")
  from_template = templatefile("../../outer/outside.tpl", {})
}

module "remote" {
  source = "git::${url}/modules.git"
}

module "registry" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
}

module "outside" {
  source = "../../outer/module"
}
`,
  );
  // A link out of the scan root, and an installed-modules manifest pointing out of it.
  await symlink(join(dir, 'outer', 'leak.tf'), join(project, 'infra', 'leak.tf'));
  await mkdir(join(project, 'infra', '.terraform', 'modules'), { recursive: true });
  await writeFile(
    join(project, 'infra', '.terraform', 'modules', 'modules.json'),
    JSON.stringify({ Modules: [{ Key: 'outside', Source: '../../outer/module', Dir: '../../outer/module' }, { Key: 'registry', Source: 'x', Dir: join(dir, 'outer', 'module') }] }),
  );
  return { dir, project, marker };
}

function auditedRun(cwd: string, args: string[], env: Record<string, string> = {}): { records: AuditRecord[]; stdout: string; code: number | null } {
  const log = join(cwd, `audit-${Math.random().toString(36).slice(2)}.jsonl`);
  const child = spawnSync(process.execPath, ['--import', hook, bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env, BULWARK_AUDIT_LOG: log, NO_COLOR: '1' },
  });
  assert.equal(child.signal, null, 'the run finished');
  const records = existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as AuditRecord)
    : [];
  return { records, stdout: child.stdout, code: child.status };
}

function inside(path: string, dir: string): boolean {
  const root = resolve(dir);
  return path === root || path.startsWith(root + sep);
}

describe('security boundaries', { timeout: 180_000 }, () => {
  for (const workers of ['0', '2']) {
    it(`scan executes nothing, fetches nothing and reads only the scan root (BULWARK_WORKERS=${workers})`, async () => {
      const { dir, project, marker } = await hostileWorkspace();
      // Enough root modules that worker threads, when allowed, take some of them.
      for (let i = 0; i < 24; i++) {
        await mkdir(join(project, 'stacks', `s${i}`), { recursive: true });
        await writeFile(join(project, 'stacks', `s${i}`, 'main.tf'), `resource "aws_s3_bucket" "b" {\n  bucket = "stack-${i}"\n}\n`);
      }
      const { records, stdout, code } = auditedRun(dir, ['scan', 'project', '--format', 'json', '--fail-on', 'none'], { BULWARK_WORKERS: workers });
      assert.equal(code, 0);
      assert.deepEqual(records.filter((r) => r.kind !== 'read'), [], 'no process started, no connection opened');
      assert.equal(requests, 0, 'the local server saw no request');
      assert.ok(!existsSync(marker), 'no provisioner or external program ran');
      if (workers !== '0') assert.ok(records.some((r) => r.thread > 0), 'the audit reached the worker threads');
      const reads = records.filter((r) => r.kind === 'read').map((r) => r.detail);
      assert.ok(reads.some((p) => p.endsWith(join('infra', 'main.tf'))), 'the audit saw the scan read its input');
      const outside = reads.filter((p) => !inside(p, project) && !inside(p, packageRoot) && !p.endsWith('.jsonl'));
      assert.deepEqual(outside, [], 'nothing outside the scan root was read');
      assert.ok(!stdout.includes(SECRET), 'no content from outside the root reached the report');
    });
  }

  it('model reads only the design file named on the command line', async () => {
    const dir = await tree({
      'design/arch.puml': `@startuml\n!include ../outer/secret.txt\n!includeurl http://127.0.0.1:${port}/c4.puml\nactor User\ncomponent "Web app" as web\ndatabase "Orders DB" as db\nUser --> web : HTTPS\nweb --> db : SQL\n@enduml\n`,
      'outer/secret.txt': SECRET,
    });
    const { records, stdout } = auditedRun(dir, ['model', 'design/arch.puml', '--format', 'json']);
    assert.deepEqual(records.filter((r) => r.kind !== 'read'), []);
    assert.equal(requests, 0);
    const reads = records.filter((r) => r.kind === 'read').map((r) => r.detail);
    assert.deepEqual(
      reads.filter((p) => !inside(p, packageRoot) && !p.endsWith('.jsonl')),
      [join(dir, 'design', 'arch.puml'), join(dir, 'bulwark-threats.yaml')].filter((p) => reads.includes(p)),
    );
    assert.ok(!stdout.includes(SECRET));
  });
});
