// Mermaid `flowchart` / `graph` → architecture. Hand-written: nodes and shapes, edges and their labels,
// chains and `&` groups, nested subgraphs as trust boundaries. Styling lines are skipped; anything not
// understood becomes a warning with its line, never an exception.

import type { ElementKind } from '../schema/architecture.js';
import type { ModelBuilder } from './builder.js';
import { cleanLabel, describeNode, flowFromLabel } from './labels.js';
import type { SourceLine } from './source.js';
import { boundaryTypeFromName } from './vocabulary.js';


const SHAPES: ReadonlyArray<{ open: string; close: readonly string[]; kind?: ElementKind }> = [
  { open: '(((', close: [')))'] },
  { open: '([', close: ['])'] },
  { open: '[[', close: [']]'] },
  { open: '[(', close: [')]'], kind: 'datastore' },
  { open: '((', close: ['))'] },
  { open: '{{', close: ['}}'] },
  { open: '[/', close: ['/]', '\\]'] },
  { open: '[\\', close: ['\\]', '/]'] },
  { open: '(', close: [')'] },
  { open: '[', close: [']'] },
  { open: '{', close: ['}'] },
];

/** `@{ shape: … }` names that draw storage. */
const STORE_SHAPES = new Set(['cyl', 'cylinder', 'database', 'db', 'lin-cyl', 'disk', 'h-cyl', 'das', 'horizontal-cylinder', 'lined-cylinder', 'stored-data', 'bow-rect', 'direct-access-storage']);

const IGNORED = /^(?:classDef|class|style|linkStyle|click|accTitle|accDescr|title|direction)\b/;

interface ParsedNode {
  id: string;
  label?: string;
  shapeKind?: ElementKind;
}

interface EdgeToken {
  label?: string;
  bidirectional: boolean;
  invisible: boolean;
}

export function parseMermaidFlowchart(lines: readonly SourceLine[], builder: ModelBuilder): void {
  const state = new FlowchartState(builder);
  let headerSeen = false;
  let inAccBlock = false;
  let pending: SourceLine | undefined;
  for (const current of lines) {
    // A quoted label may span lines (markdown strings); read it as one statement from its first line.
    const joined: SourceLine = pending ? { text: `${pending.text}\n${current.text}`, line: pending.line } : current;
    if (!joined.text.trim().startsWith('%%') && count(joined.text, '"') % 2 === 1 && current !== lines[lines.length - 1]) {
      pending = joined;
      continue;
    }
    pending = undefined;
    const { text, line } = joined;
    const trimmed = text.trim();
    if (inAccBlock) {
      if (trimmed.includes('}')) inAccBlock = false;
      continue;
    }
    if (!trimmed || trimmed.startsWith('%%')) continue;
    if (!headerSeen) {
      if (/^(?:flowchart|graph)\b/i.test(trimmed)) {
        headerSeen = true;
        continue;
      }
    }
    if (/^accDescr\s*\{/.test(trimmed) && !trimmed.includes('}')) {
      inAccBlock = true;
      continue;
    }
    for (const statement of splitStatements(trimmed)) state.statement(statement, line);
  }
  state.finish();
}

class FlowchartState {
  private readonly subgraphStack: string[] = [];
  private readonly subgraphIds = new Set<string>();
  private readonly defined = new Set<string>();

  constructor(private readonly builder: ModelBuilder) {}

  statement(raw: string, line: number): void {
    const s = raw.trim();
    if (!s || s.startsWith('%%')) return;
    if (IGNORED.test(s)) return;
    const sub = /^subgraph\b\s*(.*)$/.exec(s);
    if (sub) return this.openSubgraph(sub[1] ?? '', line);
    if (/^end\s*$/.test(s)) {
      if (this.subgraphStack.pop() === undefined) this.builder.note('warning', 'unmatched "end" ignored', line);
      return;
    }
    this.chain(s, line);
  }

  finish(): void {
    if (this.subgraphStack.length > 0) this.builder.note('warning', `${this.subgraphStack.length} subgraph(s) not closed with "end"`);
    // Edges drawn to a subgraph itself cannot be a data flow between elements.
    for (const id of this.subgraphIds) {
      if (this.defined.has(id) || !this.builder.elements.has(id)) continue;
      const element = this.builder.elements.get(id)!;
      this.builder.elements.delete(id);
      for (let i = this.builder.flows.length - 1; i >= 0; i--) {
        const f = this.builder.flows[i]!;
        if (f.sourceKey === id || f.targetKey === id) this.builder.flows.splice(i, 1);
      }
      this.builder.note('warning', `edges to subgraph "${id}" are not data flows between elements; they were left out`, element.line);
    }
  }

  private openSubgraph(rest: string, line: number): void {
    let id: string;
    let title: string;
    const withTitle = /^([^\s[\]"]+)\s*\[(.*)\]\s*$/.exec(rest.trim());
    if (withTitle) {
      id = withTitle[1]!;
      title = cleanLabel(withTitle[2]!);
    } else {
      title = cleanLabel(rest.trim());
      id = rest.trim().replace(/^"|"$/g, '');
    }
    if (!id) {
      id = `subgraph-${line}`;
      title = title || 'Unnamed zone';
    }
    const name = (title || id).replace(/\n/g, ' ');
    const key = `sg:${id}`;
    this.subgraphIds.add(id);
    const parentKey = this.subgraphStack[this.subgraphStack.length - 1];
    const type = boundaryTypeFromName(name) ?? boundaryTypeFromName(id) ?? 'other';
    this.builder.addBoundary(key, parentKey === undefined ? { name, type, line } : { name, type, parentKey, line });
    this.subgraphStack.push(key);
  }

  private chain(s: string, line: number): void {
    // Parse the whole statement first and only then record it, so a half-understood line adds nothing.
    const cursor = { s, pos: 0 };
    const nodes: ParsedNode[] = [];
    const pairs: Array<[string, string, EdgeToken]> = [];
    let group = nodeGroup(cursor);
    if (!group) {
      this.builder.note('warning', `not understood: ${truncate(s)}`, line);
      return;
    }
    nodes.push(...group);
    for (;;) {
      const edge = parseEdge(cursor);
      if (!edge) break;
      const next = nodeGroup(cursor);
      if (!next) {
        this.builder.note('warning', `edge without a target: ${truncate(s)}`, line);
        return;
      }
      nodes.push(...next);
      if (!edge.invisible) for (const a of group) for (const b of next) pairs.push([a.id, b.id, edge]);
      group = next;
    }
    skipSpace(cursor);
    if (cursor.pos < s.length) {
      this.builder.note('warning', `not understood: ${truncate(s)}`, line);
      return;
    }
    for (const n of nodes) this.touch(n.id, n.label, n.shapeKind, line);
    for (const [a, b, edge] of pairs) this.addFlow(a, b, edge, line);
    // Listing an already-defined node inside a subgraph moves it there, as Mermaid draws it.
    const zone = this.subgraphStack[this.subgraphStack.length - 1];
    if (zone !== undefined && pairs.length === 0) for (const n of nodes) this.builder.elements.get(n.id)!.boundaryKey = zone;
  }

  private addFlow(source: string, target: string, edge: EdgeToken, line: number): void {
    const hints = flowFromLabel(this.builder, edge.label);
    this.builder.addFlow({ sourceKey: source, targetKey: target, ...hints, ...(edge.bidirectional ? { bidirectional: true } : {}), line });
  }

  /** First mention creates the element; the first mention with a label defines it (name, kind, zone, line). */
  private touch(id: string, label: string | undefined, shapeKind: ElementKind | undefined, line: number): void {
    const boundaryKey = this.subgraphStack[this.subgraphStack.length - 1];
    const existing = this.builder.elements.get(id);
    const defining = label !== undefined && !this.defined.has(id);
    if (existing && !defining) {
      if (existing.boundaryKey === undefined && boundaryKey !== undefined && !this.defined.has(id)) existing.boundaryKey = boundaryKey;
      return;
    }
    const d = describeNode(label ?? id, shapeKind);
    const draft = {
      name: d.name,
      kind: d.kind,
      ...(d.technology ? { technology: d.technology } : {}),
      ...(d.description ? { description: d.description } : {}),
      ...(boundaryKey !== undefined ? { boundaryKey } : {}),
      line,
    };
    if (label !== undefined) this.defined.add(id);
    if (!existing) {
      this.builder.addElement(id, draft);
      return;
    }
    // Defined after being referenced: the definition wins, but keep the zone of first placement if none now.
    Object.assign(existing, draft, { boundaryKey: boundaryKey ?? existing.boundaryKey });
    if (existing.boundaryKey === undefined) delete existing.boundaryKey;
  }
}

function nodeGroup(cursor: Cursor): ParsedNode[] | undefined {
  const first = parseNode(cursor);
  if (!first) return undefined;
  const group = [first];
  for (;;) {
    const save = cursor.pos;
    skipSpace(cursor);
    if (cursor.s[cursor.pos] !== '&') {
      cursor.pos = save;
      return group;
    }
    cursor.pos++;
    const next = parseNode(cursor);
    if (!next) return undefined;
    group.push(next);
  }
}

function parseNode(cursor: Cursor): ParsedNode | undefined {
  skipSpace(cursor);
  const idMatch = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.]|-(?=[\p{L}\p{N}_]))*/u.exec(cursor.s.slice(cursor.pos));
  if (!idMatch) return undefined;
  const id = idMatch[0];
  cursor.pos += id.length;
  let label: string | undefined;
  let shapeKind: ElementKind | undefined;
  const shape = readShape(cursor);
  if (shape) {
    label = shape.label;
    shapeKind = shape.kind;
  }
  const extended = readExtendedShape(cursor);
  if (extended) {
    if (extended.label !== undefined) label = extended.label;
    if (extended.shape && STORE_SHAPES.has(extended.shape)) shapeKind = 'datastore';
  }
  const cls = /^:::[\w-]+/.exec(cursor.s.slice(cursor.pos));
  if (cls) cursor.pos += cls[0].length;
  const node: ParsedNode = { id };
  if (label !== undefined) node.label = label;
  if (shapeKind) node.shapeKind = shapeKind;
  return node;
}


interface Cursor {
  s: string;
  pos: number;
}

function skipSpace(c: Cursor): void {
  while (c.pos < c.s.length && /\s/.test(c.s[c.pos]!)) c.pos++;
}

function readShape(c: Cursor): { label: string; kind?: ElementKind } | undefined {
  const rest = c.s.slice(c.pos);
  if (rest.startsWith('>')) {
    const end = findClose(rest, 1, [']']);
    if (!end) return undefined;
    c.pos += end.end;
    return { label: rest.slice(1, end.labelEnd) };
  }
  for (const shape of SHAPES) {
    if (!rest.startsWith(shape.open)) continue;
    const end = findClose(rest, shape.open.length, shape.close);
    if (!end) continue;
    c.pos += end.end;
    const label = rest.slice(shape.open.length, end.labelEnd);
    return shape.kind ? { label, kind: shape.kind } : { label };
  }
  return undefined;
}

/** Finds where a label ends: after a closing quote if quoted, else at the first closer. */
function findClose(s: string, start: number, closers: readonly string[]): { labelEnd: number; end: number } | undefined {
  let i = start;
  while (s[i] === ' ') i++;
  if (s[i] === '"') {
    const q = s.indexOf('"', i + 1);
    if (q < 0) return undefined;
    let j = q + 1;
    while (s[j] === ' ') j++;
    for (const close of closers) if (s.startsWith(close, j)) return { labelEnd: q + 1, end: j + close.length };
    return undefined;
  }
  let best: { labelEnd: number; end: number } | undefined;
  for (const close of closers) {
    const at = s.indexOf(close, start);
    if (at >= 0 && (!best || at < best.labelEnd)) best = { labelEnd: at, end: at + close.length };
  }
  return best;
}

/** Mermaid 11 `A@{ shape: cyl, label: "Orders" }`. */
function readExtendedShape(c: Cursor): { shape?: string; label?: string } | undefined {
  const rest = c.s.slice(c.pos);
  const m = /^@\{([^}]*)\}/.exec(rest);
  if (!m) return undefined;
  c.pos += m[0].length;
  const out: { shape?: string; label?: string } = {};
  const pairs = /(\w+)\s*:\s*("(?:[^"\\]|\\.)*"|[^,]+)/g;
  for (let p = pairs.exec(m[1]!); p; p = pairs.exec(m[1]!)) {
    const value = p[2]!.trim().replace(/^"|"$/g, '');
    if (p[1] === 'shape') out.shape = value.toLowerCase();
    if (p[1] === 'label') out.label = value;
  }
  return out;
}

const MIDDLE_TEXT_EDGE = /^(<)?(--|==|-\.)\s+(?![->=.])(.*?)\s*(-{2,}>|-{3,}|={2,}>|={3,}|\.+->|\.+-(?!>)|-{2,}[ox](?=\s)|={2,}[ox](?=\s))/;
const PLAIN_EDGE = /^(<|o(?=[-=.])|x(?=[-=.]))?(-\.+-|-{2,}|={2,}|~{3,})(>|o(?=\s)|x(?=\s))?/;

function parseEdge(c: Cursor): EdgeToken | undefined {
  const save = c.pos;
  skipSpace(c);
  let rest = c.s.slice(c.pos);
  // Mermaid 11 edge ids: `A e1@--> B`
  const edgeId = /^[\w-]+@(?=[-=.<~])/.exec(rest);
  if (edgeId) {
    c.pos += edgeId[0].length;
    rest = c.s.slice(c.pos);
  }
  const middle = MIDDLE_TEXT_EDGE.exec(rest);
  if (middle) {
    c.pos += middle[0].length;
    const closer = middle[4]!;
    return { label: middle[3]!, bidirectional: middle[1] === '<' && closer.endsWith('>'), invisible: false };
  }
  const plain = PLAIN_EDGE.exec(rest);
  if (!plain) {
    c.pos = save;
    return undefined;
  }
  c.pos += plain[0].length;
  const token: EdgeToken = { bidirectional: plain[1] === '<' && plain[3] === '>', invisible: plain[2]!.startsWith('~') };
  const pipe = /^\s*\|([^|]*)\|/.exec(c.s.slice(c.pos));
  if (pipe) {
    c.pos += pipe[0].length;
    token.label = pipe[1]!;
  }
  return token;
}

/** Splits on `;` outside quotes and brackets. */
function splitStatements(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && '[({'.includes(ch)) depth++;
    else if (!quoted && '])}'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === ';') {
      out.push(line.slice(start, i));
      start = i + 1;
    }
  }
  out.push(line.slice(start));
  return out.filter((p) => p.trim());
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
