// What `bulwark init` writes into a repository besides the policy: the GitHub workflow, the pre-commit hook,
// the MCP client configuration and the Claude Code plugin manifest. The pre-commit and MCP files are merged
// into existing ones (other hooks and servers are kept); each function returns the whole new text, or
// undefined with a reason when an existing file cannot be merged safely.

import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, parseDocument } from 'yaml';
import { VERSION } from '../../version.js';

export const WORKFLOW_PATH = '.github/workflows/bulwark.yml';
export const PRE_COMMIT_PATH = '.pre-commit-config.yaml';
export const MCP_PATH = '.mcp.json';
export const PLUGIN_PATH = '.claude-plugin/plugin.json';

/** A pull request with critical findings fails; the SARIF goes to code scanning even then (if: always()). */
export function workflowText(): string {
  return `# Bulwark: audits the infrastructure code of every pull request, fails it on critical findings, and
# uploads the findings to GitHub code scanning. Written by \`bulwark init\`.
name: bulwark

on:
  pull_request:

# Uploading SARIF needs security-events: write (and actions: read in private repositories).
permissions:
  actions: read
  contents: read
  security-events: write

jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # Until Bulwark is on the npm registry, install the package tarball instead (see its README).
      - name: Install Bulwark
        run: npm install --global bulwark@${VERSION}
      - name: Scan
        run: bulwark scan . --fail-on critical --format sarif --output bulwark.sarif
      - name: Upload SARIF to code scanning
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: bulwark.sarif
`;
}

const HOOK = {
  id: 'bulwark',
  name: 'bulwark scan (staged IaC files and secrets)',
  entry: 'bulwark scan --quiet',
  language: 'system',
  types: ['text'],
};

const NEW_PRE_COMMIT = `# pre-commit hooks (https://pre-commit.com): \`pre-commit install\` runs them on every commit.
repos:
  # Bulwark audits the staged files: infrastructure as code, and committed secrets in any text file.
  # It fails the commit at the policy's failOn (bulwark.yaml), else on high findings.
  - repo: local
    hooks:
      - id: ${HOOK.id}
        name: ${HOOK.name}
        entry: ${HOOK.entry}
        language: ${HOOK.language}
        types: [text]
`;

export type Merged = { text: string } | { refused: string };

/** The pre-commit configuration with Bulwark's local hook: the existing file with the hook added, or a new one. */
export function preCommitText(existing: string | undefined): Merged {
  if (existing === undefined) return { text: NEW_PRE_COMMIT };
  const doc = parseDocument(existing);
  if (doc.errors.length) return { refused: 'it does not parse as YAML' };
  if (doc.contents === null) return { text: NEW_PRE_COMMIT };
  if (!isMap(doc.contents)) return { refused: 'it is not a pre-commit configuration (no top-level mapping)' };
  const repos = doc.get('repos');
  if (repos === undefined || repos === null) {
    doc.set('repos', doc.createNode([{ repo: 'local', hooks: [HOOK] }]));
    return { text: String(doc) };
  }
  if (!isSeq(repos)) return { refused: '"repos" is not a list' };
  const plain = doc.toJS() as { repos?: { hooks?: { id?: unknown }[] }[] };
  if (plain.repos?.some((repo) => repo?.hooks?.some((hook) => hook?.id === HOOK.id))) return { text: existing };
  repos.add(doc.createNode({ repo: 'local', hooks: [HOOK] }));
  return { text: String(doc) };
}

const MCP_SERVER = { command: 'bulwark', args: ['mcp', '--root', '.'] };

/** The MCP client configuration with the Bulwark server (stdio): the existing file with it added, or a new one. */
export function mcpText(existing: string | undefined): Merged {
  if (existing === undefined || existing.trim() === '') return { text: json({ mcpServers: { bulwark: MCP_SERVER } }) };
  let config: unknown;
  try {
    config = JSON.parse(existing);
  } catch {
    return { refused: 'it does not parse as JSON' };
  }
  if (!isObject(config)) return { refused: 'it is not a JSON object' };
  const servers = config.mcpServers ?? {};
  if (!isObject(servers)) return { refused: '"mcpServers" is not an object' };
  if (isDeepStrictEqual(servers.bulwark, MCP_SERVER)) return { text: existing };
  return { text: json({ ...config, mcpServers: { ...servers, bulwark: MCP_SERVER } }) };
}

/** A Claude Code plugin manifest for the repository: its Bulwark skills and the MCP server install as one plugin. */
export function pluginText(skillDirs: readonly string[]): string {
  return json({
    name: 'bulwark',
    version: VERSION,
    description: 'Security as part of design: the threat-modeler and iac-security-auditor skills and the Bulwark MCP server.',
    license: 'MIT',
    keywords: ['security', 'threat-modeling', 'stride', 'iac', 'terraform', 'kubernetes'],
    skills: skillDirs.map((dir) => `./${dir}`),
    mcpServers: `./${MCP_PATH}`,
  });
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
