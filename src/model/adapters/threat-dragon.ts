// OWASP Threat Dragon v2 JSON → architecture. Actors, processes and stores become elements, flows keep
// their protocol and encryption flags, trust-boundary boxes contain the elements drawn inside them.
// Files Bulwark exported carry a `bulwark` block per cell, so they import back exactly.

import { CLASSIFICATIONS, type Classification, type ElementKind, type ElementProps } from '../schema/architecture.js';
import { strip, type BuildOptions, type ModelBuilder } from './builder.js';
import { exact as exactCount, MAX_THREAT_DRAGON_BOXES } from './limits.js';
import { describeValue, oneLine, truncateForMessage } from './messages.js';
import { readBoundaryExtension, readElementExtension, readFlowExtension, type CellRef } from './threat-dragon-fields.js';
import { newCellThreats, noteCellThreats, readCellThreats } from './threat-dragon-threats.js';
import type { FlowDraft } from './build-drafts.js';
import { boundaryTypeFromName, classifyElement, flowHints, slugify } from './vocabulary.js';

type Json = Record<string, unknown>;

const PROCESS_LIKE: ReadonlySet<ElementKind> = new Set(['process', 'web-app', 'gateway', 'function', 'identity-provider']);
const STORE_LIKE: ReadonlySet<ElementKind> = new Set(['datastore', 'cache', 'queue', 'bucket', 'secret-store']);

export function isThreatDragon(value: unknown): boolean {
  if (!isObject(value) || !isObject(value.summary) || !isObject(value.detail)) return false;
  return Array.isArray(value.detail.diagrams);
}

interface Box {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export function readThreatDragon(text: string, builder: ModelBuilder): BuildOptions {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position === undefined ? undefined : lineAtOffset(text, Number(position));
    builder.note('error', `Threat Dragon file is not valid JSON: ${truncateForMessage(oneLine(error instanceof Error ? error.message : String(error)), 160)}`, line);
    return {};
  }
  if (!isThreatDragon(doc)) {
    builder.note('error', 'not a Threat Dragon v2 model (needs summary and detail.diagrams)');
    return {};
  }
  const td = doc as { summary: Json; detail: { diagrams: unknown[] }; bulwark?: unknown };
  if (typeof td.summary.title === 'string') builder.name = td.summary.title;
  if (typeof td.summary.description === 'string' && td.summary.description) builder.description = td.summary.description;
  const exact = isObject(td.bulwark);
  if (exact) readAssets((td.bulwark as Json).dataAssets, builder);
  const boxes: Box[] = [];
  const flows: Json[] = [];
  const centres = new Map<string, { cx: number; cy: number }>();
  const threats = newCellThreats();
  td.detail.diagrams.forEach((diagram, d) => {
    if (!isObject(diagram)) return;
    const cells = Array.isArray(diagram.cells) ? diagram.cells : isObject(diagram.diagramJson) && Array.isArray(diagram.diagramJson.cells) ? diagram.diagramJson.cells : [];
    cells.forEach((raw: unknown, index: number) => {
      if (!isObject(raw)) return;
      // v1 keeps properties on the cell, v2 under `data`.
      const data: Json = { ...raw, ...(isObject(raw.data) ? raw.data : {}) };
      const type = String(data.type ?? '');
      const shape = String(raw.shape ?? '');
      const cell: CellRef = { id: typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : `${type || shape || 'cell'}-${index}` };
      const label = nameOf(raw, data);
      if (label) cell.label = label;
      const cellKey = `${d}:${cell.id}`;
      const cellThreats: unknown[] = Array.isArray(data.threats) ? data.threats : [];
      const base = type === 'tm.Actor' || shape === 'actor' ? 'actor' : type === 'tm.Process' || shape === 'process' ? 'process' : type === 'tm.Store' || shape === 'store' ? 'store' : undefined;
      if (type === 'tm.Flow' || shape === 'flow') flows.push({ ...data, __key: cellKey, __diagram: d, __raw: raw, __cell: cell, __threats: cellThreats });
      else if (base) {
        readElement(base, raw, data, cell, cellKey, builder, centres);
        if (cellThreats.length && builder.elements.has(cellKey)) readCellThreats(cellThreats, { elementKey: cellKey }, cell.id, builder, threats);
        else threats.dropped += cellThreats.length;
      } else {
        threats.dropped += cellThreats.length;
        if (/^tm\.Boundary/.test(type) || /^trust-boundary/.test(shape)) {
          const box = readBoundary(raw, data, cell, cellKey, builder);
          if (box) boxes.push(box);
        }
      }
    });
  });
  if (!exact) {
    if (boxes.length > MAX_THREAT_DRAGON_BOXES) {
      builder.note('error', `the Threat Dragon file draws ${exactCount(boxes.length)} trust-boundary boxes, over the limit of ${exactCount(MAX_THREAT_DRAGON_BOXES)}`);
      return {};
    }
    placeInBoxes(boxes, centres, builder);
  }
  for (const f of flows) {
    const draft = readFlow(f, builder);
    const cellThreats = f.__threats as unknown[];
    if (!cellThreats.length) continue;
    const end = draft ? undefined : connectedEnd(f, builder);
    // A flow drawn to nowhere is no flow of the model; its threats stay, on the one element it leaves or reaches.
    if (draft) readCellThreats(cellThreats, { flowDraft: draft }, (f.__cell as CellRef).id, builder, threats);
    else if (end) readCellThreats(cellThreats, { elementKey: end }, (f.__cell as CellRef).id, builder, threats);
    else threats.dropped += cellThreats.length;
  }
  noteCellThreats(threats, builder);
  return { inferInternetFacing: !exact };
}

function readElement(base: 'actor' | 'process' | 'store', raw: Json, data: Json, cell: CellRef, key: string, builder: ModelBuilder, centres: Map<string, { cx: number; cy: number }>): void {
  const name = cell.label ?? base;
  const centre = centreOf(raw);
  if (centre) centres.set(key, centre);
  const c = classifyElement(name, base === 'actor' ? 'actor' : base === 'store' ? 'datastore' : 'process');
  if (isObject(data.bulwark)) {
    const ext = readElementExtension(data.bulwark, cell, builder);
    builder.addElement(key, strip({
      id: ext.id, name, kind: ext.kind ?? kindOf(base, c.kind, data), technology: ext.technology, description: str(data.description),
      boundaryKey: ext.boundary ? `b:${ext.boundary}` : undefined, props: ext.props, data: ext.data ?? [], inferredFrom: ext.inferredFrom, line: ext.line,
    }));
    return;
  }
  const kind = kindOf(base, c.kind, data);
  const props: ElementProps = {};
  if (data.storesCredentials === true) props.storesCredentials = true;
  if (base === 'store' && typeof data.isEncrypted === 'boolean') props.encryptedAtRest = data.isEncrypted;
  if (base === 'process' && data.providesAuthentication === true) props.authenticatesCallers = true;
  const extra = [
    data.isALog === true ? 'log store' : '',
    str(data.privilegeLevel) ? `privilege level: ${str(data.privilegeLevel)}` : '',
    data.outOfScope === true ? `out of scope${str(data.reasonOutOfScope) ? `: ${str(data.reasonOutOfScope)}` : ''}` : '',
  ].filter(Boolean);
  const description = [str(data.description), ...extra].filter(Boolean).join('; ') || undefined;
  const assets: string[] = [];
  if (data.handlesCardPayment === true) assets.push(builder.addAsset({ id: 'payment-data', name: 'Payment data', classification: 'payment' }));
  if (data.storesCredentials === true) assets.push(builder.addAsset({ id: 'credentials', name: 'User credentials', classification: 'credentials' }));
  builder.addElement(key, strip({ name, kind, technology: c.technology, description, props, data: assets }));
}

/** The element kind Threat Dragon's shape and flags allow, refined by what the name says. */
function kindOf(base: 'actor' | 'process' | 'store', classified: ElementKind, data: Json): ElementKind {
  if (base === 'actor') return classified === 'external-system' ? 'external-system' : 'actor';
  if (base === 'store') return STORE_LIKE.has(classified) ? classified : 'datastore';
  return data.isWebApplication === true ? 'web-app' : PROCESS_LIKE.has(classified) ? classified : 'process';
}

function readBoundary(raw: Json, data: Json, cell: CellRef, key: string, builder: ModelBuilder): Box | undefined {
  const name = cell.label ?? 'Trust boundary';
  if (isObject(data.bulwark)) {
    const ext = readBoundaryExtension(data.bulwark, cell, builder);
    const id = ext.id ?? slugify(name);
    builder.addBoundary(`b:${id}`, strip({ id, name, type: ext.type ?? boundaryTypeFromName(name) ?? 'other', parentKey: ext.parent ? `b:${ext.parent}` : undefined, line: ext.line }));
    return undefined;
  }
  builder.addBoundary(key, { name, type: boundaryTypeFromName(name) ?? 'other' });
  const pos = isObject(raw.position) ? raw.position : undefined;
  const size = isObject(raw.size) ? raw.size : undefined;
  if (pos && size && num(pos.x) !== undefined && num(pos.y) !== undefined && num(size.width) && num(size.height)) {
    return { key, x: num(pos.x)!, y: num(pos.y)!, w: num(size.width)!, h: num(size.height)! };
  }
  builder.note('info', `trust boundary "${name}" is a line, not a box; no elements are placed inside it`);
  return undefined;
}

/**
 * Elements belong to the smallest box containing their centre; boxes nest in the smallest box around them.
 * Boxes are few (capped), so testing each element against them in area order is cheap enough.
 */
function placeInBoxes(boxes: Box[], centres: Map<string, { cx: number; cy: number }>, builder: ModelBuilder): void {
  const bySize = [...boxes].sort((a, b) => a.w * a.h - b.w * b.h);
  const contains = (o: Box, x: number, y: number) => x >= o.x && x <= o.x + o.w && y >= o.y && y <= o.y + o.h;
  for (const box of boxes) {
    const parent = bySize.find((o) => o !== box && o.w * o.h > box.w * box.h && contains(o, box.x, box.y) && contains(o, box.x + box.w, box.y + box.h));
    const draft = builder.boundaries.get(box.key);
    if (parent && draft) draft.parentKey = parent.key;
  }
  for (const [key, element] of builder.elements) {
    const geometry = centres.get(key);
    if (!geometry) continue;
    const box = bySize.find((o) => contains(o, geometry.cx, geometry.cy));
    if (box) element.boundaryKey = box.key;
  }
}

function readFlow(f: Json, builder: ModelBuilder): FlowDraft | undefined {
  const raw = f.__raw as Json;
  const cell = f.__cell as CellRef;
  const d = f.__diagram as number;
  const endpoint = (v: unknown) => (isObject(v) ? (str(v.cell) ?? str(v.id)) : undefined);
  const source = endpoint(raw.source);
  const target = endpoint(raw.target);
  const sourceKey = source === undefined ? undefined : `${d}:${source}`;
  const targetKey = target === undefined ? undefined : `${d}:${target}`;
  const label = cell.label;
  if (!sourceKey || !targetKey || !builder.elements.has(sourceKey) || !builder.elements.has(targetKey)) {
    builder.note('warning', `flow "${label ?? f.__key}" is not connected to two elements; skipped`);
    return undefined;
  }
  if (isObject(f.bulwark)) {
    const ext = readFlowExtension(f.bulwark, cell, builder);
    return builder.addFlow(strip({
      sourceKey, targetKey, id: ext.id, label: ext.label, protocol: ext.protocol, port: ext.port, encrypted: ext.encrypted,
      authenticated: ext.authenticated, data: ext.data ?? [], bidirectional: ext.bidirectional, inferredFrom: ext.inferredFrom, line: ext.line,
    }));
  }
  const protocol = str(f.protocol);
  const hints = flowHints([protocol, label].filter(Boolean).join(' '));
  const encrypted = typeof f.isEncrypted === 'boolean' ? f.isEncrypted : hints.encrypted;
  if (f.isPublicNetwork === true) {
    const t = builder.elements.get(targetKey)!;
    if (t.kind !== 'actor' && t.props.internetFacing === undefined) t.props.internetFacing = true;
  }
  return builder.addFlow(strip({
    sourceKey, targetKey, label, protocol: protocol ? protocol.toLowerCase() : hints.protocol, port: hints.port, encrypted, authenticated: hints.authenticated,
    bidirectional: f.isBidirectional === true ? true : undefined,
  }));
}

/** The key of the one element a half-connected flow touches, if it touches one. */
function connectedEnd(f: Json, builder: ModelBuilder): string | undefined {
  const raw = f.__raw as Json;
  const keys = [raw.source, raw.target].map((v) => (isObject(v) ? (str(v.cell) ?? str(v.id)) : undefined)).map((id) => (id === undefined ? undefined : `${f.__diagram as number}:${id}`));
  return keys.find((k): k is string => k !== undefined && builder.elements.has(k));
}

function readAssets(value: unknown, builder: ModelBuilder): void {
  if (!Array.isArray(value)) return;
  for (const a of value) {
    if (!isObject(a) || !str(a.id) || !str(a.name)) continue;
    const known = (CLASSIFICATIONS as readonly string[]).includes(String(a.classification));
    if (!known) builder.note('warning', `Threat Dragon data asset "${truncateForMessage(str(a.id)!, 60)}": classification ${describeValue(a.classification)} is not one of ${CLASSIFICATIONS.join(', ')}; taken as internal`);
    const classification = known ? (a.classification as Classification) : 'internal';
    builder.addAsset(strip({ id: str(a.id)!, name: str(a.name)!, classification, description: str(a.description), line: num(a.line) }));
  }
}

function nameOf(raw: Json, data: Json): string | undefined {
  const attrs = isObject(raw.attrs) ? raw.attrs : {};
  const fromAttrs = (k: string) => (isObject(attrs[k]) ? str((attrs[k] as Json).text) : undefined);
  const labels = Array.isArray(raw.labels) ? raw.labels : [];
  const firstLabel = typeof labels[0] === 'string' ? labels[0] : isObject(labels[0]) && isObject(labels[0].attrs) && isObject(labels[0].attrs.label) ? str(labels[0].attrs.label.text) : undefined;
  return str(data.name) ?? fromAttrs('text') ?? fromAttrs('label') ?? fromAttrs('headerText') ?? firstLabel;
}

/** 1-based line of a character offset, for JSON.parse's "position N". */
function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function centreOf(raw: Json): { cx: number; cy: number } | undefined {
  const pos = isObject(raw.position) ? raw.position : undefined;
  const size: Json = isObject(raw.size) ? raw.size : {};
  if (!pos || num(pos.x) === undefined || num(pos.y) === undefined) return undefined;
  return { cx: num(pos.x)! + (num(size.width) ?? 0) / 2, cy: num(pos.y)! + (num(size.height) ?? 0) / 2 };
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
