// Severity adjustment and the 0–10 risk score, with the auditor's factors (core/risk-factors.ts):
//   risk = severity weight × exploitability × data sensitivity, rounded to one decimal
//   severity:       critical 10, high 9, medium 6, low 3
//   exploitability: 1.0 reachable from the internet, else by the kind of weakness (credentials 0.9,
//                   privilege 0.7, protection 0.6, availability 0.5, detection 0.3)
//   sensitivity:    credentials/payment/PII 1.0 (restricted), confidential 0.9, internal 0.8, public 0.4,
//                   unclassified 0.9 (assumed confidential)
// So an internet-reachable critical threat to PII scores 10, and an audit gap on public data about 0.4.

import { EXPLOITABILITY, rating, scoreOf, SENSITIVITY, SEVERITY_WEIGHT, STRIDE_KIND, UNCLASSIFIED, type ExploitKind, type Factor } from '../../core/risk-factors.js';
import { SEVERITIES, type Severity, type StrideCategory } from '../../core/types.js';
import type { Likelihood } from '../knowledge/types.js';
import { describeClassification } from '../knowledge/vocabulary.js';
import { CLASSIFICATIONS, type Classification } from '../schema/architecture.js';

const LEVEL: Record<Classification, keyof typeof SENSITIVITY> = {
  credentials: 'restricted',
  payment: 'restricted',
  pii: 'restricted',
  confidential: 'confidential',
  internal: 'internal',
  public: 'public',
};

/** One shared factor per classification: a large design has hundreds of thousands of threats. */
const SENSITIVITY_FACTORS = new Map<Classification, Factor>(
  CLASSIFICATIONS.map((c) => [c, { factor: SENSITIVITY[LEVEL[c]], reason: `${LEVEL[c]} data (${describeClassification(c)})` }]),
);

/** The data-sensitivity factor of the data a threat involves. */
export function sensitivityFactor(classification: Classification | undefined): Factor {
  return classification ? SENSITIVITY_FACTORS.get(classification)! : UNCLASSIFIED;
}

/** How exploitable a threat is: reachable from the internet, else the kind of weakness its rule names (shared factors). */
export function exploitabilityFactor(stride: StrideCategory, kind: ExploitKind | undefined, internetReachable: boolean): Factor {
  return internetReachable ? EXPLOITABILITY.exposure : EXPLOITABILITY[kind ?? STRIDE_KIND[stride]];
}

export interface ThreatRisk {
  score: number;
  rating: Severity;
  severityWeight: number;
  exploitability: Factor;
  dataSensitivity: Factor;
}

/** Risks by their factors: factors are shared objects, so a few dozen risks serve every threat of a design. */
const RISKS = new Map<Factor, Map<Factor, Map<Severity, ThreatRisk>>>();
let cachedRisks = 0;
/** Factors made per call (not the shared ones) would grow the cache without end: past this, risks are not kept. */
const MAX_CACHED_RISKS = 4096;

/** The risk of these factors: one shared, frozen object per combination (a large design has hundreds of thousands of threats). */
export function threatRisk(severity: Severity, exploitability: Factor, dataSensitivity: Factor): ThreatRisk {
  const cached = RISKS.get(exploitability)?.get(dataSensitivity)?.get(severity);
  if (cached) return cached;
  const score = scoreOf(severity, exploitability.factor, dataSensitivity.factor);
  const risk: ThreatRisk = Object.freeze({ score, rating: rating(score), severityWeight: SEVERITY_WEIGHT[severity], exploitability, dataSensitivity });
  if (cachedRisks < MAX_CACHED_RISKS) {
    cachedRisks++;
    let bySensitivity = RISKS.get(exploitability);
    if (!bySensitivity) RISKS.set(exploitability, (bySensitivity = new Map()));
    let bySeverity = bySensitivity.get(dataSensitivity);
    if (!bySeverity) bySensitivity.set(dataSensitivity, (bySeverity = new Map()));
    bySeverity.set(severity, risk);
  }
  return risk;
}

/** The score alone: severity × exploitability factor × the sensitivity of the data involved. */
export function riskScore(severity: Severity, exploitability: number, sensitivity: Classification | undefined): number {
  return scoreOf(severity, exploitability, sensitivityFactor(sensitivity).factor);
}

/** One step up (`delta` 1) or down (-1), clamped to the scale. SEVERITIES runs worst first. */
export function shiftSeverity(severity: Severity, delta: number): Severity {
  const index = SEVERITIES.indexOf(severity) - delta;
  return SEVERITIES[Math.min(SEVERITIES.length - 1, Math.max(0, index))]!;
}

const LIKELIHOOD_ORDER: readonly Likelihood[] = ['high', 'medium', 'low'];

export function shiftLikelihood(likelihood: Likelihood, delta: number): Likelihood {
  const index = LIKELIHOOD_ORDER.indexOf(likelihood) - delta;
  return LIKELIHOOD_ORDER[Math.min(LIKELIHOOD_ORDER.length - 1, Math.max(0, index))]!;
}
