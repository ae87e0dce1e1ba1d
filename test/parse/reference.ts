// The reference parser for differential tests: tree-sitter's HCL grammar, converted into the same
// normalized shape as Bulwark's AST (see normalized.ts). Where tree-sitter's tree differs from HCL only in
// representation, or where tree-sitter is wrong, the conversion below says so and maps it to HCL's meaning.

import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { nnode, type NNode, type NormalizedFile } from './normalized.js';

export interface ReferenceParser {
  parse(text: string): NormalizedFile;
}

let loading: Promise<ReferenceParser> | undefined;

export function loadReferenceParser(): Promise<ReferenceParser> {
  loading ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const wasm = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm');
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return {
      parse(text: string): NormalizedFile {
        const tree = parser.parse(text);
        if (!tree) throw new Error('tree-sitter returned no tree');
        try {
          const root = tree.rootNode;
          const comments: NNode[] = [];
          collectComments(root, text, comments);
          const hasErrors = root.hasError;
          let body = nnode('Body', 0, 0);
          if (!hasErrors) {
            const top = root.namedChildren.find((c) => c?.type === 'body' || c?.type === 'object');
            body = top?.type === 'body' ? convertBody(top) : top ? nnode('TopLevelObject', top.startIndex, top.endIndex) : body;
          }
          return { body, comments, hasErrors };
        } finally {
          tree.delete();
        }
      },
    };
  })();
  return loading;
}

function kids(n: Node): Node[] {
  return n.children.filter((c): c is Node => c !== null && c.type !== 'comment');
}

function named(n: Node, type: string): Node[] {
  return kids(n).filter((c) => c.type === type);
}

function collectComments(n: Node, text: string, out: NNode[]): void {
  for (const c of n.children) {
    if (!c) continue;
    if (c.type === 'comment') {
      // tree-sitter's `#`/`//` comments run to the `\n` and so keep the `\r` of a CRLF line ending.
      let end = c.endIndex;
      if (text.charCodeAt(end - 1) === 13) end--;
      out.push(nnode('Comment', c.startIndex, end));
    } else if (c.childCount > 0) {
      collectComments(c, text, out);
    }
  }
}

function convertBody(n: Node): NNode {
  const items: NNode[] = [];
  for (const c of kids(n)) {
    if (c.type === 'attribute') items.push(convertAttribute(c));
    else if (c.type === 'block') items.push(convertBlock(c));
  }
  return nnode('Body', 0, 0, items);
}

function convertAttribute(n: Node): NNode {
  const [name, , value] = kids(n);
  return nnode(`Attribute ${name!.text}`, n.startIndex, n.endIndex, [convertExpression(value!)]);
}

function convertBlock(n: Node): NNode {
  const children = kids(n);
  const type = children[0]!.text;
  const out: NNode[] = [];
  let body = nnode('Body', 0, 0);
  for (const c of children.slice(1)) {
    if (c.type === 'identifier') out.push(nnode(`Label ${JSON.stringify(c.text)}`, c.startIndex, c.endIndex));
    else if (c.type === 'string_lit') out.push(nnode(`Label ${JSON.stringify(decodeQuoted(c.text))}`, c.startIndex, c.endIndex));
    else if (c.type === 'body') body = convertBody(c);
  }
  out.push(body);
  return nnode(`Block ${type}`, n.startIndex, n.endIndex, out);
}

function decodeQuoted(raw: string): string {
  const inner = raw.slice(1, -1);
  if (!inner.includes('\\')) return inner;
  try {
    return JSON.parse(raw) as string;
  } catch {
    return inner;
  }
}

function convertExpression(n: Node): NNode {
  const children = kids(n);
  if (children.length === 1 && children[0]!.type === 'conditional') return convertConditional(children[0]!);
  return convertTerms(children);
}

/**
 * tree-sitter's conditional is left-associative, so `a ? b : c ? d : e` comes out as `(a ? b : c) ? d : e`.
 * HCL parses the condition as a binary expression and both branches as full expressions (right-associative),
 * so an unparenthesized conditional in condition position is rotated into the else branch.
 */
function convertConditional(n: Node): NNode {
  const [cond, then, otherwise] = named(n, 'expression').map(convertExpression);
  return rotate(cond!, then!, otherwise!, n.startIndex, n.endIndex);
}

function rotate(cond: NNode, then: NNode, otherwise: NNode, start: number, end: number): NNode {
  // A parenthesized conditional arrives as a Paren node, so only the misgrouped case is rotated.
  if (cond.kind === 'Conditional') {
    const [c, t, e] = cond.children;
    return rotate(c!, t!, rotate(e!, then, otherwise, e!.start, end), start, end);
  }
  return nnode('Conditional', start, end, [cond, then, otherwise]);
}

/** `_expr_term` is hidden in the grammar: a term arrives as a primary followed by sibling traversal steps. */
function convertTerms(children: Node[]): NNode {
  let cur: NNode;
  let i: number;
  const first = children[0]!;
  if (first.type === '(') {
    const inner = convertExpression(children[1]!);
    cur = nnode('Paren', first.startIndex, children[2]!.endIndex, [inner]);
    i = 3;
  } else {
    cur = convertPrimary(first);
    i = 1;
  }
  for (; i < children.length; i++) cur = applyStep(cur, children[i]!);
  return cur;
}

function applyStep(target: NNode, step: Node): NNode {
  switch (step.type) {
    case 'get_attr':
      return nnode(`GetAttr ${named(step, 'identifier')[0]!.text}`, target.start, step.endIndex, [target]);
    case 'index': {
      const idx = kids(step)[0]!;
      if (idx.type === 'legacy_index') {
        const key = nnode(`Literal ${String(Number(idx.text.slice(1)))}`, idx.startIndex + 1, idx.endIndex);
        return nnode('Index', target.start, step.endIndex, [target, key]);
      }
      return nnode('Index', target.start, step.endIndex, [target, convertExpression(named(idx, 'expression')[0]!)]);
    }
    case 'splat': {
      const splat = kids(step)[0]!;
      const full = splat.type === 'full_splat';
      const [star, ...steps] = kids(splat);
      let each: NNode = nnode('Variable *', star!.startIndex, star!.endIndex);
      let end = star!.endIndex;
      let k = 0;
      for (; k < steps.length; k++) {
        const s = steps[k]!;
        // HCL's attribute splat `.*` takes only `.name`/`.0` steps; tree-sitter also swallows `[k]`, which in
        // HCL indexes the splat's result instead.
        if (!full && s.type === 'index' && kids(s)[0]!.type === 'new_index') break;
        each = applyStep(each, s);
        end = s.endIndex;
      }
      let cur = nnode(`Splat ${full ? 'full' : 'attr'}`, target.start, end, k > 0 ? [target, each] : [target]);
      for (; k < steps.length; k++) cur = applyStep(cur, steps[k]!);
      return cur;
    }
    default:
      throw new Error(`unexpected traversal step ${step.type}`);
  }
}

const BINARY_OPERATORS = new Set(['||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%']);

function convertPrimary(n: Node): NNode {
  const s = n.startIndex;
  const e = n.endIndex;
  switch (n.type) {
    case 'literal_value': {
      const v = kids(n)[0]!;
      if (v.type === 'numeric_lit') return nnode(`Literal ${String(Number(v.text))}`, s, e);
      if (v.type === 'bool_lit') return nnode(`Literal ${v.text}`, s, e);
      if (v.type === 'null_lit') return nnode('Literal null', s, e);
      return nnode('Template', s, e); // string_lit: a template with one literal part
    }
    case 'template_expr':
      return convertTemplate(kids(n)[0]!);
    case 'collection_value':
      return convertCollection(kids(n)[0]!);
    case 'variable_expr':
      return nnode(`Variable ${n.text}`, s, e);
    case 'function_call': {
      const name = kids(n)[0]!.text;
      const args = named(n, 'function_arguments')[0];
      const exprs = args ? named(args, 'expression').map(convertExpression) : [];
      const expand = args ? named(args, 'ellipsis').length > 0 : false;
      return nnode(`Call ${name}${expand ? ' ...' : ''}`, s, e, exprs);
    }
    case 'for_expr':
      return convertFor(kids(n)[0]!);
    case 'operation': {
      const op = kids(n)[0]!;
      const children = kids(op);
      if (op.type === 'unary_operation') return nnode(`Unary ${children[0]!.type}`, s, e, [convertTerms(children.slice(1))]);
      const k = children.findIndex((c) => !c.isNamed && BINARY_OPERATORS.has(c.type));
      return nnode(`Binary ${children[k]!.type}`, s, e, [convertTerms(children.slice(0, k)), convertTerms(children.slice(k + 1))]);
    }
    default:
      throw new Error(`unexpected expression node ${n.type}`);
  }
}

function convertCollection(n: Node): NNode {
  if (n.type === 'tuple') return nnode('Tuple', n.startIndex, n.endIndex, named(n, 'expression').map(convertExpression));
  const items = named(n, 'object_elem').map((el) => {
    const key = el.childForFieldName('key')!;
    const val = el.childForFieldName('val')!;
    return nnode('Item', el.startIndex, el.endIndex, [convertExpression(key), convertExpression(val)]);
  });
  return nnode('Object', n.startIndex, n.endIndex, items);
}

function forVars(intro: Node): string {
  return named(intro, 'identifier').map((c) => c.text).join(',');
}

function convertFor(n: Node): NNode {
  const intro = named(n, 'for_intro')[0]!;
  const children = [convertExpression(named(intro, 'expression')[0]!)];
  for (const x of named(n, 'expression')) children.push(convertExpression(x));
  const cond = named(n, 'for_cond')[0];
  if (cond) children.push(convertExpression(named(cond, 'expression')[0]!));
  const object = n.type === 'for_object_expr';
  const grouping = named(n, 'ellipsis').length > 0;
  return nnode(`For ${object ? 'object' : 'tuple'} ${forVars(intro)}${grouping ? ' ...' : ''}`, n.startIndex, n.endIndex, children);
}

function convertTemplate(n: Node): NNode {
  if (n.type === 'quoted_template') return nnode('Template', n.startIndex, n.endIndex, templateParts(kids(n)));
  const children = kids(n);
  const opener = children[0]!.text;
  const marker = children[1]!.text;
  return nnode(`Heredoc ${opener}${marker}`, n.startIndex, n.endIndex, templateParts(children));
}

function templateParts(children: Node[]): NNode[] {
  const out: NNode[] = [];
  for (const c of children) {
    if (c.type === 'template_interpolation') {
      const parts = kids(c);
      const stripLeft = parts[1]?.type === 'strip_marker';
      const stripRight = parts[parts.length - 2]?.type === 'strip_marker' && parts.length > (stripLeft ? 3 : 2);
      const inner = named(c, 'expression').map(convertExpression);
      out.push(nnode(`Interp${stripLeft ? ' ~<' : ''}${stripRight ? ' ~>' : ''}`, c.startIndex, c.endIndex, inner));
    } else if (c.type === 'template_directive') {
      out.push(convertDirective(kids(c)[0]!));
    }
  }
  return out;
}

function convertDirective(n: Node): NNode {
  const children = kids(n);
  if (n.type === 'template_for') {
    const start = children[0]!;
    const vars = named(start, 'identifier').map((c) => c.text).join(',');
    const coll = convertExpression(named(start, 'expression')[0]!);
    return nnode(`TFor ${vars}`, n.startIndex, n.endIndex, [coll, nnode('Body', 0, 0, templateParts(children.slice(1, -1)))]);
  }
  const intro = children[0]!;
  const cond = convertExpression(named(intro, 'expression')[0]!);
  const elseAt = children.findIndex((c) => c.type === 'template_else_intro');
  const thenParts = children.slice(1, elseAt >= 0 ? elseAt : -1);
  const out = [cond, nnode('Then', 0, 0, templateParts(thenParts))];
  if (elseAt >= 0) out.push(nnode('Else', 0, 0, templateParts(children.slice(elseAt + 1, -1))));
  return nnode('TIf', n.startIndex, n.endIndex, out);
}
