// OAuth / OIDC and bearer-token (JWT) pattern: token forgery, token lifetime, claim trust, code interception.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { ElementContext, ElementThreatRule } from '../types.js';
import { joinNames } from '../vocabulary.js';

const NOT_PASSIVE = ['actor', 'external-system', 'datastore', 'cache', 'bucket', 'queue', 'secret-store'] as const;
const isActive = (kind: string): boolean => !(NOT_PASSIVE as readonly string[]).includes(kind);
const STORES: ReadonlySet<string> = new Set(['datastore', 'cache', 'bucket', 'queue', 'secret-store']);

/**
 * The service verifies tokens only because the design states token authentication on the flows into it ("JWT
 * auth"): the token threats are what is left of the spoofing threats that authentication removed.
 */
const tokenAuthStated = (ctx: ElementContext): boolean => {
  const tokenFlows = [
    ...ctx.facts.incoming.filter((f) => f.tags.has('jwt') && !STORES.has(f.source.kind)),
    // A token handed to a person comes back on their requests: that too makes this a verifier.
    ...ctx.facts.outgoing.filter((f) => f.tags.has('jwt') && (f.target.kind === 'actor' || f.target.kind === 'external-system')),
  ];
  if (!tokenFlows.every((f) => f.authenticated === true)) return false;
  // "API gateway<br/>JWT auth": the service states token authentication itself.
  return tokenFlows.length > 0 || (ctx.element.props.authenticatesCallers === true && ctx.facts.tags.has('jwt'));
};

/** Spoofing threats that token authentication removes. */
const RESIDUAL_OF_AUTHENTICATION = { rules: ['TM-API-001', 'TM-FLOW-003'], introducedByControl: tokenAuthStated } as const;

export const oauthRules: ElementThreatRule[] = [
  {
    id: 'TM-TOKEN-001',
    scope: 'element',
    pattern: 'oauth-oidc',
    stride: 'tampering',
    condition: 'receives bearer tokens (JWT) and the design does not state strict token validation (`tokenValidation: true`)',
    applies: (ctx) => isActive(ctx.element.kind) && ctx.facts.verifiesTokens,
    controls: [elementHas('tokenValidation', 'verifies token signature, issuer, audience and expiry with a pinned algorithm')],
    title: (ctx) => `Forged or tampered JWTs accepted by ${ctx.element.name} (\`alg: none\`, key confusion)`,
    description: (ctx) => {
      const issuers = ctx.model.tokenIssuers().filter((name) => name !== ctx.element.name);
      return `${ctx.element.name} trusts JWTs${issuers.length ? ` issued by ${joinNames(issuers)}` : ''}. If it does not verify the signature with a pinned algorithm, an attacker edits the payload and sets \`alg: none\` or signs with the public key as an HMAC secret (RS256→HS256), and is accepted as any user.`;
    },
    severity: 'high',
    likelihood: 'medium',
    cwe: ['CWE-347', 'CWE-345'],
    capec: ['CAPEC-196'],
    compliance: [C.soc2Access, C.isoAuthn, C.nistAuthn],
    mitigations: ['MIT-JWT-VALIDATION'],
    residualOf: RESIDUAL_OF_AUTHENTICATION,
  },
  {
    id: 'TM-TOKEN-002',
    scope: 'element',
    pattern: 'oauth-oidc',
    stride: 'information-disclosure',
    condition: 'issues bearer tokens and the design does not state short lifetimes with revocation (`shortLivedTokens: true`)',
    applies: (ctx) => isActive(ctx.element.kind) && ctx.facts.issuesTokens,
    controls: [elementHas('shortLivedTokens', 'issues short-lived, revocable tokens')],
    title: (ctx) => `Leaked tokens from ${ctx.element.name} stay valid`,
    description: (ctx) =>
      `${ctx.element.name} issues bearer tokens. Tokens leak through browser storage (XSS), logs, URLs and proxies; a long-lived token without revocation gives whoever holds it the user's access until it expires.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: false,
    cwe: ['CWE-613', 'CWE-522'],
    capec: ['CAPEC-593'],
    compliance: [C.soc2Access, C.isoAuthn, C.nistSecrets],
    mitigations: ['MIT-TOKEN-LIFETIME'],
  },
  {
    id: 'TM-TOKEN-003',
    scope: 'element',
    pattern: 'oauth-oidc',
    stride: 'elevation-of-privilege',
    condition: 'receives bearer tokens and the design does not state server-side authorisation (`authorizesRequests: true`)',
    applies: (ctx) => isActive(ctx.element.kind) && ctx.facts.verifiesTokens,
    controls: [elementHas('authorizesRequests', 'authorises each request server-side')],
    title: (ctx) => `Role-claim escalation at ${ctx.element.name}`,
    description: (ctx) =>
      `${ctx.element.name} decides what a caller may do from claims in the token. If roles come from the token (or from user-editable profile fields copied into it) without a server-side check, a user sets \`role: admin\` and gains administrator rights.`,
    severity: 'high',
    likelihood: 'medium',
    cwe: ['CWE-639', 'CWE-269'],
    capec: ['CAPEC-233'],
    compliance: [C.pciLeastPrivilege, C.soc2Access, C.isoAccess, C.nistAccess],
    mitigations: ['MIT-SERVER-SIDE-AUTHZ'],
    residualOf: RESIDUAL_OF_AUTHENTICATION,
  },
  {
    id: 'TM-OAUTH-001',
    scope: 'element',
    pattern: 'identity-provider',
    stride: 'spoofing',
    kinds: ['identity-provider'],
    tags: ['oauth'],
    condition: 'an OAuth/OIDC provider serving a browser or mobile client, without PKCE and exact redirect URIs (`pkce: true`)',
    applies: (ctx) =>
      [...ctx.facts.incoming, ...ctx.facts.outgoing].some((f) => f.source.kind === 'web-app' || f.target.kind === 'web-app' || f.source.kind === 'actor' || f.target.kind === 'actor'),
    controls: [elementHas('pkce', 'uses PKCE with exact redirect-URI matching')],
    title: (ctx) => `Authorization codes from ${ctx.element.name} intercepted or redirected`,
    description: (ctx) =>
      `${ctx.element.name} runs an OAuth/OIDC flow for a public client. Without PKCE and exact redirect-URI matching, an attacker steals the authorization code through an open redirect or a malicious app and exchanges it for the victim's tokens.`,
    severity: 'high',
    likelihood: 'low',
    cwe: ['CWE-601', 'CWE-287'],
    capec: ['CAPEC-593'],
    compliance: [C.soc2Access, C.isoAuthn, C.nistAuthn],
    mitigations: ['MIT-OAUTH-PKCE'],
  },
];
