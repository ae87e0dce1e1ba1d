// `module` blocks: resolving local sources, expanding count/for_each on the call, and the child instances whose
// outputs `module.x.out` reads. Registry and git sources are skipped quietly: their outputs are unknown.

import type { CallSite, Range } from '../../core/types.js';
import type { TfResource } from './view.js';
import { UNKNOWN_COMPUTED, type Computed, type ProjectContext } from './context.js';
import { expandBlock, findAttribute, instanceSuffix, type Expansion, type InstanceVars } from './expand.js';
import type { Resolver } from './expr.js';
import { literalString, type ModuleCallDecl, type ModuleDecl } from './module-decl.js';
import { resolveModuleSource } from './paths.js';
import type { ModuleRef } from './scope.js';
import { defineLazy, EvalError, LIMITS, openObject, UNKNOWN, type LazySource, type Value, type ValueObject } from './values/index.js';

const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** A child module instance, as its call sees it. */
export interface ChildModule extends LazySource {
  output(name: string): Computed;
  outputNames(): string[];
  collect(out: TfResource[]): void;
  collectConfiguration(out: TfResource[], seen: Set<string>): void;
}

export interface ChildSpec {
  decl: ModuleDecl;
  address: string;
  callPath: CallSite[];
  inputs: (name: string) => Computed | undefined;
  chain: readonly string[];
  unknownCount: boolean;
}

/** The calling module instance. */
export interface ModuleCaller {
  readonly ctx: ProjectContext;
  readonly prefix: string;
  readonly callPath: CallSite[];
  /** Module directories from the root down to the caller, for the recursion guard. */
  readonly chain: readonly string[];
  readonly dir: string;
  readonly unknownCount: boolean;
  scope(vars?: InstanceVars): Resolver;
}

interface ChildEntry {
  key: number | string | undefined;
  child: ChildModule | undefined;
}

export class ModuleGroup implements ModuleRef {
  private targetMemo?: { decl: ModuleDecl | undefined };
  private expansionMemo?: Expansion;
  private childrenMemo?: ChildEntry[];
  private valueMemo?: Value;
  /** Fewer instances were created than the call asks for (the root module's instance limit). */
  private cut = false;

  constructor(
    private readonly caller: ModuleCaller,
    private readonly call: ModuleCallDecl,
    private readonly createChild: (spec: ChildSpec) => ChildModule,
  ) {}

  private get baseAddress(): string {
    return `${this.caller.prefix}module.${this.call.name}`;
  }

  /** Terraform's key for this call in modules.json: the module names from the root, without instance keys (`a.b`). */
  private moduleKey(): string {
    const names = [...this.caller.prefix.matchAll(/module\.([^.[]+)/g)].map((m) => m[1]!);
    return [...names, this.call.name].join('.');
  }

  private warn(message: string, range: Range, code?: string): void {
    this.caller.ctx.warn(message, this.call.file, range, code);
  }

  /** The called module's declarations, or undefined when it is remote, missing or unusable (with a diagnostic). */
  private target(): ModuleDecl | undefined {
    if (this.targetMemo) return this.targetMemo.decl;
    this.targetMemo = { decl: undefined };
    const sourceAttr = this.call.source;
    const source = literalString(sourceAttr?.expr);
    if (!sourceAttr || source === undefined) return undefined;
    let resolved = resolveModuleSource(this.caller.dir, source);
    let installed: string | undefined;
    if (resolved.kind === 'remote') {
      // Installed by `terraform init`: read from .terraform/modules like a local module.
      installed = this.caller.ctx.installedModule(this.moduleKey());
      if (installed !== undefined) resolved = { kind: 'local', dir: installed };
    }
    if (resolved.kind === 'remote') {
      this.warn(
        `Module "${this.call.name}": ${describeRemoteSource(source)} "${source}" is not available locally, so its resources were not scanned; run \`terraform init\` (Bulwark then reads it from .terraform/modules)`,
        sourceAttr.range,
        'module-not-evaluated',
      );
      return undefined;
    }
    if (resolved.kind === 'outside') {
      this.warn(`Module "${this.call.name}": source "${source}" lies outside the project root; its resources are not scanned`, sourceAttr.range, 'module-not-evaluated');
      return undefined;
    }
    if (this.caller.chain.includes(resolved.dir) || this.caller.chain.length >= LIMITS.maxModuleDepth) {
      this.warn(`Module "${this.call.name}": source "${source}" calls itself recursively; not expanded`, sourceAttr.range, 'module-not-evaluated');
      return undefined;
    }
    const decl = this.caller.ctx.moduleDecl(resolved.dir);
    if (!decl && installed !== undefined) {
      this.warn(
        `Module "${this.call.name}": ${describeRemoteSource(source)} "${source}" is recorded as installed in "${installed}", but no Terraform files could be read there (missing, or a link leaving the project); its resources were not scanned`,
        sourceAttr.range,
        'module-not-evaluated',
      );
    } else if (!decl) this.warn(`Module "${this.call.name}": local source "${source}" has no Terraform files (looked in "${resolved.dir || '.'}")`, sourceAttr.range, 'module-not-found');
    this.targetMemo = { decl };
    return decl;
  }

  private expansion(): Expansion {
    if (this.expansionMemo) return this.expansionMemo;
    const { ctx } = this.caller;
    const { expansion, problem } = expandBlock(this.call.block, (attr) => ctx.compute(attr.expr, { resolver: this.caller.scope() }, this.call.file));
    if (problem) this.warn(`${this.baseAddress}: ${problem.message}`, problem.attribute.range);
    this.expansionMemo = expansion;
    return expansion;
  }

  get countExpanded(): boolean {
    return this.expansion().kind === 'count';
  }

  private children(): ChildEntry[] {
    if (this.childrenMemo) return this.childrenMemo;
    const decl = this.target();
    const e = this.expansion();
    let specs: { key: number | string | undefined; vars: InstanceVars; unknown: boolean }[] =
      e.kind === 'single' ? [{ key: undefined, vars: {}, unknown: false }] : e.kind === 'unknown' ? [{ key: undefined, vars: e.vars, unknown: true }] : e.instances.map((i) => ({ key: i.key, vars: i.vars, unknown: false }));
    if (decl) {
      // Only calls whose module is read create instances (and count against the limit).
      const block = this.call.block;
      const granted = this.caller.ctx.grantInstances(specs.length, this.baseAddress, this.call.file, (findAttribute(block, 'count') ?? findAttribute(block, 'for_each') ?? block).range);
      this.cut = granted < specs.length;
      specs = specs.slice(0, granted);
    }
    this.childrenMemo = specs.map(({ key, vars, unknown }) => ({ key, child: decl ? this.makeChild(decl, key, vars, unknown) : undefined }));
    return this.childrenMemo;
  }

  private makeChild(decl: ModuleDecl, key: number | string | undefined, vars: InstanceVars, unknown: boolean): ChildModule {
    const address = this.baseAddress + instanceSuffix(key);
    const inputs = new Map<string, Computed>();
    const scope = this.caller.scope(vars);
    const attrs = new Map(this.call.block.body.attributes.filter((a) => !META_ARGUMENTS.has(a.name)).map((a) => [a.name, a]));
    return this.createChild({
      decl,
      address,
      callPath: [...this.caller.callPath, { module: address, location: { file: this.call.file, range: this.call.block.range } }],
      inputs: (name) => {
        const attr = attrs.get(name);
        if (!attr) return undefined;
        let c = inputs.get(name);
        if (!c) {
          c = this.caller.ctx.compute(attr.expr, { resolver: scope }, this.call.file);
          inputs.set(name, c);
        }
        return c;
      },
      chain: [...this.caller.chain, decl.dir],
      unknownCount: unknown || this.caller.unknownCount,
    });
  }

  output(key: number | string | undefined, name: string): Computed {
    if (this.expansion().kind === 'unknown') return UNKNOWN_COMPUTED;
    const entry = this.children().find((c) => c.key === key);
    if (!entry && this.cut) return UNKNOWN_COMPUTED;
    if (!entry) throw new EvalError(`module ${this.baseAddress} has no instance ${instanceSuffix(key) || 'without a key'}`);
    return entry.child ? entry.child.output(name) : UNKNOWN_COMPUTED;
  }

  value(): Value {
    if (this.valueMemo !== undefined) return this.valueMemo;
    const e = this.expansion();
    const outputsOf = (entry: ChildEntry): ValueObject => {
      const obj = openObject();
      const child = entry.child;
      if (child) for (const name of child.outputNames()) defineLazy(obj, name, child);
      return obj;
    };
    let v: Value;
    const children = this.children();
    if (e.kind === 'unknown' || this.cut) v = UNKNOWN;
    else if (e.kind === 'single') v = outputsOf(children[0]!);
    else if (e.kind === 'count') v = this.children().map(outputsOf);
    else {
      const map: ValueObject = {};
      for (const entry of this.children()) map[String(entry.key)] = outputsOf(entry);
      v = map;
    }
    this.valueMemo = v;
    return v;
  }

  collect(out: TfResource[]): void {
    for (const entry of this.children()) entry.child?.collect(out);
  }

  collectConfiguration(out: TfResource[], seen: Set<string>): void {
    for (const entry of this.children()) entry.child?.collectConfiguration(out, seen);
  }
}

/** What kind of remote source a module uses, for messages. */
export function describeRemoteSource(source: string): string {
  if (/^(git::|git@|github\.com\/|bitbucket\.org\/)/.test(source) || /\.git(\?|\/\/|$)/.test(source)) return 'git source';
  if (/^(s3::|gcs::|https?:\/\/|hg::)/.test(source)) return 'remote archive';
  return 'registry module';
}
