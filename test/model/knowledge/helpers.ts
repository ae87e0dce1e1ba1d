// Reads a design through the real input readers and analyses it: open threats and threats the design mitigates.
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { analyze, type ThreatReport } from '../../../src/model/engine/index.js';
import type { Threat } from '../../../src/model/engine/types.js';

export function reportOf(text: string, fileName: string): ThreatReport {
  return analyze(readArchitecture(text, { fileName }).model);
}

/** Open threats of one rule. */
export function open(report: ThreatReport, ruleId: string): Threat[] {
  return report.threats.filter((t) => t.ruleId === ruleId);
}

/** Threats of one rule a stated control removed, with why. */
export function mitigated(report: ThreatReport, ruleId: string): Threat[] {
  return report.mitigatedByDesign.filter((t) => t.ruleId === ruleId);
}

/** The ids of a rule's open threats. */
export function openIds(report: ThreatReport, ruleId: string): string[] {
  return open(report, ruleId).map((t) => t.id);
}
