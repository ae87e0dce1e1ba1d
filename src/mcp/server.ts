// `bulwark mcp`: an MCP server over standard input and output. The tools audit and fix infrastructure as code,
// threat-model designs and repositories, and record threat decisions, all confined to one workspace root.

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { VERSION } from '../version.js';
import { openWorkspace, type Workspace } from './support/paths.js';
import { registerResources } from './resources.js';
import { registerComplianceTool } from './tools/compliance.js';
import { registerExplainRuleTool } from './tools/explain-rule.js';
import { registerFixTool } from './tools/fix.js';
import { registerListRulesTool } from './tools/list-rules.js';
import { registerModelTool } from './tools/model.js';
import { registerScanTool } from './tools/scan.js';
import { registerThreatStatusTool } from './tools/threat-status.js';

const INSTRUCTIONS =
  'Bulwark audits infrastructure as code (Terraform, Kubernetes, Dockerfiles, docker-compose) and threat-models designs with STRIDE, offline. ' +
  'Every path is relative to the workspace root. Use scan for findings, fix for verified fixes (show the diff to the user before applying), ' +
  'model for threats of a design or repository, threat_status to record decisions, explain_rule/list_rules/compliance for context.';

export function createServer(workspace: Workspace): McpServer {
  const server = new McpServer({ name: 'bulwark', version: VERSION }, { instructions: INSTRUCTIONS });
  registerScanTool(server, workspace);
  registerFixTool(server, workspace);
  registerModelTool(server, workspace);
  registerExplainRuleTool(server);
  registerListRulesTool(server);
  registerComplianceTool(server, workspace);
  registerThreatStatusTool(server, workspace);
  registerResources(server);
  return server;
}

/** Serves until standard input closes. Standard output carries the protocol only: stray console output goes to standard error. */
export async function serveStdio(root: string): Promise<void> {
  const workspace = openWorkspace(root);
  console.log = console.error;
  console.info = console.error;
  const server = createServer(workspace);
  const transport = new StdioServerTransport();
  await server.connect(transport);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  process.stderr.write(`bulwark mcp: serving ${workspace.root}\n`);
  await closed;
  await server.close();
}
