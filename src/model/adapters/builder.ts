// Collects what an adapter reads (keyed by the adapter's own aliases) and turns it into one validated
// Architecture. Ids are assigned at the end, from names, so every input format yields the same ids.

import {
  BoundarySchema,
  DATA_HOLDING_KINDS,
  DataAssetSchema,
  ElementSchema,
  FlowSchema,
  type Architecture,
} from '../schema/architecture.js';
import { boundaryDepths, deepestBoundary } from '../schema/nesting.js';
import { allocateIds } from './build-ids.js';
import { validateItem, type ValidationNote } from './build-validate.js';
import type { AdapterNote, AssetDraft, BoundaryDraft, BuildOptions, ElementDraft, FlowDraft } from './build-drafts.js';
import { exact, MAX_BOUNDARIES, MAX_BOUNDARY_DEPTH, MAX_ELEMENTS, MAX_FLOWS, MAX_NOTES } from './limits.js';
import { inferClientApps, inferExternalSystems } from './build-roles.js';
import { inferStatedControls } from './build-stated.js';
import { resolveImportedThreats, type ImportedThreatDraft } from './imported-threats.js';
import type { ImportedThreat } from '../schema/imported-threat.js';
import { dataAssetsIn, slugify } from './vocabulary.js';

export type { AdapterNote, AssetDraft, BoundaryDraft, BuildOptions, ElementDraft, FlowDraft } from './build-drafts.js';

export class ModelBuilder {
  readonly notes: AdapterNote[] = [];
  readonly elements = new Map<string, ElementDraft>();
  readonly boundaries = new Map<string, BoundaryDraft>();
  readonly flows: FlowDraft[] = [];
  readonly assets = new Map<string, AssetDraft>();
  /** Threats the file already holds, tied to the model's ids by `importedThreats()` once it is built. */
  readonly threatDrafts: ImportedThreatDraft[] = [];
  /** The ids the last build gave each element key and flow draft. */
  private builtIds?: { elements: Map<string, string>; flows: Map<FlowDraft, string>; model: Architecture };
  name?: string;
  description?: string;
  /** Past the caps, only counts are kept: the input is refused, but the message says how big it was. */
  private readonly overflow = { elements: new Set<string>(), boundaries: new Set<string>(), flows: 0 };
  private readonly unlisted = { info: 0, warning: 0 };

  /**
   * Lines in the input, when known: a location outside 1..lineCount (a reader's slip, or a line number the
   * input itself claims, as Threat Dragon's `data.bulwark.line` does) is dropped, never shown.
   */
  lineCount?: number;

  constructor(
    readonly format: string,
    readonly file?: string,
  ) {}

  /** `line` when it is a line of the input, else undefined. */
  lineInInput(line: number | undefined): number | undefined {
    if (line === undefined || !Number.isInteger(line) || line < 1) return undefined;
    return this.lineCount === undefined || line <= this.lineCount ? line : undefined;
  }

  note(level: AdapterNote['level'], message: string, rawLine?: number): void {
    if (level !== 'error' && this.notes.length >= MAX_NOTES) {
      this.unlisted[level]++;
      return;
    }
    const line = this.lineInInput(rawLine);
    this.notes.push(line === undefined ? { level, message } : { level, message, line });
  }

  /** True once a reader or a limit refused the input. */
  get refused(): boolean {
    return this.notes.some((n) => n.level === 'error');
  }

  addElement(key: string, draft: Omit<ElementDraft, 'props' | 'data'> & Partial<Pick<ElementDraft, 'props' | 'data'>>): ElementDraft {
    const existing = this.elements.get(key);
    if (existing) return existing;
    const full: ElementDraft = { ...draft, props: draft.props ?? {}, data: draft.data ?? [] };
    if (this.elements.size >= MAX_ELEMENTS) this.overflow.elements.add(key);
    else this.elements.set(key, full);
    return full;
  }

  addBoundary(key: string, draft: BoundaryDraft): BoundaryDraft {
    const existing = this.boundaries.get(key);
    if (existing) return existing;
    if (this.boundaries.size >= MAX_BOUNDARIES) this.overflow.boundaries.add(key);
    else this.boundaries.set(key, draft);
    return draft;
  }

  addFlow(draft: Omit<FlowDraft, 'data'> & { data?: string[] }): FlowDraft {
    const full: FlowDraft = { ...draft, data: draft.data ?? [] };
    if (this.flows.length >= MAX_FLOWS) this.overflow.flows++;
    else this.flows.push(full);
    return full;
  }

  /**
   * What a store holds, read from its name and description when nothing states it ("Redis<br/>sessions",
   * "Health records DB - PHI"): the data its flows then carry, and what its threats are about.
   */
  private inferHeldData(): void {
    for (const e of this.elements.values()) {
      if (e.data.length || !DATA_HOLDING_KINDS.has(e.kind)) continue;
      for (const a of dataAssetsIn(`${e.name}\n${e.description ?? ''}`)) e.data.push(this.addAsset({ id: a.id, name: a.name, classification: a.classification }));
    }
  }


  addAsset(asset: AssetDraft): string {
    if (!this.assets.has(asset.id)) this.assets.set(asset.id, asset);
    return asset.id;
  }

  /**
   * Assigns ids, resolves keys, applies shared inferences and validates each item with the schema. An input
   * over a limit, or one a reader refused, gives an empty model and an error note.
   */
  build(options: BuildOptions = {}): Architecture {
    this.checkLimits();
    this.summariseUnlistedNotes();
    if (this.refused) return this.emptyModel();
    if (options.inferExternalSystems) {
      inferExternalSystems(this.elements, this.flows, this.boundaries.size > 0);
      inferClientApps(this.elements, this.flows);
    }
    if (options.inferInternetFacing) this.inferInternetFacing();
    this.inferHeldData();
    inferStatedControls(this.elements, this.flows);
    const issues: ValidationNote[] = [];
    const elementIds = allocateIds(mapEntries(this.elements, (e) => e.id ?? slugify(e.name)), new Set());
    const boundaryIds = allocateIds(mapEntries(this.boundaries, (b) => b.id ?? slugify(b.name)), new Set(elementIds.values()), '-zone');
    const location = (raw?: number) => {
      const line = this.lineInInput(raw);
      return line === undefined ? undefined : this.file ? { file: this.file, line } : { line };
    };
    const elements = [];
    for (const [key, e] of this.elements) {
      const item = strip({
        id: elementIds.get(key)!,
        name: e.name.trim() || 'Unnamed element',
        kind: e.kind,
        technology: e.technology,
        description: e.description,
        boundary: e.boundaryKey === undefined ? undefined : boundaryIds.get(e.boundaryKey),
        props: e.props,
        data: unique(e.data),
        dataFormats: e.dataFormats?.length ? unique(e.dataFormats) : undefined,
        runtime: e.runtime,
        location: location(e.line),
        inferredFrom: e.inferredFrom,
      });
      const valid = validateItem(ElementSchema, 'element', item, e.line, issues);
      if (valid) elements.push(valid);
    }
    const boundaries = [];
    for (const [key, b] of this.boundaries) {
      const item = strip({
        id: boundaryIds.get(key)!,
        name: b.name.trim() || 'Unnamed boundary',
        type: b.type,
        parent: b.parentKey === undefined ? undefined : boundaryIds.get(b.parentKey),
        location: location(b.line),
      });
      const valid = validateItem(BoundarySchema, 'boundary', item, b.line, issues);
      if (valid) boundaries.push(valid);
    }
    const flowIds = allocateIds(
      this.flows.map((f, i) => [String(i), f.id ?? `${elementIds.get(f.sourceKey)}-to-${elementIds.get(f.targetKey)}`] as const),
      new Set(),
    );
    const flows = [];
    const builtFlows = new Map<FlowDraft, string>();
    for (const [i, f] of this.flows.entries()) {
      const source = elementIds.get(f.sourceKey);
      const target = elementIds.get(f.targetKey);
      if (!source || !target) {
        this.note('warning', `flow ${f.sourceKey} → ${f.targetKey} refers to an unknown element; dropped`, f.line);
        continue;
      }
      const item = strip({
        id: flowIds.get(String(i))!,
        source,
        target,
        label: f.label,
        protocol: f.protocol,
        port: f.port,
        encrypted: f.encrypted,
        authenticated: f.authenticated,
        data: unique(f.data),
        bidirectional: f.bidirectional,
        authorization: f.authorization,
        usage: f.usage,
        location: location(f.line),
        inferredFrom: f.inferredFrom,
      });
      const valid = validateItem(FlowSchema, 'flow', item, f.line, issues);
      if (valid) {
        flows.push(valid);
        if (this.threatDrafts.length) builtFlows.set(f, valid.id);
      }
    }
    const dataAssets = [];
    for (const a of this.assets.values()) {
      const item = strip({ id: a.id, name: a.name.trim() || a.id, classification: a.classification, description: a.description, location: location(a.line) });
      const valid = validateItem(DataAssetSchema, 'data asset', item, a.line, issues);
      if (valid) dataAssets.push(valid);
    }
    for (const issue of issues) this.note('warning', issue.message, issue.line);
    const model = strip({ version: 1 as const, name: this.name ?? 'Untitled system', description: this.description, elements, flows, boundaries, dataAssets, origin: this.origin() });
    if (this.threatDrafts.length) this.builtIds = { elements: elementIds, flows: builtFlows, model };
    return model;
  }

  /** The threats the file holds, about the elements and flows of the model last built (none before a build, or when refused). */
  importedThreats(): ImportedThreat[] {
    if (!this.builtIds || this.refused) return [];
    const { elements, flows, model } = this.builtIds;
    return resolveImportedThreats(this.threatDrafts, elements, flows, model, (message) => this.note('warning', message));
  }

  private origin(): NonNullable<Architecture['origin']> {
    return this.file ? { format: this.format, file: this.file } : { format: this.format };
  }

  private emptyModel(): Architecture {
    return { version: 1, name: this.name ?? 'Untitled system', elements: [], flows: [], boundaries: [], dataAssets: [], origin: this.origin() };
  }

  /** Refuses a design over a size or nesting limit, naming the limit and the actual value. */
  private checkLimits(): void {
    const over = (what: string, count: number, limit: number) => this.note('error', `the design has ${exact(count)} ${what}, over the limit of ${exact(limit)}`);
    if (this.overflow.elements.size > 0) over('elements', this.elements.size + this.overflow.elements.size, MAX_ELEMENTS);
    if (this.overflow.flows > 0) over('data flows', this.flows.length + this.overflow.flows, MAX_FLOWS);
    if (this.overflow.boundaries.size > 0) over('trust boundaries', this.boundaries.size + this.overflow.boundaries.size, MAX_BOUNDARIES);
    if (this.refused) return;
    const deepest = deepestBoundary(
      boundaryDepths(
        this.boundaries.keys(),
        (key) => this.boundaries.get(key)!.parentKey,
        (key) => this.boundaries.has(key),
      ),
    );
    if (deepest && deepest.depth > MAX_BOUNDARY_DEPTH) {
      const b = this.boundaries.get(deepest.key)!;
      this.note('error', `trust boundaries nest ${exact(deepest.depth)} deep (down to "${b.name.slice(0, 60)}"), over the limit of ${exact(MAX_BOUNDARY_DEPTH)}`, b.line);
    }
  }

  private summariseUnlistedNotes(): void {
    const { info, warning } = this.unlisted;
    if (warning + info === 0) return;
    const parts = [warning ? `${exact(warning)} warning${warning === 1 ? '' : 's'}` : '', info ? `${exact(info)} note${info === 1 ? '' : 's'}` : ''].filter(Boolean);
    this.notes.push({ level: warning ? 'warning' : 'info', message: `${parts.join(' and ')} more not listed (only the first ${exact(MAX_NOTES)} are kept)` });
    this.unlisted.info = this.unlisted.warning = 0;
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

function* mapEntries<T>(map: ReadonlyMap<string, T>, base: (value: T) => string): Iterable<readonly [string, string]> {
  for (const [key, value] of map) yield [key, base(value)];
}

function unique<T>(items: T[]): T[] {
  // Most items carry no data or one asset: no set for those (a large model has hundreds of thousands).
  return items.length < 2 ? items : [...new Set(items)];
}

/** Drops undefined fields so the model stays minimal and comparable. */
export function strip<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  // A for-in over an object literal, not Object.entries: no pair arrays, for the hundreds of thousands of flows a big model has.
  for (const k in obj) {
    const v = obj[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}
