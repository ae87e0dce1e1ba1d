// Name resolution inside one module instance: var, local, module, data, resources, path, terraform, count, each, self.
// References to resources, data sources and modules are recorded (module-qualified, with instance keys) as they
// are resolved, so rules can follow `bucket = aws_s3_bucket.b.id` back to the bucket.

import type { VariableExpr } from '../../parse/hcl/ast.js';
import type { Computed } from './context.js';
import type { InstanceVars } from './expand.js';
import { instanceSuffix } from './expand.js';
import { addRef, evaluate, index, type Env, type Resolver, type Step } from './expr.js';
import { EvalError, isUnknown, UNKNOWN, type Value } from './values/index.js';

/** A resource or data source as seen by a reference. */
export interface ResourceRef {
  readonly countExpanded: boolean;
  /** An instance object, a list (count), a map (for_each), or UNKNOWN when the expansion is unknown. */
  value(): Value;
  /**
   * Shortcut for `type.name[key].attr` that skips building the instance object; undefined when the shortcut does not
   * apply (nested block, computed attribute, no such instance) and the caller should go through value().
   */
  attributeOf(key: number | string | undefined, name: string): Value | undefined;
}

/** A module call as seen by a reference. */
export interface ModuleRef {
  readonly countExpanded: boolean;
  /** The outputs object, a list/map of them when expanded, or UNKNOWN. */
  value(): Value;
  /** One output of one instance (`key` undefined for an unexpanded call). */
  output(key: number | string | undefined, name: string): Computed;
}

/** What a module instance offers to name resolution. */
export interface ModuleScope {
  /** '' for the root module, else e.g. `module.a.` */
  readonly prefix: string;
  readonly pathModule: string;
  variable(name: string): Computed;
  local(name: string): Computed;
  resource(key: string): ResourceRef | undefined;
  module(name: string): ModuleRef | undefined;
}

export class Scope implements Resolver {
  constructor(
    private readonly module: ModuleScope,
    private readonly vars: InstanceVars = {},
  ) {}

  resolve(root: VariableExpr, steps: readonly Step[], env: Env): { value: Value; consumed: number } {
    const first = steps[0];
    const firstName = first?.kind === 'attr' ? first.name : undefined;
    switch (root.name) {
      case 'var':
      case 'local': {
        if (firstName === undefined) throw new EvalError(`"${root.name}" needs an attribute`);
        const c = root.name === 'var' ? this.module.variable(firstName) : this.module.local(firstName);
        for (const r of c.refs) addRef(env, r);
        return { value: c.value, consumed: 1 };
      }
      case 'path':
        if (firstName === 'module') return { value: this.module.pathModule, consumed: 1 };
        if (firstName === 'root') return { value: '.', consumed: 1 };
        return { value: UNKNOWN, consumed: steps.length };
      case 'terraform':
        return { value: firstName === 'workspace' ? 'default' : UNKNOWN, consumed: 1 };
      case 'count':
        if (firstName !== 'index' || this.vars.countIndex === undefined) throw new EvalError('count.index is only valid with count');
        return { value: this.vars.countIndex, consumed: 1 };
      case 'each':
        if (this.vars.eachKey === undefined) throw new EvalError('each is only valid with for_each');
        if (firstName === 'key') return { value: this.vars.eachKey, consumed: 1 };
        if (firstName === 'value') {
          if (this.vars.eachValueRef !== undefined) addRef(env, this.vars.eachValueRef);
          return { value: this.vars.eachValue ?? UNKNOWN, consumed: 1 };
        }
        throw new EvalError('each has only key and value');
      case 'self':
        // Provisioners and connections refer to the resource's own computed attributes.
        return { value: UNKNOWN, consumed: steps.length };
      case 'module':
        if (firstName === undefined) throw new EvalError('"module" needs a module name');
        return this.resolveModule(firstName, steps, env);
      case 'data': {
        const second = steps[1];
        if (firstName === undefined || second?.kind !== 'attr') throw new EvalError('data references need a type and a name');
        return this.resolveResource(`data.${firstName}.${second.name}`, steps, 2, env);
      }
      default:
        if (firstName === undefined) throw new EvalError(`unknown name "${root.name}"`);
        return this.resolveResource(`${root.name}.${firstName}`, steps, 1, env);
    }
  }

  /** Evaluates an index step's key, or undefined when it is unknown. */
  private keyOf(step: Step | undefined, env: Env, countExpanded: boolean): { key: number | string | undefined; raw: Value } | undefined {
    if (step?.kind !== 'index') return undefined;
    const raw = evaluate(step.key, env);
    if (isUnknown(raw)) return { key: undefined, raw };
    if (typeof raw === 'number') return { key: raw, raw };
    if (typeof raw === 'string') return { key: countExpanded && /^\d+$/.test(raw) ? Number(raw) : raw, raw };
    throw new EvalError('instance key must be a number or string');
  }

  private resolveResource(key: string, steps: readonly Step[], nameSteps: number, env: Env): { value: Value; consumed: number } {
    const base = this.module.prefix + key;
    const ref = this.module.resource(key);
    const k = this.keyOf(steps[nameSteps], env, ref?.countExpanded ?? false);
    const after = steps[k ? nameSteps + 1 : nameSteps];
    if (!k) addRef(env, base);
    else addRef(env, k.key === undefined ? base : base + instanceSuffix(k.key));
    if (!ref || (k && k.key === undefined)) return { value: UNKNOWN, consumed: steps.length };
    const consumed = k ? nameSteps + 1 : nameSteps;
    if (after?.kind === 'attr') {
      const direct = ref.attributeOf(k?.key, after.name);
      if (direct !== undefined) return { value: direct, consumed: consumed + 1 };
    }
    return { value: k ? index(ref.value(), k.key!) : ref.value(), consumed };
  }

  private resolveModule(name: string, steps: readonly Step[], env: Env): { value: Value; consumed: number } {
    const base = `${this.module.prefix}module.${name}`;
    const ref = this.module.module(name);
    const k = this.keyOf(steps[1], env, ref?.countExpanded ?? false);
    const outputStep = steps[k ? 2 : 1];
    const address = k?.key !== undefined ? base + instanceSuffix(k.key) : base;
    addRef(env, address);
    if (!ref || (k && k.key === undefined)) return { value: UNKNOWN, consumed: steps.length };
    if (outputStep?.kind === 'attr') {
      // module.x.out: resolve the output directly so its own references come along.
      const c = ref.output(k?.key, outputStep.name);
      for (const r of c.refs) addRef(env, r);
      return { value: c.value, consumed: k ? 3 : 2 };
    }
    const whole = ref.value();
    return k ? { value: index(whole, k.key!), consumed: 2 } : { value: whole, consumed: 1 };
  }
}
