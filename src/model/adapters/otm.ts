// Open Threat Model (OTM, IriusRisk's open format), JSON or YAML → architecture. Trust zones become
// boundaries (nested by `parent`), components elements (kind from their `type` words, technology from their
// tags), data flows flows and assets data assets; the threats the file assigns to components and flows are
// kept for the register (otm-threats.ts). What Bulwark has no place for is summed up in one note.

import { LineCounter } from 'yaml';
import type { BoundaryType, Classification, ElementKind } from '../schema/architecture.js';
import { strip, type BuildOptions, type ModelBuilder } from './builder.js';
import { valueOf, type DocMap, type DocNode } from './doc-nodes.js';
import { modelDocumentRoot } from './model-document-root.js';
import { oneLine, truncateForMessage } from './messages.js';
import { readOtmThreats, type OtmItem, type OtmSubject } from './otm-threats.js';
import { boundaryTypeFromName, classifyElement, dataAssetsIn, flowHints, matchTechnology } from './vocabulary.js';

type Plain = Record<string, unknown>;

/** Trust ratings (0–100, "the more accessible, the less trustworthy") at or below this are the internet. */
const INTERNET_TRUST_RATING = 10;

/** True for a parsed document that is an Open Threat Model (it states its `otmVersion`). */
export function isOtm(value: unknown): boolean {
  return isObject(value) && (typeof value.otmVersion === 'string' || typeof value.otmVersion === 'number') && isObject(value.project);
}

export function readOtm(text: string, builder: ModelBuilder): BuildOptions {
  const lineCounter = new LineCounter();
  const format = /^\s*\{/.test(text) ? 'json' : 'yaml';
  const root = modelDocumentRoot(text, builder, lineCounter, format);
  if (root === null) {
    const refusal = builder.notes.find((n) => n.level === 'error');
    const quoted = format === 'yaml' && refusal?.line ? underIndentedQuote(text, refusal.line) : undefined;
    if (quoted) {
      // Some parsers (libyaml, PyYAML) let this pass; YAML 1.2 does not, and what is salvaged of such a file may miss anything after it.
      // The refusal is the one line a run shows: the likely cause goes with it.
      refusal!.message += `; the quoted value of "${truncateForMessage(quoted.key, 40)}" (line ${quoted.line}) runs on over lines indented no deeper than its key, which YAML 1.2 does not allow: indent those lines further, or write the value as a block scalar (|)`;
    }
    return {};
  }
  if (!isOtm(root.value)) {
    builder.note('error', 'not an Open Threat Model (needs otmVersion and project)');
    return {};
  }
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const list = (key: string): OtmItem[] => items(valueOf(root, key), lineAt);
  const project = root.value as Plain;
  const info = project.project as Plain;
  if (str(info.name)) builder.name = str(info.name);
  if (str(info.description)) builder.description = str(info.description);
  const unsupported = new Set<string>();
  const assets = readAssets(list('assets'), builder);
  const zones = readTrustZones(list('trustZones'), builder);
  const components = readComponents(list('components'), zones, assets, builder, unsupported);
  const subjects: OtmSubject[] = [...components.subjects];
  for (const f of list('dataflows')) {
    const subject = readDataflow(f, components.keys, assets, builder);
    if (subject) subjects.push(subject);
  }
  readOtmThreats(list('threats'), list('mitigations'), subjects, builder);
  if (list('representations').length) unsupported.add('representations (diagram positions, code references)');
  for (const key of ['attributes', 'tags', 'owner']) if (info[key] !== undefined && info[key] !== null) unsupported.add(`project ${key}`);
  if (unsupported.size) builder.note('info', `Open Threat Model parts Bulwark does not represent: ${[...unsupported].join('; ')}`);
  return { inferInternetFacing: true };
}

function readAssets(entries: OtmItem[], builder: ModelBuilder): Map<string, string> {
  const ids = new Map<string, string>();
  for (const { value: a, line } of entries) {
    const id = str(a.id);
    const name = str(a.name) ?? id;
    if (!id || !name) {
      builder.note('warning', 'a data asset has no id; skipped (flows and components name assets by id)', line);
      continue;
    }
    const risk = isObject(a.risk) ? a.risk : {};
    const classification = classify(name, str(a.description), num(risk.confidentiality));
    ids.set(id, builder.addAsset(strip({ id: assetId(id), name, classification, description: str(a.description), line })));
  }
  return ids;
}

/** What the name says first (credentials, payment, personal data), else the confidentiality rating (0–100). */
function classify(name: string, description: string | undefined, confidentiality: number | undefined): Classification {
  const named = dataAssetsIn(`${name}\n${description ?? ''}`).map((h) => h.classification).find((c) => c === 'credentials' || c === 'payment' || c === 'pii');
  if (named && (confidentiality === undefined || confidentiality >= 20)) return named;
  if (confidentiality === undefined) return named ?? 'confidential';
  return confidentiality < 20 ? 'public' : confidentiality < 60 ? 'internal' : 'confidential';
}

/** Bulwark asset ids are words; OTM ids are often UUIDs, kept as they are when they already fit. */
function assetId(id: string): string {
  return id.trim().replace(/\s+/g, '-');
}

function readTrustZones(entries: OtmItem[], builder: ModelBuilder): Set<string> {
  const keys = new Set<string>();
  const parents: Array<{ key: string; parent: string }> = [];
  for (const { value: z, line } of entries) {
    const id = str(z.id);
    if (!id) {
      builder.note('warning', 'a trust zone has no id; skipped (components name their zone by id)', line);
      continue;
    }
    const name = str(z.name) ?? id;
    const key = `tz:${id}`;
    const rating = isObject(z.risk) ? num(z.risk.trustRating) : undefined;
    builder.addBoundary(key, strip({ name, type: zoneType(name, str(z.type), rating), line }));
    keys.add(key);
    const parent = isObject(z.parent) ? str(z.parent.trustZone) : str(z.parent);
    if (parent) parents.push({ key, parent: `tz:${parent}` });
  }
  for (const { key, parent } of parents) {
    const draft = builder.boundaries.get(key);
    if (draft && parent !== key && keys.has(parent)) draft.parentKey = parent;
    else if (draft) builder.note('warning', `trust zone "${draft.name}" names a parent zone that is not in the file; placed at the top`, draft.line);
  }
  return keys;
}

/**
 * A zone named or typed as the internet is the internet; one that names another kind of boundary (a cloud,
 * a cluster) is that; otherwise a trust rating of 10 or less out of 100 says it is as open as the internet.
 */
function zoneType(name: string, type: string | undefined, rating: number | undefined): BoundaryType {
  const byName = boundaryTypeFromName(name) ?? (type ? boundaryTypeFromName(type.replace(/[-_]+/g, ' ')) : undefined);
  if (byName === 'internet' || /^(?:internet|public[- ]?internet|untrusted)$/i.test(type ?? '')) return 'internet';
  if (byName && byName !== 'network-zone') return byName;
  if (rating !== undefined && rating <= INTERNET_TRUST_RATING) return 'internet';
  return 'network-zone';
}

interface Components {
  /** OTM component id → the builder's element key. */
  keys: Map<string, string>;
  subjects: OtmSubject[];
}

function readComponents(entries: OtmItem[], zones: Set<string>, assets: Map<string, string>, builder: ModelBuilder, unsupported: Set<string>): Components {
  const keys = new Map<string, string>();
  const subjects: OtmSubject[] = [];
  const inComponent: Array<{ key: string; parent: string }> = [];
  for (const { value: c, line } of entries) {
    const id = str(c.id);
    if (!id) {
      builder.note('warning', 'a component has no id; skipped (data flows name their ends by id)', line);
      continue;
    }
    const name = str(c.name) ?? id;
    const key = `c:${id}`;
    const tags = Array.isArray(c.tags) ? c.tags.filter((t): t is string => typeof t === 'string') : [];
    const { kind, technology } = componentKind(name, str(c.type), tags, str(c.description));
    const parent = isObject(c.parent) ? c.parent : {};
    const zone = str(parent.trustZone);
    const data = [...ids(isObject(c.assets) ? c.assets.processed : undefined), ...ids(isObject(c.assets) ? c.assets.stored : undefined)].flatMap((a) => (assets.has(a) ? [assets.get(a)!] : []));
    const described = [str(c.description), str(c.type) ? `OTM type: ${str(c.type)}` : ''].filter(Boolean).join('; ') || undefined;
    builder.addElement(key, strip({ name, kind, technology, description: described, boundaryKey: zone && zones.has(`tz:${zone}`) ? `tz:${zone}` : undefined, data, line }));
    if (zone && !zones.has(`tz:${zone}`)) builder.note('warning', `component "${truncateForMessage(oneLine(name), 60)}" is in trust zone "${truncateForMessage(zone, 60)}", which the file does not declare`, line);
    if (str(parent.component)) inComponent.push({ key, parent: `c:${str(parent.component)}` });
    if (isObject(c.attributes) && Object.keys(c.attributes).length) unsupported.add('component attributes');
    keys.set(id, key);
    if (Array.isArray(c.threats) && c.threats.length) subjects.push({ threats: c.threats, elementKey: key, line });
  }
  placeInParentComponents(inComponent, builder, unsupported);
  return { keys, subjects };
}

/**
 * Bulwark has no components inside components: one placed in another (`parent.component`) stays an element of
 * its own, in its parent's trust zone, and its description says whose part it is.
 */
function placeInParentComponents(nested: Array<{ key: string; parent: string }>, builder: ModelBuilder, unsupported: Set<string>): void {
  if (!nested.length) return;
  const parentOf = new Map(nested.map((n) => [n.key, n.parent]));
  for (const { key, parent } of nested) {
    const element = builder.elements.get(key);
    const owner = builder.elements.get(parent);
    if (!element || !owner) continue;
    // The zone of the nearest ancestor that has one (chains of nesting, cycles stopped).
    let zone: string | undefined;
    const seen = new Set<string>([key]);
    for (let at: string | undefined = parent; at && !seen.has(at) && zone === undefined; at = parentOf.get(at)) {
      seen.add(at);
      zone = builder.elements.get(at)?.boundaryKey;
    }
    element.boundaryKey ??= zone;
    element.description = [element.description, `part of ${owner.name}`].filter(Boolean).join('; ');
  }
  unsupported.add(`components inside components (${nested.length}; each kept as an element in its parent's trust zone)`);
}

const THIRD_PARTY_TAG = /^(?:third|3rd)[-_ ]?party$/i;

/** Kind from the OTM type's words ("web-service", "CD-MICROSOFT-AZURE-DB-POSTGRESQL") when they say one, else from the name; technology from the tags too. */
function componentKind(name: string, type: string | undefined, tags: string[], description: string | undefined): { kind: ElementKind; technology?: string } {
  const typeWords = (type ?? '').replace(/^CD-/i, '').replace(/[-_]+/g, ' ').trim();
  const byType = typeWords ? classifyElement(typeWords) : undefined;
  const declared = byType && byType.reason !== 'default' ? byType : undefined;
  const byName = classifyElement(`${name}\n${description ?? ''}`, declared?.kind, typeWords || undefined);
  const stated = declared && byName.reason !== 'name' ? declared.kind : byName.kind;
  // A component tagged as a third party's is not ours, whatever its type says it runs (a web service, a database).
  const kind = stated !== 'actor' && tags.some((t) => THIRD_PARTY_TAG.test(t.trim())) ? 'external-system' : stated;
  const technology = matchTechnology(tags.join(' '))?.technology ?? declared?.technology ?? byName.technology;
  return technology ? { kind, technology } : { kind };
}

function readDataflow(item: OtmItem, components: Map<string, string>, assets: Map<string, string>, builder: ModelBuilder): OtmSubject | undefined {
  const f = item.value;
  const name = str(f.name);
  const sourceKey = components.get(str(f.source) ?? '');
  const targetKey = components.get(str(f.destination) ?? '');
  if (!sourceKey || !targetKey) {
    builder.note('warning', `data flow "${truncateForMessage(oneLine(name ?? str(f.id) ?? '?'), 60)}" does not join two components of the file; skipped`, item.line);
    return undefined;
  }
  const tags = Array.isArray(f.tags) ? f.tags.filter((t): t is string => typeof t === 'string') : [];
  const attributes = isObject(f.attributes) ? Object.entries(f.attributes).map(([k, v]) => `${k} ${typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : ''}`) : [];
  const hints = flowHints([...tags, ...attributes, name ?? '', str(f.description) ?? ''].join(' '));
  const data = ids(f.assets).flatMap((a) => (assets.has(a) ? [assets.get(a)!] : []));
  const draft = builder.addFlow(strip({
    sourceKey, targetKey, label: name, protocol: hints.protocol, port: hints.port, encrypted: hints.encrypted, authenticated: hints.authenticated,
    data, bidirectional: f.bidirectional === true ? true : undefined, line: item.line,
  }));
  return Array.isArray(f.threats) && f.threats.length ? { threats: f.threats, flowDraft: draft, line: item.line } : undefined;
}

/** The items of a top-level list, each as its plain value with its line. */
function items(node: DocNode | null | undefined, lineAt: (offset: number | undefined) => number | undefined): OtmItem[] {
  if (!node || node.kind !== 'seq') return [];
  const out: OtmItem[] = [];
  for (const item of node.items) {
    if (item?.kind !== 'map' || !isObject(item.value)) continue;
    const line = lineAt((item as DocMap).start);
    out.push(line === undefined ? { value: item.value } : { value: item.value, line });
  }
  return out;
}

/**
 * The quoted value that runs past `errorLine` with a continuation line no deeper than its key (the usual cause of
 * "unexpected flow-map-end" in hand-written OTM YAML), looked for on the error's line and the 100 above it.
 */
function underIndentedQuote(text: string, errorLine: number): { key: string; line: number } | undefined {
  const lines = text.split('\n', errorLine + 100);
  const indent = (l: string) => l.length - l.trimStart().length;
  for (let i = Math.min(errorLine, lines.length) - 1; i >= Math.max(0, errorLine - 101); i--) {
    // `key: 'value…` on one line, or `key:` with the quoted value starting on the next.
    const sameLine = /^([ \t]*)(?:- )?([\w.-]+):[ \t]*(['"])(.*)$/.exec(lines[i]!);
    const nextLine = /^[ \t]*(['"])(.*)$/.exec(lines[i]!);
    const keyAbove = nextLine && i > 0 ? /^([ \t]*)(?:- )?([\w.-]+):[ \t]*$/.exec(lines[i - 1]!) : null;
    const m = sameLine ?? (keyAbove ? [null, keyAbove[1], keyAbove[2], nextLine![1], nextLine![2]] : null);
    if (!m) continue;
    const [, lead, key, quote, rest] = m;
    if (rest!.includes(quote!)) return undefined;
    const keyIndent = lead!.length;
    // The first line that closes the quote, or ends the value, must be deeper than the key.
    const shallow = lines.slice(i + 1).find((l) => l.includes(quote!) || (l.trim() !== '' && indent(l) <= keyIndent));
    return shallow !== undefined && indent(shallow) <= keyIndent ? { key: key!, line: i + 1 } : undefined;
  }
  return undefined;
}

function ids(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}
function isObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
