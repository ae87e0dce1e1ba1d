// Mermaid `flowchart` / `graph` → architecture. Hand-written: nodes and shapes, edges and their labels,
// chains and `&` groups, nested subgraphs as trust boundaries. Styling lines are skipped; anything not
// understood becomes a warning with its line, never an exception.

import type { ElementKind } from '../schema/architecture.js';
import type { ModelBuilder } from './builder.js';
import { cleanLabel, describeNode, flowFromLabel } from './labels.js';
import type { SourceLine } from './source.js';
import { MAX_LABEL_LINES } from './limits.js';
import { boundaryTypeFromName, slugify } from './vocabulary.js';


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
  const oddQuotes = lines.map((l) => !l.text.trim().startsWith('%%') && count(l.text, '"') % 2 === 1);
  for (let i = 0; i < lines.length; i++) {
    // A quoted label may span lines (markdown strings): read it as one statement from its first line, if
    // the quote closes within a few lines; otherwise the quote is unclosed and the line stands alone.
    let joined: SourceLine = lines[i]!;
    if (oddQuotes[i]) {
      const close = closingLine(oddQuotes, i);
      if (close === undefined) builder.note('warning', `a quote opened on this line is not closed within ${MAX_LABEL_LINES} lines; the line is read on its own`, joined.line);
      else {
        joined = { text: lines.slice(i, close + 1).map((l) => l.text).join('\n'), line: joined.line };
        i = close;
      }
    }
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

/** The line that closes a quote opened on line `start` (odd quote counts pair up), within the label limit. */
function closingLine(oddQuotes: readonly boolean[], start: number): number | undefined {
  const last = Math.min(oddQuotes.length - 1, start + MAX_LABEL_LINES - 1);
  for (let j = start + 1; j <= last; j++) if (oddQuotes[j]) return j;
  return undefined;
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
    const dropped = new Set<string>();
    for (const id of this.subgraphIds) {
      if (this.defined.has(id) || !this.builder.elements.has(id)) continue;
      const element = this.builder.elements.get(id)!;
      this.builder.elements.delete(id);
      dropped.add(id);
      this.builder.note('warning', `edges to subgraph "${id}" are not data flows between elements; they were left out`, element.line);
    }
    if (dropped.size === 0) return;
    // One pass over the flows, however many subgraphs were drawn to.
    const flows = this.builder.flows;
    let kept = 0;
    for (const f of flows) if (!dropped.has(f.sourceKey) && !dropped.has(f.targetKey)) flows[kept++] = f;
    flows.length = kept;
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
    if (zone !== undefined && pairs.length === 0) {
      for (const n of nodes) {
        const element = this.builder.elements.get(n.id);
        if (element) element.boundaryKey = zone;
      }
    }
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
      // The node id, not its label: renaming a label keeps the threat ids that tracked decisions use.
      id: slugify(id),
      name: d.name,
      kind: d.kind,
      ...(d.technology ? { technology: d.technology } : {}),
      ...(d.description ? { description: d.description } : {}),
      ...(d.inferredFrom ? { inferredFrom: d.inferredFrom } : {}),
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
  const idMatch = stickyMatch(NODE_ID, cursor);
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
  const cls = stickyMatch(CLASS_SUFFIX, cursor);
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

// The statement is read in place with sticky patterns: slicing off "the rest" at every token would copy a
// long line once per token.
const NODE_ID = /[\p{L}\p{N}_](?:[\p{L}\p{N}_.]|-(?=[\p{L}\p{N}_]))*/uy;
const CLASS_SUFFIX = /:::[\w-]+/y;
const EXTENDED_SHAPE = /@\{([^}]*)\}/y;
const EDGE_ID = /[\w-]+@(?=[-=.<~])/y;
const EDGE_PIPE_LABEL = /\s*\|([^|]*)\|/y;

function stickyMatch(re: RegExp, c: Cursor): RegExpExecArray | null {
  re.lastIndex = c.pos;
  return re.exec(c.s);
}

function skipSpace(c: Cursor): void {
  while (c.pos < c.s.length && /\s/.test(c.s[c.pos]!)) c.pos++;
}

function readShape(c: Cursor): { label: string; kind?: ElementKind } | undefined {
  const { s, pos } = c;
  if (s.startsWith('>', pos)) {
    const end = findClose(s, pos + 1, [']']);
    if (!end) return undefined;
    c.pos = end.end;
    return { label: s.slice(pos + 1, end.labelEnd) };
  }
  for (const shape of SHAPES) {
    if (!s.startsWith(shape.open, pos)) continue;
    const end = findClose(s, pos + shape.open.length, shape.close);
    if (!end) continue;
    c.pos = end.end;
    const label = s.slice(pos + shape.open.length, end.labelEnd);
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
  const m = stickyMatch(EXTENDED_SHAPE, c);
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

/** How far a `-- text -->` label may reach: the search for its closing arrow never scans the whole line. */
const MAX_EDGE_TEXT = 1000;
const MIDDLE_TEXT_EDGE = /^(<)?(--|==|-\.)\s+(?![->=.])(.*?)\s*(-{2,}>|-{3,}|={2,}>|={3,}|\.+->|\.+-(?!>)|-{2,}[ox](?=\s)|={2,}[ox](?=\s))/;
const PLAIN_EDGE = /^(<|o(?=[-=.])|x(?=[-=.]))?(-\.+-|-{2,}|={2,}|~{3,})(>|o(?=\s)|x(?=\s))?/;

function parseEdge(c: Cursor): EdgeToken | undefined {
  const save = c.pos;
  skipSpace(c);
  // Mermaid 11 edge ids: `A e1@--> B`
  const edgeId = stickyMatch(EDGE_ID, c);
  if (edgeId) c.pos += edgeId[0].length;
  const rest = c.s.slice(c.pos, c.pos + MAX_EDGE_TEXT);
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
  const pipe = stickyMatch(EDGE_PIPE_LABEL, c);
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
