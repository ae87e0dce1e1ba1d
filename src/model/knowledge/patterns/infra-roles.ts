// What the infrastructure, supply-chain and design rules need to know about elements and the design as a whole:
// the roles of build infrastructure, what runs in containers, which elements share a runtime or a cloud account,
// and how much an input can be expected to state. Per-design answers are found once per design.

import type { Architecture, Boundary, Classification, Element } from '../../schema/architecture.js';
import type { ElementContext, ElementFacts, ModelView } from '../types.js';
import { CLASSIFICATION_RANK, isSensitive, maxClassification } from '../vocabulary.js';

/** Lower-cased name, technology and description. */
export function textOf(element: Element): string {
  return `${element.name} ${element.technology ?? ''} ${element.description ?? ''}`.toLowerCase();
}

const OUTSIDE = new Set(['actor', 'external-system']);

/** Ours: not a person and not a third party's system. */
export function isOurs(element: Element): boolean {
  return !OUTSIDE.has(element.kind);
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
  return NETWORKLESS.test(textOf(element));
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
  return facts.tags.has('kubernetes') || CONTAINER_WORDS.test(`${textOf(facts.element)} ${facts.element.runtime?.toLowerCase() ?? ''}`);
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
  for (const g of runtimes) for (const m of g.members) runtimeOf.set(m.element.id, g);
  return { all, runtimes, runtimeOf };
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
  return designFacts(ctx.model).runtimes.find((g) => g.platform === ctx.facts);
}

/** The innermost trust boundary that is not a runtime (process boundary): the zone an element sits in. */
export function zoneOf(facts: ElementFacts): Boundary | undefined {
  return facts.boundaries.find((b) => b.type !== 'process');
}

/** The network segment an element sits in: its innermost `network-zone` boundary (a system or account boundary is not one). */
export function networkZoneOf(facts: ElementFacts): Boundary | undefined {
  return facts.boundaries.find((b) => b.type === 'network-zone');
}

/** Members of the element's own network segment (same innermost network zone; none at all counts as one segment). */
export function zoneMates(ctx: ElementContext): ElementFacts[] {
  const zone = networkZoneOf(ctx.facts)?.id;
  return allElements(ctx.model).filter((f) => f !== ctx.facts && isOurs(f.element) && networkZoneOf(f)?.id === zone);
}

/** Whether the design draws any trust boundary at all. */
export function hasBoundaries(model: ModelView): boolean {
  return model.architecture().boundaries.length > 0;
}
