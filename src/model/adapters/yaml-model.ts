// Bulwark's own model as YAML or JSON, in a form friendly to write by hand: ids may be left out (derived
// from names), flows may name their ends, boundaries may list members or nest `children`. The form, its
// field names and aliases are defined in ../input-schema.ts. Line numbers come from the yaml parser so
// findings can point back at the model file.

import { LineCounter, stringify } from 'yaml';
import { BOUNDARY_ALIASES, INPUT_FIELDS, KIND_ALIASES } from '../schema/input.js';
import {
  BOUNDARY_TYPES,
  CLASSIFICATIONS,
  DATA_FORMATS,
  ELEMENT_KINDS,
  FLOW_AUTHORIZATIONS,
  FLOW_USAGES,
  type Architecture,
  type BoundaryType,
  type Classification,
  type ElementKind,
  type ElementProps,
} from '../schema/architecture.js';
import { strip, type BuildOptions, type ModelBuilder } from './builder.js';
import { valueOf, type DocMap, type DocNode } from './doc-nodes.js';
import { modelDocumentRoot } from './model-document-root.js';
import { boundaryTypeFromName, classifyElement, dataAssetsIn, flowHints, matchTechnology, slugify } from './vocabulary.js';

const PROP_KEYS = INPUT_FIELDS.props;
const ELEMENT_KEYS = INPUT_FIELDS.element;
const FLOW_KEYS = INPUT_FIELDS.flow;
const BOUNDARY_KEYS = INPUT_FIELDS.boundary;
const ASSET_KEYS = INPUT_FIELDS.dataAsset;
const TOP_KEYS = INPUT_FIELDS.model;

type Plain = Record<string, unknown>;
interface Entry {
  value: Plain;
  line?: number;
  node: DocNode | null;
}

/**
 * Reads a Bulwark model, YAML or JSON, into the builder; a document that was refused (model-document-root.ts
 * says why in a note) adds nothing.
 */
export function readModelDocument(text: string, builder: ModelBuilder, format: 'yaml' | 'json'): BuildOptions {
  const lineCounter = new LineCounter();
  const contents = modelDocumentRoot(text, builder, lineCounter, format);
  if (contents === null) return {};
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  new ModelDocumentReader(builder, lineAt).read(contents);
  return { inferInternetFacing: true };
}

class ModelDocumentReader {
  private readonly elementRefs = new Map<string, string>();
  private readonly elementIds = new Set<string>();
  private readonly assetRefs = new Map<string, string>();
  private readonly boundaryRefs = new Map<string, string>();
  private readonly pendingParents: Array<{ key: string; ref: string; line?: number }> = [];
  private readonly pendingMembers: Array<{ boundaryKey: string; ref: string; line?: number; depth: number }> = [];
  /** Keys come from these counters, not the builder's sizes, which stop growing past the caps. */
  private elementCount = 0;
  private readonly keyLines = new WeakMap<DocMap, Map<string, number | undefined>>();
  private boundaryCount = 0;

  constructor(
    private readonly builder: ModelBuilder,
    private readonly lineAt: (offset: number | undefined) => number | undefined,
  ) {}

  read(root: DocMap): void {
    const top = topEntry(root);
    this.checkKeys(top, TOP_KEYS, 'model');
    const name = top.value.name ?? top.value.title;
    if (typeof name === 'string') this.builder.name = name;
    if (typeof top.value.description === 'string') this.builder.description = top.value.description;
    for (const a of this.list(root, ['dataAssets', 'assets'])) this.asset(a);
    this.boundaries(this.list(root, ['boundaries']));
    for (const p of this.pendingParents) {
      const parentKey = this.boundaryRefs.get(norm(p.ref));
      const draft = this.builder.boundaries.get(p.key);
      if (parentKey && parentKey !== p.key) {
        if (draft) draft.parentKey = parentKey;
      } else this.builder.note('warning', `parent boundary "${p.ref}" is not a known boundary`, p.line);
    }
    for (const e of this.list(root, ['elements', 'components'])) this.element(e);
    // Deeper boundaries list their members last, so the innermost boundary wins.
    for (const m of this.pendingMembers.sort((a, b) => a.depth - b.depth)) {
      const key = this.elementRefs.get(norm(m.ref));
      const draft = key === undefined ? undefined : this.builder.elements.get(key);
      if (key) {
        if (draft) draft.boundaryKey = m.boundaryKey;
      } else this.builder.note('warning', `boundary member "${m.ref}" is not a known element`, m.line);
    }
    for (const f of this.list(root, ['flows', 'dataflows'])) this.flow(f);
  }

  private list(root: DocMap, keys: string[]): Entry[] {
    for (const key of keys) {
      const node = valueOf(root, key);
      if (node === undefined || node === null) continue;
      if (node.kind === 'seq') return node.items.map((item) => entryOf(item, this.lineAt));
      if (node.kind === 'map') {
        // A map keyed by id: `elements: { api: { name: API } }`
        return node.pairs.map((pair) => {
          const e = entryOf(pair.value, this.lineAt);
          const id = pair.key !== undefined ? String(pair.key) : undefined;
          if (id && e.value.id === undefined) e.value = { id, ...e.value };
          if (e.line === undefined) e.line = this.lineAt(pair.keyStart);
          return e;
        });
      }
      this.builder.note('warning', `"${key}" should be a list`, this.lineAt(node.start));
    }
    return [];
  }

  private checkKeys(e: Entry, allowed: Set<string>, what: string): void {
    for (const key of Object.keys(e.value)) {
      if (!allowed.has(key)) this.builder.note('warning', `unknown ${what} field "${key}" ignored`, this.keyLine(e.node, key) ?? e.line);
    }
  }

  /** Line of `key` in a mapping, or inside its `props`/`properties` mapping. */
  /** Line of a key in an item (or in its `props`), from an index built once per item: a flow written with ten thousand stray keys stays linear. */
  private keyLine(node: DocNode | null, key: string): number | undefined {
    if (node?.kind !== 'map') return undefined;
    let lines = this.keyLines.get(node);
    if (!lines) {
      lines = new Map();
      const index = (map: DocNode | null) => {
        if (map?.kind !== 'map') return;
        for (const pair of map.pairs) {
          const k = pair.key;
          if (k !== undefined && k !== null && typeof k !== 'object' && !lines!.has(String(k))) lines!.set(String(k), this.lineAt(pair.keyStart));
        }
      };
      index(node);
      for (const pair of node.pairs) {
        if ((pair.key === 'props' || pair.key === 'properties') && pair.value) index(pair.value);
      }
      this.keyLines.set(node, lines);
    }
    return lines.get(key);
  }


  private asset(e: Entry): void {
    this.checkKeys(e, ASSET_KEYS, 'data asset');
    const name = str(e.value.name) ?? str(e.value.id);
    if (!name) return this.builder.note('warning', 'data asset without a name skipped', e.line);
    const id = str(e.value.id) ?? slugify(name);
    let classification = str(e.value.classification) as Classification | undefined;
    if (!classification || !(CLASSIFICATIONS as readonly string[]).includes(classification)) {
      if (classification) this.builder.note('warning', `unknown classification "${classification}"; one of ${CLASSIFICATIONS.join(', ')}`, e.line);
      classification = dataAssetsIn(name)[0]?.classification ?? 'internal';
    }
    const description = str(e.value.description);
    this.builder.addAsset(strip({ id, name, classification, description, line: e.line }));
    for (const ref of [id, name, slugify(name)]) this.assetRefs.set(norm(ref), id);
  }

  /** Boundaries and their nested `children`, depth first, with an explicit stack: nesting depth costs no call stack. */
  private boundaries(top: Entry[]): void {
    const stack: Array<{ entry: Entry; parentKey: string | undefined; depth: number }> = top.map((entry) => ({ entry, parentKey: undefined, depth: 0 })).reverse();
    for (let next = stack.pop(); next; next = stack.pop()) {
      const key = this.boundary(next.entry, next.parentKey, next.depth);
      const node = next.entry.node;
      if (key === undefined || node?.kind !== 'map') continue;
      const children = this.list(node, ['children', 'boundaries']);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ entry: children[i]!, parentKey: key, depth: next.depth + 1 });
    }
  }

  /** Adds one boundary; returns its key, or undefined when it was skipped. */
  private boundary(e: Entry, parentKey: string | undefined, depth: number): string | undefined {
    this.checkKeys(e, BOUNDARY_KEYS, 'boundary');
    const name = str(e.value.name) ?? str(e.value.id);
    if (!name) {
      this.builder.note('warning', 'boundary without a name skipped', e.line);
      return undefined;
    }
    const key = `b:${this.boundaryCount++}`;
    const typeText = str(e.value.type);
    let type: BoundaryType | undefined;
    if (typeText) type = (BOUNDARY_TYPES as readonly string[]).includes(typeText) ? (typeText as BoundaryType) : aliasOf(BOUNDARY_ALIASES, typeText);
    if (typeText && !type) this.builder.note('warning', `unknown boundary type "${typeText}"; one of ${BOUNDARY_TYPES.join(', ')}`, e.line);
    type ??= boundaryTypeFromName(name) ?? 'other';
    const explicitParent = str(e.value.parent);
    if (explicitParent && !parentKey) this.pendingParents.push({ key, ref: explicitParent, ...(e.line ? { line: e.line } : {}) });
    const id = str(e.value.id);
    this.builder.addBoundary(key, strip({ name, type, id, parentKey, line: e.line }));
    for (const ref of [id, name, slugify(name)]) if (ref) this.boundaryRefs.set(norm(ref), key);
    for (const member of strings(e.value.elements ?? e.value.members)) this.pendingMembers.push({ boundaryKey: key, ref: member, depth, ...(e.line ? { line: e.line } : {}) });
    return key;
  }

  private element(e: Entry): void {
    this.checkKeys(e, ELEMENT_KEYS, 'element');
    const name = str(e.value.name) ?? str(e.value.id);
    if (!name) return this.builder.note('warning', 'element without a name skipped', e.line);
    const rawTech = str(e.value.technology) ?? str(e.value.tech);
    const technology = rawTech ? (matchTechnology(rawTech)?.technology ?? rawTech) : undefined;
    const kindText = str(e.value.kind) ?? str(e.value.type);
    let kind: ElementKind | undefined;
    if (kindText) kind = (ELEMENT_KINDS as readonly string[]).includes(kindText) ? (kindText as ElementKind) : aliasOf(KIND_ALIASES, kindText);
    if (!kind) {
      const c = classifyElement([name, rawTech].filter(Boolean).join('\n'));
      kind = c.kind;
      this.builder.note(kindText ? 'warning' : 'info', `${kindText ? `unknown kind "${kindText}"` : 'no kind given'} for "${name}"; taken as ${kind}`, e.line);
    }
    const props = this.props(e);
    const boundaryRef = str(e.value.boundary) ?? str(e.value.zone);
    const boundaryKey = boundaryRef ? this.boundaryRefs.get(norm(boundaryRef)) : undefined;
    if (boundaryRef && !boundaryKey) this.builder.note('warning', `element "${name}" is in unknown boundary "${boundaryRef}"`, e.line);
    const id = str(e.value.id);
    const key = `e:${this.elementCount++}`;
    if (id && this.elementIds.has(id)) this.builder.note('warning', `duplicate element id "${id}"`, e.line);
    if (id) this.elementIds.add(id);
    for (const ref of [id, name, slugify(name)]) if (ref && !this.elementRefs.has(norm(ref))) this.elementRefs.set(norm(ref), key);
    this.builder.addElement(key, strip({
      name, kind, id, technology, description: str(e.value.description), boundaryKey, props, data: this.dataRefs(e.value.data, e.line),
      dataFormats: this.oneOf(e, 'dataFormats', DATA_FORMATS, strings(e.value.dataFormats)), runtime: str(e.value.runtime),
      line: e.line, inferredFrom: str(e.value.inferredFrom),
    }));
  }

  private props(e: Entry): ElementProps {
    const nested = e.value.props ?? e.value.properties;
    const source: Plain = { ...(nested && typeof nested === 'object' ? (nested as Plain) : {}) };
    for (const key of PROP_KEYS) if (e.value[key] !== undefined) source[key] = e.value[key];
    const props: Record<string, boolean> = {};
    for (const [key, value] of Object.entries(source)) {
      // The key's line is looked up only for a note: finding it reads the item's keys again.
      const line = () => this.keyLine(e.node, key) ?? e.line;
      if (!PROP_KEYS.has(key)) this.builder.note('warning', `unknown property "${key}" ignored`, line());
      else if (typeof value !== 'boolean') this.builder.note('warning', `property "${key}" must be true or false`, line());
      else props[key] = value;
    }
    return props as ElementProps;
  }

  private dataRefs(value: unknown, line: number | undefined): string[] {
    return strings(value).map((ref) => {
      const known = this.assetRefs.get(norm(ref));
      if (known) return known;
      // Unlisted data named in vocabulary words joins the shared asset ("card details" → Payment data).
      const hint = dataAssetsIn(ref)[0];
      const id = hint?.id ?? slugify(ref);
      this.builder.addAsset(strip({ id, name: hint?.name ?? ref, classification: hint?.classification ?? 'internal', line }));
      this.assetRefs.set(norm(ref), id);
      this.builder.note('info', `data "${ref}" is not listed in dataAssets; taken as ${hint ? `${hint.name} (${hint.classification})` : 'internal'}`, line);
      return id;
    });
  }

  private flow(e: Entry): void {
    this.checkKeys(e, FLOW_KEYS, 'flow');
    const fromRef = str(e.value.from) ?? str(e.value.source);
    const toRef = str(e.value.to) ?? str(e.value.target);
    const sourceKey = fromRef ? this.elementRefs.get(norm(fromRef)) : undefined;
    const targetKey = toRef ? this.elementRefs.get(norm(toRef)) : undefined;
    if (!sourceKey || !targetKey) {
      return this.builder.note('warning', `flow ${fromRef ?? '?'} → ${toRef ?? '?'} names an unknown element; skipped`, e.line);
    }
    const port = typeof e.value.port === 'number' && Number.isInteger(e.value.port) && e.value.port >= 0 && e.value.port <= 65535 ? e.value.port : undefined;
    if (e.value.port !== undefined && port === undefined) this.builder.note('warning', 'port must be a number from 0 to 65535', e.line);
    const label = str(e.value.label) ?? str(e.value.name);
    // What the label says ("REST, no auth", "JWT auth", "over TLS") fills what the fields leave unstated.
    const said = label ? flowHints(label) : {};
    this.builder.addFlow(strip({
      sourceKey, targetKey, id: str(e.value.id), label, protocol: str(e.value.protocol)?.toLowerCase() ?? said.protocol, port: port ?? said.port,
      encrypted: bool(e.value.encrypted) ?? said.encrypted, authenticated: bool(e.value.authenticated) ?? said.authenticated, data: this.dataRefs(e.value.data, e.line),
      bidirectional: bool(e.value.bidirectional), authorization: this.oneOf(e, 'authorization', FLOW_AUTHORIZATIONS, strings(e.value.authorization))[0],
      usage: this.oneOf(e, 'usage', FLOW_USAGES, strings(e.value.usage))[0], line: e.line, inferredFrom: str(e.value.inferredFrom),
    }));
  }

  /** The values that are among `allowed`; the others are named in a warning. */
  private oneOf<T extends string>(e: Entry, field: string, allowed: readonly T[], values: string[]): T[] {
    const known = values.map((v) => v.toLowerCase()).filter((v): v is T => (allowed as readonly string[]).includes(v));
    const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v.toLowerCase()));
    if (unknown.length) this.builder.note('warning', `unknown ${field} ${unknown.map((v) => `"${v}"`).join(', ')}; one of ${allowed.join(', ')}`, e.line);
    return known;
  }
}

/** The top-level mapping's keys and scalar values; the lists under it are read item by item. */
function topEntry(root: DocMap): Entry {
  const value: Plain = {};
  for (const pair of root.pairs) {
    if (pair.key === undefined) continue;
    value[String(pair.key)] = pair.value?.kind === 'scalar' ? pair.value.value : null;
  }
  return { value, node: root };
}

function entryOf(node: DocNode | null, lineAt: (offset: number | undefined) => number | undefined): Entry {
  const js = node?.value;
  const value = js && typeof js === 'object' && !Array.isArray(js) ? (js as Plain) : typeof js === 'string' ? { name: js } : {};
  const line = lineAt(node?.start);
  return line === undefined ? { value, node } : { value, line, node };
}

function norm(ref: string): string {
  return ref.trim().toLowerCase();
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.map(str).filter((s): s is string => s !== undefined) : [];
}

/** Writes a model in the friendly YAML form, ids explicit, so that reading it back gives the same model. */
export function architectureToYaml(model: Architecture): string {
  const doc = strip({
    version: model.version,
    name: model.name,
    description: model.description,
    dataAssets: model.dataAssets.map((a) => strip({ id: a.id, name: a.name, classification: a.classification, description: a.description })),
    boundaries: model.boundaries.map((b) => strip({ id: b.id, name: b.name, type: b.type, parent: b.parent })),
    elements: model.elements.map((e) =>
      strip({
        id: e.id, name: e.name, kind: e.kind, technology: e.technology, description: e.description, boundary: e.boundary,
        props: Object.keys(e.props).length > 0 ? e.props : undefined, data: e.data.length > 0 ? e.data : undefined, dataFormats: e.dataFormats,
        runtime: e.runtime, inferredFrom: e.inferredFrom,
      }),
    ),
    flows: model.flows.map((f) =>
      strip({
        id: f.id, from: f.source, to: f.target, label: f.label, protocol: f.protocol, port: f.port, encrypted: f.encrypted,
        authenticated: f.authenticated, data: f.data.length > 0 ? f.data : undefined, bidirectional: f.bidirectional, authorization: f.authorization,
        usage: f.usage, inferredFrom: f.inferredFrom,
      }),
    ),
  });
  return stringify(doc, { lineWidth: 0 });
}

/** Own keys only: `constructor` or `toString` written as a kind is an unknown kind, not a prototype member. */
function aliasOf<T>(aliases: Readonly<Record<string, T>>, text: string): T | undefined {
  const key = text.toLowerCase();
  return Object.hasOwn(aliases, key) ? aliases[key] : undefined;
}
