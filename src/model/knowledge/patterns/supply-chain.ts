// Supply-chain pattern: what provisions or deploys the system (CI pipelines, Terraform) holds power over it.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { ElementThreatRule } from '../types.js';
import { joinNames } from '../vocabulary.js';

export const supplyChainRules: ElementThreatRule[] = [
  {
    id: 'TM-SUPPLY-001',
    scope: 'element',
    pattern: 'supply-chain',
    stride: 'elevation-of-privilege',
    condition: 'provisions or deploys other components and the design does not state least-privilege deploy credentials (`leastPrivilege: true`)',
    applies: (ctx) => ctx.facts.provisions.length > 0,
    controls: [elementHas('leastPrivilege', 'deploys with least-privilege, short-lived credentials')],
    title: (ctx) => `Whoever controls ${ctx.element.name} controls ${joinNames(ctx.facts.provisions.map((e) => e.name))}`,
    description: (ctx) =>
      `${ctx.element.name} creates or changes ${joinNames(ctx.facts.provisions.map((e) => e.name))}. A compromised pipeline, a poisoned dependency or a leaked deploy key becomes every permission those credentials hold: the attacker deploys their own code or opens the data stores.`,
    severity: 'high',
    likelihood: 'medium',
    cwe: ['CWE-269', 'CWE-829'],
    capec: ['CAPEC-437', 'CAPEC-538'],
    compliance: [C.soc2Access, C.nistLeastPrivilege],
    mitigations: ['MIT-PIPELINE-CREDENTIALS'],
  },
];
