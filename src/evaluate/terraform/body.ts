// Builds evaluated block bodies (TfBody): attributes with values, ranges and refs; nested blocks; `dynamic`
// blocks expanded into blocks of their type.

import type { Attribute, Block, Expr } from '../../parse/hcl/ast.js';
import type { Range } from '../../core/types.js';
import type { TfAttribute, TfBody } from './view.js';
import type { Computed, ProjectContext } from './context.js';
import { findAttribute } from './expand.js';
import { bind, entriesOf, SENSITIVE_REF, type Env } from './expr.js';
import { EvalError, isUnknown, LIMITS, UNKNOWN, type Value } from './values/index.js';

export type BaseEnv = Omit<Env, 'refs' | 'budget'>;

export interface BodyBuilder {
  ctx: ProjectContext;
  file: string;
  /** Evaluates a resource's top-level attribute (memoised by the resource); nested attributes are computed directly. */
  topAttribute?: (attr: Attribute) => Computed;
}

interface BodyShape {
  type: string;
  labels: string[];
  range: Range;
  fromUnknownDynamic?: boolean;
}

/** Attributes whose expressions name things rather than compute values. */
const TRAVERSAL_ATTRIBUTES = new Set(['provider', 'ignore_changes', 'replace_triggered_by']);

export function buildBody(block: Block, env: BaseEnv, builder: BodyBuilder, shape: BodyShape, top = false): TfBody {
  const compute = top && builder.topAttribute ? builder.topAttribute : (attr: Attribute) => computeAttribute(attr, env, builder);
  const attributes = new LazyAttributes(block.body.attributes, compute, env, builder.ctx);
  const blocks: TfBody[] = [];
  for (const nested of block.body.blocks) {
    if (nested.type === 'dynamic') expandDynamic(nested, env, builder, blocks);
    else blocks.push(buildBody(nested, env, builder, { type: nested.type, labels: nested.labels, range: nested.range }));
  }
  const body: TfBody = { type: shape.type, labels: shape.labels, range: shape.range, file: builder.file, attributes, blocks };
  if (shape.fromUnknownDynamic) body.fromUnknownDynamic = true;
  return body;
}

/**
 * An attribute whose value is a template with unknown parts. Its text with those parts marked (`template`) is
 * rendered only if a reader asks (policy readers do); a getter on the class, so no closure per attribute.
 */
class UnknownTemplateAttribute implements TfAttribute {
  readonly name: string;
  readonly range: Range;
  readonly valueRange: Range;
  expression?: string;
  sensitive?: boolean;
  private rendered?: { text: string | undefined };
  constructor(
    private readonly decl: Attribute,
    readonly value: Value,
    readonly refs: string[],
    private readonly owner: LazyAttributes,
  ) {
    this.name = decl.name;
    this.range = decl.range;
    this.valueRange = decl.expr.range;
  }
  get template(): string | undefined {
    this.rendered ??= { text: this.owner.markedTemplate(this.decl) };
    return this.rendered.text;
  }
}

/**
 * A body's attributes, each evaluated the first time it is read. Rules read a handful of attributes of
 * each resource; evaluating the rest (tags, names, descriptions) up front was a large share of a scan.
 * Iterating evaluates everything, in source order.
 */
class LazyAttributes implements ReadonlyMap<string, TfAttribute> {
  private readonly declared = new Map<string, Attribute>();
  private readonly evaluated = new Map<string, TfAttribute>();

  constructor(
    attributes: readonly Attribute[],
    private readonly compute: (attr: Attribute) => Computed,
    private readonly env: BaseEnv,
    private readonly ctx: ProjectContext,
  ) {
    // A repeated name keeps its first position and its last definition, as a Map built in order would.
    for (const attr of attributes) this.declared.set(attr.name, attr);
  }

  get(name: string): TfAttribute | undefined {
    const done = this.evaluated.get(name);
    if (done) return done;
    const attr = this.declared.get(name);
    if (!attr) return undefined;
    const c = this.compute(attr);
    // refs arrays are shared with the memo, not copied: rules read them, never write.
    const sensitive = c.refs.includes(SENSITIVE_REF);
    const refs = (sensitive ? c.refs.filter((r) => r !== SENSITIVE_REF) : c.refs) as string[];
    const evaluated: TfAttribute =
      isUnknown(c.value) && attr.expr.kind === 'Template' ? new UnknownTemplateAttribute(attr, c.value, refs, this) : { name: attr.name, value: c.value, range: attr.range, valueRange: attr.expr.range, refs };
    if (sensitive) evaluated.sensitive = true;
    if (isUnknown(c.value)) {
      const key = sameValueKey(attr.expr);
      if (key !== undefined) evaluated.expression = key;
    }
    this.evaluated.set(name, evaluated);
    return evaluated;
  }

  /** The attribute's template rendered with its unknown parts marked (see ProjectContext.markedTemplate). */
  markedTemplate(attr: Attribute): string | undefined {
    return this.ctx.markedTemplate(attr.expr, this.env);
  }

  has(name: string): boolean {
    return this.declared.has(name);
  }

  get size(): number {
    return this.declared.size;
  }

  *entries(): MapIterator<[string, TfAttribute]> {
    for (const name of this.declared.keys()) yield [name, this.get(name)!];
  }

  *keys(): MapIterator<string> {
    yield* this.declared.keys();
  }

  *values(): MapIterator<TfAttribute> {
    for (const name of this.declared.keys()) yield this.get(name)!;
  }

  [Symbol.iterator](): MapIterator<[string, TfAttribute]> {
    return this.entries();
  }

  forEach(callback: (value: TfAttribute, key: string, map: ReadonlyMap<string, TfAttribute>) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }
}

export function computeAttribute(attr: Attribute, env: BaseEnv, builder: BodyBuilder): Computed {
  if (TRAVERSAL_ATTRIBUTES.has(attr.name)) {
    const text = traversalValue(attr.expr);
    if (text !== undefined) return { value: text, refs: [] };
  }
  return builder.ctx.compute(attr.expr, env, builder.file);
}

/** `aws.west` → "aws.west"; `[tags, ami]` → ["tags", "ami"]; undefined when the expression is not a traversal. */
function traversalValue(expr: Expr): Value | undefined {
  if (expr.kind === 'Tuple') {
    const items = expr.items.map(traversalText);
    return items.every((x) => x !== undefined) ? (items as string[]) : undefined;
  }
  return traversalText(expr);
}

/** `a.b["c"]` as text; undefined for anything but names, attributes and literal keys. A loop: chains can be long. */
function traversalText(expr: Expr): string | undefined {
  const steps: string[] = [];
  let e = expr;
  for (;;) {
    if (e.kind === 'GetAttr') {
      steps.push(`.${e.name}`);
      e = e.target;
    } else if (e.kind === 'Index') {
      if (e.key.kind !== 'Literal') return undefined;
      steps.push(`[${JSON.stringify(e.key.value)}]`);
      e = e.target;
    } else if (e.kind === 'Paren') e = e.expr;
    else break;
  }
  if (e.kind !== 'Variable') return undefined;
  let text = e.name;
  for (let i = steps.length - 1; i >= 0; i--) text += steps[i]!;
  return text;
}

function expandDynamic(block: Block, env: BaseEnv, builder: BodyBuilder, out: TfBody[]): void {
  const type = block.labels[0];
  const content = block.body.blocks.find((b) => b.type === 'content');
  const forEach = findAttribute(block, 'for_each');
  if (type === undefined || !content || !forEach) return;
  const iteratorAttr = findAttribute(block, 'iterator');
  const iterator = iteratorAttr?.expr.kind === 'Variable' ? iteratorAttr.expr.name : type;
  const labelsAttr = findAttribute(block, 'labels');
  const collection = builder.ctx.compute(forEach.expr, env, builder.file).value;

  let entries: [Value, Value][] | undefined;
  try {
    entries = collection === null ? [] : entriesOf(collection, 'dynamic for_each');
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    entries = undefined;
  }
  if (!entries) {
    const inner = bind(env, iterator, { key: UNKNOWN, value: UNKNOWN });
    out.push(buildBody(content, inner, builder, { type, labels: [], range: block.range, fromUnknownDynamic: true }));
    return;
  }
  if (entries.length > LIMITS.maxInstances) {
    builder.ctx.warn(`dynamic "${type}" yields ${entries.length} blocks; only the first ${LIMITS.maxInstances} are evaluated`, builder.file, forEach.range, 'evaluation-limit');
    entries = entries.slice(0, LIMITS.maxInstances);
  }
  for (const [key, value] of entries) {
    const inner = bind(env, iterator, { key, value });
    let labels: string[] = [];
    if (labelsAttr) {
      const l = builder.ctx.compute(labelsAttr.expr, inner, builder.file).value;
      if (Array.isArray(l)) labels = l.map((x) => (isUnknown(x) || x === null || typeof x === 'object' ? '' : String(x)));
    }
    out.push(buildBody(content, inner, builder, { type, labels, range: block.range }));
    // Every expanded block costs budget, so nested dynamics cannot multiply without bound.
    if (!builder.ctx.spend(1 + content.body.attributes.length)) {
      builder.ctx.warn(`dynamic "${type}" expansion stopped: evaluation budget exhausted`, builder.file, forEach.range, 'evaluation-limit');
      return;
    }
  }

}

/**
 * `var.x`, `local.y.z`, `var.m["k"]`: expressions whose value is the same wherever they appear in one module
 * instance (unlike `each.value` or a resource attribute), written canonically; undefined for anything else.
 */
export function sameValueKey(expr: Expr): string | undefined {
  // Find the root name first: most unknowns are resource attributes, and need no string built.
  let root = expr;
  while (root.kind === 'GetAttr' || root.kind === 'Index' || root.kind === 'Paren') root = root.kind === 'Paren' ? root.expr : root.target;
  if (root.kind !== 'Variable' || (root.name !== 'var' && root.name !== 'local')) return undefined;
  return traversalText(expr);
}
