// `bulwark model <dir>`: the repository's model (src/model/repository), analysed; the sources read and what
// was not modelled travel with the report. A directory with nothing to model is a usage error.

import { basename, resolve } from 'node:path';
import { visible, visibleOnOneLine } from '../../core/escape.js';
import { analyze } from '../../model/engine/analyze.js';
import { verifyThreats } from '../../model/engine/verification.js';
import { attachFindings } from '../../model/repository/auditor-evidence.js';
import type { ThreatReport } from '../../model/engine/types.js';
import { modelRepository } from '../../model/repository/index.js';
import { VERSION } from '../../version.js';
import { usageError, type CliIo } from '../support/io.js';
import { auditRepository, auditSummary } from './model-audit.js';
import type { ModelCliOptions } from './model-options.js';

export async function loadRepository(io: CliIo, dir: string, options: ModelCliOptions): Promise<{ report: ThreatReport; shown: string }> {
  const abs = resolve(io.cwd, dir);
  const name = basename(abs) || 'Repository';
  const { model, sources, refusal } = await modelRepository(abs, { defaultName: name.charAt(0).toUpperCase() + name.slice(1) });
  if (refusal) throw usageError(visibleOnOneLine(`${dir}: ${refusal}`));
  if (!options.quiet) {
    for (const note of sources.notes) {
      if (note.level === 'warning') io.stderr.write(`bulwark: ${visible(`${note.file ?? dir}${note.line ? `:${note.line}` : ''}: ${note.message}`)}\n`);
    }
  }
  // The auditor's findings on the same files become evidence on the elements they concern.
  const audit = await auditRepository(abs);
  const joined = attachFindings(model, audit.findings);
  const report = { ...analyze(model, { toolVersion: VERSION }), sources: { ...sources, audit: auditSummary(audit, joined) } };
  verifyThreats(report);
  return { report, shown: dir };
}
