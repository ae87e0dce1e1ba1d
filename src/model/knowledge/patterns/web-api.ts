// Web / REST API pattern: internet-facing services that accept requests and uploads.

import { C } from '../compliance.js';
import { elementHas, internetFlowsAuthenticated } from '../controls.js';
import type { Control, ElementContext, ElementThreatRule } from '../types.js';
import { describeClassification, isSensitive, joinNames } from '../vocabulary.js';

const API_KINDS = ['process', 'gateway', 'function', 'web-app'] as const;

/** A gateway/CDN whose every onward path is authenticated: authentication happens behind it, by design. */
function authenticatedDownstream(ctx: ElementContext): string | undefined {
  const seen = new Set<string>();
  const proofs: string[] = [];
  const walk = (id: string): boolean => {
    if (seen.has(id)) return false;
    seen.add(id);
    const facts = ctx.model.element(id);
    const onward = facts?.outgoing.filter((f) => !['datastore', 'cache', 'bucket', 'queue', 'secret-store'].includes(f.target.kind)) ?? [];
    if (!facts || facts.element.kind !== 'gateway' || onward.length === 0) return false;
    return onward.every((f) => {
      if (f.authenticated === true || f.target.props.authenticatesCallers === true) {
        proofs.push(f.display);
        return true;
      }
      return walk(f.target.id);
    });
  };
  return walk(ctx.element.id) ? proofs.join(', ') : undefined;
}

const authenticatedBehind: Control<ElementContext> = {
  id: 'downstream.authenticated',
  effect: 'remove',
  present: (ctx) => authenticatedDownstream(ctx) !== undefined,
  reason: (ctx) => `${ctx.element.name} only forwards to authenticated services (${authenticatedDownstream(ctx)} is authenticated)`,
};

const edgeProtection: Control<ElementContext> = {
  id: 'element.edge',
  effect: 'remove',
  present: (ctx) => ctx.facts.tags.has('edge'),
  reason: (ctx) => `${ctx.element.name} is a CDN/WAF edge that absorbs request floods`,
};

/** "Orders (pii) to Orders queue" for each write of sensitive data to a store or queue. */
function sensitiveWrites(ctx: ElementContext): string[] {
  return ctx.facts.outgoing
    .filter((f) => ['bucket', 'datastore', 'queue', 'cache'].includes(f.target.kind) && isSensitive(f.sensitivity ?? ctx.model.element(f.target.id)?.sensitivity))
    .map((f) => `${describeClassification((f.sensitivity ?? ctx.model.element(f.target.id)?.sensitivity)!)} to ${f.target.name}`);
}

function storesBehind(ctx: ElementContext): string[] {
  return ctx.facts.outgoing.filter((f) => ['bucket', 'datastore', 'queue'].includes(f.target.kind)).map((f) => f.target.name);
}

export const webApiRules: ElementThreatRule[] = [
  {
    id: 'TM-API-001',
    scope: 'element',
    pattern: 'web-api',
    stride: 'spoofing',
    kinds: API_KINDS,
    condition: 'internet-facing service (not a login endpoint, not a static frontend without uploads) whose callers are not authenticated',
    applies: (ctx) =>
      ctx.facts.internetFacing &&
      !ctx.facts.loginEndpoint &&
      (ctx.element.kind !== 'web-app' || ctx.facts.uploadEndpoint),
    controls: [elementHas('authenticatesCallers', 'authenticates its callers'), internetFlowsAuthenticated, authenticatedBehind],
    title: (ctx) =>
      ctx.facts.uploadEndpoint
        ? `Unauthenticated users upload malicious files to ${ctx.element.name}`
        : `Unauthenticated callers use ${ctx.element.name} as any user`,
    description: (ctx) => {
      const stores = storesBehind(ctx);
      const into = stores.length ? ` into ${joinNames(stores)}` : '';
      return ctx.facts.uploadEndpoint
        ? `${ctx.element.name} is reachable from the internet (${ctx.facts.exposure}) and the design does not authenticate uploaders: anyone can push malware, illegal content or oversized files${into}, and nothing ties an upload to a user.`
        : `${ctx.element.name} is reachable from the internet (${ctx.facts.exposure}) and the design does not authenticate callers, so anyone can call it as a legitimate user${stores.length ? ` and reach ${joinNames(stores)}` : ''}.`;
    },
    severity: 'high',
    likelihood: 'high',
    raiseForSensitiveData: true,
    cwe: ['CWE-306'],
    capec: ['CAPEC-115'],
    compliance: [C.pciAuthn, C.soc2Access, C.isoAuthn, C.nistAuthn],
    mitigations: ['MIT-API-AUTHN', 'MIT-UPLOAD-VALIDATE'],
    mitigationApplies: (id, ctx) => id !== 'MIT-UPLOAD-VALIDATE' || ctx.facts.uploadEndpoint,
  },
  {
    id: 'TM-API-002',
    scope: 'element',
    pattern: 'web-api',
    stride: 'denial-of-service',
    kinds: API_KINDS,
    condition: 'accepts uploads from the internet without both a size limit and an upload rate limit (a size limit alone does not lower severity)',
    applies: (ctx) => ctx.facts.uploadEndpoint,
    controls: [
      {
        id: 'element.sizeLimits+rateLimited',
        effect: 'remove',
        present: (ctx) => ctx.element.props.sizeLimits === true && ctx.element.props.rateLimited === true,
        reason: (ctx) => `${ctx.element.name} enforces upload size limits and rate limits`,
      },
      // A size limit alone bounds one request, not the total: storage still fills by volume, so only
      // rate limiting lowers the severity of exhaustion.
      elementHas('rateLimited', 'rate-limits requests (single uploads can still be huge)', 'downgrade'),
    ],
    title: (ctx) => {
      const stores = ctx.facts.outgoing.filter((f) => f.target.kind === 'bucket' || f.target.kind === 'datastore').map((f) => f.target.name);
      return `Huge or repeated uploads to ${ctx.element.name} exhaust ${stores.length ? `storage in ${joinNames(stores)}` : 'its resources'}`;
    },
    description: (ctx) =>
      ctx.element.props.sizeLimits === true
        ? `${ctx.element.name} accepts files from the internet. The design states a size limit per upload, but nothing limits how many uploads a client sends: an attacker fills storage, drives cost and starves processing with a stream of maximum-size files.`
        : `${ctx.element.name} accepts files from the internet. Without an enforced body-size limit and a per-user upload rate, an attacker can send very large or very many files, filling storage, driving cost and starving processing.`,
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-400', 'CWE-770'],
    capec: ['CAPEC-130'],
    compliance: [C.soc2Availability, C.isoCapacity, C.nistDos],
    mitigations: ['MIT-UPLOAD-LIMITS'],
  },
  {
    id: 'TM-API-003',
    scope: 'element',
    pattern: 'web-api',
    stride: 'denial-of-service',
    kinds: ['process', 'gateway'],
    condition: 'internet-facing service without rate limiting (uploads and logins have their own threats)',
    applies: (ctx) => ctx.facts.internetFacing && !ctx.facts.uploadEndpoint && !ctx.facts.loginEndpoint,
    controls: [elementHas('rateLimited', 'rate-limits requests'), edgeProtection],
    title: (ctx) => `Request flooding overwhelms ${ctx.element.name}`,
    description: (ctx) =>
      `${ctx.element.name} is reachable from the internet (${ctx.facts.exposure}) and the design shows no rate limiting or throttling, so a single client can exhaust it and everything behind it.`,
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-770'],
    capec: ['CAPEC-125'],
    compliance: [C.soc2Availability, C.nistDos],
    mitigations: ['MIT-RATE-LIMIT'],
  },
  {
    id: 'TM-API-004',
    scope: 'element',
    pattern: 'web-api',
    stride: 'repudiation',
    // A web app that writes to stores itself (server-rendered, or a frontend on a backend-as-a-service) is one too.
    kinds: API_KINDS,
    condition: 'internet-facing service that writes PII, credentials or payment data to a store or queue, or that states it keeps no audit log, without audit logging',
    applies: (ctx) =>
      ctx.facts.internetFacing && !ctx.facts.loginEndpoint && (sensitiveWrites(ctx).length > 0 || (ctx.element.props.auditLogging === false && storesBehind(ctx).length > 0)),
    controls: [elementHas('auditLogging', 'audit-logs the changes it makes')],
    title: (ctx) => `Changes made through ${ctx.element.name} cannot be traced to a user`,
    description: (ctx) =>
      `${ctx.element.name} takes requests from the internet and writes ${joinNames(sensitiveWrites(ctx).length ? sensitiveWrites(ctx) : storesBehind(ctx))}, and the design records no audit trail: when records are changed or disputed, nobody can show who did what and when.`,
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-778'],
    capec: ['CAPEC-268'],
    compliance: [C.gdprSecurity, C.pciLogging, C.soc2Monitoring, C.isoLogging, C.nistAudit],
    decidedBy: ['auditLogging'],
    mitigations: ['MIT-AUDIT-LOG'],
  },
  {
    id: 'TM-API-005',
    scope: 'element',
    pattern: 'web-api',
    stride: 'information-disclosure',
    kinds: API_KINDS,
    condition: 'a service that answers cross-origin requests from any origin (`corsRestricted: false`: CORS `*` or a reflected Origin)',
    applies: (ctx) => ctx.element.props.corsRestricted === false,
    controls: [],
    title: (ctx) => `Any website can call ${ctx.element.name} from its visitors' browsers`,
    description: (ctx) =>
      `${ctx.element.name} allows cross-origin requests from any origin. A page on any site can script calls to it from a visitor's browser and read the answers${
        ctx.facts.internetFacing ? '' : ' (including from inside networks the browser can reach)'
      }; with cookies or a reflected origin, that is the user's own data and actions.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-942', 'CWE-346'],
    capec: ['CAPEC-111'],
    compliance: [C.soc2Access, C.nistAccess],
    decidedBy: ['corsRestricted'],
    mitigations: ['MIT-CORS-ALLOWLIST'],
  },
  {
    id: 'TM-API-006',
    scope: 'element',
    pattern: 'web-api',
    stride: 'denial-of-service',
    kinds: API_KINDS,
    condition: 'an internet-facing service (not an upload endpoint, which has TM-API-002) that states no request-size limit (`sizeLimits: false`)',
    applies: (ctx) => ctx.facts.internetFacing && !ctx.facts.uploadEndpoint && ctx.element.props.sizeLimits === false,
    controls: [],
    title: (ctx) => `Oversized requests exhaust ${ctx.element.name}`,
    description: (ctx) =>
      `${ctx.element.name} takes requests from the internet with no limit on their size: a few clients sending huge or deeply nested bodies tie up its memory and CPU, and everything behind it waits.`,
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-400', 'CWE-770'],
    capec: ['CAPEC-130'],
    compliance: [C.soc2Availability, C.nistDos],
    decidedBy: ['sizeLimits'],
    mitigations: ['MIT-REQUEST-LIMITS'],
  },
  {
    id: 'TM-API-007',
    scope: 'element',
    pattern: 'web-api',
    stride: 'elevation-of-privilege',
    kinds: API_KINDS,
    condition: 'a service stated to run in a debug mode that serves diagnostics or a console to callers (`debugMode: true`: the Werkzeug debugger, Django `DEBUG = True`)',
    applies: (ctx) => ctx.element.props.debugMode === true,
    controls: [],
    title: (ctx) => `Debug mode lets callers of ${ctx.element.name} read its internals or run code`,
    description: (ctx) =>
      `${ctx.element.name} runs with debugging on: an error page shows source code, settings and queries, and an interactive debugger (Werkzeug's) runs whatever code a caller types into it, with the service's privileges.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForInternet: true,
    cwe: ['CWE-489', 'CWE-215', 'CWE-94'],
    capec: ['CAPEC-121'],
    compliance: [C.pciSecureCoding, C.isoConfiguration, C.nistConfiguration],
    decidedBy: ['debugMode'],
    mitigations: ['MIT-DEBUG-OFF'],
  },
];
