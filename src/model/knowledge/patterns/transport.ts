// Transport pattern: flows that cross trust boundaries (encryption and caller authentication in transit).

import { C } from '../compliance.js';
import { flowAuthenticated, flowEncrypted, targetAuthenticatesCallers, tokenAuthenticated } from '../controls.js';
import type { FlowContext, FlowThreatRule } from '../types.js';
import { capitalize, describeClassification, isSensitive } from '../vocabulary.js';

function zoneNames(ctx: FlowContext): string {
  return ctx.flow.crossings.length ? ctx.flow.crossings.map((b) => b.name).join(' / ') : 'the internet';
}

function carried(ctx: FlowContext): string {
  if (ctx.flow.tags.has('jwt')) return 'bearer tokens';
  if (ctx.flow.carriesCredentials) return 'credentials';
  return ctx.flow.sensitivity ? describeClassification(ctx.flow.sensitivity) : 'data';
}

/** The flow carries bearer tokens or sessions (words or data), not only passwords or personal data. */
function carriesTokens(ctx: FlowContext): boolean {
  return ctx.flow.tags.has('jwt') || ctx.flow.data.some((d) => /token|session|jwt|cookie/i.test(`${d.id} ${d.name}`));
}

/** A bearer token on a flow that states token authentication is there because of that control. */
const TOKEN_ON_AUTHENTICATED_FLOW = {
  rules: ['TM-API-001', 'TM-FLOW-003'],
  introducedByControl: (ctx: FlowContext) => tokenAuthenticated(ctx.flow) && ctx.flow.sensitivity !== 'credentials',
} as const;

export const transportRules: FlowThreatRule[] = [
  {
    id: 'TM-FLOW-001',
    scope: 'flow',
    pattern: 'transport',
    stride: 'information-disclosure',
    crossing: 'crossing',
    condition: 'a flow carrying credentials, tokens, PII or payment data crosses a trust boundary and is not encrypted',
    applies: (ctx) => ctx.flow.carriesCredentials || isSensitive(ctx.flow.sensitivity),
    controls: [flowEncrypted],
    title: (ctx) => `${capitalize(carried(ctx))} leak in transit on ${ctx.flow.display}`,
    description: (ctx) =>
      `${ctx.flow.display} carries ${carried(ctx)} across ${zoneNames(ctx)}${
        ctx.flow.encrypted === false ? ' in plaintext' : ' and the design does not state TLS'
      }; anyone on the path (Wi-Fi, proxy, compromised host) can read and replay them.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForInternet: true,
    cwe: ['CWE-319', 'CWE-523'],
    capec: ['CAPEC-157', 'CAPEC-102'],
    compliance: [C.gdprSecurity, C.pciTransit, C.soc2Transmission, C.isoCrypto, C.nistTransit],
    mitigations: ['MIT-TLS', 'MIT-TOKEN-LIFETIME'],
    // Token lifetimes limit what a leaked token is worth; a password in transit has no lifetime to shorten.
    mitigationApplies: (id, ctx) => id !== 'MIT-TOKEN-LIFETIME' || carriesTokens(ctx),
    // A bearer token on a flow that states token authentication is there because of that control.
    residualOf: TOKEN_ON_AUTHENTICATED_FLOW,
  },
  {
    id: 'TM-FLOW-002',
    scope: 'flow',
    pattern: 'transport',
    stride: 'tampering',
    crossing: 'crossing',
    condition: 'a flow crosses a trust boundary and the design states its encryption (`encrypted`, or a protocol such as http/https): reported when plaintext',
    applies: (ctx) => ctx.flow.encrypted !== undefined,
    controls: [flowEncrypted],
    title: (ctx) => `Data modified in transit on ${ctx.flow.display}`,
    description: (ctx) =>
      `${ctx.flow.display} crosses ${zoneNames(ctx)} without encryption${ctx.flow.flow.protocol ? ` (${ctx.flow.flow.protocol})` : ''}: a machine in the middle can alter requests and responses, and ${ctx.flow.target.name} cannot tell.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    raiseForInternet: true,
    cwe: ['CWE-319', 'CWE-924'],
    capec: ['CAPEC-94'],
    compliance: [C.pciTransit, C.soc2Transmission, C.isoCrypto, C.nistTransit],
    mitigations: ['MIT-TLS'],
  },
  {
    id: 'TM-FLOW-004',
    scope: 'flow',
    pattern: 'transport',
    stride: 'information-disclosure',
    crossing: 'internal',
    condition:
      'a flow inside one trust boundary is stated to be plaintext (`encrypted: false`, "no TLS", http, plaintext) and carries credentials, sessions, PII, health or payment data, or reaches a store holding them',
    applies: (ctx) => ctx.flow.encrypted === false && (ctx.flow.carriesCredentials || isSensitive(ctx.flow.sensitivity)),
    controls: [flowEncrypted],
    title: (ctx) => `${capitalize(carried(ctx))} readable on the internal network on ${ctx.flow.display}`,
    description: (ctx) =>
      `${ctx.flow.display} stays inside ${ctx.model.element(ctx.flow.source.id)?.boundaries[0]?.name ?? 'one network'} but carries ${carried(ctx)} in plaintext${
        ctx.flow.flow.protocol ? ` (${ctx.flow.flow.protocol})` : ''
      }: any compromised workload, sidecar or node on that network can read and replay it, and insiders see it in packet captures.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-319'],
    capec: ['CAPEC-157'],
    compliance: [C.gdprSecurity, C.pciTransit, C.soc2Transmission, C.isoCrypto, C.nistTransit],
    mitigations: ['MIT-TLS'],
    residualOf: TOKEN_ON_AUTHENTICATED_FLOW,
  },
  {
    id: 'TM-FLOW-003',
    scope: 'flow',
    pattern: 'transport',
    stride: 'spoofing',
    crossing: 'crossing',
    sourceKinds: ['process', 'web-app', 'gateway', 'function', 'queue'],
    targetKinds: ['process', 'gateway', 'function', 'datastore', 'cache', 'queue', 'bucket', 'secret-store'],
    condition:
      'a service-to-service flow crosses a trust boundary, and neither the flow (`authenticated: true`) nor the target (`authenticatesCallers: true`) authenticates the caller',
    applies: (ctx) => !ctx.flow.fromInternet,
    controls: [flowAuthenticated, targetAuthenticatesCallers],
    title: (ctx) => `Anything in ${ctx.model.element(ctx.flow.source.id)?.boundaries[0]?.name ?? 'the network'} can impersonate ${ctx.flow.source.name} towards ${ctx.flow.target.name}`,
    description: (ctx) =>
      `${ctx.flow.display} crosses ${zoneNames(ctx)} and the design shows no caller authentication, so any workload that can reach ${ctx.flow.target.name} is treated as ${ctx.flow.source.name}.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-306', 'CWE-290'],
    capec: ['CAPEC-151'],
    compliance: [C.soc2Boundary, C.isoNetwork, C.nistBoundary],
    mitigations: ['MIT-SERVICE-AUTHN'],
  },
];
