// The auditor run behind `bulwark model <dir>`: the same repository scanned with the infrastructure formats'
// rules (Terraform, Kubernetes, Dockerfile, docker-compose), so its findings become evidence on the model's
// elements. The secrets scanner is left to `bulwark scan`: the model reads hard-coded credentials in code
// itself, and searching every text file would double the time of a large repository for little more.

import type { Finding } from '../../core/types.js';
import { PARSE_ERROR_RULE_ID } from '../../analyze/rules/parse-error.js';
import type { JoinedFindings } from '../../model/repository/auditor-evidence.js';
import type { RepositorySources } from '../../model/schema/repository-sources.js';
import { scan } from '../../scan.js';
import { BUILTIN_SCANNERS } from '../../scanners/registry.js';

export interface RepositoryAudit {
  /** Findings of the rules, to join to the model. */
  findings: Finding[];
  /** Files the auditor could not parse (`file:line`): named in the report, not evidence on an element. */
  unreadable: string[];
  files: number;
  formats: string[];
}

export async function auditRepository(dir: string): Promise<RepositoryAudit> {
  const result = await scan([dir], { projectRoot: dir, scanners: BUILTIN_SCANNERS.filter((s) => !s.shared) });
  const formats = Object.values(result.stats.formats)
    .filter((f) => f.files > 0)
    .map((f) => f.name);
  const parseErrors = result.findings.filter((f) => f.ruleId === PARSE_ERROR_RULE_ID);
  return {
    findings: result.findings.filter((f) => f.ruleId !== PARSE_ERROR_RULE_ID),
    unreadable: parseErrors.map((f) => `${f.location.file}:${f.location.range.start.line}`),
    files: result.stats.files,
    formats,
  };
}

export function auditSummary(audit: RepositoryAudit, joined: JoinedFindings): NonNullable<RepositorySources['audit']> {
  const unmatched = new Map<string, { count: number; example: string }>();
  for (const f of joined.unmatched) {
    const entry = unmatched.get(f.ruleId);
    const where = `${f.location.file}:${f.location.range.start.line}${f.resource ? ` (${f.resource})` : ''}`;
    if (entry) entry.count++;
    else unmatched.set(f.ruleId, { count: 1, example: where });
  }
  return {
    files: audit.files,
    formats: audit.formats,
    findings: audit.findings.length,
    joined: joined.joined,
    elements: joined.elements,
    unmatched: [...unmatched.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rule, e]) => ({ rule, count: e.count, example: e.example })),
    unreadable: audit.unreadable,
  };
}
