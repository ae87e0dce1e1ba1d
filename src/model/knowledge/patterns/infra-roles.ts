// What the infrastructure, supply-chain and design rules need to know about elements and the design as a whole:
// the roles of build infrastructure, what runs in containers, which elements share a runtime or a cloud account,
// and how much an input can be expected to state. Per-design answers are found once per design.

import type { Architecture, Boundary, Classification, Element } from '../../schema/architecture.js';
import type { ElementContext, ElementFacts, ModelView } from '../types.js';
import { CLASSIFICATION_RANK, isSensitive, joinNames, maxClassification } from '../vocabulary.js';
import { isOutside, wordsOf } from './app-signals.js';

/** How many names a list in a title or description shows before "and N more". */
const LISTED = 10;

/** "A, B and C", or the first ten and "and N more": lists of a large design are named without building them whole. */
export function listNames(items: readonly ElementFacts[]): string {
  if (items.length <= LISTED) return joinNames(items.map((f) => f.element.name));
  return `${items.slice(0, LISTED).map((f) => f.element.name).join(', ')} and ${items.length - LISTED} more`;
}

/** Ours: not a person and not a third party's system. */
export function isOurs(element: Element): boolean {
  return !isOutside(element.kind);
}

/**
 * Formats that state every field of every component and link (a Threagile model has a technology, a protocol, data
 * assets and the security properties on each): there an unstated property is a gap worth reporting. Diagrams, prose,
 * Bulwark's own YAML and the drawn formats leave much unstated by nature, and the same system written in any of
 * them must give the same threats, so they are all judged as sketches.
 */
const EXPLICIT_FORMATS: ReadonlySet<string> = new Set(['threagile']);

/** A model that states every field, where an unstated property is a gap. */
export function explicitModel(model: ModelView): boolean {
  const format = model.architecture().origin?.format;
  return format !== undefined && EXPLICIT_FORMATS.has(format);
}

export function isPipeline(facts: ElementFacts): boolean {
  return facts.tags.has('ci');
}

export function isBuildInfrastructure(facts: ElementFacts): boolean {
  return facts.tags.has('ci') || facts.tags.has('source-repo') || facts.tags.has('artifact-registry');
}

/** Managed services with no network placement of ours: a drawn zone around them is not where they run. */
const NETWORKLESS = /dynamo|secrets manager|\bkms\b|key vault|firestore|cosmos|parameter store|auth0|okta|cognito|entra|azure ad|\bs3\b|blob storage|cloud storage|\bsqs\b|\bsns\b|eventbridge|pub\/?sub|lambda|cloud functions?|azure functions?|cloud run/;

export function networklessService(element: Element): boolean {
  return NETWORKLESS.test(wordsOf(element));
}

const SENSITIVITY = new WeakMap<ElementFacts, Classification | undefined>();

/**
 * The most sensitive data an element holds or handles: its own, what its flows carry, and what the stores it
 * reads and writes hold (a service writing to a PII database handles PII, stated on the flow or not).
 */
export function sensitivityOf(facts: ElementFacts): Classification | undefined {
  if (SENSITIVITY.has(facts)) return SENSITIVITY.get(facts);
  const found = maxClassification(
    [facts.sensitivity, ...facts.incoming.map((f) => f.sensitivity), ...facts.outgoing.map((f) => f.sensitivity)].filter((c): c is Classification => c !== undefined),
  );
  SENSITIVITY.set(facts, found);
  return found;
}

/** Holds or handles PII, credentials or payment data. */
export function sensitive(facts: ElementFacts): boolean {
  return isSensitive(sensitivityOf(facts));
}

/** Holds or handles confidential data or more. */
export function confidential(facts: ElementFacts): boolean {
  const level = sensitivityOf(facts);
  return level !== undefined && CLASSIFICATION_RANK[level] >= CLASSIFICATION_RANK.confidential;
}

const CONTAINER_WORDS = /\bdocker(?!\s*hub)|\bcontaineri[sz]ed|\bcontainers?\b(?! registry)|\becs\b|fargate|cloud run|openshift|\bpods?\b|kubernetes|\bk8s\b|\beks\b|\bgke\b|\baks\b|helm/;

/**
 * Runs in a container, as said of itself or of its runtime (Docker, Kubernetes, ECS). A cluster drawn around it is
 * not enough: it is the platform (TM-INFRA-001), and every workload in it would repeat the same threat.
 */
export function containerised(facts: ElementFacts): boolean {
  // A Kubernetes Ingress or Service is routing configuration, not a container: it has no image of its own.
  if (/\bkubernetes (?:ingress|service)\b/i.test(facts.element.technology ?? '')) return false;
  return facts.tags.has('kubernetes') || CONTAINER_WORDS.test(`${wordsOf(facts.element)} ${facts.element.runtime?.toLowerCase() ?? ''}`);
}

/** Elements that run together: one shared runtime, named on the elements or drawn as a process/cluster boundary. */
export interface RuntimeGroup {
  /** The runtime's name as the design gives it. */
  name: string;
  /** Set when the runtime is a boundary. */
  boundary?: Boundary;
  /** Set when the runtime is itself an element (a container platform the members name as their runtime). */
  platform?: ElementFacts;
  members: ElementFacts[];
}

interface DesignFacts {
  all: ElementFacts[];
  runtimes: RuntimeGroup[];
  runtimeOf: Map<string, RuntimeGroup>;
  hostedBy: Map<ElementFacts, RuntimeGroup>;
}

const DESIGNS = new WeakMap<Architecture, DesignFacts>();

function designFacts(model: ModelView): DesignFacts {
  const arch = model.architecture();
  let found = DESIGNS.get(arch);
  if (!found) DESIGNS.set(arch, (found = buildDesignFacts(model, arch)));
  return found;
}

function buildDesignFacts(model: ModelView, arch: Architecture): DesignFacts {
  const all = arch.elements.flatMap((e) => {
    const f = model.element(e.id);
    return f && f.element === e ? [f] : [];
  });
  const byName = new Map<string, ElementFacts>();
  for (const f of all) {
    byName.set(f.element.id.toLowerCase(), f);
    byName.set(f.element.name.toLowerCase(), f);
  }
  const groups = new Map<string, RuntimeGroup>();
  for (const f of all) {
    if (!isOurs(f.element)) continue;
    const runtime = f.element.runtime?.trim();
    if (runtime) {
      const key = `r:${runtime.toLowerCase()}`;
      let group = groups.get(key);
      if (!group) {
        const platform = byName.get(runtime.toLowerCase());
        groups.set(key, (group = { name: runtime, members: [], ...(platform ? { platform } : {}) }));
      }
      if (group.platform !== f) group.members.push(f);
      continue;
    }
    // The innermost process or cluster boundary is the runtime its members share.
    const boundary = f.boundaries.find((b) => b.type === 'process' || b.type === 'cluster');
    if (!boundary) continue;
    const key = `b:${boundary.id}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name: boundary.name, boundary, members: [] }));
    group.members.push(f);
  }
  const runtimes = [...groups.values()].filter((g) => g.members.length > 0);
  const runtimeOf = new Map<string, RuntimeGroup>();
  const hostedBy = new Map<ElementFacts, RuntimeGroup>();
  for (const g of runtimes) {
    for (const m of g.members) runtimeOf.set(m.element.id, g);
    if (g.platform && !hostedBy.has(g.platform)) hostedBy.set(g.platform, g);
  }
  return { all, runtimes, runtimeOf, hostedBy };
}

/** Every element, in model order. */
export function allElements(model: ModelView): readonly ElementFacts[] {
  return designFacts(model).all;
}

/** The shared runtime an element runs on, if the design names one. */
export function runtimeOf(ctx: ElementContext): RuntimeGroup | undefined {
  return designFacts(ctx.model).runtimeOf.get(ctx.element.id);
}

/** The shared runtime of which this element is the platform (a container platform the others run on). */
export function runtimeHostedBy(ctx: ElementContext): RuntimeGroup | undefined {
  return designFacts(ctx.model).hostedBy.get(ctx.facts);
}

/** The innermost trust boundary that is not a runtime (process boundary): the zone an element sits in. */
export function zoneOf(facts: ElementFacts): Boundary | undefined {
  return facts.boundaries.find((b) => b.type !== 'process');
}

/** The network segment an element sits in: its innermost `network-zone` boundary (a system or account boundary is not one). */
export function networkZoneOf(facts: ElementFacts): Boundary | undefined {
  return facts.boundaries.find((b) => b.type === 'network-zone');
}

const MEMOS = new WeakMap<Architecture, Map<string, unknown>>();

/**
 * A fact about the whole design, computed once per design and key: rules ask it for each element (and again in
 * titles and descriptions), and a design can have 100,000 elements.
 */
export function perDesign<T>(model: ModelView, key: string, compute: () => T): T {
  const arch = model.architecture();
  let memo = MEMOS.get(arch);
  if (!memo) MEMOS.set(arch, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

const SERVICE_KINDS = new Set(['process', 'web-app', 'gateway', 'function']);

/**
 * The internet-facing services (processes, web apps, gateways, functions) in the element's own network segment
 * (same innermost network zone; none at all counts as one segment), found once per segment.
 */
export function exposedZoneMates(ctx: ElementContext): ElementFacts[] {
  const zones = perDesign(ctx.model, 'exposed-by-zone', () => {
    const groups = new Map<string | undefined, ElementFacts[]>();
    for (const f of allElements(ctx.model)) {
      if (!isOurs(f.element) || !f.internetFacing || !SERVICE_KINDS.has(f.element.kind)) continue;
      const zone = networkZoneOf(f)?.id;
      const group = groups.get(zone);
      if (group) group.push(f);
      else groups.set(zone, [f]);
    }
    return groups;
  });
  const mates = zones.get(networkZoneOf(ctx.facts)?.id) ?? [];
  return SERVICE_KINDS.has(ctx.element.kind) && ctx.facts.internetFacing ? mates.filter((f) => f !== ctx.facts) : mates;
}

/** Whether the design draws any trust boundary at all. */
export function hasBoundaries(model: ModelView): boolean {
  return model.architecture().boundaries.length > 0;
}
