// People and their browsers calling an element, directly or through the gateways in front of it, summed up once
// per element: a gateway can front thousands of services for thousands of users, so a rule never walks a gateway's
// callers again for each service behind it.

import type { ElementFacts, FlowView, ModelView } from '../types.js';

/** What a set of calls shows, folded so that combining the groups in front of an element costs one step per group. */
export interface CallSummary {
  /** How many calls there are (zero: none reaches the element). */
  count: number;
  /** The callers' names, in order, each once. */
  names: readonly string[];
  /** Some call's words say cookies or server-side sessions. */
  cookies: boolean;
  /** Every call carries a bearer token (vacuously true when there are none). */
  allBearer: boolean;
  /** Some call is authenticated or carries credentials. */
  loggedIn: boolean;
  /** The names of the callers that are administrators or operators, or call for devops, each once. */
  admins: readonly string[];
}

const COOKIE_SESSION = /\bcookies?\b|\bsessions?\b|\bsession id\b|\bjsessionid\b|\bremember[- ]me\b/;

/** People acting as administrators or operators. */
const ADMIN_PEOPLE = /\badmin(?:istrator)?s?\b|\boperators?\b|\bops\b|\bsre\b|\bdevops\b|\bdevelopers?\b|\bback[- ]?office\b|\bsysadmins?\b/;

export function isAdminPerson(f: FlowView['source']): boolean {
  return f.kind === 'actor' && ADMIN_PEOPLE.test(`${f.name} ${f.technology ?? ''} ${f.description ?? ''}`.toLowerCase());
}

export function usesCookieWords(text: string): boolean {
  return COOKIE_SESSION.test(text);
}

const EMPTY: CallSummary = { count: 0, names: [], cookies: false, allBearer: true, loggedIn: false, admins: [] };

function summarise(flows: readonly FlowView[]): CallSummary {
  if (flows.length === 0) return EMPTY;
  const names = new Set<string>();
  const admins = new Set<string>();
  let cookies = false;
  let allBearer = true;
  let loggedIn = false;
  for (const f of flows) {
    names.add(f.source.name);
    if (f.flow.usage === 'devops' || isAdminPerson(f.source)) admins.add(f.source.name);
    cookies ||= COOKIE_SESSION.test(f.text);
    allBearer &&= f.tags.has('jwt');
    loggedIn ||= f.authenticated === true || f.carriesCredentials;
  }
  return { count: flows.length, names: [...names], cookies, allBearer, loggedIn, admins: [...admins] };
}

/** Names of both lists, each once, the first list's first. */
function union(a: readonly string[], b: readonly string[]): readonly string[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return [...new Set([...a, ...b])];
}

function combine(a: CallSummary, b: CallSummary): CallSummary {
  if (a.count === 0) return b;
  if (b.count === 0) return a;
  return {
    count: a.count + b.count,
    names: union(a.names, b.names),
    cookies: a.cookies || b.cookies,
    allBearer: a.allBearer && b.allBearer,
    loggedIn: a.loggedIn || b.loggedIn,
    admins: union(a.admins, b.admins),
  };
}

/** A person's browser: an actor, or a frontend on the internet (a single-page app in their browser). */
const fromBrowser = (f: FlowView): boolean => f.source.kind === 'actor' || (f.source.kind === 'web-app' && f.fromInternet);
const fromPerson = (f: FlowView): boolean => f.source.kind === 'actor';

type Calls = 'browsers' | 'people';

const DIRECT: Record<Calls, WeakMap<ElementFacts, CallSummary>> = { browsers: new WeakMap(), people: new WeakMap() };
const THROUGH_GATEWAYS: Record<Calls, WeakMap<ElementFacts, CallSummary>> = { browsers: new WeakMap(), people: new WeakMap() };
const PICK: Record<Calls, (f: FlowView) => boolean> = { browsers: fromBrowser, people: fromPerson };

function direct(facts: ElementFacts, calls: Calls): CallSummary {
  let found = DIRECT[calls].get(facts);
  if (!found) DIRECT[calls].set(facts, (found = summarise(facts.incoming.filter(PICK[calls]))));
  return found;
}

function throughGateways(facts: ElementFacts, model: ModelView, calls: Calls): CallSummary {
  let found = THROUGH_GATEWAYS[calls].get(facts);
  if (found) return found;
  found = direct(facts, calls);
  const seen = new Set<string>();
  for (const f of facts.incoming) {
    if (f.source.kind !== 'gateway' || seen.has(f.source.id)) continue;
    seen.add(f.source.id);
    const gateway = model.element(f.source.id);
    if (gateway) found = combine(found, direct(gateway, calls));
  }
  THROUGH_GATEWAYS[calls].set(facts, found);
  return found;
}

/** People's browsers (and frontends running in them) calling the element, directly or through a gateway in front. */
export function browserCalls(facts: ElementFacts, model: ModelView): CallSummary {
  return throughGateways(facts, model, 'browsers');
}

/** People reaching the element, directly or through a gateway in front (a load balancer or proxy). */
export function peopleReaching(facts: ElementFacts, model: ModelView): CallSummary {
  return throughGateways(facts, model, 'people');
}
