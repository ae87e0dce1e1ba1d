// A Mermaid flowchart data-flow diagram: trust boundaries as nested subgraphs, element shapes by kind,
// flows labelled with protocol, plaintext boundary crossings dotted, open-threat counts per element.

import type { ThreatReport } from '../engine/types.js';
import type { Boundary, Element, ElementKind } from '../schema/architecture.js';
import { visibleOnOneLine } from '../../core/escape.js';

const SHAPES: Record<ElementKind, [string, string]> = {
  actor: ['[', ']'],
  'external-system': ['[', ']'],
  process: ['(', ')'],
  'web-app': ['(', ')'],
  gateway: ['{{', '}}'],
  function: ['(', ')'],
  datastore: ['[(', ')]'],
  cache: ['[(', ')]'],
  queue: ['[[', ']]'],
  bucket: ['[(', ')]'],
  'identity-provider': ['(', ')'],
  'secret-store': ['[(', ')]'],
};

/**
 * Mermaid labels are quoted; quotes, angle brackets and backticks (which could close the Markdown fence a
 * diagram sits in) become entities, and control characters their visible escapes.
 */
function label(text: string): string {
  const safe = visibleOnOneLine(text).replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/`/g, '#96;');
  return `"${safe}"`;
}

type Step = { open: Boundary; depth: number } | { close: number };

export function renderMermaidDfd(report: ThreatReport): string {
  const { model } = report;
  const nodeId = new Map(model.elements.map((e, i) => [e.id, `n${i}`]));
  const boundaryId = new Map(model.boundaries.map((b, i) => [b.id, `b${i}`]));
  const threatCount = new Map<string, number>();
  /** Of those, the threats the design file held. */
  const fromFile = new Map<string, number>();
  for (const t of report.threats) {
    for (const id of t.elements) {
      threatCount.set(id, (threatCount.get(id) ?? 0) + 1);
      if (t.origin) fromFile.set(id, (fromFile.get(id) ?? 0) + 1);
    }
  }

  const childrenOf = new Map<string | undefined, Boundary[]>();
  for (const b of model.boundaries) {
    const parent = b.parent && boundaryId.has(b.parent) && b.parent !== b.id ? b.parent : undefined;
    const siblings = childrenOf.get(parent);
    if (siblings) siblings.push(b);
    else childrenOf.set(parent, [b]);
  }
  const elementsIn = new Map<string | undefined, Element[]>();
  for (const e of model.elements) {
    const where = e.boundary && boundaryId.has(e.boundary) ? e.boundary : undefined;
    const group = elementsIn.get(where);
    if (group) group.push(e);
    else elementsIn.set(where, [e]);
  }

  const lines = ['flowchart LR'];
  const node = (e: Element, indent: string): string => {
    const [open, close] = SHAPES[e.kind];
    const count = threatCount.get(e.id) ?? 0;
    const filed = fromFile.get(e.id) ?? 0;
    const text = `${e.name}${e.technology ? `<br/>${e.technology}` : ''}${count ? `<br/>⚠ ${count} open threat${count === 1 ? '' : 's'}${filed ? ` (${filed} from the file)` : ''}` : ''}`;
    return `${indent}${nodeId.get(e.id)}${open}${label(text).replace(/#lt;br\/#gt;/g, '<br/>')}${close}`;
  };
  const subgraph = (b: Boundary, indent: string) => `${indent}subgraph ${boundaryId.get(b.id)}[${label(`${b.name} (${b.type})`)}]`;
  // Depth first with an explicit stack: nesting depth costs no call stack.
  const visited = new Set<string>();
  for (const e of elementsIn.get(undefined) ?? []) lines.push(node(e, '  '));
  const steps: Step[] = (childrenOf.get(undefined) ?? []).map((b) => ({ open: b, depth: 1 })).reverse();
  for (let step = steps.pop(); step; step = steps.pop()) {
    if ('close' in step) {
      lines.push(`${'  '.repeat(step.close)}end`);
      continue;
    }
    const b = step.open;
    if (visited.has(b.id)) continue; // a cycle in parents: draw each boundary once
    visited.add(b.id);
    lines.push(subgraph(b, '  '.repeat(step.depth)));
    for (const e of elementsIn.get(b.id) ?? []) lines.push(node(e, '  '.repeat(step.depth + 1)));
    steps.push({ close: step.depth });
    const children = childrenOf.get(b.id) ?? [];
    for (let i = children.length - 1; i >= 0; i--) steps.push({ open: children[i]!, depth: step.depth + 1 });
  }
  // Boundaries only reachable through a parent cycle still get drawn.
  for (const b of model.boundaries) {
    if (visited.has(b.id)) continue;
    visited.add(b.id);
    lines.push(subgraph(b, '  '));
    for (const e of elementsIn.get(b.id) ?? []) lines.push(node(e, '    '));
    lines.push('  end');
  }

  const crossing = new Map(report.crossings.map((c) => [c.flow, c]));
  for (const f of model.flows) {
    const from = nodeId.get(f.source);
    const to = nodeId.get(f.target);
    if (!from || !to) continue;
    const c = crossing.get(f.id);
    const plaintextCrossing = c !== undefined && c.encrypted !== true;
    const arrow = f.bidirectional ? (plaintextCrossing ? '<-.->' : '<-->') : plaintextCrossing ? '-.->' : '-->';
    const text = [f.label, f.protocol && f.port !== undefined ? `${f.protocol}:${f.port}` : f.protocol].filter(Boolean).join(' · ');
    lines.push(text ? `  ${from} ${arrow}|${label(text)}| ${to}` : `  ${from} ${arrow} ${to}`);
  }
  const flagged = model.elements.filter((e) => (threatCount.get(e.id) ?? 0) > 0).map((e) => nodeId.get(e.id));
  if (flagged.length) {
    lines.push('  classDef threatened stroke:#c62828,stroke-width:2px');
    lines.push(`  class ${flagged.join(',')} threatened`);
  }
  return lines.join('\n') + '\n';
}
