// The threat modeller end to end for one input format: readArchitecture (format given, as `--from` does)
// and then the STRIDE analysis of the model it returns. readArchitecture ends in a last-resort catch that
// turns any exception into a "could not read the … input" note and an empty model; the fuzzer counts that
// note as the throw it hides, since the whole design is lost without a word about why.

import type { InputFormat, ReadResult } from '../../../src/model/adapters/index.js';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { analyze } from '../../../src/model/engine/analyze.js';
import { locationViolations, type ReportedLocation } from '../harness/locations.js';
import type { CheckResult, Violation } from '../harness/target.js';

export interface ModelRun {
  read: ReadResult;
  threats: number;
}

export function runModel(text: string, format: InputFormat, fileName: string): ModelRun {
  const read = readArchitecture(text, { format, fileName });
  const report = analyze(read.model, read.threats ? { importedThreats: read.threats } : {});
  return { read, threats: report.threats.length };
}

export interface ModelCheckOptions {
  /**
   * Whether the model's own locations are lines of this input. Diagrams and prose set them from the text;
   * a YAML model or a Threat Dragon file may carry locations of the file it was exported from.
   */
  modelLinesAreInput: boolean;
}

const GUARD = /^could not read the [\w-]+ input: /;

export function modelViolations(text: string, fileName: string, run: ModelRun, options: ModelCheckOptions): CheckResult {
  const violations: Violation[] = [];
  for (const note of run.read.notes) {
    if (!GUARD.test(note.message)) continue;
    const what = note.message.replace(GUARD, '');
    violations.push({
      property: 'no-throw',
      message: `the reader threw and readArchitecture's last guard caught it (the model is empty): ${what}`,
      signature: `guard:${what.replace(/"[^"]*"|'[^']*'/g, 'S').replace(/\d+/g, 'N').slice(0, 100)}`,
    });
  }
  const locations: ReportedLocation[] = run.read.notes
    .filter((n) => n.line !== undefined)
    .map((n) => ({ what: `${n.level} note`, line: n.line!, message: n.message }));
  if (options.modelLinesAreInput) {
    const { model } = run.read;
    for (const [what, items] of [['element', model.elements], ['flow', model.flows], ['boundary', model.boundaries], ['data asset', model.dataAssets]] as const) {
      for (const item of items as ReadonlyArray<{ id: string; location?: { line: number; column?: number } }>) {
        if (item.location) locations.push({ what, line: item.location.line, ...(item.location.column !== undefined ? { column: item.location.column } : {}), message: item.id });
      }
    }
  }
  violations.push(...locationViolations({ [fileName]: text }, locations));
  return { violations, counters: { elements: run.read.model.elements.length, threats: run.threats } };
}
