// `bulwark model <dir>`: the repository's model (src/model/repository), analysed; the sources read and what
// was not modelled travel with the report. A directory with nothing to model is a usage error.

import { resolve } from 'node:path';
import { visible, visibleOnOneLine } from '../../core/escape.js';
import type { ThreatReport } from '../../model/engine/types.js';
import { threatModelRepository } from '../../repository-model.js';
import { usageError, type CliIo } from '../support/io.js';
import type { ModelCliOptions } from './model-options.js';

export async function loadRepository(io: CliIo, dir: string, options: ModelCliOptions): Promise<{ report: ThreatReport; shown: string }> {
  const { report, refusal } = await threatModelRepository(resolve(io.cwd, dir));
  if (refusal !== undefined) throw usageError(visibleOnOneLine(`${dir}: ${refusal}`));
  if (!options.quiet) {
    for (const note of report.sources?.notes ?? []) {
      if (note.level === 'warning') io.stderr.write(`bulwark: ${visible(`${note.file ?? dir}${note.line ? `:${note.line}` : ''}: ${note.message}`)}\n`);
    }
  }
  return { report, shown: dir };
}
