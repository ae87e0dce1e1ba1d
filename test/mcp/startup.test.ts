// `bulwark mcp` keeps the CLI's start-up fast: its registration loads no SDK, and `bulwark mcp --help` loads
// nothing of the server.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { bin, repo } from './harness.js';

const tracer = join(repo, 'test', 'cli', 'fixtures', 'trace-loads.mjs');
const work = mkdtempSync(join(tmpdir(), 'bulwark-mcp-startup-'));
after(() => rmSync(work, { recursive: true, force: true }));

function loaded(args: string[]): { status: number | null; stdout: string; urls: string[] } {
  const log = join(work, `loads-${args.join('-')}.txt`);
  const child = spawnSync(process.execPath, ['--import', tracer, bin, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, BULWARK_TRACE_LOADS: log } });
  return { status: child.status, stdout: child.stdout, urls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

describe('bulwark mcp start-up', () => {
  for (const args of [['--help'], ['mcp', '--help']]) {
    it(`\`bulwark ${args.join(' ')}\` loads neither the MCP SDK nor the server`, () => {
      const run = loaded(args);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /mcp/);
      assert.ok(!run.urls.some((u) => u.includes('@modelcontextprotocol')), 'the SDK was loaded');
      assert.ok(!run.urls.some((u) => u.includes('/src/mcp/')), 'the server was loaded');
    });
  }
});
