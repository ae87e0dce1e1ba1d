// Queries over one evaluated project that rules and state adapters share: resources by type, resources
// pointing at another, and values computed once per project.

import type { TfProject, TfResource } from './view.js';

export interface TfLookups {
  /** All resources (managed and data) of a type in this project, across modules (`data.` prefix for data sources). */
  ofType(type: string): readonly TfResource[];
  /**
   * Resources of `type` in the same module as `target` whose attribute `attribute` points at `target`:
   * by reference (`aws_s3_bucket.data.id`) or, for literal values, by equality with one of `matchValues`
   * (e.g. the bucket's literal name).
   */
  referencing(target: TfResource, type: string, attribute: string, matchValues?: readonly string[]): TfResource[];
  /**
   * A value shared by everything run on this project (indexes, parsed policies), made on first use and
   * dropped with the project. Use it rather than a module-level WeakMap keyed by project objects: V8's
   * young-generation collector keeps such WeakMap values alive, and with them whole evaluated projects,
   * which made garbage collection the largest cost of a scan.
   */
  memo<T>(key: symbol, create: () => T): T;
}

export function resourceKey(resource: Pick<TfResource, 'mode' | 'type'>): string {
  switch (resource.mode) {
    case 'data':
      return `data.${resource.type}`;
    case 'provider':
      return `provider.${resource.type}`;
    default:
      return resource.type;
  }
}

/** Lazily built lookups over one project. */
export class ProjectLookups implements TfLookups {
  private byType?: Map<string, TfResource[]>;
  private configByType?: Map<string, TfResource[]>;
  private readonly memos = new Map<symbol, unknown>();
  /** Resource keys someone looked up: resources of these types were read by a rule, so they count as checked. */
  readonly consulted = new Set<string>();
  constructor(private readonly project: TfProject) {}

  memo<T>(key: symbol, create: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = create();
    this.memos.set(key, value);
    return value;
  }

  ofType(type: string): readonly TfResource[] {
    this.consulted.add(type);
    // Provider blocks and variables are built only when asked for.
    const configuration = type === 'variable' || type.startsWith('provider.');
    const map = configuration ? (this.configByType ??= group(this.project.configuration?.() ?? [])) : (this.byType ??= group(this.project.resources));
    return map.get(type) ?? [];
  }

  referencing(target: TfResource, type: string, attribute: string, matchValues: readonly string[] = []): TfResource[] {
    return this.ofType(type).filter((candidate) => {
      if (candidate.module !== target.module) return false;
      const a = candidate.body.attributes.get(attribute);
      if (!a) return false;
      // refs are module-qualified like addresses, so they compare directly.
      if (a.refs.some((ref) => ref === target.address || ref === target.baseAddress)) return true;
      return typeof a.value === 'string' && matchValues.includes(a.value);
    });
  }
}

function group(resources: readonly TfResource[]): Map<string, TfResource[]> {
  const map = new Map<string, TfResource[]>();
  for (const r of resources) {
    const key = resourceKey(r);
    const list = map.get(key) ?? [];
    list.push(r);
    map.set(key, list);
  }
  return map;
}
