// The knowledge base: every threat rule, grouped by pattern, plus the mitigation library.

import { authenticationRules } from './patterns/authentication.js';
import { cacheRules } from './patterns/cache.js';
import { databaseRules } from './patterns/database.js';
import { kubernetesRules } from './patterns/kubernetes.js';
import { oauthRules } from './patterns/oauth-oidc.js';
import { objectStorageRules } from './patterns/object-storage.js';
import { queueRules } from './patterns/queue.js';
import { secretsRules } from './patterns/secrets.js';
import { serverlessRules } from './patterns/serverless.js';
import { thirdPartyRules } from './patterns/third-party.js';
import { transportRules } from './patterns/transport.js';
import { webApiRules } from './patterns/web-api.js';
import type { ElementThreatRule, FlowThreatRule, ThreatRule } from './types.js';

export const ELEMENT_THREAT_RULES: readonly ElementThreatRule[] = [
  ...webApiRules,
  ...authenticationRules,
  ...oauthRules,
  ...objectStorageRules,
  ...serverlessRules,
  ...databaseRules,
  ...cacheRules,
  ...queueRules,
  ...kubernetesRules,
  ...secretsRules,
];

export const FLOW_THREAT_RULES: readonly FlowThreatRule[] = [...transportRules, ...thirdPartyRules];

export const THREAT_RULES: readonly ThreatRule[] = [...ELEMENT_THREAT_RULES, ...FLOW_THREAT_RULES];

const BY_ID = new Map<string, ThreatRule>(THREAT_RULES.map((r) => [r.id, r]));

export function threatRuleById(id: string): ThreatRule | undefined {
  return BY_ID.get(id);
}

export { MITIGATIONS, mitigationById } from './mitigations.js';
export * from './types.js';
