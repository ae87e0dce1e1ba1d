// The order to evaluate locals in. A local reading another is evaluated recursively, so a chain of ten
// thousand locals (`l1 = local.l0 + 1`, ...) overflowed the stack. Evaluating a local's dependencies first,
// deepest first, keeps every evaluation one level deep. Dependencies are read from the syntax, as
// Terraform builds its graph, and found without recursion; locals in a cycle are reported as such.

import type { Expr, TemplatePart } from '../../parse/hcl/ast.js';

/** Names of the locals an expression refers to (`local.name`), each once, in order of appearance. */
export function localReferences(expr: Expr): string[] {
  const names = new Set<string>();
  const stack: (Expr | TemplatePart)[] = [expr];
  const pushParts = (parts: readonly TemplatePart[] | undefined) => {
    if (parts) for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]!);
  };
  while (stack.length) {
    const e = stack.pop()!;
    switch (e.kind) {
      case 'GetAttr':
        if (e.target.kind === 'Variable' && e.target.name === 'local') names.add(e.name);
        else stack.push(e.target);
        break;
      case 'Index':
        stack.push(e.key, e.target);
        break;
      case 'Template':
        pushParts(e.parts);
        break;
      case 'TemplateInterpolation':
        stack.push(e.expr);
        break;
      case 'TemplateIf':
        pushParts(e.else);
        pushParts(e.then);
        stack.push(e.condition);
        break;
      case 'TemplateFor':
        // A loop variable named `local` hides the locals inside the loop.
        if (e.valueVar !== 'local' && e.keyVar !== 'local') pushParts(e.body);
        stack.push(e.collection);
        break;
      case 'Tuple':
        for (let i = e.items.length - 1; i >= 0; i--) stack.push(e.items[i]!);
        break;
      case 'Object':
        for (let i = e.items.length - 1; i >= 0; i--) {
          const item = e.items[i]!;
          stack.push(item.value);
          // A bare name as a key is the key itself, not a reference.
          if (item.key.kind !== 'Variable') stack.push(item.key);
        }
        break;
      case 'Splat':
        if (e.each) stack.push(e.each);
        stack.push(e.target);
        break;
      case 'Call':
        for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i]!);
        break;
      case 'Conditional':
        stack.push(e.else, e.then, e.condition);
        break;
      case 'Binary':
        stack.push(e.right, e.left);
        break;
      case 'Unary':
        stack.push(e.operand);
        break;
      case 'For':
        if (e.valueVar !== 'local' && e.keyVar !== 'local') {
          if (e.condition) stack.push(e.condition);
          stack.push(e.valueExpr);
          if (e.keyExpr) stack.push(e.keyExpr);
        }
        stack.push(e.collection);
        break;
      case 'Paren':
        stack.push(e.expr);
        break;
      default:
        // Literals, template text, bare names.
        break;
    }
  }
  return [...names];
}

export interface LocalOrder {
  /** Locals to evaluate, each after every local it refers to (outside cycles); `start` comes last. */
  order: string[];
  /** Groups of locals that refer to each other in a cycle, each in the order they were reached. */
  cycles: string[][];
}

/**
 * The locals `start` depends on, directly or not, and `start` itself, skipping those `settled` (evaluated,
 * or being evaluated). Tarjan's strongly connected components, with an explicit stack: components come out
 * dependencies first, which is the evaluation order, and a component of more than one local (or a local
 * referring to itself) is a cycle.
 */
export function localOrder(start: string, refsOf: (name: string) => readonly string[], settled: (name: string) => boolean): LocalOrder {
  const order: string[] = [];
  const cycles: string[][] = [];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const component: string[] = [];
  const selfLoop = new Set<string>();
  // Each frame: a local and how many of its references have been looked at.
  const frames: { name: string; refs: readonly string[]; next: number }[] = [];
  const enter = (name: string) => {
    index.set(name, index.size);
    low.set(name, index.get(name)!);
    component.push(name);
    onStack.add(name);
    frames.push({ name, refs: refsOf(name), next: 0 });
  };
  enter(start);
  while (frames.length) {
    const frame = frames[frames.length - 1]!;
    if (frame.next < frame.refs.length) {
      const ref = frame.refs[frame.next++]!;
      if (ref === frame.name) selfLoop.add(ref);
      else if (!index.has(ref)) {
        if (!settled(ref)) enter(ref);
      } else if (onStack.has(ref)) low.set(frame.name, Math.min(low.get(frame.name)!, index.get(ref)!));
      continue;
    }
    frames.pop();
    const parent = frames[frames.length - 1];
    if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
    if (low.get(frame.name) !== index.get(frame.name)) continue;
    const members: string[] = [];
    let member: string;
    do {
      member = component.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== frame.name);
    if (members.length > 1 || selfLoop.has(frame.name)) cycles.push(members.reverse());
    else order.push(frame.name);
  }
  return { order, cycles };
}
