// Findings as the MCP tools return them: one flat object each, the fields an agent acts on (what, where, how
// to fix, how risky), without the byte offsets and module call paths of the full JSON report.

import { z } from 'zod';
import type { ScanResult } from '../../core/result.js';
import type { Finding } from '../../core/types.js';
import { SEVERITIES } from '../../core/types.js';

export const McpFindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  message: z.string(),
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  resource: z.string().optional(),
  remediation: z.string(),
  riskScore: z.number().optional(),
  fingerprint: z.string(),
  complianceFailures: z.array(z.string()).optional(),
  suppressed: z.string().optional().describe('Why the finding is suppressed (by a comment in the file or the policy); absent when it is not.'),
});
export type McpFinding = z.infer<typeof McpFindingSchema>;

export function toMcpFinding(f: Finding): McpFinding {
  const start = f.location.range.start;
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    title: f.title,
    message: f.message,
    file: f.location.file,
    line: start.line,
    column: start.column,
    ...(f.resource ? { resource: f.resource } : {}),
    remediation: f.remediation,
    ...(f.risk ? { riskScore: f.risk.score } : {}),
    fingerprint: f.fingerprint,
    ...(f.complianceFailures?.length ? { complianceFailures: f.complianceFailures } : {}),
    ...(f.suppression ? { suppressed: suppressionReason(f.suppression) } : {}),
  };
}

function suppressionReason(s: NonNullable<Finding['suppression']>): string {
  const by = s.kind === 'inline' ? 'a comment in the file' : s.kind === 'config' ? 'the policy' : 'the baseline';
  return `by ${by}${s.reason ? `: ${s.reason}` : ''}`;
}

export const SeverityCountsSchema = z.object({ critical: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int() });

export function countSeverities(findings: readonly Finding[]): z.infer<typeof SeverityCountsSchema> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The diagnostics worth telling an agent (errors and warnings first), a bounded few. */
export function diagnosticLines(result: ScanResult, max = 20): string[] {
  const order = { error: 0, warning: 1, note: 2 } as const;
  return [...result.diagnostics]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .slice(0, max)
    .map((d) => `${d.severity}: ${d.location ? `${d.location.file}: ` : ''}${d.message}`.slice(0, 500));
}
