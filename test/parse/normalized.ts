// A parser-neutral shape for comparing Bulwark's HCL AST with tree-sitter's tree: kinds, key details and
// [start, end) offsets in UTF-16 code units. Template literal parts are left out on purpose: tree-sitter
// excludes leading whitespace and newlines from its literal nodes, so their ranges never line up, and their
// decoded values are checked by the unit tests instead.

import type { Attribute, Block, Body, Expr, HclFile, TemplatePart } from '../../src/parse/hcl/ast.js';

export interface NNode {
  kind: string;
  start: number;
  end: number;
  children: NNode[];
}

export function nnode(kind: string, start: number, end: number, children: NNode[] = []): NNode {
  return { kind, start, end, children };
}

export interface NormalizedFile {
  body: NNode;
  comments: NNode[];
  hasErrors: boolean;
}

export function normalizeOurs(file: HclFile): NormalizedFile {
  return {
    body: body(file.body),
    comments: file.comments.map((c) => nnode('Comment', c.range.start.offset, c.range.end.offset)),
    hasErrors: file.errors.length > 0,
  };
}

function body(b: Body): NNode {
  return nnode('Body', 0, 0, b.items.map((item) => (item.kind === 'Attribute' ? attribute(item) : block(item))));
}

function attribute(a: Attribute): NNode {
  return nnode(`Attribute ${a.name}`, a.range.start.offset, a.range.end.offset, [expr(a.expr)]);
}

function block(b: Block): NNode {
  const labels = b.labelRanges.map((r, i) => nnode(`Label ${JSON.stringify(b.labels[i])}`, r.start.offset, r.end.offset));
  return nnode(`Block ${b.type}`, b.range.start.offset, b.range.end.offset, [...labels, body(b.body)]);
}

function expr(e: Expr): NNode {
  const s = e.range.start.offset;
  const t = e.range.end.offset;
  switch (e.kind) {
    case 'Literal': return nnode(`Literal ${String(e.value)}`, s, t);
    case 'Template': return nnode(e.heredoc ? `Heredoc ${e.heredoc.indented ? '<<-' : '<<'}${e.heredoc.marker}` : 'Template', s, t, templateParts(e.parts));
    case 'Tuple': return nnode('Tuple', s, t, e.items.map(expr));
    case 'Object': return nnode('Object', s, t, e.items.map((i) => nnode('Item', i.range.start.offset, i.range.end.offset, [expr(i.key), expr(i.value)])));
    case 'Variable': return nnode(`Variable ${e.name}`, s, t);
    case 'GetAttr': return nnode(`GetAttr ${e.name}`, s, t, [expr(e.target)]);
    case 'Index': return nnode('Index', s, t, [expr(e.target), expr(e.key)]);
    case 'Splat': return nnode(`Splat ${e.style}`, s, t, e.each ? [expr(e.target), expr(e.each)] : [expr(e.target)]);
    case 'Call': return nnode(`Call ${e.name}${e.expandFinal ? ' ...' : ''}`, s, t, e.args.map(expr));
    case 'Conditional': return nnode('Conditional', s, t, [expr(e.condition), expr(e.then), expr(e.else)]);
    case 'Binary': return nnode(`Binary ${e.op}`, s, t, [expr(e.left), expr(e.right)]);
    case 'Unary': return nnode(`Unary ${e.op}`, s, t, [expr(e.operand)]);
    case 'Paren': return nnode('Paren', s, t, [expr(e.expr)]);
    case 'For': {
      const children = [expr(e.collection)];
      if (e.keyExpr) children.push(expr(e.keyExpr));
      children.push(expr(e.valueExpr));
      if (e.condition) children.push(expr(e.condition));
      const vars = e.keyVar !== undefined ? `${e.keyVar},${e.valueVar}` : e.valueVar;
      return nnode(`For ${e.collectionKind} ${vars}${e.grouping ? ' ...' : ''}`, s, t, children);
    }
  }
}

function templateParts(parts: TemplatePart[]): NNode[] {
  const out: NNode[] = [];
  for (const p of parts) {
    const s = p.range.start.offset;
    const t = p.range.end.offset;
    switch (p.kind) {
      case 'TemplateLiteral': break;
      case 'TemplateInterpolation': out.push(nnode(`Interp${p.stripLeft ? ' ~<' : ''}${p.stripRight ? ' ~>' : ''}`, s, t, [expr(p.expr)])); break;
      case 'TemplateIf': {
        const children = [expr(p.condition), nnode('Then', 0, 0, templateParts(p.then))];
        if (p.else) children.push(nnode('Else', 0, 0, templateParts(p.else)));
        out.push(nnode('TIf', s, t, children));
        break;
      }
      case 'TemplateFor': {
        const vars = p.keyVar !== undefined ? `${p.keyVar},${p.valueVar}` : p.valueVar;
        out.push(nnode(`TFor ${vars}`, s, t, [expr(p.collection), nnode('Body', 0, 0, templateParts(p.body))]));
        break;
      }
    }
  }
  return out;
}

/** The first difference between two normalized trees, as a readable path, or undefined when equal. */
export function firstDifference(ours: NormalizedFile, theirs: NormalizedFile, text: string): string | undefined {
  if (ours.hasErrors || theirs.hasErrors) {
    if (ours.hasErrors && theirs.hasErrors) return undefined; // both reject the input
    return ours.hasErrors ? 'Bulwark reports a syntax error, tree-sitter does not' : 'tree-sitter reports a syntax error, Bulwark does not';
  }
  return diffNode(ours.body, theirs.body, 'file', text) ?? diffList(ours.comments, theirs.comments, 'comments', text);
}

function describe(n: NNode, text: string): string {
  const snippet = text.slice(n.start, Math.min(n.end, n.start + 40)).replace(/\n/g, '\\n');
  return `${n.kind} [${n.start},${n.end}) ${JSON.stringify(snippet)}`;
}

function diffNode(a: NNode, b: NNode, path: string, text: string): string | undefined {
  if (a.kind !== b.kind || a.start !== b.start || a.end !== b.end) {
    return `${path}: Bulwark ${describe(a, text)} vs tree-sitter ${describe(b, text)}`;
  }
  return diffList(a.children, b.children, `${path} > ${a.kind}`, text);
}

function diffList(a: NNode[], b: NNode[], path: string, text: string): string | undefined {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = diffNode(a[i]!, b[i]!, `${path}[${i}]`, text);
    if (d) return d;
  }
  if (a.length !== b.length) {
    const extra = a.length > b.length ? `Bulwark has extra ${describe(a[n]!, text)}` : `tree-sitter has extra ${describe(b[n]!, text)}`;
    return `${path}: ${a.length} vs ${b.length} children; ${extra}`;
  }
  return undefined;
}
