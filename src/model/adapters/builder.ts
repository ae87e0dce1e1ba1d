// Collects what an adapter reads (keyed by the adapter's own aliases) and turns it into one validated
// Architecture. Ids are assigned at the end, from names, so every input format yields the same ids.

import {
  ArchitectureSchema,
  type Architecture,
  type BoundaryType,
  type Classification,
  type ElementKind,
  type ElementProps,
} from '../schema/architecture.js';
import { slugify } from './vocabulary.js';

export interface AdapterNote {
  level: 'info' | 'warning';
  message: string;
  line?: number;
}

export interface ElementDraft {
  name: string;
  kind: ElementKind;
  id?: string;
  technology?: string;
  description?: string;
  /** Key of the innermost boundary draft. */
  boundaryKey?: string;
  props: ElementProps;
  data: string[];
  line?: number;
  inferredFrom?: string;
}

export interface BoundaryDraft {
  name: string;
  type: BoundaryType;
  id?: string;
  parentKey?: string;
  line?: number;
}

export interface FlowDraft {
  sourceKey: string;
  targetKey: string;
  id?: string;
  label?: string;
  protocol?: string;
  port?: number;
  encrypted?: boolean;
  authenticated?: boolean;
  data: string[];
  bidirectional?: boolean;
  line?: number;
  inferredFrom?: string;
}

export interface AssetDraft {
  id: string;
  name: string;
  classification: Classification;
  description?: string;
  line?: number;
}

export interface BuildOptions {
  /** Infer `internetFacing` on elements that actors call directly (diagrams and prose; not explicit models). */
  inferInternetFacing?: boolean;
}

export class ModelBuilder {
  readonly notes: AdapterNote[] = [];
  readonly elements = new Map<string, ElementDraft>();
  readonly boundaries = new Map<string, BoundaryDraft>();
  readonly flows: FlowDraft[] = [];
  readonly assets = new Map<string, AssetDraft>();
  name?: string;
  description?: string;

  constructor(
    readonly format: string,
    readonly file?: string,
  ) {}

  note(level: AdapterNote['level'], message: string, line?: number): void {
    this.notes.push(line === undefined ? { level, message } : { level, message, line });
  }

  addElement(key: string, draft: Omit<ElementDraft, 'props' | 'data'> & Partial<Pick<ElementDraft, 'props' | 'data'>>): ElementDraft {
    const existing = this.elements.get(key);
    if (existing) return existing;
    const full: ElementDraft = { ...draft, props: draft.props ?? {}, data: draft.data ?? [] };
    this.elements.set(key, full);
    return full;
  }

  addBoundary(key: string, draft: BoundaryDraft): BoundaryDraft {
    const existing = this.boundaries.get(key);
    if (existing) return existing;
    this.boundaries.set(key, draft);
    return draft;
  }

  addFlow(draft: Omit<FlowDraft, 'data'> & { data?: string[] }): FlowDraft {
    const full: FlowDraft = { ...draft, data: draft.data ?? [] };
    this.flows.push(full);
    return full;
  }

  addAsset(asset: AssetDraft): string {
    if (!this.assets.has(asset.id)) this.assets.set(asset.id, asset);
    return asset.id;
  }

  /** Assigns ids, resolves keys, applies shared inferences and validates with the schema. */
  build(options: BuildOptions = {}): Architecture {
    if (options.inferInternetFacing) this.inferInternetFacing();
    const elementIds = allocateIds([...this.elements.entries()].map(([key, e]) => [key, e.id ?? slugify(e.name)]), new Set());
    const boundaryIds = allocateIds(
      [...this.boundaries.entries()].map(([key, b]) => [key, b.id ?? slugify(b.name)]),
      new Set(elementIds.values()),
      '-zone',
    );
    const location = (line?: number) => (line === undefined ? undefined : this.file ? { file: this.file, line } : { line });
    const elements = [...this.elements.entries()].map(([key, e]) =>
      strip({
        id: elementIds.get(key)!,
        name: e.name.trim() || 'Unnamed element',
        kind: e.kind,
        technology: e.technology,
        description: e.description,
        boundary: e.boundaryKey === undefined ? undefined : boundaryIds.get(e.boundaryKey),
        props: e.props,
        data: unique(e.data),
        location: location(e.line),
        inferredFrom: e.inferredFrom,
      }),
    );
    const boundaries = [...this.boundaries.entries()].map(([key, b]) =>
      strip({
        id: boundaryIds.get(key)!,
        name: b.name.trim() || 'Unnamed boundary',
        type: b.type,
        parent: b.parentKey === undefined ? undefined : boundaryIds.get(b.parentKey),
        location: location(b.line),
      }),
    );
    const flowIds = allocateIds(
      this.flows.map((f, i) => [String(i), f.id ?? `${elementIds.get(f.sourceKey)}-to-${elementIds.get(f.targetKey)}`]),
      new Set(),
    );
    const flows = this.flows
      .map((f, i) => ({ f, id: flowIds.get(String(i))!, source: elementIds.get(f.sourceKey), target: elementIds.get(f.targetKey) }))
      .filter(({ f, source, target }) => {
        if (source && target) return true;
        this.note('warning', `flow ${f.sourceKey} → ${f.targetKey} refers to an unknown element; dropped`, f.line);
        return false;
      })
      .map(({ f, id, source, target }) =>
        strip({
          id,
          source: source!,
          target: target!,
          label: f.label,
          protocol: f.protocol,
          port: f.port,
          encrypted: f.encrypted,
          authenticated: f.authenticated,
          data: unique(f.data),
          bidirectional: f.bidirectional,
          location: location(f.line),
          inferredFrom: f.inferredFrom,
        }),
      );
    const dataAssets = [...this.assets.values()].map((a) =>
      strip({ id: a.id, name: a.name.trim() || a.id, classification: a.classification, description: a.description, location: location(a.line) }),
    );
    const origin = this.file ? { format: this.format, file: this.file } : { format: this.format };
    return ArchitectureSchema.parse(
      strip({ version: 1, name: this.name ?? 'Untitled system', description: this.description, elements, flows, boundaries, dataAssets, origin }),
    );
  }

  /** An element an actor talks to directly is reachable from outside: say so unless the source already did. */
  private inferInternetFacing(): void {
    for (const f of this.flows) {
      const source = this.elements.get(f.sourceKey);
      const target = this.elements.get(f.targetKey);
      if (!source || !target) continue;
      const pairs: Array<[ElementDraft, ElementDraft]> = [[source, target]];
      if (f.bidirectional) pairs.push([target, source]);
      for (const [from, to] of pairs) {
        if (from.kind !== 'actor' || to.kind === 'actor' || to.props.internetFacing !== undefined) continue;
        to.props.internetFacing = true;
        this.note('info', `"${to.name}" is taken as internet-facing because ${from.name} calls it directly`, to.line);
      }
    }
  }
}

/** Unique ids in order: the first keeps the base, later ones get -2, -3 …; `taken` ids get `suffix` first. */
function allocateIds(entries: Array<[string, string]>, taken: Set<string>, suffix = ''): Map<string, string> {
  const used = new Set<string>();
  const result = new Map<string, string>();
  for (const [key, base] of entries) {
    let candidate = taken.has(base) && suffix ? base + suffix : base;
    for (let n = 2; used.has(candidate) || taken.has(candidate); n++) candidate = `${base}${suffix}-${n}`;
    used.add(candidate);
    result.set(key, candidate);
  }
  return result;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Drops undefined fields so the model stays minimal and comparable. */
export function strip<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}
