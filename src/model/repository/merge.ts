// Joins the fragments of every source into one model. Fragments come in order of trust: what the
// repository's configuration and code show first, designs last. A later element joins an earlier one with
// the same id, the same normalised name, or a name equal to one of its aliases (a build folder); the earlier
// facts win, the later fill what they leave open (a description, a kind the configuration could not tell, a
// property it does not state), except what a later fragment `decides` (application code on authentication,
// CORS, rate limits, TLS), which overwrites. Flows between the same two elements are one flow.

import type { Boundary, DataAsset, Element, Evidence, Flow } from '../schema/architecture.js';
import type { ModelFragment } from './types.js';

export interface MergedModel {
  name?: string;
  elements: Element[];
  flows: Flow[];
  boundaries: Boundary[];
  dataAssets: DataAsset[];
}

/** "Order API", "order-api", "orderApi" → "orderapi". */
export function normalisedName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function mergeFragments(fragments: readonly ModelFragment[]): MergedModel {
  const elements = new Map<string, Element>();
  const byName = new Map<string, string>();
  /** Aliases alone (a build folder, a function's code folder): also matched by an incoming element's id. */
  const byAlias = new Map<string, string>();
  const boundaries = new Map<string, Boundary>();
  const boundaryByName = new Map<string, string>();
  const flows = new Map<string, Flow>();
  const flowIds = new Set<string>();
  const dataAssets = new Map<string, DataAsset>();
  const evidenceKeys: EvidenceKeys = new Map();
  let name: string | undefined;

  for (const fragment of fragments) {
    name ??= fragment.name;
    const boundaryIds = new Map<string, string>();
    for (const b of fragment.boundaries) {
      const same = boundaries.get(b.id) ?? boundaries.get(boundaryByName.get(normalisedName(b.name)) ?? '');
      if (same && normalisedName(same.name) === normalisedName(b.name)) {
        boundaryIds.set(b.id, same.id);
        continue;
      }
      const id = unique(b.id, boundaries);
      boundaryIds.set(b.id, id);
      boundaries.set(id, { ...b, id });
      byNameOnce(boundaryByName, normalisedName(b.name), id);
    }
    for (const b of fragment.boundaries) {
      const merged = boundaries.get(boundaryIds.get(b.id)!)!;
      if (b.parent && merged.parent === b.parent) merged.parent = boundaryIds.get(b.parent) ?? b.parent;
    }

    const ids = new Map<string, string>();
    for (const e of fragment.elements) {
      const incoming = e.boundary ? { ...e, boundary: boundaryIds.get(e.boundary) ?? e.boundary } : e;
      const found = elements.get(e.id) ?? elements.get(byName.get(normalisedName(e.name)) ?? '') ?? elements.get(byAlias.get(normalisedName(e.id)) ?? '');
      // People are never the same thing as a service, whatever the names say (a users service called `user`).
      const match = found && (found.kind === 'actor') === (e.kind === 'actor') ? found : undefined;
      if (match) {
        joinElement(match, incoming, fragment.decides?.props ?? [], evidenceKeys, fragment.decides?.technology === true);
        ids.set(e.id, match.id);
        continue;
      }
      const id = unique(e.id, elements);
      ids.set(e.id, id);
      elements.set(id, { ...incoming, id, props: { ...incoming.props }, data: [...incoming.data] });
      byNameOnce(byName, normalisedName(e.name), id);
      byNameOnce(byName, normalisedName(e.id), id);
      for (const alias of fragment.aliases.get(e.id) ?? []) {
        byNameOnce(byName, normalisedName(alias), id);
        byNameOnce(byAlias, normalisedName(alias), id);
      }
    }

    for (const f of fragment.flows) {
      const source = ids.get(f.source) ?? f.source;
      const target = ids.get(f.target) ?? f.target;
      const key = `${source}->${target}`;
      const same = flows.get(key);
      if (same) {
        joinFlow(same, f, fragment.decides?.flowFields ?? [], evidenceKeys);
        continue;
      }
      const id = flowIds.has(f.id) ? `${key}#${flows.size}` : f.id;
      flowIds.add(id);
      flows.set(key, { ...f, id, source, target, data: [...f.data] });
    }
    for (const d of fragment.dataAssets) if (!dataAssets.has(d.id)) dataAssets.set(d.id, d);
  }
  return { ...(name ? { name } : {}), elements: [...elements.values()], flows: [...flows.values()], boundaries: [...boundaries.values()], dataAssets: [...dataAssets.values()] };
}

/**
 * The same manifest copied into several deploy folders states the same fact at the same line once per copy: keep one.
 * An element joined many times keeps the evidence it was last given, so each join reads only what it adds.
 */
function withoutRepeats(into: readonly Evidence[], from: readonly Evidence[], keys: EvidenceKeys): Evidence[] {
  const kept = keys.get(into);
  // A list grown since it was returned is read again.
  const known = kept && kept.size === into.length ? kept : undefined;
  const seen = known ?? new EvidenceSet();
  const out: Evidence[] = known ? [...into] : [];
  if (!known) for (const e of into) if (seen.add(e)) out.push(e);
  for (const e of from) if (seen.add(e)) out.push(e);
  keys.set(out, seen);
  return out;
}

/** Evidence by file and line, then what it says and decides: no key is built for each of 100,000s of lines. */
class EvidenceSet {
  private readonly byFile = new Map<string, Map<number, Evidence[]>>();
  size = 0;

  /** Adds `e` unless the same fact at the same line is here; whether it was added. */
  add(e: Evidence): boolean {
    let byLine = this.byFile.get(e.file);
    if (!byLine) this.byFile.set(e.file, (byLine = new Map()));
    const same = byLine.get(e.line);
    if (same?.some((o) => o.says === e.says && o.prop === e.prop && o.value === e.value)) return false;
    if (same) same.push(e);
    else byLine.set(e.line, [e]);
    this.size++;
    return true;
  }
}

/** The evidence of each list `withoutRepeats` returned, for one merge. */
type EvidenceKeys = Map<readonly Evidence[], EvidenceSet>;

function byNameOnce(index: Map<string, string>, key: string, id: string): void {
  if (key && !index.has(key)) index.set(key, id);
}

function unique<T>(id: string, taken: ReadonlyMap<string, T>): string {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n += 1;
  return `${id}-${n}`;
}

/** The earlier (evidenced) element keeps its facts; the later fills the gaps. */
function joinElement(into: Element, from: Element, decides: readonly (keyof Element['props'])[], keys: EvidenceKeys, decidesTechnology = false): void {
  // A generic kind ("a compose service") gives way to what the design says it is, unless the design calls
  // something that runs in the repository a third party or a person.
  if (into.kind === 'process' && from.kind !== 'process' && from.kind !== 'actor' && from.kind !== 'external-system' && !into.technology) into.kind = from.kind;
  // Code that names its framework (`Python (Flask)`) says what a service is built with better than an image
  // name does; a generic `Node.js` does not, and a function keeps its platform.
  if (decidesTechnology && from.technology && /\(.+\)/.test(from.technology) && into.kind !== 'function') into.technology = from.technology;
  else into.technology ??= from.technology;
  into.description ??= from.description;
  into.boundary ??= from.boundary;
  into.runtime ??= from.runtime;
  if (from.dataFormats) into.dataFormats = [...new Set([...(into.dataFormats ?? []), ...from.dataFormats])];
  for (const [prop, value] of Object.entries(from.props) as [keyof Element['props'], boolean][]) if (into.props[prop] === undefined || decides.includes(prop)) into.props[prop] = value;
  into.data = [...new Set([...into.data, ...from.data])];
  if (from.evidence?.length) into.evidence = withoutRepeats(into.evidence ?? [], from.evidence, keys);
  if (from.name !== into.name && from.inferredFrom === undefined) into.inferredFrom = `${into.inferredFrom ? `${into.inferredFrom}; ` : ''}joined with "${from.name}" of the design`;
}

function joinFlow(into: Flow, from: Flow, decides: readonly ('encrypted' | 'authenticated' | 'label')[], keys: EvidenceKeys): void {
  into.label = decides.includes('label') && from.label !== undefined ? from.label : (into.label ?? from.label);
  into.protocol ??= from.protocol;
  into.port ??= from.port;
  into.encrypted = decides.includes('encrypted') && from.encrypted !== undefined ? from.encrypted : (into.encrypted ?? from.encrypted);
  into.authenticated = decides.includes('authenticated') && from.authenticated !== undefined ? from.authenticated : (into.authenticated ?? from.authenticated);
  into.authorization ??= from.authorization;
  into.usage ??= from.usage;
  into.bidirectional ??= from.bidirectional;
  into.data = [...new Set([...into.data, ...from.data])];
  if (from.evidence?.length) into.evidence = withoutRepeats(into.evidence ?? [], from.evidence, keys);
}
