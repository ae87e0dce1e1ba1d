// Identity pattern: who the backend thinks is calling (identity propagation, unauthenticated calls between trust
// zones), the second factor on administrative access, and the identity store itself (missing, or not isolated).

import { C } from '../compliance.js';
import { elementHas, targetAuthenticatesCallers } from '../controls.js';
import type { Control, ElementContext, ElementFacts, ElementThreatRule, FlowContext, FlowThreatRule, ModelView } from '../types.js';
import { CLASSIFICATION_RANK, joinNames } from '../vocabulary.js';
import { CODE_KINDS, isAdminInterface, isOutside, isStore } from './app-signals.js';
import { peopleReaching } from './callers.js';

/** Words of a call made as one service identity for everyone. */
const TECHNICAL_USER = /\bservice[- ]accounts?\b|\btechnical[- ]users?\b|\bshared (?:db |database )?(?:users?|accounts?|credentials?|logins?)\b|\bsystem users?\b/;

/** The service takes requests on behalf of end users: from people, the internet, or calls that carry their identity. */
function servesEndUsers(facts: ElementFacts): boolean {
  return (
    facts.internetFacing ||
    facts.incoming.some(
      (f) => f.source.kind === 'actor' || f.flow.authorization === 'end-user' || ((f.source.kind === 'gateway' || f.source.kind === 'web-app') && f.fromInternet),
    )
  );
}

/** Holds or passes data above internal (confidential, PII, payment, credentials), or says nothing of its data. */
function notLowValue(facts: ElementFacts | undefined, flowSensitivity: ElementFacts['sensitivity']): boolean {
  const level = [facts?.sensitivity, flowSensitivity].filter((c) => c !== undefined).map((c) => CLASSIFICATION_RANK[c!]);
  return level.length === 0 || Math.max(...level) >= CLASSIFICATION_RANK.confidential;
}

/** Words that name a directory or identity store (in a name or technology: a description that mentions LDAP may be a client's). */
const DIRECTORY = /\bldaps?\b|openldap|active directory|directory server|\bidentity (?:store|provider|service)\b|\buser (?:directory|store)\b/;

function identityRelated(facts: ElementFacts): boolean {
  return facts.element.kind === 'identity-provider' || DIRECTORY.test(`${facts.element.name} ${facts.element.technology ?? ''}`.toLowerCase());
}

/** Administrators or operators reach it, or it is an administrative interface people reach. */
function adminAccess(ctx: ElementContext): readonly string[] {
  const people = peopleReaching(ctx.facts, ctx.model);
  if (people.admins.length) return people.admins;
  return isAdminInterface(ctx.element) ? people.names : [];
}

/** Signs people in through an identity provider that states MFA. */
const mfaThroughProvider: Control<ElementContext> = {
  id: 'identity-provider.mfa',
  effect: 'remove',
  present: (ctx) => mfaProvider(ctx) !== undefined,
  reason: (ctx) => `${ctx.element.name} signs people in through ${mfaProvider(ctx)}, which requires MFA`,
};

function mfaProvider(ctx: ElementContext): string | undefined {
  const flows = [...ctx.facts.outgoing.map((f) => f.target), ...ctx.facts.incoming.map((f) => f.source)];
  return flows.find((e) => e.kind === 'identity-provider' && e.props.mfa === true)?.name;
}

/** The element that stands for the design's end-user authentication, found once per design. */
const AUTHENTICATOR = new WeakMap<ModelView, { id: string | undefined; how: string }>();

/** Authenticates end users: takes their credentials, or is called with their identity (a bearer token alone says an issuer exists elsewhere). */
function authenticatesEndUsers(facts: ElementFacts): string | undefined {
  if (isOutside(facts.element.kind) || isStore(facts.element.kind)) return undefined;
  if (facts.loginEndpoint) return 'takes users\' credentials';
  if (facts.incoming.some((f) => f.flow.authorization === 'end-user')) return 'is called with the end user\'s identity';
  return undefined;
}

function designAuthenticator(model: ModelView): { id: string | undefined; how: string } {
  let found = AUTHENTICATOR.get(model);
  if (found) return found;
  found = { id: undefined, how: '' };
  const elements = model.architecture().elements;
  const hasStore = elements.some((e) => {
    const facts = model.element(e.id);
    return facts !== undefined && (identityRelated(facts) || (facts.tags.has('auth') && !isOutside(e.kind)));
  });
  if (!hasStore) {
    for (const e of elements) {
      const facts = model.element(e.id);
      const how = facts && authenticatesEndUsers(facts);
      if (how) {
        found = { id: e.id, how };
        break;
      }
    }
  }
  AUTHENTICATOR.set(model, found);
  return found;
}

/** Elements that share the identity store's innermost boundary or its runtime and are not part of identity. */
const NEIGHBOURS = new WeakMap<ModelView, Map<string, ElementFacts[]>>();

function byPlace(model: ModelView): Map<string, ElementFacts[]> {
  let places = NEIGHBOURS.get(model);
  if (places) return places;
  places = new Map();
  for (const e of model.architecture().elements) {
    const facts = model.element(e.id);
    if (!facts) continue;
    for (const key of [e.boundary ? `b:${e.boundary}` : undefined, e.runtime ? `r:${e.runtime}` : undefined]) {
      if (!key) continue;
      const list = places.get(key);
      if (list) list.push(facts);
      else places.set(key, [facts]);
    }
  }
  NEIGHBOURS.set(model, places);
  return places;
}

/** A store used only by identity components is part of them (the provider's own user database). */
function partOfIdentity(facts: ElementFacts, model: ModelView): boolean {
  if (identityRelated(facts)) return true;
  const users = [...facts.incoming.map((f) => f.source), ...facts.outgoing.map((f) => f.target)];
  return isStore(facts.element.kind) && users.length > 0 && users.every((u) => { const f = model.element(u.id); return f !== undefined && identityRelated(f); });
}

function sharedWith(ctx: ElementContext): { runtime: string[]; zone: string[] } {
  const places = byPlace(ctx.model);
  const others = (key: string | undefined): ElementFacts[] =>
    key ? (places.get(key) ?? []).filter((f) => f.element.id !== ctx.element.id && f.element.kind !== 'actor' && !partOfIdentity(f, ctx.model)) : [];
  const runtime = others(ctx.element.runtime ? `r:${ctx.element.runtime}` : undefined).map((f) => f.element.name);
  const zone = others(ctx.element.boundary ? `b:${ctx.element.boundary}` : undefined).map((f) => f.element.name);
  return { runtime, zone };
}

export const identityElementRules: ElementThreatRule[] = [
  {
    id: 'TM-IAM-002',
    scope: 'element',
    pattern: 'identity',
    stride: 'elevation-of-privilege',
    condition:
      'an administrative or operations interface (admin console, back office, CI/CD UI, bastion, Kubernetes API or dashboard) that people reach, or anything administrators or operators reach (actors named admin/operator/developer, or `usage: devops` flows from people), without a stated second factor (`mfa: true` on it, or an identity provider with `mfa: true` it signs people in through); a user login endpoint is TM-AUTH-001',
    applies: (ctx) => ctx.element.kind !== 'actor' && adminAccess(ctx).length > 0,
    controls: [elementHas('mfa', 'requires a second factor'), mfaThroughProvider],
    title: (ctx) => `Administrative access to ${ctx.element.name} without a second factor`,
    description: (ctx) =>
      `${joinNames(adminAccess(ctx))} ${adminAccess(ctx).length > 1 ? 'administer' : 'administers'} ${ctx.element.name} and the design states no second factor. One phished, reused or leaked password of an administrator gives an attacker the highest privileges there: changing configuration, users and deployments, or reading every record.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForInternet: true,
    exploit: 'credentials',
    cwe: ['CWE-308'],
    capec: ['CAPEC-560', 'CAPEC-600'],
    compliance: [C.pciMfa, C.soc2Access, C.isoPrivileged, C.nistAuthn],
    decidedBy: ['mfa'],
    mitigations: ['MIT-ADMIN-MFA'],
  },
  {
    id: 'TM-IAM-003',
    scope: 'element',
    pattern: 'identity',
    stride: 'spoofing',
    condition:
      'the design authenticates end users (a login taking their credentials, or calls stated to carry the end user\'s identity, `authorization: end-user`) but draws no identity provider, directory or authentication service for them; reported once, on the first element that authenticates end users',
    applies: (ctx) => designAuthenticator(ctx.model).id === ctx.element.id,
    controls: [],
    title: (ctx) => `No identity store behind the end-user authentication at ${ctx.element.name}`,
    description: (ctx) =>
      `${ctx.element.name} ${designAuthenticator(ctx.model).how}, but the design shows no identity provider or user directory. Where users, password hashes, MFA and recovery live is unmodelled, so nobody has reviewed it: hand-rolled credential storage, account recovery and session handling are where account takeover happens.`,
    severity: 'medium',
    likelihood: 'low',
    raiseForSensitiveData: true,
    cwe: ['CWE-287', 'CWE-1059'],
    capec: ['CAPEC-115'],
    compliance: [C.soc2Access, C.isoAuthn, C.nistAuthn],
    mitigations: ['MIT-IDENTITY-STORE'],
  },
  {
    id: 'TM-IAM-004',
    scope: 'element',
    pattern: 'identity',
    stride: 'elevation-of-privilege',
    kinds: ['identity-provider'],
    tags: ['ldap'],
    condition:
      'an identity provider or directory that shares its runtime (`runtime`) or its innermost trust boundary with components that are not part of identity (its own user database does not count)',
    applies: (ctx) => !isOutside(ctx.element.kind) && identityRelated(ctx.facts) && (sharedWith(ctx).runtime.length > 0 || sharedWith(ctx).zone.length > 0),
    controls: [],
    title: (ctx) => `${ctx.element.name} is not isolated from ${joinNames([...sharedWith(ctx).runtime, ...sharedWith(ctx).zone])}`,
    description: (ctx) => {
      const { runtime, zone } = sharedWith(ctx);
      const where = [
        runtime.length ? `runs on the same runtime as ${joinNames(runtime)}` : '',
        zone.length ? `sits in the same trust zone as ${joinNames(zone)}` : '',
      ].filter(Boolean).join(' and ');
      return `${ctx.element.name} ${where}. Whoever compromises one of those (an internet-facing app is the likeliest) is next to the component that decides who everyone is: they read its keys and user records, or issue themselves tokens for any account.`;
    },
    severity: 'high',
    likelihood: 'low',
    cwe: ['CWE-653', 'CWE-1008'],
    capec: ['CAPEC-233'],
    compliance: [C.pciNetwork, C.soc2Boundary, C.isoNetwork, C.nistBoundary],
    mitigations: ['MIT-IDP-ISOLATION'],
  },
];

export const identityFlowRules: FlowThreatRule[] = [
  {
    id: 'TM-IAM-001',
    scope: 'flow',
    pattern: 'identity',
    stride: 'elevation-of-privilege',
    sourceKinds: CODE_KINDS,
    targetKinds: ['process', 'function', 'gateway', 'datastore', 'bucket', 'external-system'],
    condition:
      'a service that takes end users\' requests calls a backend service or store holding data above internal (or unclassified) as one technical user: the flow states `authorization: technical-user` or `none`, or its words say service account / technical user / shared database user; `authorization: end-user` removes it, an unauthenticated call is TM-IAM-005',
    applies: (ctx) => {
      const { flow } = ctx;
      const technical = flow.flow.authorization === 'technical-user' || flow.flow.authorization === 'none' || (flow.flow.authorization === undefined && TECHNICAL_USER.test(flow.text));
      if (!technical || flow.authenticated === false || flow.flow.usage === 'devops') return false;
      const caller = ctx.model.element(flow.source.id);
      return caller !== undefined && servesEndUsers(caller) && notLowValue(ctx.model.element(flow.target.id), flow.sensitivity);
    },
    controls: [],
    title: (ctx) => `${ctx.flow.target.name} cannot tell which user ${ctx.flow.source.name} acts for`,
    description: (ctx) =>
      `${ctx.flow.source.name} serves end users but calls ${ctx.flow.target.name} as one technical identity${
        ctx.flow.flow.authorization === 'none' ? ' and the call is not authorised at all' : ''
      }. ${ctx.flow.target.name} sees the same caller for every user, so it cannot check that the user may see or change this record: a flaw or compromise in ${ctx.flow.source.name} (a missing object-level check, an injected request) reaches every user's data with the service's full rights.`,
    severity: 'medium',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-285', 'CWE-441'],
    capec: ['CAPEC-122'],
    compliance: [C.soc2Access, C.isoAccess, C.nistAccess, C.pciLeastPrivilege],
    mitigations: ['MIT-IDENTITY-PROPAGATION'],
  },
  {
    id: 'TM-IAM-005',
    scope: 'flow',
    pattern: 'identity',
    stride: 'elevation-of-privilege',
    crossing: 'crossing',
    targetKinds: ['process', 'function', 'gateway', 'web-app', 'datastore', 'bucket', 'cache', 'queue', 'identity-provider', 'secret-store'],
    condition:
      'a component in another trust zone (not the internet, which is TM-API-001, nor a third party, which is TM-3P-001) calls a service or store holding data above internal (or unclassified) and the flow is stated unauthenticated (`authenticated: false`), and the target does not authenticate callers itself; a store stated to take clients without authentication is TM-DB-005',
    applies: (ctx) => {
      const { flow } = ctx;
      if (flow.authenticated !== false || flow.fromInternet || isOutside(flow.source.kind)) return false;
      if (isStore(flow.target.kind) && flow.target.props.authenticatesCallers === false) return false;
      return notLowValue(ctx.model.element(flow.target.id), flow.sensitivity);
    },
    controls: [targetAuthenticatesCallers],
    title: (ctx) => `Unauthenticated calls from ${ctx.flow.source.name}'s zone reach ${ctx.flow.target.name}`,
    description: (ctx) =>
      `${ctx.flow.display} crosses a trust boundary without authentication. Anything that reaches the network path, not only ${ctx.flow.source.name}, gets what ${ctx.flow.target.name} offers with no identity to check or log: a compromise of any workload in ${ctx.flow.source.name}'s zone becomes access to ${ctx.flow.target.name}'s data and functions.`,
    severity: 'high',
    likelihood: 'medium',
    raiseForSensitiveData: true,
    cwe: ['CWE-306'],
    capec: ['CAPEC-115'],
    compliance: [C.soc2Boundary, C.isoAuthn, C.nistAuthn],
    mitigations: ['MIT-SERVICE-AUTHN'],
  },
];
