// Resources: each rule's reference page (`bulwark://rules/{id}`) and the threat modeller's knowledge base
// (`bulwark://knowledge/threat-model`), both generated from the metadata the docs are generated from.

import { McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { builtinRules } from '../analyze/rules/index.js';
import { compareText } from '../core/types.js';
import { findRule, ruleDoc } from './support/rule-docs.js';

export const KNOWLEDGE_BASE_URI = 'bulwark://knowledge/threat-model';

export function registerResources(server: McpServer): void {
  server.registerResource(
    'rule',
    new ResourceTemplate('bulwark://rules/{id}', {
      list: () => ({
        resources: builtinRules
          .map((r) => r.meta)
          .sort((a, b) => compareText(a.id, b.id))
          .map((m) => ({ uri: `bulwark://rules/${m.id}`, name: m.id, title: `${m.id}: ${m.title}`, mimeType: 'text/markdown' })),
      }),
    }),
    { title: 'Bulwark rule reference', description: 'What a rule checks, why, and how to fix it', mimeType: 'text/markdown' },
    (uri, variables) => {
      const id = Array.isArray(variables.id) ? variables.id[0] : variables.id;
      const rule = id === undefined ? undefined : findRule(decodeURIComponent(id));
      if (!rule) throw new McpError(ErrorCode.InvalidParams, `no rule ${JSON.stringify(String(id ?? '').slice(0, 100))}`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: ruleDoc(rule) }] };
    },
  );
  server.registerResource(
    'knowledge-base',
    KNOWLEDGE_BASE_URI,
    {
      title: 'Threat modelling knowledge base',
      description: 'The STRIDE threat patterns (web API, Kubernetes, serverless, OAuth/OIDC, ...) and the mitigation library bulwark model applies',
      mimeType: 'text/markdown',
    },
    async (uri) => {
      const { renderKnowledgeBaseMarkdown } = await import('../model/report/knowledge-doc.js');
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: `# Threat modelling knowledge base\n\n${renderKnowledgeBaseMarkdown()}` }] };
    },
  );
}
