// The README's MCP client configuration works as written: its `.mcp.json` snippet parses, the `claude mcp add`
// line starts the same command, and that command (run here as the checkout's bin/bulwark.js) serves the
// workspace it is started in.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { bin, FIXTURE, repo, start, workspace } from './harness.js';

const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const section = /^## MCP server\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';

describe('README: MCP server', () => {
  const made: string[] = [];
  after(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });

  it('has the section, with a .mcp.json snippet and a claude mcp add line that agree', () => {
    assert.notEqual(section, '', 'README.md has no "## MCP server" section');
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(json, 'no JSON snippet in the section');
    const config = JSON.parse(json) as { mcpServers: Record<string, { command: string; args: string[] }> };
    const server = config.mcpServers.bulwark;
    assert.ok(server, 'the snippet configures no "bulwark" server');
    assert.equal(server.command, 'bulwark');
    assert.deepEqual(server.args, ['mcp', '--root', '.']);
    const add = /^claude mcp add bulwark -- (.+)$/m.exec(section)?.[1];
    assert.ok(add, 'no `claude mcp add` line');
    assert.deepEqual(add.trim().split(/\s+/), [server.command, ...server.args]);
  });

  it('the configured command serves the folder it is started in', async () => {
    const server = (JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as { mcpServers: { bulwark: { command: string; args: string[] } } }).mcpServers.bulwark;
    assert.equal(server.command, 'bulwark');
    const root = await workspace(FIXTURE);
    made.push(root);
    // `bulwark` is the package's bin: bin/bulwark.js, started with the snippet's arguments from the workspace.
    const session = await start(server.args, root, [process.execPath, bin]);
    try {
      const scan = await session.ok('scan', { paths: ['infra'] });
      assert.equal(scan.root, root);
      assert.deepEqual(scan.findings.map((f: any) => f.ruleId), ['BW-AWS-SQS-001']);
    } finally {
      await session.close();
    }
  });
});
