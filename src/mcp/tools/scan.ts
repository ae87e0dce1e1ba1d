// The `scan` tool: audit infrastructure as code in the workspace and return the findings, a page at a time,
// with the counts and whether the scan fails the threshold; optionally a report (Markdown or SARIF), bounded.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { plural } from '../../core/plural.js';
import type { ScanResult } from '../../core/result.js';
import { atLeast, SEVERITIES } from '../../core/types.js';
import { countSeverities, diagnosticLines, McpFindingSchema, SeverityCountsSchema, toMcpFinding } from '../support/findings.js';
import { maskSecrets } from '../support/mask.js';
import { boundedText, MAX_RESULT_BYTES, PageSchema, pageOf, pagingInput } from '../support/paging.js';
import type { Workspace } from '../support/paths.js';
import { guarded, toolResult } from '../support/results.js';
import { scanScopeInput, scanSetup } from '../support/scan-run.js';

/** Room kept for the text beside the structured content and for JSON escaping of the report. */
const REPORT_MARGIN_BYTES = 8 * 1024;
const FAIL_ON_CHOICES = [...SEVERITIES, 'none'] as const;

const inputSchema = {
  ...scanScopeInput,
  severity: z.enum(SEVERITIES).optional().describe('List only findings at or above this severity (failOn still counts them all).'),
  rules: z.array(z.string().min(1).max(100)).max(200).optional().describe('List only findings of these rule ids.'),
  failOn: z.enum(FAIL_ON_CHOICES).optional().describe("The threshold `failed` is computed against (default: the policy's failOn, else high)."),
  includeSuppressed: z.boolean().optional().describe('Also list suppressed findings (default false; they never fail the threshold).'),
  report: z.enum(['none', 'markdown', 'text']).optional().describe('Also return the report for people in this format (default none), cut to the room the findings page leaves in the result. For SARIF run `bulwark scan --format sarif --output FILE`: it carries every rule and is larger than a result may be.'),
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
  reportTruncated: z.boolean().optional().describe('True when the report was cut to keep the result bounded.'),
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
        const counts = countSeverities(unsuppressed);
        // As `bulwark scan --fail-on`: a suppressed finding never fails.
        const failed = failOn !== 'none' && unsuppressed.some((f) => atLeast(f.severity, failOn));
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
        };
        if (args.report && args.report !== 'none') Object.assign(structured, await boundedReport(result, args.report, MAX_RESULT_BYTES - Buffer.byteLength(JSON.stringify(structured)) - REPORT_MARGIN_BYTES));
        const more = page.nextCursor ? ` Showing ${page.returned} of ${page.total}; more with cursor "${page.nextCursor}".` : '';
        const text =
          `${unsuppressed.length} finding${unsuppressed.length === 1 ? '' : 's'} (${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ${counts.low} low) in ${plural(result.stats.files, 'file')}; ` +
          `${failed ? `fails --fail-on ${failOn}` : `passes --fail-on ${failOn}`}.${more}`;
        return toolResult(structured, text);
      }),
  );
}

/** The report in `room` bytes (as JSON text), or a note that it did not fit. */
async function boundedReport(result: ScanResult, format: 'markdown' | 'text', room: number): Promise<{ report?: string; reportTruncated?: true }> {
  const text = maskSecrets(await render(result, format));
  // JSON escaping (quotes, line breaks) makes the report longer in the result than it is as text.
  const escapedSize = (t: string) => Buffer.byteLength(JSON.stringify(t));
  if (escapedSize(text) <= room) return { report: text };
  if (room <= 0) return { reportTruncated: true };
  let cut = boundedText(text, room).text;
  while (cut && escapedSize(cut) > room) cut = boundedText(cut, Math.floor(Buffer.byteLength(cut) * 0.9)).text;
  return { report: cut, reportTruncated: true };
}

async function render(result: ScanResult, format: 'markdown' | 'text'): Promise<string> {
  if (format === 'markdown') return (await import('../../report/markdown.js')).renderMarkdown(result);
  return [...(await import('../../report/text.js')).renderTextChunks(result, { color: false, quiet: false })].join('');
}
