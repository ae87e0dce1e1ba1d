// The risk score's factors, shared by both engines so a finding and a threat of the same weight score the same:
// Risk = Severity × Exploitability × Data sensitivity, 0–10, one decimal, every factor shown with its reason.

import type { SensitivityLevel } from './safe-defaults.js';
import type { Severity, StrideCategory } from './types.js';

/** A rule's severity as the first factor: its impact if exploited. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 9, medium: 6, low: 3 };

export interface Factor {
  factor: number;
  reason: string;
}

/** How directly a weakness of each kind can be exploited. */
export const EXPLOITABILITY = {
  exposure: { factor: 1, reason: 'reachable from the internet' },
  credentials: { factor: 0.9, reason: 'a credential readable by anyone with the code' },
  privilege: { factor: 0.7, reason: 'exploitable by whoever holds or can assume the principal' },
  protection: { factor: 0.6, reason: 'exploitable after another breach (storage, network or account access)' },
  availability: { factor: 0.5, reason: 'hurts when something else goes wrong (loss, outage, deletion)' },
  detection: { factor: 0.3, reason: 'not exploitable by itself: it hides or delays the detection of other attacks' },
} as const satisfies Record<string, Factor>;
export type ExploitKind = keyof typeof EXPLOITABILITY;

/** The kind of weakness a STRIDE category is, when a rule does not say. */
export const STRIDE_KIND: Record<StrideCategory, ExploitKind> = {
  spoofing: 'privilege',
  tampering: 'protection',
  repudiation: 'detection',
  'information-disclosure': 'protection',
  'denial-of-service': 'availability',
  'elevation-of-privilege': 'privilege',
};

export const SENSITIVITY: Record<SensitivityLevel, number> = { restricted: 1, confidential: 0.9, internal: 0.8, public: 0.4 };
/** Data nobody classified is taken as confidential, as the auditor does. */
export const UNCLASSIFIED: Factor = { factor: SENSITIVITY.confidential, reason: 'unclassified data (assumed confidential)' };

/** A rule's exploitability: reachable from the internet, else what kind of weakness it is. */
export function exploitabilityOf(kind: ExploitKind, exposedBy?: string): Factor {
  if (exposedBy) return { factor: 1, reason: `reachable from the internet (${exposedBy})` };
  return EXPLOITABILITY[kind];
}

/** The score as a band: critical ≥ 9, high ≥ 7, medium ≥ 4, low below. */
export function rating(score: number): Severity {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}

export function scoreOf(severity: Severity, exploitability: number, sensitivity: number): number {
  return Math.round(SEVERITY_WEIGHT[severity] * exploitability * sensitivity * 10) / 10;
}
