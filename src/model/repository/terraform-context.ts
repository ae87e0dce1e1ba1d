// What the Terraform mappers share while one evaluated root becomes part of the model: its resources by
// address, the element made for each component, evidence from attribute ranges, and flows joined by ends.

import type { Range } from '../../core/types.js';
import type { TfAttribute, TfBody, TfResource } from '../../evaluate/terraform/view.js';
import { ProjectLookups } from '../../evaluate/terraform/lookups.js';
import type { TfProject } from '../../evaluate/terraform/view.js';
import type { Element, Evidence, Flow } from '../schema/architecture.js';
import type { ComponentType } from './terraform-kinds.js';
import type { ModelFragment, RepositoryNote } from './types.js';

export interface Component {
  resource: TfResource;
  type: ComponentType;
  element: Element;
  /** The provider endpoint the resource's service is sent to (LocalStack), when one is configured. */
  endpoint?: { url: string; attribute: TfAttribute; file: string };
}

export type Decided = { prop: string; value: boolean | string | number };

export class TfModel {
  readonly lookups: ProjectLookups;
  readonly components = new Map<string, Component>();
  private readonly byAddress = new Map<string, TfResource>();
  private readonly flowsByEnds = new Map<string, Flow>();

  constructor(
    readonly project: TfProject,
    readonly fragment: ModelFragment,
    readonly note: (note: RepositoryNote) => void,
  ) {
    this.lookups = new ProjectLookups(project);
    for (const r of project.resources) {
      const key = r.mode === 'data' ? `data.${r.address}` : r.address;
      this.byAddress.set(key, r);
      const base = r.mode === 'data' ? `data.${r.baseAddress}` : r.baseAddress;
      if (!this.byAddress.has(base)) this.byAddress.set(base, r);
    }
  }

  /** The resource an address in `refs` names (`aws_sqs_queue.q`, `aws_sqs_queue.q[0]`, `module.m.aws_sqs_queue.q`). */
  resource(ref: string): TfResource | undefined {
    const found = this.byAddress.get(ref);
    if (found) return found;
    // A data source's refs come as `data.x.y`, the index keeps both; a ref to one instance's attribute may carry a key.
    return this.byAddress.get(ref.replace(/\[[^\]]*\]$/, ''));
  }

  component(ref: string): Component | undefined {
    const r = this.resource(ref);
    return r ? this.components.get(r.address) : undefined;
  }

  /** Components an attribute (or every attribute of a block, nested blocks included) refers to. */
  referenced(where: TfAttribute | TfBody | undefined): Component[] {
    const out: Component[] = [];
    for (const ref of refsOf(where)) {
      const c = this.component(ref);
      if (c && !out.includes(c)) out.push(c);
    }
    return out;
  }

  /** Resources an attribute or block refers to, of one type. */
  referencedOfType(where: TfAttribute | TfBody | undefined, type: string): TfResource[] {
    const out: TfResource[] = [];
    for (const ref of refsOf(where)) {
      const r = this.resource(ref);
      if (r && r.type === type && !out.includes(r)) out.push(r);
    }
    return out;
  }

  /** Resources of `type` whose attribute `attribute` refers to `target`. */
  referencing(target: TfResource, type: string, attribute: string): TfResource[] {
    return this.lookups.ofType(type).filter((r) => {
      const a = attributeAt(r.body, attribute);
      return a !== undefined && a.refs.some((ref) => this.resource(ref) === target);
    });
  }

  /** Adds a flow, or joins the one already between the same two elements (labels and evidence add up). */
  flow(source: Element, target: Element, label: string, evidence: Evidence, extra: Partial<Flow> = {}): Flow | undefined {
    if (source.id === target.id) return undefined;
    const key = `${source.id}->${target.id}`;
    const same = this.flowsByEnds.get(key);
    if (same) {
      if (same.label && !same.label.split(', ').includes(label)) same.label = `${same.label}, ${label}`;
      (same.evidence ??= []).push(evidence);
      for (const [k, v] of Object.entries(extra) as [keyof Flow, never][]) if (same[k] === undefined) same[k] = v;
      return same;
    }
    const flow: Flow = { id: key, source: source.id, target: target.id, label, data: [], location: { file: evidence.file, line: evidence.line }, inferredFrom: evidence.says, evidence: [evidence], ...extra };
    this.flowsByEnds.set(key, flow);
    this.fragment.flows.push(flow);
    return flow;
  }
}

export function refsOf(where: TfAttribute | TfBody | undefined): string[] {
  if (!where) return [];
  if ('refs' in where) return where.refs;
  const out: string[] = [];
  for (const a of where.attributes.values()) out.push(...a.refs);
  for (const b of where.blocks) out.push(...refsOf(b));
  return out;
}

/** An attribute by a dotted path through nested blocks: `vpc_config.subnet_ids`. */
export function attributeAt(body: TfBody, path: string): TfAttribute | undefined {
  const parts = path.split('.');
  let current: TfBody | undefined = body;
  for (const part of parts.slice(0, -1)) current = current?.blocks.find((b) => b.type === part);
  return current?.attributes.get(parts[parts.length - 1]!);
}

export function evidence(file: string, at: { range: Range } | Range, says: string, decided?: Decided): Evidence {
  const range = 'range' in at ? at.range : at;
  const found: Evidence = { file, line: range.start.line, says };
  return decided ? { ...found, prop: decided.prop, value: decided.value } : found;
}
