// Drives `bulwark mcp` as a client would: the real CLI started as a process, spoken to over stdio with the SDK's
// Client, in a workspace of real files written by the test.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(repo, 'bin', 'bulwark.js');

/** A small repository: an unencrypted SQS queue, a compose file with a literal password, and a design diagram. */
export const FIXTURE: Record<string, string> = {
  'infra/main.tf': 'resource "aws_sqs_queue" "orders" {\n  name = "orders"\n}\n',
  'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "Tr0ub4dor&3horse"\n',
  'docs/design.mmd': 'flowchart LR\n  user((Customer)) -->|HTTPS| api[Orders API]\n  api -->|SQL| db[(Orders DB)]\n',
};

/** The literal password of the fixture: it must never come back from the server in clear. */
export const FIXTURE_SECRET = 'Tr0ub4dor&3horse';

/** Writes `files` under a new temporary folder (its real path: macOS's /tmp is a link). */
export async function workspace(files: Record<string, string>, prefix = 'bulwark-mcp-'): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

export interface Session {
  client: Client;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Calls a tool that must succeed and returns its structured content. */
  ok<T = Record<string, any>>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Calls a tool that must fail and returns its error text. */
  refused(name: string, args?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** Starts `node bin/bulwark.js <args>` in `cwd` and connects a client to it. */
export async function start(args: string[], cwd = repo, command: string[] = [process.execPath, bin]): Promise<Session> {
  const transport = new StdioClientTransport({ command: command[0]!, args: [...command.slice(1), ...args], cwd, stderr: 'pipe', env: { ...process.env, NO_COLOR: '1' } as Record<string, string> });
  const client = new Client({ name: 'bulwark-test', version: '1.0.0' });
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  return {
    client,
    call,
    async ok(name, args) {
      const result = await call(name, args);
      assert.ok(!result.isError, `${name} failed: ${textOf(result)}`);
      assert.ok(result.structuredContent, `${name} returned no structured content`);
      assert.ok(textOf(result).length > 0, `${name} returned no text`);
      return result.structuredContent as any;
    },
    async refused(name, args) {
      const result = await call(name, args);
      assert.equal(result.isError, true, `${name} should have been refused: ${textOf(result).slice(0, 300)}`);
      return textOf(result);
    },
    close: () => client.close(),
  };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}
