// Third-party services pattern: calls and callbacks from systems outside our control.

import { C } from '../compliance.js';
import { flowAuthenticated, sourceValidatesInput, targetAuthenticatesCallers } from '../controls.js';
import type { FlowThreatRule } from '../types.js';

export const thirdPartyRules: FlowThreatRule[] = [
  {
    id: 'TM-3P-001',
    scope: 'flow',
    pattern: 'third-party',
    stride: 'spoofing',
    sourceKinds: ['external-system'],
    targetKinds: ['process', 'gateway', 'function', 'web-app'],
    condition: 'an external system calls into our service (webhook/callback) and the flow is not authenticated',
    applies: () => true,
    controls: [flowAuthenticated, targetAuthenticatesCallers],
    title: (ctx) => `Forged callbacks to ${ctx.flow.target.name} pretending to be ${ctx.flow.source.name}`,
    description: (ctx) =>
      `${ctx.flow.target.name} accepts calls from ${ctx.flow.source.name}, a system outside our control, and the design does not verify them. Anyone who finds the endpoint can post fake events (payment succeeded, user verified).`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: false,
    cwe: ['CWE-345', 'CWE-290'],
    capec: ['CAPEC-151'],
    compliance: [C.soc2Access, C.nistAuthn],
    mitigations: ['MIT-WEBHOOK-SIGNATURE'],
  },
  {
    id: 'TM-3P-002',
    scope: 'flow',
    pattern: 'third-party',
    stride: 'tampering',
    sourceKinds: ['process', 'function', 'gateway'],
    targetKinds: ['external-system'],
    condition: 'our service calls a system outside our control and the design does not state that it validates what comes back (`validatesInput: true`)',
    applies: () => true,
    controls: [sourceValidatesInput],
    title: (ctx) => `${ctx.flow.source.name} trusts what ${ctx.flow.target.name} returns`,
    description: (ctx) =>
      `${ctx.flow.source.name} uses responses from ${ctx.flow.target.name}, a system outside our control. A compromised, spoofed or buggy provider can return data that corrupts records or reaches queries and pages unescaped.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-20', 'CWE-345'],
    capec: ['CAPEC-153'],
    compliance: [C.soc2Boundary, C.nistInput],
    mitigations: ['MIT-3P-RESPONSE-VALIDATION'],
  },
  {
    id: 'TM-3P-003',
    scope: 'flow',
    pattern: 'third-party',
    stride: 'denial-of-service',
    sourceKinds: ['process', 'function', 'gateway'],
    targetKinds: ['external-system'],
    condition: 'our service depends on a system outside our control for a call it makes',
    applies: () => true,
    controls: [],
    title: (ctx) => `${ctx.flow.source.name} stalls when ${ctx.flow.target.name} is slow or down`,
    description: (ctx) =>
      `${ctx.flow.source.name} calls ${ctx.flow.target.name}; without timeouts, retries and a fallback, an outage or slowdown there holds threads and connections here and spreads to everything calling ${ctx.flow.source.name}.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: false,
    cwe: ['CWE-400', 'CWE-1088'],
    capec: ['CAPEC-227'],
    compliance: [C.soc2Availability, C.nistDos],
    mitigations: ['MIT-3P-RESILIENCE'],
  },
];
