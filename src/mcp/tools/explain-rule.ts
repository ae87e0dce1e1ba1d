// The `explain_rule` tool: one rule's metadata and its reference page (what it checks, why, how to fix,
// compliance controls, peer-scanner ids).

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { formatComplianceRef } from '../../core/compliance.js';
import { SEVERITIES, STRIDE_CATEGORIES } from '../../core/types.js';
import { findRule, ruleDoc, similarRuleIds } from '../support/rule-docs.js';
import { guarded, ToolRefusal, toolResult } from '../support/results.js';

const inputSchema = {
  id: z.string().min(1).max(100).describe('A rule id, e.g. BW-AWS-SQS-001 (as findings name them).'),
};

const outputSchema = {
  id: z.string(),
  title: z.string(),
  problem: z.string(),
  severity: z.enum(SEVERITIES),
  stride: z.enum(STRIDE_CATEGORIES),
  provider: z.string(),
  service: z.string(),
  cwe: z.array(z.string()),
  compliance: z.array(z.string()),
  description: z.string(),
  remediation: z.string(),
  peers: z.object({ checkov: z.array(z.string()).optional(), trivy: z.array(z.string()).optional(), kics: z.array(z.string()).optional() }),
  links: z.array(z.string()),
  resource: z.string().describe('The MCP resource holding the same page.'),
  doc: z.string().describe('The reference page, Markdown.'),
};

export function registerExplainRuleTool(server: McpServer): void {
  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a rule',
      description: 'Explain an IaC rule by id: what it checks, why it matters, how to fix it, its STRIDE category, CWE and compliance controls, and the matching Checkov/Trivy ids.',
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      guarded(async () => {
        const rule = findRule(args.id);
        if (!rule) {
          const similar = similarRuleIds(args.id);
          throw new ToolRefusal(`no rule ${JSON.stringify(args.id.slice(0, 100))}${similar.length ? `; similar: ${similar.join(', ')}` : ''}; list_rules lists them all`);
        }
        const m = rule.meta;
        const structured = {
          id: m.id,
          title: m.title,
          problem: m.problem,
          severity: m.severity,
          stride: m.stride,
          provider: m.provider,
          service: m.service,
          cwe: m.cwe,
          compliance: m.compliance.map(formatComplianceRef),
          description: m.description,
          remediation: m.remediation,
          peers: m.peers,
          links: m.links ?? [],
          resource: `bulwark://rules/${m.id}`,
          doc: ruleDoc(rule),
        };
        return toolResult(structured, `${m.id} (${m.severity}): ${m.title}. Fix: ${m.remediation}`);
      }),
  );
}
