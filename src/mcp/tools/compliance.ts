// The `compliance` tool: a scan of the workspace assessed against one framework's controls, as
// `bulwark scan --compliance` assesses it: failed (with the failing resources), passed, not applicable, or
// not assessed (no enabled rule checks the control).

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { COMPLIANCE_FRAMEWORKS } from '../../core/compliance.js';
import { plural } from '../../core/plural.js';
import { PageSchema, pageOf, pagingInput } from '../support/paging.js';
import type { Workspace } from '../support/paths.js';
import { guarded, ToolRefusal, toolResult } from '../support/results.js';
import { scanScopeInput, scanSetup } from '../support/scan-run.js';

const STATUSES = ['fail', 'pass', 'not-applicable', 'not-assessed'] as const;
const MAX_FAILING_LISTED = 20;

const inputSchema = {
  framework: z.string().min(1).max(50).describe(`One of ${COMPLIANCE_FRAMEWORKS.join(', ')} (any case).`),
  ...scanScopeInput,
  status: z.array(z.enum(STATUSES)).max(4).optional().describe('List only controls with these statuses (default: fail only).'),
  ...pagingInput,
};

const ControlSchema = z.object({
  control: z.string(),
  previously: z.string().optional(),
  title: z.string(),
  status: z.enum(STATUSES),
  rules: z.array(z.string()),
  failing: z.array(z.object({ ruleId: z.string(), resource: z.string().optional(), file: z.string(), line: z.number().int() })),
  failingTotal: z.number().int(),
});

const outputSchema = {
  framework: z.enum(COMPLIANCE_FRAMEWORKS),
  version: z.string(),
  failed: z.number().int(),
  passed: z.number().int(),
  notApplicable: z.number().int(),
  notAssessed: z.number().int(),
  controls: z.array(ControlSchema),
  page: PageSchema,
};

export function registerComplianceTool(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    'compliance',
    {
      title: 'Compliance controls failed',
      description:
        "Scan the workspace and assess a compliance framework's controls (GDPR, PCI-DSS, SOC2, HIPAA, ISO27001, NIST-800-53, CIS-AWS): which fail and on which resources, which pass, and which the rules do not assess. " +
        'Lists failing controls by default.',
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      guarded(async () => {
        const { frameworkFromChoice, complianceReport } = await import('../../report/compliance.js');
        const framework = frameworkFromChoice(args.framework);
        if (!framework) throw new ToolRefusal(`unknown framework ${JSON.stringify(args.framework.slice(0, 50))}: use one of ${COMPLIANCE_FRAMEWORKS.join(', ')}`);
        const { paths, options, policy } = await scanSetup(workspace, args);
        const { scan } = await import('../../scan.js');
        const { enabledRuleIds } = await import('../../policy/apply.js');
        const result = await scan(paths, options);
        const report = complianceReport(result, framework, enabledRuleIds(result.rules, policy));
        const wanted = new Set(args.status?.length ? args.status : ['fail']);
        const controls = report.controls
          .filter((c) => wanted.has(c.status))
          .map((c) => ({ ...c, failing: c.failing.slice(0, MAX_FAILING_LISTED), failingTotal: c.failing.length }));
        const { items, page } = pageOf(controls, args);
        const structured = {
          framework: report.framework,
          version: report.version,
          failed: report.failed,
          passed: report.passed,
          notApplicable: report.notApplicable,
          notAssessed: report.notAssessed,
          controls: items,
          page,
        };
        const text = `${report.framework} (${report.version}): ${plural(report.failed, 'control')} failed, ${report.passed} passed, ${report.notApplicable} not applicable, ${report.notAssessed} not assessed.`;
        return toolResult(structured, text);
      }),
  );
}
