// One instance of a module (the root, or a child called through `module` blocks): variables, locals and outputs
// memoised per instance, resource groups and module calls created on first use.

import type { Block, Expr } from '../../parse/hcl/ast.js';
import { buildBody } from './body.js';
import type { CallSite } from '../../core/types.js';
import type { TfResource } from './view.js';
import { UNKNOWN_COMPUTED, type Computed, type ProjectContext } from './context.js';
import type { InstanceVars } from './expand.js';
import { SENSITIVE_REF } from './expr.js';
import { ModuleGroup, type ChildModule, type ChildSpec, type ModuleCaller } from './module-calls.js';
import type { ModuleDecl } from './module-decl.js';
import { localOrder, localReferences } from './local-order.js';
import { relativeModulePath } from './paths.js';
import { ResourceGroup, type ResourceOwner } from './resources.js';
import { Scope, type ModuleScope } from './scope.js';
import type { Value } from './values/index.js';
import { convert } from './type-constraints.js';

export type InputLookup = (name: string) => Computed | undefined;

export class ModuleInstance implements ModuleScope, ResourceOwner, ModuleCaller, ChildModule {
  readonly prefix: string;
  readonly pathModule: string;
  private readonly variables = new Map<string, Computed>();
  private readonly locals = new Map<string, Computed | null>();
  private readonly outputs = new Map<string, Computed | null>();
  private readonly groups = new Map<string, ResourceGroup>();
  private readonly calls = new Map<string, ModuleGroup>();
  private scopeMemo?: Scope;

  constructor(
    readonly ctx: ProjectContext,
    readonly decl: ModuleDecl,
    /** '' for the root, else e.g. `module.a` or `module.a["x"].module.b` */
    readonly address: string,
    readonly callPath: CallSite[],
    private readonly inputs: InputLookup,
    readonly chain: readonly string[],
    readonly unknownCount = false,
  ) {
    this.prefix = address ? address + '.' : '';
    this.pathModule = relativeModulePath(ctx.root, decl.dir);
  }

  get dir(): string {
    return this.decl.dir;
  }

  scope(vars?: InstanceVars): Scope {
    if (vars && Object.keys(vars).length) return new Scope(this, vars);
    return (this.scopeMemo ??= new Scope(this));
  }

  variable(name: string): Computed {
    const memo = this.variables.get(name);
    if (memo) return memo;
    const decl = this.decl.variables.get(name);
    let c: Computed = UNKNOWN_COMPUTED;
    if (decl) {
      const input = this.inputs(name);
      if (input && !(input.value === null && !decl.nullable && decl.default)) c = input;
      else if (decl.default) c = this.ctx.compute(decl.default.expr, { resolver: this.scope() }, decl.file);
      // A variable with neither value nor default is unknown: Bulwark never guesses.
      const evalDefault = (e: Expr) => this.ctx.compute(e, { resolver: this.scope() }, decl.file).value;
      c = { value: convert(c.value, decl.type, evalDefault), refs: c.refs };
      if (decl.sensitive) {
        this.ctx.noteSensitive(c.value);
        c = { value: c.value, refs: c.refs.includes(SENSITIVE_REF) ? c.refs : [...c.refs, SENSITIVE_REF] };
      }
    }
    this.variables.set(name, c);
    return c;
  }

  local(name: string): Computed {
    const memo = this.locals.get(name);
    if (memo) return memo;
    const decl = this.decl.locals.get(name);
    if (!decl) return UNKNOWN_COMPUTED;
    if (memo === null) {
      this.ctx.warn(`local.${name} refers to itself through a cycle; treated as unknown`, decl.file, decl.attr.range);
      return UNKNOWN_COMPUTED;
    }
    // The locals it refers to first, deepest first, so none of them recurses into the next.
    const { order, cycles } = localOrder(name, (n) => this.localRefs(n), (n) => this.locals.has(n));
    for (const cycle of cycles) this.settleCycle(cycle);
    for (const dependency of order) if (dependency !== name) this.local(dependency);
    const settled = this.locals.get(name);
    if (settled) return settled;
    this.locals.set(name, null);
    const c = this.ctx.compute(decl.attr.expr, { resolver: this.scope() }, decl.file);
    this.locals.set(name, c);
    return c;
  }

  /** Declared locals a local's expression names, read once per module directory's declaration. */
  private localRefs(name: string): readonly string[] {
    const decl = this.decl.locals.get(name);
    if (!decl) return [];
    return (decl.references ??= localReferences(decl.attr.expr).filter((n) => this.decl.locals.has(n)));
  }

  /** Terraform rejects locals that refer to each other in a cycle: all of them are unknown, with one warning. */
  private settleCycle(cycle: readonly string[]): void {
    const first = this.decl.locals.get(cycle[0]!)!;
    const names = cycle.slice(0, 5).map((n) => `local.${n}`).join(', ') + (cycle.length > 5 ? ` and ${cycle.length - 5} more` : '');
    const what = cycle.length === 1 ? `${names} refers to itself through a cycle` : `${names} refer to each other through a cycle`;
    this.ctx.warn(`${what}; treated as unknown`, first.file, first.attr.range);
    for (const n of cycle) this.locals.set(n, UNKNOWN_COMPUTED);
  }

  /** An output's value, for the lazy object callers see (`module.x`). */
  lazyValue(name: string): Value {
    return this.output(name).value;
  }

  output(name: string): Computed {
    const memo = this.outputs.get(name);
    if (memo) return memo;
    const decl = this.decl.outputs.get(name);
    if (!decl?.value || memo === null) return UNKNOWN_COMPUTED;
    this.outputs.set(name, null);
    const c = this.ctx.compute(decl.value.expr, { resolver: this.scope() }, decl.file);
    this.outputs.set(name, c);
    return c;
  }

  outputNames(): string[] {
    return [...this.decl.outputs.keys()];
  }

  resource(key: string): ResourceGroup | undefined {
    let group = this.groups.get(key);
    if (!group) {
      const decl = this.decl.resources.get(key);
      if (!decl) return undefined;
      group = new ResourceGroup(this, decl);
      this.groups.set(key, group);
    }
    return group;
  }

  module(name: string): ModuleGroup | undefined {
    let group = this.calls.get(name);
    if (!group) {
      const call = this.decl.moduleCalls.get(name);
      if (!call) return undefined;
      group = new ModuleGroup(this, call, (spec: ChildSpec) => new ModuleInstance(this.ctx, spec.decl, spec.address, spec.callPath, spec.inputs, spec.chain, spec.unknownCount));
      this.calls.set(name, group);
    }
    return group;
  }

  /** Appends this module's resources (source order), then those of the modules it calls. */
  collect(out: TfResource[]): void {
    for (const key of this.decl.resources.keys()) {
      for (const instance of this.resource(key)!.instances()) {
        const r = instance.toResource();
        if (r) out.push(this.unknownCount && !r.unknownCount ? { ...r, unknownCount: true } : r);
      }
    }
    for (const name of this.decl.moduleCalls.keys()) this.module(name)!.collect(out);
  }

  /**
   * Provider blocks and variable declarations of this module and the modules it calls. They are the same text in
   * every instance of a module, so each module directory contributes them once (`seen`), from its first instance.
   */
  collectConfiguration(out: TfResource[], seen = new Set<string>()): void {
    if (seen.has(this.decl.dir)) return;
    seen.add(this.decl.dir);
    for (const p of this.decl.providers) out.push(this.configuration('provider', p.name, p.alias ? `provider.${p.name}.${p.alias}` : `provider.${p.name}`, p.block, p.file));
    for (const v of this.decl.variables.values()) out.push(this.configuration('variable', 'variable', `var.${v.name}`, v.block, v.file));
    for (const name of this.decl.moduleCalls.keys()) this.module(name)!.collectConfiguration(out, seen);
  }

  /** A provider block or variable declaration, seen by rules like a resource (its attributes evaluated on demand). */
  private configuration(mode: 'provider' | 'variable', type: string, local: string, block: Block, file: string): TfResource {
    const address = this.prefix + local;
    const body = buildBody(block, { resolver: this.scope() }, { ctx: this.ctx, file }, { type, labels: block.labels, range: block.range }, true);
    return { mode, type, name: block.labels[0] ?? type, address, baseAddress: address, module: this.prefix.replace(/\.$/, ''), callPath: this.callPath, file, body };
  }
}
