// Derived facts about an architecture, computed once with indexes so analysis stays linear:
// boundary ancestry (cached), flows by element, trust-boundary crossings, internet exposure,
// data sensitivity, and the roles elements play (login endpoint, upload endpoint, token issuer/verifier).

import type { ElementFacts, FlowView, ModelView, TechTag } from '../knowledge/types.js';
import { encryptionOfProtocol, maxClassification, mentionsCredentials, tagsOfElement, tagsOfText } from '../knowledge/vocabulary.js';
import type { Architecture, Boundary, DataAsset, Element } from '../schema/architecture.js';

const STORE_KINDS = new Set(['datastore', 'cache', 'queue', 'bucket', 'secret-store']);
const OUTSIDE_KINDS = new Set(['actor', 'external-system']);

export interface ModelFacts {
  elements: Map<string, ElementFacts>;
  flows: FlowView[];
  view: ModelView;
  warnings: string[];
}

function boundaryChains(model: Architecture, warnings: string[]): (id: string | undefined) => Boundary[] {
  const byId = new Map(model.boundaries.map((b) => [b.id, b]));
  const cache = new Map<string, Boundary[]>();
  const chain = (id: string | undefined, seen: Set<string> = new Set()): Boundary[] => {
    if (id === undefined) return [];
    const cached = cache.get(id);
    if (cached) return cached;
    const boundary = byId.get(id);
    if (!boundary) {
      warnings.push(`unknown boundary "${id}"`);
      cache.set(id, []);
      return [];
    }
    if (seen.has(id)) {
      warnings.push(`boundary "${id}" is nested in itself`);
      return [];
    }
    seen.add(id);
    const result = [boundary, ...chain(boundary.parent, seen)];
    cache.set(id, result);
    return result;
  };
  return (id) => chain(id);
}

function inInternetZone(element: Element, chain: readonly Boundary[]): boolean {
  if (chain.some((b) => b.type === 'internet')) return true;
  return chain.length === 0 && OUTSIDE_KINDS.has(element.kind);
}

export function computeFacts(model: Architecture): ModelFacts {
  const warnings: string[] = [];
  const chainOf = boundaryChains(model, warnings);
  const assets = new Map<string, DataAsset>(model.dataAssets.map((d) => [d.id, d]));
  const resolveData = (ids: readonly string[]): DataAsset[] => ids.flatMap((id) => (assets.has(id) ? [assets.get(id)!] : []));

  const elements = new Map<string, ElementFacts>();
  for (const element of model.elements) {
    if (elements.has(element.id)) warnings.push(`duplicate element id "${element.id}"`);
    const boundaries = chainOf(element.boundary);
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
    const sourceIds = new Set(source.boundaries.map((b) => b.id));
    const targetIds = new Set(target.boundaries.map((b) => b.id));
    const crossings = [...source.boundaries.filter((b) => !targetIds.has(b.id)), ...target.boundaries.filter((b) => !sourceIds.has(b.id))];
    const data = resolveData(flow.data);
    const text = `${flow.label ?? ''} ${flow.protocol ?? ''} ${data.map((d) => `${d.name} ${d.description ?? ''}`).join(' ')}`.toLowerCase();
    const tags: Set<TechTag> = tagsOfText(text);
    const sensitivity = maxClassification(data.map((d) => d.classification));
    const view: FlowView = {
      flow,
      source: source.element,
      target: target.element,
      crossings,
      crossesBoundary: crossings.length > 0 || source.inInternet !== target.inInternet,
      fromInternet: source.inInternet && !target.inInternet,
      encrypted: flow.encrypted ?? encryptionOfProtocol(flow.protocol),
      authenticated: flow.authenticated,
      data,
      sensitivity,
      text,
      tags,
      carriesCredentials: sensitivity === 'credentials' || tags.has('jwt') || mentionsCredentials(text),
      display: `${source.element.name} → ${target.element.name}`,
    };
    flows.push(view);
    source.outgoing.push(view);
    target.incoming.push(view);
    if (flow.bidirectional) {
      // The reverse direction exposes the source the same way.
      const reverse: FlowView = { ...view, source: target.element, target: source.element, fromInternet: target.inInternet && !source.inInternet, display: `${target.element.name} → ${source.element.name}` };
      target.outgoing.push(reverse);
      source.incoming.push(reverse);
    }
  }

  for (const facts of elements.values()) deriveExposure(facts);
  for (const facts of elements.values()) deriveRoles(facts, elements);

  const issuers = [...elements.values()].filter((f) => f.issuesTokens).map((f) => f.element.name);
  const hasSecretStore = model.elements.some((e) => e.kind === 'secret-store');
  const byKind = new Map<string, ElementFacts[]>();
  for (const f of elements.values()) byKind.set(f.element.kind, [...(byKind.get(f.element.kind) ?? []), f]);
  const view: ModelView = {
    element: (id) => elements.get(id),
    elementsOfKind: (kind) => byKind.get(kind) ?? [],
    tokenIssuers: () => issuers,
    hasSecretStore: () => hasSecretStore,
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
  facts.issuesTokens =
    (facts.outgoing.some(tokenFlow) && !receivesTokenFromService && authenticatesUsers) ||
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
