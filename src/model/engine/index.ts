// The STRIDE engine's public surface.
export { analyze, collectThreats, compareThreats, countBySeverity } from './analyze.js';
export { computeFacts, type ModelFacts } from './facts.js';
export { riskScore } from './scoring.js';
export * from './types.js';
export { diffReports, diffWorsens, type SeverityChange, type ThreatDiff } from './diff.js';
