// A repository folder's threat model, made as `bulwark model <dir>` makes it: the model inferred from the
// repository, the auditor's findings on the same files joined as evidence, STRIDE analysis, and each threat
// verified against the code. (The CLI also summarises the audit for its reports; the tools do not show it.)

import { basename } from 'node:path';
import { PARSE_ERROR_RULE_ID } from '../../analyze/rules/parse-error.js';
import { analyze } from '../../model/engine/analyze.js';
import type { ThreatReport } from '../../model/engine/types.js';
import { verifyThreats } from '../../model/engine/verification.js';
import { attachFindings } from '../../model/repository/auditor-evidence.js';
import { modelRepository } from '../../model/repository/index.js';
import { scan } from '../../scan.js';
import { BUILTIN_SCANNERS } from '../../scanners/registry.js';
import { VERSION } from '../../version.js';
import { ToolRefusal } from './results.js';

/** `abs` is a confined, real path; `shown` names it in messages. Warnings about the sources go to `notes`. */
export async function modelRepositoryFolder(abs: string, shown: string, notes: string[]): Promise<ThreatReport> {
  const name = basename(abs) || 'Repository';
  const { model, sources, refusal } = await modelRepository(abs, { defaultName: name.charAt(0).toUpperCase() + name.slice(1) });
  if (refusal) throw new ToolRefusal(`${shown}: ${refusal}`);
  for (const note of sources.notes) {
    if (note.level === 'warning') notes.push(`${note.file ?? shown}${note.line ? `:${note.line}` : ''}: ${note.message}`);
  }
  // The infrastructure formats' findings (not the secrets search, as the CLI) become evidence on the elements.
  const audit = await scan([abs], { projectRoot: abs, scanners: BUILTIN_SCANNERS.filter((s) => !s.shared) });
  attachFindings(
    model,
    audit.findings.filter((f) => f.ruleId !== PARSE_ERROR_RULE_ID),
  );
  const report = { ...analyze(model, { toolVersion: VERSION }), sources };
  verifyThreats(report);
  return report;
}
