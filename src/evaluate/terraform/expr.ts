// The expression evaluator: turns HCL expressions into values. Names that are not locally bound (for-expression
// variables, dynamic iterators, splat elements) are resolved by a Resolver, which knows the module, its variables,
// locals, resources and the current count/each. Errors throw EvalError; unknowns flow through as UNKNOWN.

import type { BinaryExpr, Expr, ForExpr, ObjectExpr, TemplatePart, VariableExpr } from '../../parse/hcl/ast.js';
import { addRef, bind, lookupBinding, SENSITIVE_REF, type Env, type Step } from './env.js';
import { pushAll } from '../../core/arrays.js';
import { callFunction } from './functions/index.js';
import {
  BudgetError,
  checkCollectionSize,
  checkStringSize,
  containsUnknown,
  EvalError,
  isObject,
  isOpen,
  isUnknown,
  sortedKeys,
  toBool,
  toNum,
  toStr,
  UNKNOWN,
  type Value,
  type ValueObject,
} from './values/index.js';
import { valuesEqual } from './values/sets.js';

export { addRef, bind, SENSITIVE_REF, type Binding, type Budget, type Env, type Resolver, type Step } from './env.js';

function spend(env: Env, n = 1): void {
  env.budget.steps += n;
  if (env.budget.steps > env.budget.limit) throw new BudgetError('evaluation budget exhausted');
}

export function evaluate(expr: Expr, env: Env): Value {
  spend(env);
  switch (expr.kind) {
    case 'Literal':
      return expr.value;
    case 'Template':
      return evaluateTemplate(expr.parts, env);
    case 'Tuple':
      return expr.items.map((item) => evaluate(item, env));
    case 'Object':
      return evaluateObject(expr, env);
    case 'Paren':
      return evaluate(expr.expr, env);
    case 'Variable':
    case 'GetAttr':
    case 'Index':
      return evaluateTraversal(expr, env);
    case 'Splat':
      return evaluateSplat(expr.target, expr.each, env);
    case 'Call':
      return evaluateCall(expr.name, expr.args, expr.expandFinal, env);
    case 'Conditional': {
      const c = evaluate(expr.condition, env);
      if (isUnknown(c)) {
        // Still visit both branches so their references are recorded.
        safeEvaluate(expr.then, env);
        safeEvaluate(expr.else, env);
        return UNKNOWN;
      }
      return toBool(c, 'condition') ? evaluate(expr.then, env) : evaluate(expr.else, env);
    }
    case 'Binary':
      return evaluateBinaryChain(expr, env);
    case 'Unary': {
      const v = evaluate(expr.operand, env);
      if (isUnknown(v)) return UNKNOWN;
      return expr.op === '!' ? !toBool(v, 'operand of !') : -toNum(v, 'operand of -');
    }
    case 'For':
      return evaluateFor(expr, env);
  }
}

/** Evaluates for its references only, ignoring failures. */
function safeEvaluate(expr: Expr, env: Env): void {
  try {
    evaluate(expr, env);
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
  }
}

function evaluateObject(expr: ObjectExpr, env: Env): Value {
  const out: ValueObject = {};
  let unknownKey = false;
  for (const item of expr.items) {
    const key = item.key.kind === 'Variable' ? item.key.name : evaluate(item.key, env);
    const value = evaluate(item.value, env);
    if (isUnknown(key)) unknownKey = true;
    else out[toStr(key, 'object key')] = value;
  }
  return unknownKey ? UNKNOWN : out;
}

type Flat = { root: VariableExpr; steps: Step[] } | undefined;

/** Splits `a.b[c].d` into its root name and steps, or returns undefined when the root is not a name. */
// Not memoised: a module-level WeakMap keyed by syntax nodes made V8's young-generation collector keep
// every evaluated project alive until the next full collection; flattening is cheap.
function flatten(expr: Expr): Flat {
  const steps: Step[] = [];
  let e: Expr = expr;
  for (;;) {
    if (e.kind === 'GetAttr') {
      steps.push({ kind: 'attr', name: e.name });
      e = e.target;
    } else if (e.kind === 'Index') {
      steps.push({ kind: 'index', key: e.key });
      e = e.target;
    } else break;
  }
  if (e.kind !== 'Variable') return undefined;
  return { root: e, steps: steps.reverse() };
}

function evaluateTraversal(expr: Expr, env: Env): Value {
  const flat = flatten(expr);
  if (!flat) {
    // e.g. `func(x).attr` or `[1, 2][0]`: evaluate the target, then apply the last step.
    if (expr.kind === 'GetAttr') return applyStep(evaluate(expr.target, env), { kind: 'attr', name: expr.name }, env);
    if (expr.kind === 'Index') return applyStep(evaluate(expr.target, env), { kind: 'index', key: expr.key }, env);
    throw new EvalError('unexpected expression');
  }
  const binding = lookupBinding(env, flat.root.name);
  let value: Value;
  let consumed = 0;
  if (binding) value = binding.value;
  else ({ value, consumed } = env.resolver.resolve(flat.root, flat.steps, env));
  return applySteps(value, flat.steps, consumed, env);
}

export function applySteps(value: Value, steps: readonly Step[], from: number, env: Env): Value {
  let v = value;
  for (let i = from; i < steps.length; i++) v = applyStep(v, steps[i]!, env);
  return v;
}

export function applyStep(target: Value, step: Step, env: Env): Value {
  if (step.kind === 'attr') return getAttr(target, step.name);
  const key = evaluate(step.key, env);
  return index(target, key);
}

export function getAttr(target: Value, name: string): Value {
  if (isUnknown(target)) return UNKNOWN;
  if (isObject(target)) {
    if (Object.prototype.hasOwnProperty.call(target, name)) return target[name]!;
    if (isOpen(target)) return UNKNOWN;
    throw new EvalError(`unsupported attribute "${name}"`);
  }
  if (target === null) throw new EvalError(`attempt to get attribute "${name}" from null`);
  throw new EvalError(`cannot get attribute "${name}" from a ${Array.isArray(target) ? 'list' : typeof target}`);
}

export function index(target: Value, key: Value): Value {
  if (isUnknown(target) || isUnknown(key)) return UNKNOWN;
  if (Array.isArray(target)) {
    const i = toNum(key, 'index');
    if (!Number.isInteger(i) || i < 0 || i >= target.length) throw new EvalError(`index ${i} out of range`);
    return target[i]!;
  }
  if (isObject(target)) return getAttr(target, toStr(key, 'key'));
  if (target === null) throw new EvalError('attempt to index null');
  throw new EvalError(`cannot index a ${typeof target}`);
}

function evaluateSplat(targetExpr: Expr, each: Expr | undefined, env: Env): Value {
  const target = evaluate(targetExpr, env);
  if (isUnknown(target)) {
    if (each) safeEvaluate(each, bind(env, '*', UNKNOWN));
    return UNKNOWN;
  }
  if (target === null) return [];
  const items = Array.isArray(target) ? target : [target];
  if (!each) return items;
  return items.map((item) => evaluate(each, bind(env, '*', item)));
}

function evaluateCall(name: string, argExprs: readonly Expr[], expandFinal: boolean, env: Env): Value {
  if (name === 'try') return evaluateTry(argExprs, env);
  if (name === 'can') {
    try {
      const v = evaluate(argExprs[0]!, env);
      return containsUnknown(v) ? UNKNOWN : true;
    } catch (e) {
      if (e instanceof EvalError) return false;
      throw e;
    }
  }
  const args = argExprs.map((a) => evaluate(a, env));
  if (name === 'sensitive') addRef(env, SENSITIVE_REF);
  if (expandFinal && args.length) {
    const last = args.pop()!;
    if (isUnknown(last)) return UNKNOWN;
    if (!Array.isArray(last)) throw new EvalError(`${name}: the expanded argument must be a list`);
    pushAll(args, last);
  }
  return callFunction(name, args, env.budget);
}

/** `try` returns the first argument that evaluates without error; an argument not wholly known makes it unknown. */
function evaluateTry(argExprs: readonly Expr[], env: Env): Value {
  for (const a of argExprs) {
    try {
      const v = evaluate(a, env);
      return containsUnknown(v) ? UNKNOWN : v;
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
    }
  }
  throw new EvalError('try: no argument evaluated without error');
}

/**
 * `a + b + c ...` parses as a chain nested to the left, as deep as it is long: evaluated by a loop up the chain,
 * not by recursion down it, so a generated chain of thousands of terms cannot exhaust the stack.
 */
function evaluateBinaryChain(expr: BinaryExpr, env: Env): Value {
  const chain: BinaryExpr[] = [expr];
  let leftmost = expr.left;
  while (leftmost.kind === 'Binary') {
    spend(env);
    chain.push(leftmost);
    leftmost = leftmost.left;
  }
  let value = evaluate(leftmost, env);
  for (let i = chain.length - 1; i >= 0; i--) value = evaluateBinary(chain[i]!.op, value, chain[i]!.right, env);
  return value;
}

function evaluateBinary(op: string, left: Value, rightExpr: Expr, env: Env): Value {
  if (op === '&&' || op === '||') {
    // A known decisive left side settles the result (and guards the right side, as configs expect).
    const decisive = op === '||';
    if (!isUnknown(left) && toBool(left, `left of ${op}`) === decisive) return decisive;
    const right = evaluate(rightExpr, env);
    if (!isUnknown(right) && toBool(right, `right of ${op}`) === decisive) return decisive;
    if (isUnknown(left) || isUnknown(right)) return UNKNOWN;
    return !decisive;
  }
  const right = evaluate(rightExpr, env);
  if (op === '==' || op === '!=') {
    if (containsUnknown(left) || containsUnknown(right)) return UNKNOWN;
    return valuesEqual(left, right, env.budget) === (op === '==');
  }
  if (isUnknown(left) || isUnknown(right)) return UNKNOWN;
  const a = toNum(left, `left of ${op}`);
  const b = toNum(right, `right of ${op}`);
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new EvalError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new EvalError('modulo by zero');
      return a % b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
  throw new EvalError(`unknown operator ${op}`);
}

/** Iterates a collection as Terraform does: lists by index, maps by sorted key. Returns undefined when unknown. */
export function entriesOf(collection: Value, what: string): [Value, Value][] | undefined {
  if (isUnknown(collection)) return undefined;
  if (Array.isArray(collection)) return collection.map((v, i) => [i, v]);
  if (isObject(collection)) return sortedKeys(collection).map((k) => [k, collection[k]!]);
  if (collection === null) throw new EvalError(`${what}: cannot iterate over null`);
  throw new EvalError(`${what}: cannot iterate over a ${typeof collection}`);
}

function evaluateFor(expr: ForExpr, env: Env): Value {
  const entries = entriesOf(evaluate(expr.collection, env), 'for expression');
  if (!entries) {
    const inner = bind(expr.keyVar ? bind(env, expr.keyVar, UNKNOWN) : env, expr.valueVar, UNKNOWN);
    if (expr.keyExpr) safeEvaluate(expr.keyExpr, inner);
    safeEvaluate(expr.valueExpr, inner);
    return UNKNOWN;
  }
  checkCollectionSize(entries.length);
  const list: Value[] = [];
  const obj: ValueObject = {};
  const groups = new Map<string, Value[]>();
  let unknown = false;
  for (const [k, v] of entries) {
    spend(env);
    let inner = bind(env, expr.valueVar, v);
    if (expr.keyVar) inner = bind(inner, expr.keyVar, k);
    if (expr.condition) {
      const c = evaluate(expr.condition, inner);
      if (isUnknown(c)) {
        unknown = true;
        continue;
      }
      if (!toBool(c, 'for condition')) continue;
    }
    if (expr.collectionKind === 'tuple') {
      list.push(evaluate(expr.valueExpr, inner));
      continue;
    }
    const key = evaluate(expr.keyExpr!, inner);
    const value = evaluate(expr.valueExpr, inner);
    if (isUnknown(key)) {
      unknown = true;
      continue;
    }
    const ks = toStr(key, 'for key');
    if (expr.grouping) {
      const g = groups.get(ks);
      if (g) g.push(value);
      else groups.set(ks, [value]);
    } else {
      if (Object.prototype.hasOwnProperty.call(obj, ks)) throw new EvalError(`duplicate key "${ks}" in for expression`);
      obj[ks] = value;
    }
  }
  if (unknown) return UNKNOWN;
  if (expr.collectionKind === 'tuple') return list;
  if (expr.grouping) for (const [k, vs] of groups) obj[k] = vs;
  return obj;
}

function evaluateTemplate(parts: readonly TemplatePart[], env: Env): Value {
  const only = parts.length === 1 ? parts[0]! : undefined;
  // "${x}" alone yields x itself, not its string form (lists and maps pass through).
  if (only && only.kind === 'TemplateInterpolation') return evaluate(only.expr, env);
  if (only && only.kind === 'TemplateLiteral') return only.value;
  if (parts.length === 0) return '';
  const state = { out: '', unknown: false, stripNext: false };
  renderParts(parts, env, state);
  return state.unknown ? UNKNOWN : state.out;
}

interface RenderState {
  out: string;
  unknown: boolean;
  stripNext: boolean;
  /** When set, an unknown interpolation is written as this mark instead of making the whole text unknown. */
  unknownMark?: string;
  /** An unknown condition or loop: the shape of the text itself is unknown. */
  shapeUnknown?: boolean;
}

/**
 * A template whose value is unknown, rendered with each unknown interpolation replaced by `mark`: a policy
 * heredoc with one computed ARN keeps everything else readable. Undefined when an unknown `if` or `for`
 * makes the text's shape unknown, or the expression is not a template.
 */
export function renderTemplateWithMarks(expr: Expr, env: Env, mark: string): string | undefined {
  if (expr.kind !== 'Template' || expr.parts.length < 2) return undefined;
  const state: RenderState = { out: '', unknown: false, stripNext: false, unknownMark: mark };
  renderParts(expr.parts, env, state);
  return state.shapeUnknown ? undefined : state.out;
}

function renderParts(parts: readonly TemplatePart[], env: Env, state: RenderState): void {
  for (const part of parts) {
    spend(env);
    switch (part.kind) {
      case 'TemplateLiteral':
        state.out += state.stripNext ? part.value.trimStart() : part.value;
        state.stripNext = false;
        break;
      case 'TemplateInterpolation': {
        // trimEnd, not /\s+$/: that takes quadratic time on a long run of spaces followed by text.
        if (part.stripLeft) state.out = state.out.trimEnd();
        const v = evaluate(part.expr, env);
        if (isUnknown(v)) {
          state.unknown = true;
          if (state.unknownMark !== undefined) state.out += state.unknownMark;
        } else if (v === null) throw new EvalError('template: cannot include a null value');
        else state.out += toStr(v, 'template interpolation');
        state.stripNext = part.stripRight;
        break;
      }
      case 'TemplateIf': {
        const c = evaluate(part.condition, env);
        if (isUnknown(c)) state.unknown = state.shapeUnknown = true;
        else if (toBool(c, 'template if')) renderParts(part.then, env, state);
        else if (part.else) renderParts(part.else, env, state);
        break;
      }
      case 'TemplateFor': {
        const entries = entriesOf(evaluate(part.collection, env), 'template for');
        if (!entries) {
          state.unknown = state.shapeUnknown = true;
          break;
        }
        for (const [k, v] of entries) {
          let inner = bind(env, part.valueVar, v);
          if (part.keyVar) inner = bind(inner, part.keyVar, k);
          renderParts(part.body, inner, state);
        }
        break;
      }
    }
    checkStringSize(state.out.length);
  }
}
