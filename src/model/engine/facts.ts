// Derived facts about an architecture, computed once with indexes so analysis stays linear:
// boundary ancestry (cached), flows by element, trust-boundary crossings, internet exposure,
// data sensitivity, and the roles elements play (login endpoint, upload endpoint, token issuer/verifier).

import type { ElementFacts, FlowView, ModelView, TechTag } from '../knowledge/types.js';
import { encryptionOfProtocol, maxClassification, mentionsCredentials, tagsOfElement, tagsOfText } from '../knowledge/vocabulary.js';
import { DATA_HOLDING_KINDS, OUTSIDE_KINDS, STORE_KINDS, type Architecture, type Boundary, type DataAsset, type Element, type Flow } from '../schema/architecture.js';


export interface ModelFacts {
  elements: Map<string, ElementFacts>;
  flows: FlowView[];
  view: ModelView;
  warnings: string[];
}

/**
 * Each boundary's chain of enclosing boundaries, innermost first, cached and built without recursion: a
 * parent is resolved before its children, so each chain is its boundary plus its parent's cached chain.
 */
function boundaryChains(model: Architecture, warnings: string[]): (id: string | undefined) => Boundary[] {
  const byId = new Map(model.boundaries.map((b) => [b.id, b]));
  const cache = new Map<string, Boundary[]>();
  const resolve = (start: string): Boundary[] => {
    // Walk up until a cached chain, the top, an unknown parent or a cycle; then fill the way back down.
    const path: Boundary[] = [];
    const onPath = new Set<string>();
    let tail: Boundary[] = [];
    for (let id: string | undefined = start; id !== undefined; ) {
      const cached = cache.get(id);
      if (cached) {
        tail = cached;
        break;
      }
      const boundary = byId.get(id);
      if (!boundary) {
        warnings.push(`unknown boundary "${id}"`);
        cache.set(id, []);
        break;
      }
      if (onPath.has(id)) {
        warnings.push(`boundary "${id}" is nested in itself`);
        break;
      }
      onPath.add(id);
      path.push(boundary);
      id = boundary.parent;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      tail = [path[i]!, ...tail];
      cache.set(path[i]!.id, tail);
    }
    return cache.get(start) ?? [];
  };
  return (id) => (id === undefined ? NO_BOUNDARIES : resolve(id));
}

/** Shared by every element outside all boundaries and every flow without data (never changed). */
const NO_BOUNDARIES: Boundary[] = [];
const NO_DATA: DataAsset[] = [];

function inInternetZone(element: Element, chain: readonly Boundary[]): boolean {
  if (chain.some((b) => b.type === 'internet')) return true;
  return chain.length === 0 && OUTSIDE_KINDS.has(element.kind);
}

/** Boundaries one side is in and the other is not: the source's first, then the target's. */
function crossingsBetween(source: readonly Boundary[], target: readonly Boundary[]): Boundary[] {
  if (source === target) return [];
  // Chains are short (a boundary or two): a scan beats building sets. Deep nesting gets the sets.
  // Boundaries are compared by id, as two chains may hold different boundaries of one id.
  if (source.length * target.length <= 64) {
    const crossings = source.filter((b) => !target.some((t) => t.id === b.id));
    for (const b of target) if (!source.some((s) => s.id === b.id)) crossings.push(b);
    return crossings;
  }
  const sourceIds = new Set(source.map((b) => b.id));
  const targetIds = new Set(target.map((b) => b.id));
  return [...source.filter((b) => !targetIds.has(b.id)), ...target.filter((b) => !sourceIds.has(b.id))];
}

/** An edge that creates or changes its target rather than exchanging data with it. */
const PROVISIONING = /\b(?:provisions?|provisioned|provisioning|deploys?|deployed|deploying|deployments?|bootstraps?|rolls? out|terraform apply|kubectl apply|helm (?:install|upgrade)|creates? (?:the )?(?:infrastructure|resources?|stack))\b/i;

/** A call to a store that takes data out of it ("ReceiveMessage", "reads orders from", "consumes"): data moves to the caller. */
const READS = /\b(?:reads?|receives?|receivemessage|consumes?|consuming|polls?|polling|pulls?|subscribes?(?: to)?|dequeues?|listens?(?: to| on)?|fetch(?:es)?|downloads?|get(?:s|object)?)\b/i;

/** An edge that is a code dependency (a library, a workspace package), not a call. */
const CODE_DEPENDENCY = /^\s*(?:imports?|imported|includes? (?:the )?(?:library|package|module)|links? against|depends on (?:the )?(?:library|package))\b|\blocal workspace\b/i;

/** Browser and mobile frontends: code that runs on the users' devices, not on our servers. */
const CLIENT_SIDE = /\b(?:spa|single[- ]page|react(?! server)|angular|vue(?:\.js)?|svelte|ember|mobile app|ios app|android app|react native|flutter|pwa|runs on (?:the )?users'? devices)\b/i;

function runsOnUsersDevices(element: Element): boolean {
  return element.kind === 'web-app' && CLIENT_SIDE.test(`${element.name} ${element.technology ?? ''} ${element.description ?? ''}`);
}

function heldBy(facts: ElementFacts): readonly DataAsset[] {
  return DATA_HOLDING_KINDS.has(facts.element.kind) ? facts.data : NO_DATA;
}

export function computeFacts(model: Architecture): ModelFacts {
  const warnings: string[] = [];
  // Many flows share a text (a protocol, a data set): its tags are found once. The sets are never changed.
  // The first copy of each text is kept and shared by the flows that have it, so the views hold no copies.
  const words = new Map<string, { text: string; tags: Set<TechTag>; credentials: boolean }>();
  const wordsOf = (text: string): { text: string; tags: Set<TechTag>; credentials: boolean } => {
    let found = words.get(text);
    if (!found) words.set(text, (found = { text, tags: tagsOfText(text), credentials: mentionsCredentials(text) }));
    return found;
  };
  // Keyed by what the text is made of, so the text itself is built only once per distinct combination.
  const flowTexts = new Map<string, { text: string; tags: Set<TechTag>; credentials: boolean }>();
  const flowWords = (flow: Flow, data: readonly DataAsset[]): { text: string; tags: Set<TechTag>; credentials: boolean } => {
    const key = data.length === 0 ? `${flow.label ?? ''}\u0000${flow.protocol ?? ''}` : `${flow.label ?? ''}\u0000${flow.protocol ?? ''}\u0000${flow.data.join('\u0000')}`;
    let found = flowTexts.get(key);
    if (!found) flowTexts.set(key, (found = wordsOf(`${flow.label ?? ''} ${flow.protocol ?? ''} ${data.map((d) => `${d.name} ${d.description ?? ''}`).join(' ')}`.toLowerCase())));
    return found;
  };
  const chainOf = boundaryChains(model, warnings);
  const assets = new Map<string, DataAsset>(model.dataAssets.map((d) => [d.id, d]));
  const resolveData = (ids: readonly string[]): DataAsset[] => (ids.length === 0 ? NO_DATA : ids.flatMap((id) => (assets.has(id) ? [assets.get(id)!] : [])));
  // Chains are shared per boundary, so the crossings of one pair of chains are found once for all their flows.
  const crossingCache = new Map<readonly Boundary[], Map<readonly Boundary[], Boundary[]>>();
  const crossingsOf = (source: readonly Boundary[], target: readonly Boundary[]): Boundary[] => {
    let row = crossingCache.get(source);
    if (!row) crossingCache.set(source, (row = new Map()));
    let found = row.get(target);
    if (!found) row.set(target, (found = crossingsBetween(source, target)));
    return found;
  };

  const elements = new Map<string, ElementFacts>();
  // Decided once per element, not once per flow it sends.
  const clientSide = new Set<string>();
  for (const element of model.elements) {
    if (elements.has(element.id)) warnings.push(`duplicate element id "${element.id}"`);
    const boundaries = chainOf(element.boundary);
    if (runsOnUsersDevices(element)) clientSide.add(element.id);
    elements.set(element.id, {
      element,
      tags: tagsOfElement(element),
      boundaries,
      inInternet: inInternetZone(element, boundaries),
      internetFacing: false,
      incoming: [],
      outgoing: [],
      data: resolveData(element.data),
      sensitivity: undefined,
      loginEndpoint: false,
      uploadEndpoint: false,
      issuesTokens: false,
      verifiesTokens: false,
      provisions: [],
    });
  }

  const flows: FlowView[] = [];
  for (const flow of model.flows) {
    const source = elements.get(flow.source);
    const target = elements.get(flow.target);
    if (!source || !target) {
      warnings.push(`flow "${flow.id}" refers to a missing element (${!source ? flow.source : flow.target})`);
      continue;
    }
    // "Imports" a shared library: a build-time dependency, nothing moves between them at run time.
    if (flow.label && CODE_DEPENDENCY.test(`${flow.label} ${flow.protocol ?? ''}`)) continue;
    // "Provisions", "deploys": the pipeline's power over its targets, not data moving between them.
    if (flow.label && PROVISIONING.test(flow.label)) {
      source.provisions.push(target.element);
      continue;
    }
    const crossings = crossingsOf(source.boundaries, target.boundaries);
    const data = resolveData(flow.data);
    const { text, tags, credentials } = flowWords(flow, data);
    // A flow to or from a store carries what the store holds (reads and writes of it), stated on the flow or not.
    const held = [...heldBy(source), ...heldBy(target)];
    const sensitivity = maxClassification((held.length ? [...data, ...held] : data).map((d) => d.classification));
    const view: FlowView = {
      flow,
      source: source.element,
      target: target.element,
      crossings,
      // A call from an app on users' devices leaves their device for our servers, whatever zone it is drawn in.
      crossesBoundary: crossings.length > 0 || source.inInternet !== target.inInternet || (clientSide.has(source.element.id) && !target.inInternet),
      // A single-page or mobile app runs on its users' devices: what it calls is called from the internet.
      fromInternet: (source.inInternet || clientSide.has(source.element.id)) && !target.inInternet,
      encrypted: flow.encrypted ?? encryptionOfProtocol(flow.protocol),
      authenticated: flow.authenticated,
      data,
      sensitivity,
      text,
      tags,
      carriesCredentials: sensitivity === 'credentials' || tags.has('jwt') || credentials,
      reads: DATA_HOLDING_KINDS.has(target.element.kind) && !DATA_HOLDING_KINDS.has(source.element.kind) && READS.test(flow.label ?? ''),
      display: `${source.element.name} → ${target.element.name}`,
    };
    flows.push(view);
    source.outgoing.push(view);
    target.incoming.push(view);
    if (flow.bidirectional) {
      // The reverse direction exposes the source the same way.
      const reverse: FlowView = { ...view, reads: false, source: target.element, target: source.element, fromInternet: target.inInternet && !source.inInternet, display: `${target.element.name} → ${source.element.name}` };
      target.outgoing.push(reverse);
      source.incoming.push(reverse);
    }
  }

  for (const facts of elements.values()) deriveExposure(facts);
  for (const facts of elements.values()) deriveRoles(facts, elements);

  const issuers = [...elements.values()].filter((f) => f.issuesTokens).map((f) => f.element.name);
  const hasSecretStore = model.elements.some((e) => e.kind === 'secret-store');
  const byKind = new Map<string, ElementFacts[]>();
  for (const f of elements.values()) {
    const group = byKind.get(f.element.kind);
    if (group) group.push(f);
    else byKind.set(f.element.kind, [f]);
  }
  const view: ModelView = {
    element: (id) => elements.get(id),
    elementsOfKind: (kind) => byKind.get(kind) ?? [],
    tokenIssuers: () => issuers,
    hasSecretStore: () => hasSecretStore,
    architecture: () => model,
  };
  return { elements, flows, view, warnings };
}

function deriveExposure(facts: ElementFacts): void {
  const { element } = facts;
  const declared = element.props.internetFacing;
  if (declared === false) facts.internetFacing = false;
  else if (declared === true) {
    facts.internetFacing = true;
    facts.exposure = 'declared internet-facing';
  } else if (!OUTSIDE_KINDS.has(element.kind)) {
    const callers = [...new Set(facts.incoming.filter((f) => f.fromInternet).map((f) => f.source.name))];
    if (callers.length) {
      facts.internetFacing = true;
      facts.exposure = `receives flows from ${callers.join(', ')} on the internet`;
    } else if (facts.inInternet) {
      facts.internetFacing = true;
      facts.exposure = 'placed in an internet boundary';
    }
  }
  const classes = [...facts.data, ...facts.incoming.flatMap((f) => f.data), ...facts.outgoing.flatMap((f) => f.data)].map((d) => d.classification);
  facts.sensitivity = maxClassification(classes);
}

function deriveRoles(facts: ElementFacts, elements: ReadonlyMap<string, ElementFacts>): void {
  const { element } = facts;
  const active = !STORE_KINDS.has(element.kind) && !OUTSIDE_KINDS.has(element.kind);
  if (!active) return;
  const fromInternet = facts.incoming.filter((f) => f.fromInternet);
  facts.loginEndpoint =
    facts.internetFacing &&
    (fromInternet.some((f) => mentionsCredentials(f.text) || (f.sensitivity === 'credentials' && !f.tags.has('jwt'))) || element.kind === 'identity-provider');
  facts.uploadEndpoint = facts.internetFacing && (fromInternet.some((f) => f.tags.has('upload')) || facts.tags.has('upload'));

  // Tokens written to or read from a store (session cache, token table) are not issued to or presented by clients.
  const tokenFlow = (f: FlowView): boolean => f.tags.has('jwt') && !STORE_KINDS.has(f.source.kind) && !STORE_KINDS.has(f.target.kind);
  const receivesTokenFromService = facts.incoming.some((f) => tokenFlow(f) && !OUTSIDE_KINDS.has(f.source.kind));
  // Only something that authenticates users issues tokens; a gateway passing a JWT on is a relay.
  const authenticatesUsers =
    element.kind === 'identity-provider' ||
    facts.tags.has('auth') ||
    facts.incoming.some((f) => mentionsCredentials(f.text) || (f.sensitivity === 'credentials' && !f.tags.has('jwt')));
  // A call that states token authentication presents a token; it does not issue one.
  facts.issuesTokens =
    (facts.outgoing.some((f) => tokenFlow(f) && f.authenticated !== true) && !receivesTokenFromService && authenticatesUsers) ||
    (element.kind === 'identity-provider' && (facts.tags.has('oauth') || facts.tags.has('jwt')));
  if (facts.issuesTokens) return;
  // A token handed to an actor comes back on the actor's next requests: the services it calls verify it.
  const tokenToActor = (actorId: string): boolean =>
    elements.get(actorId)?.incoming.some((f) => tokenFlow(f) && !OUTSIDE_KINDS.has(f.source.kind)) ?? false;
  facts.verifiesTokens =
    facts.incoming.some(tokenFlow) ||
    facts.tags.has('jwt') ||
    facts.incoming.some((f) => OUTSIDE_KINDS.has(f.source.kind) && tokenToActor(f.source.id));
}
