// The `scan` tool: audit infrastructure as code in the workspace and return the findings, a page at a time,
// with the counts and whether the scan fails the threshold; optionally a report (Markdown or SARIF), bounded.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { failsThreshold, FAIL_ON_CHOICES } from '../../cli/commands/scan.js';
import { atLeast, SEVERITIES } from '../../core/types.js';
import { countSeverities, diagnosticLines, McpFindingSchema, SeverityCountsSchema, toMcpFinding } from '../findings.js';
import { maskSecrets } from '../mask.js';
import { boundedText, PageSchema, pageOf, pagingInput } from '../paging.js';
import type { Workspace } from '../paths.js';
import { guarded, toolResult } from '../results.js';
import { scanScopeInput, scanSetup } from '../scan-run.js';

/** A report may take this much of a result; the findings page shares the rest. */
const REPORT_BUDGET_BYTES = 48 * 1024;

const inputSchema = {
  ...scanScopeInput,
  severity: z.enum(SEVERITIES).optional().describe('List only findings at or above this severity (failOn still counts them all).'),
  rules: z.array(z.string().min(1).max(100)).max(200).optional().describe('List only findings of these rule ids.'),
  failOn: z.enum(FAIL_ON_CHOICES).optional().describe("The threshold `failed` is computed against (default: the policy's failOn, else high)."),
  includeSuppressed: z.boolean().optional().describe('Also list suppressed findings (default false; they never fail the threshold).'),
  report: z.enum(['none', 'markdown', 'sarif']).optional().describe(`Also return the report in this format (default none), cut at ${REPORT_BUDGET_BYTES / 1024} KB.`),
  ...pagingInput,
};

const outputSchema = {
  root: z.string().describe('The workspace root every path is relative to.'),
  failed: z.boolean().describe('True when an unsuppressed finding is at or above failOn.'),
  failOn: z.enum(FAIL_ON_CHOICES),
  counts: SeverityCountsSchema.describe('Unsuppressed findings by severity, over the whole scan.'),
  files: z.number().int(),
  resourcesChecked: z.number().int(),
  findings: z.array(McpFindingSchema),
  page: PageSchema,
  diagnostics: z.array(z.string()).describe('What was not read or not understood (first few).'),
  report: z.string().optional(),
  reportTruncated: z.boolean().optional(),
};

export function registerScanTool(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    'scan',
    {
      title: 'Scan infrastructure as code',
      description:
        'Audit Terraform, Kubernetes, Dockerfiles, docker-compose files and secrets in the workspace for security problems. ' +
        'Returns findings (worst first, a page at a time: pass page.nextCursor as cursor for more), counts by severity, and whether the scan fails the threshold. Secrets are shown masked.',
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      guarded(async () => {
        const { paths, options, policy } = await scanSetup(workspace, args);
        const { scan } = await import('../../scan.js');
        const result = await scan(paths, options);
        const failOn = args.failOn ?? policy?.failOn ?? 'high';
        const unsuppressed = result.findings.filter((f) => !f.suppression);
        const rules = new Set(args.rules ?? []);
        const listed = result.findings.filter(
          (f) => (args.includeSuppressed || !f.suppression) && (!args.severity || atLeast(f.severity, args.severity)) && (!rules.size || rules.has(f.ruleId)),
        );
        const { items, page } = pageOf(listed.map(toMcpFinding), args);
        const report = args.report && args.report !== 'none' ? boundedText(maskSecrets(await render(result, args.report)), REPORT_BUDGET_BYTES) : undefined;
        const counts = countSeverities(unsuppressed);
        const failed = failsThreshold(result, failOn);
        const structured = {
          root: workspace.root,
          failed,
          failOn,
          counts,
          files: result.stats.files,
          resourcesChecked: result.stats.checked,
          findings: items,
          page,
          diagnostics: diagnosticLines(result),
          ...(report ? { report: report.text, ...(report.truncated ? { reportTruncated: true } : {}) } : {}),
        };
        const more = page.nextCursor ? ` Showing ${page.returned} of ${page.total}; more with cursor "${page.nextCursor}".` : '';
        const text =
          `${unsuppressed.length} finding${unsuppressed.length === 1 ? '' : 's'} (${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ${counts.low} low) in ${result.stats.files} files; ` +
          `${failed ? `fails --fail-on ${failOn}` : `passes --fail-on ${failOn}`}.${more}`;
        return toolResult(structured, text);
      }),
  );
}

async function render(result: Awaited<ReturnType<typeof import('../../scan.js').scan>>, format: 'markdown' | 'sarif'): Promise<string> {
  if (format === 'markdown') return (await import('../../report/markdown.js')).renderMarkdown(result);
  return (await import('../../report/sarif.js')).renderSarif(result);
}
