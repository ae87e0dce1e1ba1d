// A repository folder's threat model, made as `bulwark model <dir>` makes it: the model inferred from the
// repository, the auditor's findings on the same files joined as evidence, STRIDE analysis, and each threat
// verified against the code (src/repository-model.ts, shared with the CLI).

import type { ThreatReport } from '../../model/engine/types.js';
import { threatModelRepository } from '../../repository-model.js';
import { ToolRefusal } from './results.js';

/** `abs` is a confined, real path; `shown` names it in messages. Warnings about the sources go to `notes`. */
export async function modelRepositoryFolder(abs: string, shown: string, notes: string[]): Promise<ThreatReport> {
  const { report, refusal } = await threatModelRepository(abs);
  if (refusal !== undefined) throw new ToolRefusal(`${shown}: ${refusal}`);
  for (const note of report.sources?.notes ?? []) {
    if (note.level === 'warning') notes.push(`${note.file ?? shown}${note.line ? `:${note.line}` : ''}: ${note.message}`);
  }
  return report;
}
