// The decisions stage of `bulwark model`: decisions the design file brings (Threagile's risk tracking), then
// the tracking file's, which win where both decide a threat; `--update-tracking` writes both to the file.
// Loaded only when there is a decision to apply or a file to update.

import { resolve } from 'node:path';
import { visible, visibleOnOneLine } from '../../core/escape.js';
import type { Decision, ThreatReport } from '../../model/engine/types.js';
import type { ImportedDecision } from '../../model/tracking/imported-decisions.js';
import { usageError, type CliIo } from '../support/io.js';
import { writeFileSafely } from '../support/write-file.js';

export interface DecisionInputs {
  trackingPath: string;
  /** The tracking file's text; undefined when there is none. */
  trackingText: string | undefined;
  update: boolean;
  quiet: boolean;
  /** Decisions from the design file, with the path its messages name. */
  imported?: { decisions: readonly ImportedDecision[]; shown: string };
}

export async function applyDecisions(io: CliIo, report: ThreatReport, inputs: DecisionInputs, today: string): Promise<ThreatReport> {
  const { applyTracking, parseTracking, updateTrackingText } = await import('../../model/tracking/tracking.js');
  const { trackingPath, trackingText, quiet } = inputs;
  let tracking: ReturnType<typeof parseTracking> | undefined;
  if (trackingText !== undefined) {
    try {
      tracking = parseTracking(trackingText);
    } catch (error) {
      throw usageError(visibleOnOneLine(`${trackingPath}: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
  let applied: ReadonlyMap<string, Decision> = new Map();
  if (inputs.imported?.decisions.length) {
    const { applyImportedDecisions } = await import('../../model/tracking/imported-decisions.js');
    const outcome = applyImportedDecisions(report, inputs.imported.decisions, new Set(tracking?.entries.keys() ?? []));
    report = outcome.report;
    applied = outcome.applied;
    const shown = inputs.imported.shown;
    if (!quiet) for (const n of outcome.notes) io.stderr.write(`bulwark: ${visible(`${shown}${n.line ? `:${n.line}` : ''}: ${n.message}`)}\n`);
  }
  if (tracking) {
    const outcome = applyTracking(report, tracking, today);
    report = outcome.report;
    if (!quiet) for (const w of outcome.warnings) io.stderr.write(`bulwark: ${visible(w)}\n`);
  }
  if (inputs.update) {
    let updated: ReturnType<typeof updateTrackingText>;
    try {
      updated = updateTrackingText(trackingText, report, applied);
    } catch (error) {
      throw usageError(visibleOnOneLine(error instanceof Error ? error.message : String(error)));
    }
    try {
      await writeFileSafely(resolve(io.cwd, trackingPath), updated.text, trackingPath);
    } catch (error) {
      throw usageError(error instanceof Error ? error.message : String(error));
    }
    if (!quiet) {
      const decided = updated.imported.length ? ` and ${updated.imported.length} decision${updated.imported.length === 1 ? '' : 's'} from the design file` : '';
      io.stderr.write(`Added ${updated.added.length} open threat${updated.added.length === 1 ? '' : 's'}${decided} to ${trackingPath}.\n`);
    }
  }
  return report;
}
