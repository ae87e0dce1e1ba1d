// `bulwark mcp`: serve Bulwark's tools to coding agents over the Model Context Protocol (stdio). Only the
// registration lives here; the SDK and the server load when the command runs, so other commands start as fast.

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { usageError, type CliIo } from '../support/io.js';

const HELP_AFTER = `
Tools: scan, fix (diff first; writes only with apply: true), model, explain_rule, list_rules, compliance,
threat_status. Resources: bulwark://rules/{id} and bulwark://knowledge/threat-model.
Every path a tool is given is relative to the root; "..", absolute paths and symbolic links leading
outside it are refused.

Client configuration (Claude Code):
  claude mcp add bulwark -- bulwark mcp --root .
or in .mcp.json:
  { "mcpServers": { "bulwark": { "command": "bulwark", "args": ["mcp", "--root", "."] } } }`;

export function registerMcpCommand(program: Command, io: CliIo): Command {
  return program
    .command('mcp')
    .description('Run an MCP server over stdio for coding agents: scan, fix, model, rules, compliance and threat decisions, confined to one folder.')
    .option('--root <dir>', 'the workspace root every tool path is relative to (default: the current directory)')
    .addHelpText('after', HELP_AFTER)
    .action(async (options: { root?: string }) => {
      const root = resolve(io.cwd, options.root ?? '.');
      const info = await stat(root).catch(() => undefined);
      if (!info?.isDirectory()) throw usageError(`--root is not a directory: ${options.root ?? '.'}`);
      const { serveStdio } = await import('../../mcp/server.js');
      await serveStdio(root);
    });
}
