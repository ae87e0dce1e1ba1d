// The threat model's side of an auditor rule, for the rule docs and agents: the mitigations the rule
// verifies in a repository model (knowledge/verified-by.ts) and the threat rules those mitigations answer.

import { THREAT_RULES } from '../knowledge/patterns/index.js';
import { mitigationsVerifiedBy } from '../knowledge/verified-by.js';

export function threatLinks(ruleId: string): { mitigations: string[]; threats: string[] } {
  const mitigations = mitigationsVerifiedBy(ruleId);
  const threats = THREAT_RULES.filter((r) => r.mitigations.some((m) => mitigations.includes(m))).map((r) => r.id);
  return { mitigations, threats: [...new Set(threats)].sort() };
}
