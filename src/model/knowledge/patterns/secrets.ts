// Secrets pattern: credentials kept outside a secrets manager.

import { C } from '../compliance.js';
import type { ElementThreatRule } from '../types.js';

export const secretsRules: ElementThreatRule[] = [
  {
    id: 'TM-SECRET-001',
    scope: 'element',
    pattern: 'secrets',
    stride: 'information-disclosure',
    kinds: ['process', 'web-app', 'gateway', 'function'],
    condition: 'a service that holds credentials (`storesCredentials: true`) and reads none from a secret store',
    applies: (ctx) => ctx.element.props.storesCredentials === true,
    controls: [
      {
        id: 'flow.to-secret-store',
        effect: 'remove',
        present: (ctx) => ctx.facts.outgoing.some((f) => f.target.kind === 'secret-store'),
        reason: (ctx) => `${ctx.element.name} reads its credentials from a secret store`,
      },
    ],
    title: (ctx) => `Credentials held by ${ctx.element.name} leak through code, images or environment`,
    description: (ctx) =>
      `${ctx.element.name} holds credentials and the design shows no secrets manager. Credentials in source, environment variables or images end up in repositories, logs and crash dumps, and rarely get rotated.`,
    exploit: 'credentials',
    severity: 'high',
    likelihood: 'medium',
    cwe: ['CWE-798', 'CWE-522'],
    capec: ['CAPEC-191'],
    compliance: [C.pciAuthn, C.soc2Access, C.nistSecrets],
    decidedBy: ['storesCredentials'],
    mitigations: ['MIT-SECRETS-MANAGER'],
  },
];
