// Everything the server refuses, end to end over stdio: paths that leave the root ("..", absolute, symbolic
// links out of it, for reading and for writing), oversize input and results (paged instead), and malformed
// arguments. Each is a tool error naming the reason; the server keeps serving after every one.

import assert from 'node:assert/strict';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE, start, textOf, workspace, type Session } from './harness.js';

/** A Terraform file of `n` unencrypted queues: hundreds of findings, more than one result may carry. */
function manyQueues(n: number): string {
  return Array.from({ length: n }, (_, i) => `resource "aws_sqs_queue" "q${i}" {\n  name = "queue-${i}"\n}\n`).join('\n');
}

describe('bulwark mcp: refusals', () => {
  let root: string;
  let outside: string;
  let session: Session;
  before(async () => {
    root = await workspace({ ...FIXTURE, 'bulk/queues.tf': manyQueues(400) });
    // A folder next to the root, with a secret: reachable only through the links planted in the root.
    outside = await workspace({ 'main.tf': 'resource "aws_sqs_queue" "stolen" {\n  name = "stolen"\n}\n', 'design.mmd': FIXTURE['docs/design.mmd']!, 'bulwark-threats.yaml': 'version: 1\nthreats: {}\n' }, 'bulwark-mcp-outside-');
    await symlink(outside, join(root, 'linked-dir'));
    await symlink(join(outside, 'design.mmd'), join(root, 'linked-design.mmd'));
    await symlink(join(outside, 'bulwark-threats.yaml'), join(root, 'linked-threats.yaml'));
    await mkdir(join(root, 'inner'));
    await symlink('../docs/design.mmd', join(root, 'inner', 'design-link.mmd'));
    session = await start(['mcp', '--root', root]);
  });
  after(async () => {
    await session.close();
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('refuses paths with ".." in every tool that takes one', async () => {
    assert.match(await session.refused('scan', { paths: ['../'] }), /".." are refused/);
    assert.match(await session.refused('scan', { paths: ['infra/../../etc'] }), /".." are refused/);
    assert.match(await session.refused('fix', { paths: ['..'] }), /".." are refused/);
    assert.match(await session.refused('compliance', { framework: 'gdpr', paths: ['docs/../..'] }), /".." are refused/);
    assert.match(await session.refused('model', { file: '../design.mmd' }), /".." are refused/);
    assert.match(await session.refused('model', { dir: '..' }), /".." are refused/);
    assert.match(await session.refused('threat_status', { file: '../bulwark-threats.yaml', id: 'TM-X@y', status: 'open' }), /".." are refused/);
  });

  it('refuses absolute paths, even to a file inside the root', async () => {
    assert.match(await session.refused('scan', { paths: [join(root, 'infra')] }), /absolute paths are refused/);
    assert.match(await session.refused('model', { file: '/etc/passwd' }), /absolute paths are refused/);
    assert.match(await session.refused('model', { dir: outside }), /absolute paths are refused/);
    assert.match(await session.refused('threat_status', { file: join(outside, 'bulwark-threats.yaml') }), /absolute paths are refused/);
  });

  it('refuses symbolic links that lead outside the root, and follows those that stay inside', async () => {
    assert.match(await session.refused('scan', { paths: ['linked-dir'] }), /outside the workspace root through a symbolic link/);
    assert.match(await session.refused('scan', { paths: ['linked-dir/main.tf'] }), /outside the workspace root through a symbolic link/);
    assert.match(await session.refused('model', { file: 'linked-design.mmd' }), /through a symbolic link/);
    assert.match(await session.refused('model', { dir: 'linked-dir' }), /through a symbolic link/);
    // Writing through a link out of the root is refused, and the file outside is left as it was.
    assert.match(await session.refused('threat_status', { file: 'linked-threats.yaml', id: 'TM-API-001@api', status: 'accepted', justification: 'x' }), /through a symbolic link/);
    assert.equal(await readFile(join(outside, 'bulwark-threats.yaml'), 'utf8'), 'version: 1\nthreats: {}\n');
    assert.match(await session.refused('threat_status', { file: 'linked-dir/new.yaml', id: 'TM-API-001@api', status: 'open' }), /through a symbolic link/);
    // A whole-root scan does not wander through the link either.
    const scan = await session.ok('scan', { rules: ['BW-AWS-SQS-001'], limit: 500 });
    assert.ok(!scan.findings.some((f: any) => f.resource === 'aws_sqs_queue.stolen' || f.file.startsWith('linked-dir')));
    // A link that stays inside the root is followed.
    const inside = await session.ok('model', { file: 'inner/design-link.mmd' });
    assert.equal(inside.elements, 3);
  });

  it('refuses paths that name nothing', async () => {
    assert.match(await session.refused('scan', { paths: ['no-such-folder'] }), /does not exist in the workspace/);
    assert.match(await session.refused('model', { file: 'docs/missing.mmd' }), /does not exist/);
    assert.match(await session.refused('model', { dir: 'docs/design.mmd' }), /not a folder/);
  });

  it('pages a result larger than one may be, within the size bound, until every finding is returned', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    let truncatedBySize = false;
    do {
      const result = await session.call('scan', { paths: ['bulk'], limit: 500, ...(cursor ? { cursor } : {}) });
      assert.ok(!result.isError, textOf(result));
      assert.ok(Buffer.byteLength(JSON.stringify(result)) < 300 * 1024, 'a result passed the size bound');
      const scan = result.structuredContent as any;
      assert.equal(scan.page.total, 400);
      if (scan.page.truncatedBySize) truncatedBySize = true;
      for (const f of scan.findings) seen.add(f.fingerprint);
      cursor = scan.page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    assert.ok(truncatedBySize, 'the first page should have stopped at the byte budget before 500 findings');
    assert.ok(pages >= 2, `${pages} page(s)`);
    assert.equal(seen.size, 400);
  });

  it('refuses a design file over the size limit, and design text over the inline limit', async () => {
    await writeFile(join(root, 'docs', 'huge.md'), `# Huge\n\n${'The web app calls the API over HTTPS. '.repeat(460_000)}`);
    assert.match(await session.refused('model', { file: 'docs/huge.md' }), /docs\/huge.md is 16.7 MB, over the 16 MB limit/);
    assert.match(await session.refused('model', { text: 'x'.repeat(1024 * 1024 + 1) }), /Input validation error/);
  });

  it('refuses malformed arguments with the reason, and keeps serving', async () => {
    assert.match(await session.refused('scan', { paths: 'infra' }), /Input validation error.*paths/s);
    assert.match(await session.refused('scan', { limit: 0 }), /Input validation error.*limit/s);
    assert.match(await session.refused('scan', { limit: 100_000 }), /Input validation error.*limit/s);
    assert.match(await session.refused('scan', { severity: 'urgent' }), /Input validation error.*severity/s);
    assert.match(await session.refused('scan', { cursor: 'not-a-cursor' }), /cursor is not one this server gave/);
    assert.match(await session.refused('list_rules', { cursor: '999999' }), /past the end/);
    assert.match(await session.refused('explain_rule', {}), /Input validation error.*id/s);
    assert.match(await session.refused('explain_rule', { id: 'BW-AWS-SQS-999' }), /no rule "BW-AWS-SQS-999".*similar: BW-AWS-SQS-001/);
    assert.match(await session.refused('compliance', { framework: 'FEDRAMP' }), /unknown framework/);
    assert.match(await session.refused('model', { text: 'flowchart LR\n a-->b', file: 'docs/design.mmd' }), /only one of text, file and dir/);
    assert.match(await session.refused('model', { format: 'visio', text: 'x' }), /Input validation error.*format/s);
    assert.match(await session.refused('threat_status', { id: 'TM-API-001@api', status: 'accepted' }), /needs a justification/);
    assert.match(await session.refused('threat_status', { status: 'open' }), /needs the id/);
    assert.match(await session.refused('threat_status', { id: 'TM-API-001@api', status: 'accepted', justification: 'ok', expires: '2026-02-30' }), /Input validation error.*real date/s);
    assert.match(await session.refused('threat_status', { id: 'TM-API-001@api\nother: 1', status: 'open' }), /Input validation error.*one line/s);
    assert.match(await session.refused('fix', { expectedDigest: 'abc' }), /Input validation error/);
    assert.match(await session.refused('no_such_tool', {}), /not found/i);
    // Still serving.
    const rules = await session.ok('list_rules', { limit: 1 });
    assert.equal(rules.rules.length, 1);
  });

  it('refuses a tracking file of an unknown version without touching it', async () => {
    await writeFile(join(root, 'future.yaml'), 'version: 9\nthreats: {}\n');
    assert.match(await session.refused('threat_status', { file: 'future.yaml', id: 'TM-API-001@api', status: 'open' }), /unknown tracking file version/);
    assert.equal(await readFile(join(root, 'future.yaml'), 'utf8'), 'version: 9\nthreats: {}\n');
  });
});
