// Mermaid `architecture-beta` → architecture: groups are trust boundaries (nested with `in`), services are
// elements (their icon is a shape hint), edges `a:R --> L:b` are flows; junctions are collapsed so the
// services on either side are connected directly.

import type { ElementKind } from '../schema/architecture.js';
import type { ModelBuilder } from './builder.js';
import { cleanLabel, describeNode, flowFromLabel } from './labels.js';
import type { SourceLine } from './source.js';
import { exact, MAX_FLOWS } from './limits.js';
import { boundaryTypeFromName, matchTechnology, slugify } from './vocabulary.js';

const ICON_KINDS: Record<string, ElementKind> = {
  database: 'datastore',
  disk: 'datastore',
  cloud: 'external-system',
  internet: 'actor',
  server: 'process',
};

const GROUP = /^group\s+([\w-]+)\s*(?:\(([^)]*)\))?\s*(?:\[([^\]]*)\])?\s*(?:in\s+([\w-]+))?\s*$/;
const SERVICE = /^service\s+([\w-]+)\s*(?:\(([^)]*)\))?\s*(?:\[([^\]]*)\])?\s*(?:in\s+([\w-]+))?\s*$/;
const JUNCTION = /^junction\s+([\w-]+)(?:\s+in\s+([\w-]+))?\s*$/;
const EDGE = /^([\w-]+)(\{group\})?\s*(?::\s*([LRTB]))?\s*(<)?-(?:\[([^\]]*)\]-|-)(>)?\s*(?:([LRTB])\s*:)?\s*([\w-]+)(\{group\})?\s*$/;

interface Edge {
  from: string;
  to: string;
  directed: boolean;
  bidirectional: boolean;
  label?: string;
  line: number;
}

export function parseMermaidArchitecture(lines: readonly SourceLine[], builder: ModelBuilder): void {
  const junctions = new Set<string>();
  const edges: Edge[] = [];
  for (const { text, line } of lines) {
    const t = text.trim();
    if (!t || t.startsWith('%%') || /^architecture(?:-beta)?\b/.test(t) || /^(?:title|accTitle|accDescr)\b/.test(t)) continue;
    let m = GROUP.exec(t);
    if (m) {
      const [, id, icon = '', label, parent] = m;
      const name = label ? cleanLabel(label).replace(/\n/g, ' ') : id!;
      const type = boundaryTypeFromName(name) ?? boundaryTypeFromName(icon) ?? (icon === 'cloud' ? 'cloud-account' : 'other');
      builder.addBoundary(id!, parent ? { name, type, parentKey: parent, line } : { name, type, line });
      continue;
    }
    m = SERVICE.exec(t);
    if (m) {
      const [, id, icon = '', label, group] = m;
      const iconName = icon.replace(/^[\w-]+:/, '');
      const iconKind = (Object.hasOwn(ICON_KINDS, iconName) ? ICON_KINDS[iconName] : undefined) ?? matchTechnology(iconName.replace(/-/g, ' '))?.kind;
      const d = describeNode(label ?? id!, iconKind, iconName.replace(/-/g, ' '));
      builder.addElement(id!, {
        id: slugify(id!),
        name: d.name,
        kind: d.kind,
        ...(d.technology ? { technology: d.technology } : {}),
        ...(d.description ? { description: d.description } : {}),
        ...(d.inferredFrom ? { inferredFrom: d.inferredFrom } : {}),
        ...(group ? { boundaryKey: group } : {}),
        line,
      });
      continue;
    }
    m = JUNCTION.exec(t);
    if (m) {
      junctions.add(m[1]!);
      continue;
    }
    m = EDGE.exec(t);
    if (m) {
      const [, from, , , back, label, forward, , to] = m;
      const edge: Edge = { from: from!, to: to!, directed: Boolean(back || forward), bidirectional: Boolean(back && forward), line };
      if (label) edge.label = label;
      // `a <-- b` carries data from b to a.
      if (back && !forward) edges.push({ ...edge, from: to!, to: from! });
      else edges.push(edge);
      continue;
    }
    builder.note('warning', `not understood: ${t.slice(0, 80)}`, line);
  }
  for (const e of collapseJunctions(edges, junctions, builder)) {
    const hints = flowFromLabel(builder, e.label);
    // An undirected line says two services talk; read it left to right.
    builder.addFlow({ sourceKey: e.from, targetKey: e.to, ...hints, ...(e.bidirectional ? { bidirectional: true } : {}), line: e.line });
  }
  if (edges.some((e) => !e.directed)) builder.note('info', 'undirected architecture edges are read as flows from the left service to the right one');
}

/** Replaces paths through junctions with direct service-to-service edges. */
function collapseJunctions(edges: Edge[], junctions: Set<string>, builder: ModelBuilder): Edge[] {
  const direct = edges.filter((e) => !junctions.has(e.from) && !junctions.has(e.to));
  if (junctions.size === 0) return direct;
  // Services reachable into / out of each junction cluster (junctions linked to junctions form one hub).
  // Union-find with path compression, in loops: a chain of a hundred thousand junctions costs no call stack.
  const hubOf = new Map<string, string>();
  const find = (j: string): string => {
    let root = j;
    for (let parent = hubOf.get(root); parent !== undefined && parent !== root; parent = hubOf.get(root)) root = parent;
    for (let node = j; node !== root; ) {
      const next = hubOf.get(node)!;
      hubOf.set(node, root);
      node = next;
    }
    return root;
  };
  for (const e of edges) {
    if (!junctions.has(e.from) || !junctions.has(e.to)) continue;
    const a = find(e.from);
    const b = find(e.to);
    if (a !== b) hubOf.set(a, b);
  }
  const ins = new Map<string, Edge[]>();
  const outs = new Map<string, Edge[]>();
  const push = (map: Map<string, Edge[]>, key: string, e: Edge) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of edges) {
    if (junctions.has(e.to) && !junctions.has(e.from)) {
      push(ins, find(e.to), e);
      if (!e.directed || e.bidirectional) push(outs, find(e.to), { ...e, from: e.to, to: e.from });
    } else if (junctions.has(e.from) && !junctions.has(e.to)) {
      push(outs, find(e.from), e);
      if (!e.directed || e.bidirectional) push(ins, find(e.from), { ...e, from: e.to, to: e.from });
    }
  }
  // Every edge into a hub pairs with every edge out of it: refuse a hub whose pairs alone exceed the flow cap.
  let pairs = 0;
  for (const [hub, incoming] of ins) pairs += incoming.length * (outs.get(hub)?.length ?? 0);
  if (pairs > MAX_FLOWS) {
    builder.note('error', `junctions connect services in up to ${exact(pairs)} pairs, over the limit of ${exact(MAX_FLOWS)} data flows`);
    return direct;
  }
  const seen = new Set<string>();
  for (const [hub, incoming] of ins) {
    for (const i of incoming) {
      for (const o of outs.get(hub) ?? []) {
        if (i.from === o.to || seen.has(`${i.from}>${o.to}`)) continue;
        seen.add(`${i.from}>${o.to}`);
        const edge: Edge = { from: i.from, to: o.to, directed: true, bidirectional: false, line: i.line };
        const label = i.label ?? o.label;
        if (label) edge.label = label;
        direct.push(edge);
      }
    }
  }
  return direct;
}
