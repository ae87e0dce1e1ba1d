// The library entry for a repository's threat model, as `bulwark model <dir>` and the MCP server make it:
// the model inferred from the repository, the same repository scanned with the infrastructure formats'
// rules (Terraform, Kubernetes, Dockerfile, docker-compose) so the findings become evidence on the model's
// elements, STRIDE analysis, and each threat verified against that evidence. The secrets scanner is left
// to `bulwark scan`: the model reads hard-coded credentials in code itself, and searching every text file
// would double the time of a large repository for little more.

import { basename } from 'node:path';
import { PARSE_ERROR_RULE_ID } from './analyze/rules/parse-error.js';
import type { Finding } from './core/types.js';
import { analyze } from './model/engine/analyze.js';
import type { ThreatReport } from './model/engine/types.js';
import { verifyThreats } from './model/engine/verification.js';
import { attachFindings, type JoinedFindings } from './model/repository/auditor-evidence.js';
import { modelRepository } from './model/repository/index.js';
import type { RepositorySources } from './model/schema/repository-sources.js';
import { scan } from './scan.js';
import { BUILTIN_SCANNERS } from './scanners/registry.js';
import { VERSION } from './version.js';

/** The repository's threat report, or why nothing in it could be modelled. `abs` is the repository folder. */
export async function threatModelRepository(abs: string): Promise<{ report: ThreatReport; refusal?: undefined } | { refusal: string; report?: undefined }> {
  const name = basename(abs) || 'Repository';
  const { model, sources, refusal } = await modelRepository(abs, { defaultName: name.charAt(0).toUpperCase() + name.slice(1) });
  if (refusal) return { refusal };
  const audit = await auditRepository(abs);
  const joined = attachFindings(model, audit.findings);
  const report = { ...analyze(model, { toolVersion: VERSION }), sources: { ...sources, audit: auditSummary(audit, joined) } };
  verifyThreats(report);
  return { report };
}

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
