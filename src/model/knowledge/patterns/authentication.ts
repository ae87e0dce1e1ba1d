// Authentication pattern: login endpoints and the services that verify credentials.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { ElementContext, ElementThreatRule, FlowView } from '../types.js';
import { joinNames, mentionsCredentials } from '../vocabulary.js';

/** Elements the login endpoint hands credentials to (the verifier), for naming in messages. */
function verifiersBehind(ctx: ElementContext): string[] {
  const passwords = (f: FlowView): boolean => mentionsCredentials(f.text) || (f.sensitivity === 'credentials' && !f.tags.has('jwt'));
  const names = ctx.facts.outgoing
    .filter((f) => f.target.kind !== 'actor' && f.target.kind !== 'external-system')
    .filter((f) => passwords(f) || f.target.kind === 'identity-provider' || f.target.kind === 'datastore')
    .map((f) => f.target.name);
  return [...new Set(names)];
}

/** Verifies credentials: an identity provider, an auth/login service, or a service that stores credentials. */
export function verifiesCredentials(ctx: ElementContext): boolean {
  const { element, facts } = ctx;
  if (element.kind === 'actor' || element.kind === 'external-system' || element.kind === 'datastore' || element.kind === 'cache') return false;
  if (element.kind === 'identity-provider') return true;
  return (
    facts.tags.has('auth') &&
    (facts.incoming.some((f) => f.carriesCredentials) || facts.loginEndpoint || facts.issuesTokens || facts.outgoing.some((f) => f.target.kind === 'datastore'))
  );
}

export const authenticationRules: ElementThreatRule[] = [
  {
    id: 'TM-AUTH-001',
    scope: 'element',
    pattern: 'authentication',
    stride: 'spoofing',
    condition: 'receives user credentials from the internet without both MFA and login rate limiting',
    applies: (ctx) => ctx.facts.loginEndpoint,
    controls: [
      {
        id: 'element.mfa+rateLimited',
        effect: 'remove',
        present: (ctx) => ctx.element.props.mfa === true && ctx.element.props.rateLimited === true,
        reason: (ctx) => `${ctx.element.name} requires MFA and rate-limits logins`,
      },
      elementHas('mfa', 'requires MFA (guessing still locks accounts)', 'downgrade'),
      elementHas('rateLimited', 'rate-limits login attempts', 'downgrade'),
    ],
    title: (ctx) => `Credential stuffing against the login at ${ctx.element.name}`,
    description: (ctx) => {
      const behind = verifiersBehind(ctx);
      return `${ctx.element.name} accepts usernames and passwords from the internet${behind.length ? ` and checks them via ${joinNames(behind)}` : ''}. Attackers replay breached credential lists or guess passwords at scale and log in as real users; without MFA and per-account/IP throttling nothing stops them.`;
    },
    severity: 'high',
    likelihood: 'high',
    cwe: ['CWE-307', 'CWE-308'],
    capec: ['CAPEC-600', 'CAPEC-49'],
    compliance: [C.pciMfa, C.pciAuthn, C.soc2Access, C.isoAuthn, C.nistAuthn],
    mitigations: ['MIT-CREDENTIAL-STUFFING'],
  },
  {
    id: 'TM-AUTH-002',
    scope: 'element',
    pattern: 'authentication',
    stride: 'repudiation',
    condition: 'verifies credentials or issues sessions and the design does not state audit logging',
    applies: (ctx) => verifiesCredentials(ctx),
    controls: [elementHas('auditLogging', 'audit-logs authentication events')],
    title: (ctx) => `Logins at ${ctx.element.name} are not audit-logged`,
    description: (ctx) =>
      `${ctx.element.name} decides who is logged in, but the design records no audit trail of logins, failures and token issuance: a user can deny an action, and account takeover or brute force goes unnoticed.`,
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-778'],
    capec: ['CAPEC-268'],
    compliance: [C.pciLogging, C.soc2Monitoring, C.isoLogging, C.nistAudit],
    mitigations: ['MIT-AUTH-AUDIT-LOG'],
  },
  {
    id: 'TM-AUTH-003',
    scope: 'element',
    pattern: 'authentication',
    stride: 'denial-of-service',
    condition: 'login endpoint reachable from the internet without rate limiting',
    applies: (ctx) => ctx.facts.loginEndpoint,
    controls: [elementHas('rateLimited', 'rate-limits login attempts')],
    title: (ctx) => `Login flooding at ${ctx.element.name} locks out users and exhausts password hashing`,
    description: (ctx) => {
      const behind = verifiersBehind(ctx);
      return `Every login attempt at ${ctx.element.name} costs a deliberately slow password hash${behind.length ? ` in ${joinNames(behind)}` : ''}. A flood of attempts exhausts that capacity, and lockout-after-N-failures lets an attacker lock real users out on purpose.`;
    },
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-400', 'CWE-645'],
    capec: ['CAPEC-2', 'CAPEC-125'],
    compliance: [C.soc2Availability, C.nistDos],
    mitigations: ['MIT-LOGIN-THROTTLING'],
  },
];
