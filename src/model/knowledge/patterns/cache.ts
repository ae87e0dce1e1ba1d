// Cache pattern (Redis, Memcached): unauthenticated access to cached data.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { ElementThreatRule } from '../types.js';
import { describeClassification, isSensitive } from '../vocabulary.js';

export const cacheRules: ElementThreatRule[] = [
  {
    id: 'TM-CACHE-001',
    scope: 'element',
    pattern: 'cache',
    stride: 'information-disclosure',
    kinds: ['cache'],
    condition: 'a cache holding sessions, tokens or PII that does not authenticate its clients',
    // A token that only authenticates the call (stated authentication, no credential data) is not stored.
    applies: (ctx) => isSensitive(ctx.facts.sensitivity) || ctx.facts.incoming.some((f) => f.carriesCredentials && !(f.authenticated === true && f.sensitivity !== 'credentials')),
    controls: [
      elementHas('authenticatesCallers', 'requires client authentication (AUTH/ACL)'),
      {
        id: 'flow.authenticated',
        effect: 'remove',
        present: (ctx) => ctx.facts.incoming.length > 0 && ctx.facts.incoming.every((f) => f.authenticated === true),
        reason: (ctx) => `every client of ${ctx.element.name} authenticates (${ctx.facts.incoming.map((f) => f.display).join(', ')})`,
      },
    ],
    title: (ctx) => `Unauthenticated access to ${ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'sessions'} in ${ctx.element.name}`,
    description: (ctx) =>
      `${ctx.element.name} holds ${ctx.facts.sensitivity ? describeClassification(ctx.facts.sensitivity) : 'session data or tokens'} and the design does not require clients to authenticate; caches like Redis accept any connection by default, so any workload on the network reads sessions or writes poisoned entries.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-306'],
    capec: ['CAPEC-141'],
    compliance: [C.soc2Access, C.isoAccess, C.nistAccess],
    mitigations: ['MIT-CACHE-AUTH'],
  },
];
