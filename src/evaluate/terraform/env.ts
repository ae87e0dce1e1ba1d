// What an expression is evaluated in: the resolver for names, the bindings of for-expressions and dynamic
// iterators, the references collected, and the step budget that bounds hostile input.

import type { Expr, VariableExpr } from '../../parse/hcl/ast.js';
import type { StepBudget, Value } from './values/index.js';

/** One step of a traversal after its root name: `.name` or `[key]`. */
export type Step = { kind: 'attr'; name: string } | { kind: 'index'; key: Expr };

export interface Resolver {
  /**
   * Resolves a traversal whose root name is not locally bound (`var.x`, `aws_s3_bucket.b.bucket`, `each.key`).
   * Returns the value and how many of `steps` it consumed; the evaluator applies the rest.
   */
  resolve(root: VariableExpr, steps: readonly Step[], env: Env): { value: Value; consumed: number };
}

export interface Binding {
  name: string;
  value: Value;
  next: Binding | undefined;
}

export type Budget = StepBudget;

export interface Env {
  resolver: Resolver;
  /** Addresses referenced while evaluating, collected for TfAttribute.refs (no duplicates; see addRef). */
  refs: string[];
  budget: Budget;
  bindings?: Binding;
}

/**
 * A pseudo-reference meaning "derived from a sensitive value". It travels with the real references through
 * variables, locals and module inputs and outputs, so whatever a sensitive value reaches is known to be sensitive.
 */
export const SENSITIVE_REF = '(sensitive)';

export function addRef(env: Env, address: string): void {
  if (!env.refs.includes(address)) env.refs.push(address);
}

export function bind<E extends { bindings?: Binding }>(env: E, name: string, value: Value): E {
  return { ...env, bindings: { name, value, next: env.bindings } };
}

export function lookupBinding(env: { bindings?: Binding }, name: string): Binding | undefined {
  for (let b = env.bindings; b; b = b.next) if (b.name === name) return b;
  return undefined;
}
