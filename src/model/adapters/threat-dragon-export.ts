// Architecture (and optionally its threats) → OWASP Threat Dragon v2 JSON. Boundaries are drawn as boxes
// around their members so Threat Dragon shows the zones; each cell also carries a `bulwark` block holding
// what Threat Dragon has no field for, so the file imports back into the same model.

import type { Architecture, Element } from '../schema/architecture.js';
import { capitalize, STRIDE_LABEL } from '../knowledge/vocabulary.js';
import { boundaryDepths } from '../schema/nesting.js';
import { strip } from './builder.js';
import { layOut, shapeOf } from './threat-dragon-layout.js';

/** The parts of a Bulwark threat that Threat Dragon can show (structurally compatible with the engine's Threat). */
export interface ExportableThreat {
  id: string;
  title: string;
  stride: string;
  severity: string;
  description?: string;
  mitigations?: readonly string[];
  elements?: readonly string[];
  flows?: readonly string[];
  status?: string;
  riskScore?: number;
  /** Set on threats the design file already held: written back as the file had them. */
  origin?: ThreatOriginLike;
}

/** The parts of a threat's origin the export needs (structurally the engine's ThreatOrigin). */
export interface ThreatOriginLike {
  format: string;
  id: string;
  type?: string;
  modelType?: string;
  status?: string;
  severity?: string;
  score?: string;
  mitigation?: string;
  original: Record<string, unknown>;
}

const TD_VERSION = '2.2.0';

type Json = Record<string, unknown>;

export function toThreatDragon(model: Architecture, threats: readonly ExportableThreat[] = []): Json {
  const layout = layOut(model);
  const byTarget = groupThreats(threats);
  // Bulwark's own threats are numbered after the numbers the file's threats already have.
  let number = threats.reduce((max, t) => Math.max(max, originalNumber(t) ?? 0), 0);
  const tdThreats = (id: string) =>
    (byTarget.get(id) ?? []).map((t) => t.origin ? fromFile(t, t.origin, () => ++number) : ({
      threatId: t.id,
      number: ++number,
      title: t.title,
      type: strideName(t.stride),
      modelType: 'STRIDE',
      status: tdStatus(t.status),
      severity: capitalize(t.severity === 'critical' ? 'high' : t.severity),
      score: t.riskScore === undefined ? '' : String(t.riskScore),
      description: t.description ?? '',
      mitigation: (t.mitigations ?? []).join('\n'),
      new: false,
    }) as Json);
  const cells: Json[] = [];
  const boundaryById = new Map(model.boundaries.map((b) => [b.id, b]));
  const depths = boundaryDepths(
    boundaryById.keys(),
    (id) => boundaryById.get(id)!.parent,
    (id) => boundaryById.has(id),
  );
  const depthOf = (id: string) => depths.get(id) ?? 0;
  const crossesInternet = internetCrossing(model);
  for (const b of model.boundaries) {
    const box = layout.get(`b:${b.id}`)!;
    cells.push({
      position: { x: box.x, y: box.y },
      size: { width: box.width, height: box.height },
      attrs: { label: { text: b.name }, body: { stroke: '#333333', strokeWidth: 3, strokeDasharray: '10 5' } },
      visible: true,
      shape: 'trust-boundary-box',
      id: `boundary-${b.id}`,
      zIndex: depthOf(b.id) - 100,
      data: {
        type: 'tm.BoundaryBox',
        name: b.name,
        description: '',
        isTrustBoundary: true,
        hasOpenThreats: false,
        bulwark: strip({ id: b.id, type: b.type, parent: b.parent, line: b.location?.line }),
      },
    });
  }
  for (const e of model.elements) {
    const shape = shapeOf(e);
    const box = layout.get(`e:${e.id}`)!;
    const threatsHere = tdThreats(e.id);
    cells.push({
      position: { x: box.x, y: box.y },
      size: { width: box.width, height: box.height },
      attrs: { text: { text: e.name }, body: { stroke: threatsHere.length > 0 ? '#ff0000' : '#333333', strokeWidth: 1.5, strokeDasharray: null } },
      visible: true,
      shape,
      id: cellId(e.id),
      zIndex: 10,
      data: { ...elementData(e, shape), threats: threatsHere, hasOpenThreats: threatsHere.some(isOpen) },
    });
  }
  for (const f of model.flows) {
    const threatsHere = tdThreats(f.id);
    cells.push({
      shape: 'flow',
      attrs: {
        line: {
          stroke: threatsHere.length > 0 ? '#ff0000' : '#333333',
          strokeWidth: 1.5,
          targetMarker: { name: 'block' },
          sourceMarker: { name: f.bidirectional ? 'block' : '' },
          strokeDasharray: f.encrypted === false ? '4 3' : null,
        },
      },
      width: 200,
      height: 100,
      zIndex: 20,
      connector: 'smooth',
      id: cellId(f.id),
      source: { cell: cellId(f.source) },
      target: { cell: cellId(f.target) },
      vertices: [],
      labels: [f.label ?? f.protocol ?? ''],
      data: {
        type: 'tm.Flow',
        name: f.label ?? f.protocol ?? '',
        description: '',
        outOfScope: false,
        reasonOutOfScope: '',
        protocol: f.protocol ?? '',
        isEncrypted: f.encrypted === true,
        isPublicNetwork: crossesInternet(f.source, f.target),
        isBidirectional: f.bidirectional === true,
        hasOpenThreats: threatsHere.some(isOpen),
        threats: threatsHere,
        bulwark: strip({
          id: f.id, label: f.label, protocol: f.protocol, port: f.port, encrypted: f.encrypted, authenticated: f.authenticated, data: f.data,
          bidirectional: f.bidirectional, inferredFrom: f.inferredFrom, line: f.location?.line,
        }),
      },
    });
  }
  return {
    version: TD_VERSION,
    summary: strip({ title: model.name, owner: '', description: model.description ?? '', id: 0 }),
    detail: {
      contributors: [],
      diagrams: [
        {
          id: 0,
          title: model.name,
          diagramType: 'STRIDE',
          placeholder: 'Data-flow diagram generated by Bulwark',
          thumbnail: './public/content/images/thumbnail.stride.jpg',
          version: TD_VERSION,
          cells,
        },
      ],
      diagramTop: 1,
      reviewer: '',
      threatTop: number,
    },
    bulwark: { version: model.version, dataAssets: model.dataAssets.map((a) => strip({ ...a, location: undefined, line: a.location?.line })) },
  };
}

/** Threat Dragon cell ids have at least two characters; one-letter element names are padded. */
function cellId(id: string): string {
  return id.length >= 2 ? id : `element-${id}`;
}

function elementData(e: Element, shape: 'actor' | 'process' | 'store'): Json {
  const common = { name: e.name, description: e.description ?? '', outOfScope: false, reasonOutOfScope: '' };
  const bulwark = strip({
    id: e.id, kind: e.kind, technology: e.technology, boundary: e.boundary, props: e.props, data: e.data, inferredFrom: e.inferredFrom, line: e.location?.line,
  });
  if (shape === 'actor') return { type: 'tm.Actor', ...common, providesAuthentication: e.kind === 'identity-provider', bulwark };
  if (shape === 'store') {
    return {
      type: 'tm.Store', ...common, isALog: false, storesCredentials: e.props.storesCredentials === true, isEncrypted: e.props.encryptedAtRest === true,
      isSigned: false, storesInventory: false, bulwark,
    };
  }
  return {
    type: 'tm.Process', ...common, privilegeLevel: e.props.runsAsRoot === true ? 'root' : '', isWebApplication: e.kind === 'web-app',
    handlesCardPayment: e.data.includes('payment-data'), handlesGoodsOrServices: false, providesAuthentication: e.props.authenticatesCallers === true, bulwark,
  };
}

/** Whether a flow touches the internet zone: an actor, or an element in an internet boundary. */
function internetCrossing(model: Architecture): (source: string, target: string) => boolean {
  const boundaryType = new Map(model.boundaries.map((b) => [b.id, b.type]));
  const zone = new Map(model.elements.map((e) => [e.id, e.kind === 'actor' ? 'internet' : e.boundary === undefined ? undefined : boundaryType.get(e.boundary)]));
  return (source, target) => zone.get(source) === 'internet' || zone.get(target) === 'internet';
}

function groupThreats(threats: readonly ExportableThreat[]): Map<string, ExportableThreat[]> {
  const map = new Map<string, ExportableThreat[]>();
  for (const t of threats) {
    // A threat sits on its first flow if it has one (interaction threats), else on its first element.
    const target = t.flows?.[0] ?? t.elements?.[0];
    if (!target) continue;
    const list = map.get(target);
    if (list) list.push(t);
    else map.set(target, [t]);
  }
  return map;
}

/** Threat Dragon's statuses (`Accepted` and `NotApplicable` as Threat Dragon 2 writes them). */
function tdStatus(status: string | undefined): string {
  return status === 'mitigated' ? 'Mitigated' : status === 'accepted' ? 'Accepted' : status === 'false-positive' ? 'NotApplicable' : 'Open';
}

function isOpen(threat: Json): boolean {
  return typeof threat.status === 'string' && threat.status.toLowerCase() === 'open';
}

function originalNumber(t: ExportableThreat): number | undefined {
  const n = t.origin?.format === 'threat-dragon' ? t.origin.original.number : undefined;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * A threat the design file held: a Threat Dragon threat exactly as the file had it (a copy of every field);
 * one from another format as Threat Dragon would write it, without Bulwark's `threatId`, so it reads back as
 * the file's own threat.
 */
function fromFile(t: ExportableThreat, origin: ThreatOriginLike, next: () => number): Json {
  if (origin.format === 'threat-dragon') return structuredClone(origin.original);
  return {
    id: `${origin.format}-${origin.id}`,
    number: next(),
    title: t.title,
    type: origin.type ?? strideName(t.stride),
    modelType: origin.type && origin.type !== strideName(t.stride) ? 'Generic' : 'STRIDE',
    status: tdStatus(t.status),
    severity: capitalize(t.severity),
    score: origin.score ?? '',
    description: t.description ?? '',
    mitigation: origin.mitigation ?? '',
    new: false,
  };
}

function strideName(stride: string): string {
  return (STRIDE_LABEL as Record<string, string>)[stride] ?? capitalize(stride);
}
