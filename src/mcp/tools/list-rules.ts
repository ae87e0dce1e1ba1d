// The `list_rules` tool: the built-in rules, filtered by provider, severity, service, framework or text, a page
// at a time.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { builtinRules } from '../../analyze/rules/index.js';
import { COMPLIANCE_FRAMEWORKS, formatComplianceRef } from '../../core/compliance.js';
import { atLeast, compareText, SEVERITIES, STRIDE_CATEGORIES } from '../../core/types.js';
import { PageSchema, pageOf, pagingInput } from '../support/paging.js';
import { guarded, toolResult } from '../support/results.js';

const PROVIDERS = ['aws', 'kubernetes', 'docker', 'generic'] as const;

const inputSchema = {
  provider: z.enum(PROVIDERS).optional(),
  severity: z.enum(SEVERITIES).optional().describe('Only rules at or above this severity.'),
  service: z.string().min(1).max(50).optional().describe('e.g. s3, sqs, iam, compose.'),
  stride: z.enum(STRIDE_CATEGORIES).optional(),
  framework: z.enum(COMPLIANCE_FRAMEWORKS).optional().describe('Only rules that check a control of this framework.'),
  query: z.string().min(1).max(200).optional().describe('Words to find in the id, title or description.'),
  ...pagingInput,
};

const RuleSummarySchema = z.object({
  id: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  provider: z.string(),
  service: z.string(),
  stride: z.enum(STRIDE_CATEGORIES),
  compliance: z.array(z.string()),
});

const outputSchema = { rules: z.array(RuleSummarySchema), page: PageSchema };

export function registerListRulesTool(server: McpServer): void {
  server.registerTool(
    'list_rules',
    {
      title: 'List rules',
      description: 'List the built-in IaC rules (id, severity, title, provider, service, STRIDE category, compliance controls), filtered and paged. explain_rule gives one in full.',
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      guarded(async () => {
        const words = (args.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const metas = builtinRules
          .map((r) => r.meta)
          .filter(
            (m) =>
              (!args.provider || m.provider === args.provider) &&
              (!args.severity || atLeast(m.severity, args.severity)) &&
              (!args.service || m.service.toLowerCase() === args.service.toLowerCase()) &&
              (!args.stride || m.stride === args.stride) &&
              (!args.framework || m.compliance.some((c) => c.framework === args.framework)) &&
              words.every((w) => `${m.id} ${m.title} ${m.problem} ${m.description}`.toLowerCase().includes(w)),
          )
          .sort((a, b) => compareText(a.id, b.id));
        const { items, page } = pageOf(
          metas.map((m) => ({ id: m.id, severity: m.severity, title: m.title, provider: m.provider, service: m.service, stride: m.stride, compliance: m.compliance.map(formatComplianceRef) })),
          args,
        );
        const more = page.nextCursor ? ` Showing ${page.returned}; more with cursor "${page.nextCursor}".` : '';
        return toolResult({ rules: items, page }, `${metas.length} rule${metas.length === 1 ? '' : 's'} match.${more}`);
      }),
  );
}
