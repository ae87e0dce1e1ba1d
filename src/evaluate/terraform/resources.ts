// Resources and data sources of one module instance: count/for_each expansion, per-instance attribute memo,
// the evaluated body rules read, and the lazy object other expressions see when they reference the resource.

import type { Attribute } from '../../parse/hcl/ast.js';
import type { CallSite } from '../../core/types.js';
import type { TfBody, TfResource } from './view.js';
import { buildBody, computeAttribute, type BaseEnv, type BodyBuilder } from './body.js';
import { UNKNOWN_COMPUTED, type Computed, type ProjectContext } from './context.js';
import { expandBlock, findAttribute, instanceSuffix, type Expansion, type InstanceVars } from './expand.js';
import type { Resolver } from './expr.js';
import { policyDocumentJson } from './iam-policy-document.js';
import type { ResourceDecl } from './module-decl.js';
import type { ResourceRef } from './scope.js';
import { defineLazy, openObject, UNKNOWN, type Value, type ValueObject } from './values/index.js';

/** The module instance a resource lives in, as resources need it. */
export interface ResourceOwner {
  readonly ctx: ProjectContext;
  /** '' or e.g. `module.a.` */
  readonly prefix: string;
  /** '' or e.g. `module.a` */
  readonly address: string;
  readonly callPath: CallSite[];
  scope(vars?: InstanceVars): Resolver;
}

const META_ATTRIBUTES = new Set(['count', 'for_each', 'provider', 'depends_on']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);

export class ResourceGroup implements ResourceRef {
  private expansionMemo?: Expansion;
  private expanding = false;
  private instancesMemo?: ResourceInstance[];
  /** Fewer instances were created than the configuration asks for (the root module's instance limit). */
  private cut = false;
  private valueMemo?: Value;
  private attributesMemo?: Map<string, Attribute>;
  private blockTypesMemo?: Set<string>;
  readonly baseAddress: string;

  constructor(
    readonly owner: ResourceOwner,
    readonly decl: ResourceDecl,
  ) {
    this.baseAddress = owner.prefix + decl.key;
  }

  get countExpanded(): boolean {
    return this.expansion().kind === 'count';
  }

  expansion(): Expansion {
    if (this.expansionMemo) return this.expansionMemo;
    // A count that depends on the resource itself is a cycle: treat as unknown.
    if (this.expanding) return { kind: 'unknown', vars: { countIndex: UNKNOWN, eachKey: UNKNOWN, eachValue: UNKNOWN } };
    this.expanding = true;
    const { ctx } = this.owner;
    const { expansion, problem } = expandBlock(this.decl.block, (attr) => ctx.compute(attr.expr, { resolver: this.owner.scope() }, this.decl.file));
    if (problem) ctx.warn(`${this.baseAddress}: ${problem.message}`, this.decl.file, problem.attribute.range);
    this.expanding = false;
    this.expansionMemo = expansion;
    return expansion;
  }

  instances(): ResourceInstance[] {
    if (this.instancesMemo) return this.instancesMemo;
    const e = this.expansion();
    const wanted = e.kind === 'count' || e.kind === 'for_each' ? e.instances.length : 1;
    const { block, file } = this.decl;
    const granted = this.owner.ctx.grantInstances(wanted, this.baseAddress, file, (findAttribute(block, 'count') ?? findAttribute(block, 'for_each') ?? block).range);
    this.cut = granted < wanted;
    if (granted === 0) this.instancesMemo = [];
    else if (e.kind === 'single') this.instancesMemo = [new ResourceInstance(this, undefined, {}, false)];
    else if (e.kind === 'unknown') this.instancesMemo = [new ResourceInstance(this, undefined, e.vars, true)];
    else this.instancesMemo = e.instances.slice(0, granted).map((i) => new ResourceInstance(this, i.key, i.vars, false));
    return this.instancesMemo;
  }

  /** Configured top-level attributes by name (meta-arguments excluded). */
  configuredAttributes(): Map<string, Attribute> {
    if (!this.attributesMemo) {
      this.attributesMemo = new Map();
      for (const a of this.decl.block.body.attributes) if (!META_ATTRIBUTES.has(a.name) && !this.attributesMemo.has(a.name)) this.attributesMemo.set(a.name, a);
    }
    return this.attributesMemo;
  }

  /** Nested block types (dynamic blocks by their label), meta blocks excluded. */
  blockTypes(): Set<string> {
    if (!this.blockTypesMemo) {
      this.blockTypesMemo = new Set();
      for (const b of this.decl.block.body.blocks) {
        const t = b.type === 'dynamic' ? b.labels[0] : b.type;
        if (t !== undefined && !META_BLOCKS.has(t)) this.blockTypesMemo.add(t);
      }
    }
    return this.blockTypesMemo;
  }

  /** Attributes computed by Bulwark itself rather than configured (the policy document's json). */
  hasComputedAttribute(name: string): boolean {
    return this.decl.mode === 'data' && this.decl.type === 'aws_iam_policy_document' && (name === 'json' || name === 'minified_json');
  }

  attributeOf(key: number | string | undefined, name: string): Value | undefined {
    const e = this.expansion();
    if (e.kind === 'unknown') return UNKNOWN;
    let instance: ResourceInstance | undefined;
    if (key === undefined) instance = e.kind === 'single' ? this.instances()[0] : undefined;
    else if (e.kind === 'count') instance = typeof key === 'number' ? this.instances()[key] : undefined;
    else if (e.kind === 'for_each') instance = this.instances().find((i) => i.key === key);
    // An instance the root module's limit left out is unknown, not missing.
    if (!instance && this.cut) return UNKNOWN;
    return instance?.attributeValue(name);
  }

  value(): Value {
    if (this.valueMemo !== undefined) return this.valueMemo;
    const e = this.expansion();
    const instances = this.instances();
    let v: Value;
    // Some instances were never created: the whole collection is unknown, not the part that was.
    if (this.cut || e.kind === 'unknown') v = UNKNOWN;
    else if (e.kind === 'single') v = instances[0]!.value();
    else if (e.kind === 'count') v = instances.map((i) => i.value());
    else {
      const map: ValueObject = {};
      for (const i of instances) map[String(i.key)] = i.value();
      v = map;
    }
    this.valueMemo = v;
    return v;
  }
}

export class ResourceInstance {
  private readonly attributes = new Map<string, Computed | null>();
  private bodyMemo?: TfBody;
  private building = false;
  private objectMemo?: ValueObject;
  private envMemo?: BaseEnv;
  readonly address: string;

  constructor(
    readonly group: ResourceGroup,
    readonly key: number | string | undefined,
    readonly vars: InstanceVars,
    readonly unknownCount: boolean,
  ) {
    this.address = group.baseAddress + instanceSuffix(key);
  }

  private env(): BaseEnv {
    return (this.envMemo ??= { resolver: this.group.owner.scope(this.vars) });
  }

  private builder(): BodyBuilder {
    return { ctx: this.group.owner.ctx, file: this.group.decl.file, topAttribute: (attr) => this.attribute(attr) };
  }

  /** A top-level attribute, evaluated once. A reference cycle yields unknown. */
  attribute(attr: Attribute): Computed {
    const memo = this.attributes.get(attr.name);
    if (memo) return memo;
    if (memo === null) return UNKNOWN_COMPUTED;
    this.attributes.set(attr.name, null);
    const c = computeAttribute(attr, this.env(), this.builder());
    this.attributes.set(attr.name, c);
    return c;
  }

  /**
   * A top-level attribute's value: configured ones evaluated, unconfigured ones (`id`, `arn`) unknown; undefined for
   * nested blocks and computed documents, which go through value().
   */
  attributeValue(name: string): Value | undefined {
    const attr = this.group.configuredAttributes().get(name);
    if (attr) return this.attribute(attr).value;
    if (META_ATTRIBUTES.has(name) || this.group.blockTypes().has(name) || this.group.hasComputedAttribute(name)) return undefined;
    return UNKNOWN;
  }

  /** The evaluated body, or undefined while it is being built (a reference cycle). */
  body(): TfBody | undefined {
    if (this.bodyMemo) return this.bodyMemo;
    if (this.building) return undefined;
    this.building = true;
    const { block, type } = this.group.decl;
    this.bodyMemo = buildBody(block, this.env(), this.builder(), { type, labels: block.labels, range: block.range }, true);
    this.building = false;
    return this.bodyMemo;
  }

  /** What `aws_x.y` evaluates to: configured attributes (lazily), nested blocks, everything else unknown. */
  value(): ValueObject {
    if (this.objectMemo) return this.objectMemo;
    const obj = openObject();
    for (const name of this.group.configuredAttributes().keys()) defineLazy(obj, name, this);
    for (const t of this.group.blockTypes()) defineLazy(obj, t, this);
    if (this.group.hasComputedAttribute('json')) {
      defineLazy(obj, 'json', this);
      defineLazy(obj, 'minified_json', this);
    }
    this.objectMemo = obj;
    return obj;
  }

  /** A property of `value()`, computed when first read; later definitions win, as in `value()`. */
  lazyValue(key: string): Value {
    if ((key === 'json' || key === 'minified_json') && this.group.hasComputedAttribute('json')) {
      const body = this.body();
      return body ? policyDocumentJson(body, key === 'minified_json') : UNKNOWN;
    }
    if (this.group.blockTypes().has(key)) {
      const body = this.body();
      return body ? body.blocks.filter((b) => b.type === key).map(bodyValue) : UNKNOWN;
    }
    const attr = this.group.configuredAttributes().get(key);
    return attr ? this.attribute(attr).value : UNKNOWN;
  }

  toResource(): TfResource | undefined {
    const body = this.body();
    if (!body) return undefined;
    const { decl, owner } = this.group;
    const resource: TfResource = {
      mode: decl.mode,
      type: decl.type,
      name: decl.name,
      address: this.address,
      baseAddress: this.group.baseAddress,
      module: owner.address,
      callPath: owner.callPath,
      file: decl.file,
      body,
    };
    if (this.key !== undefined) resource.instanceKey = this.key;
    if (this.unknownCount) resource.unknownCount = true;
    return resource;
  }
}

/** A nested block as a value: its attributes and its own nested blocks as lists. */
function bodyValue(body: TfBody): Value {
  const obj = openObject();
  for (const [name, a] of body.attributes) obj[name] = a.value;
  for (const b of body.blocks) {
    const list = (obj[b.type] ??= []) as Value[];
    list.push(bodyValue(b));
  }
  return obj;
}
