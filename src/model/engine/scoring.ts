// Severity adjustment and the 0–10 risk score.
// Risk = severity weight × likelihood factor × data-sensitivity factor, rounded to one decimal:
//   severity:    critical 10, high 7.5, medium 5, low 2.5
//   likelihood:  high 1.0, medium 0.8, low 0.6
//   sensitivity: credentials/payment/PII 1.0, confidential 0.9, internal or unclassified 0.8, public 0.7
// So a critical, likely threat to PII scores 10; a low, unlikely one to public data about 1.

import { SEVERITIES, type Severity } from '../../core/types.js';
import type { Likelihood } from '../knowledge/types.js';
import type { Classification } from '../schema/architecture.js';

const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 7.5, medium: 5, low: 2.5 };
const LIKELIHOOD_FACTOR: Record<Likelihood, number> = { high: 1, medium: 0.8, low: 0.6 };
const SENSITIVITY_FACTOR: Record<Classification, number> = { credentials: 1, payment: 1, pii: 1, confidential: 0.9, internal: 0.8, public: 0.7 };
const UNCLASSIFIED_FACTOR = 0.8;

export function riskScore(severity: Severity, likelihood: Likelihood, sensitivity: Classification | undefined): number {
  const score = SEVERITY_WEIGHT[severity] * LIKELIHOOD_FACTOR[likelihood] * (sensitivity ? SENSITIVITY_FACTOR[sensitivity] : UNCLASSIFIED_FACTOR);
  return Math.round(score * 10) / 10;
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
