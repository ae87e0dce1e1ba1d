// Third-party services pattern: calls and callbacks from systems outside our control.

import { C } from '../compliance.js';
import { flowAuthenticated, targetAuthenticatesCallers } from '../controls.js';
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
];
