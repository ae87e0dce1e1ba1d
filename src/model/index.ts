// The threat modeller's library API: read a design (any input format), analyse it with the STRIDE
// knowledge base, apply tracked decisions, compare designs, and render reports.

import { readArchitecture, type AdapterNote, type ReadOptions } from './adapters/index.js';
import { analyze } from './engine/analyze.js';
import type { AnalyzeOptions, ThreatReport } from './engine/types.js';

export interface ThreatModelResult {
  report: ThreatReport;
  /** What the input adapter inferred or could not read. */
  notes: AdapterNote[];
}

/** Read a design from text and analyse it in one step. Pure: no file or network access. */
export function threatModel(text: string, options: ReadOptions & AnalyzeOptions = {}): ThreatModelResult {
  const { model, notes } = readArchitecture(text, options);
  return { report: analyze(model, options), notes };
}

export { architectureJsonSchema, ArchitectureSchema, type Architecture, type Boundary, type DataAsset, type Element, type Flow } from './schema/architecture.js';
export { architectureInputJsonSchema, ArchitectureInputSchema } from './schema/input.js';
export { detectFormat, readArchitecture, toThreatDragon, architectureToYaml, INPUT_FORMATS, type InputFormat, type AdapterNote } from './adapters/index.js';
export * from './engine/index.js';
export { MITIGATIONS, mitigationById } from './knowledge/index.js';
export { THREAT_RULES, threatRuleById } from './knowledge/patterns/index.js';
export type { Mitigation, ThreatRule, Likelihood, Pattern } from './knowledge/types.js';
export * from './report/index.js';
export * from './tracking/index.js';
