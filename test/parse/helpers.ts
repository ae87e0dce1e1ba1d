// Small helpers shared by the parser tests.

import assert from 'node:assert/strict';
import type { Position, Range } from '../../src/core/types.js';
import type { Attribute, Expr, HclFile, TemplatePart } from '../../src/parse/hcl/ast.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';

export const slice = (text: string, r: Range): string => text.slice(r.start.offset, r.end.offset);

/** Parses text that must be valid and returns the file. */
export function parseOk(text: string): HclFile {
  const file = parseHcl(text, 'test.tf');
  assert.deepEqual(file.errors, [], 'no syntax errors');
  assertPositionsConsistent(file);
  return file;
}

/** The expression of the single attribute in `name = <source>`. */
export function expr(source: string): Expr {
  return attr(`x = ${source}\n`).expr;
}

export function attr(text: string, name?: string): Attribute {
  const file = parseOk(text);
  const found = name ? file.body.attributes.find((a) => a.name === name) : file.body.attributes[0];
  assert.ok(found, `attribute ${name ?? '(first)'} exists`);
  return found;
}

/** A compact S-expression of an expression, for asserting tree shape. */
export function show(e: Expr): string {
  switch (e.kind) {
    case 'Literal': return JSON.stringify(e.value);
    case 'Template': return `"${e.parts.map(showPart).join('')}"`;
    case 'Tuple': return `[${e.items.map(show).join(' ')}]`;
    case 'Object': return `{${e.items.map((i) => `${show(i.key)}=${show(i.value)}`).join(' ')}}`;
    case 'Variable': return e.name;
    case 'GetAttr': return `${show(e.target)}.${e.name}`;
    case 'Index': return `${show(e.target)}[${show(e.key)}]`;
    case 'Splat': return `(splat-${e.style} ${show(e.target)}${e.each ? ` ${show(e.each)}` : ''})`;
    case 'Call': return `${e.name}(${e.args.map(show).join(' ')}${e.expandFinal ? '...' : ''})`;
    case 'Conditional': return `(? ${show(e.condition)} ${show(e.then)} ${show(e.else)})`;
    case 'Binary': return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case 'Unary': return `(${e.op} ${show(e.operand)})`;
    case 'Paren': return `(paren ${show(e.expr)})`;
    case 'For': {
      const vars = e.keyVar !== undefined ? `${e.keyVar},${e.valueVar}` : e.valueVar;
      const body = e.keyExpr ? `${show(e.keyExpr)}=>${show(e.valueExpr)}` : show(e.valueExpr);
      return `(for-${e.collectionKind} ${vars} ${show(e.collection)} ${body}${e.grouping ? '...' : ''}${e.condition ? ` if ${show(e.condition)}` : ''})`;
    }
  }
}

function showPart(p: TemplatePart): string {
  switch (p.kind) {
    case 'TemplateLiteral': return p.value;
    case 'TemplateInterpolation': return `\${${show(p.expr)}}`;
    case 'TemplateIf': return `%{if ${show(p.condition)}}${p.then.map(showPart).join('')}${p.else ? `%{else}${p.else.map(showPart).join('')}` : ''}%{endif}`;
    case 'TemplateFor': return `%{for ${p.keyVar !== undefined ? `${p.keyVar},` : ''}${p.valueVar} in ${show(p.collection)}}${p.body.map(showPart).join('')}%{endfor}`;
  }
}

/** Every position in the tree has the line and column its offset implies (UTF-16 columns, BOM not counted). */
export function assertPositionsConsistent(file: HclFile): void {
  const lineStarts = [0];
  for (let i = 0; i < file.text.length; i++) if (file.text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  if (file.text.charCodeAt(0) === 0xfeff) lineStarts[0] = 1;
  const check = (p: Position): void => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= p.offset) line++;
    assert.deepEqual({ line: p.line, column: p.column }, { line: line + 1, column: p.offset - lineStarts[line]! + 1 }, `position at offset ${p.offset}`);
  };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.offset === 'number' && typeof o.line === 'number' && typeof o.column === 'number') check(o as unknown as Position);
      else for (const [k, x] of Object.entries(o)) if (k !== 'text') visit(x);
    }
  };
  visit(file.body);
  visit(file.comments);
  visit(file.errors);
}
