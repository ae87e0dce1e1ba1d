// Every threat rule of the knowledge base, grouped by pattern, and lookup by id.

import { authenticationRules } from './authentication.js';
import { browserRules } from './browser.js';
import { cacheRules } from './cache.js';
import { databaseRules } from './database.js';
import { deploymentRules } from './deployment.js';
import { designFlowRules, designRules } from './design.js';
import { identityElementRules, identityFlowRules } from './identity.js';
import { infrastructureRules } from './infrastructure.js';
import { injectionElementRules, injectionFlowRules } from './injection.js';
import { kubernetesRules } from './kubernetes.js';
import { networkAccessFlowRules, networkAccessRules } from './network-access.js';
import { oauthRules } from './oauth-oidc.js';
import { objectStorageRules } from './object-storage.js';
import { queueRules } from './queue.js';
import { secretsRules } from './secrets.js';
import { serverRequestElementRules, serverRequestFlowRules } from './server-requests.js';
import { serverlessRules } from './serverless.js';
import { storeRules } from './stores.js';
import { supplyChainRules } from './supply-chain.js';
import { thirdPartyRules } from './third-party.js';
import { transportRules } from './transport.js';
import { webApiRules } from './web-api.js';
import type { ElementThreatRule, FlowThreatRule, ThreatRule } from '../types.js';

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
  ...supplyChainRules,
  ...deploymentRules,
  ...infrastructureRules,
  ...networkAccessRules,
  ...designRules,
  ...storeRules,
  ...browserRules,
  ...serverRequestElementRules,
  ...injectionElementRules,
  ...identityElementRules,
];

export const FLOW_THREAT_RULES: readonly FlowThreatRule[] = [
  ...transportRules,
  ...thirdPartyRules,
  ...networkAccessFlowRules,
  ...designFlowRules,
  ...serverRequestFlowRules,
  ...injectionFlowRules,
  ...identityFlowRules,
];

export const THREAT_RULES: readonly ThreatRule[] = [...ELEMENT_THREAT_RULES, ...FLOW_THREAT_RULES];

const BY_ID = new Map<string, ThreatRule>(THREAT_RULES.map((r) => [r.id, r]));

export function threatRuleById(id: string): ThreatRule | undefined {
  return BY_ID.get(id);
}
