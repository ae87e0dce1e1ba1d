// Threagile's trust boundaries (nested by `trust_boundaries_nested`, holding `technical_assets_inside`) and
// shared runtimes (`technical_assets_running`) as Bulwark boundaries and element runtimes.

import type { BoundaryType } from '../schema/architecture.js';
import type { ModelBuilder } from './builder.js';
import { oneLine, truncateForMessage } from './messages.js';
import { READ_FIELDS, text, words, type Entry, type UnreadFields } from './threagile-fields.js';
import { slugify } from './vocabulary.js';

/** Threagile's boundary types (pkg/types/trust_boundary_type.go) as Bulwark's. */
const BOUNDARY_TYPES: Readonly<Record<string, BoundaryType>> = {
  'network-on-prem': 'network-zone',
  'network-dedicated-hoster': 'network-zone',
  'network-virtual-lan': 'network-zone',
  'network-cloud-security-group': 'network-zone',
  'network-cloud-provider': 'cloud-account',
  'network-policy-namespace-isolation': 'cluster',
  'execution-environment': 'process',
};

/**
 * Reads the boundaries into the builder; `elementKey` gives the element key of a Threagile asset id. Returns
 * the element keys a boundary id stands for (undefined for no boundary of the model).
 */
export function readBoundaries(
  items: readonly Entry[],
  builder: ModelBuilder,
  elementKey: (id: string) => string | undefined,
  unread: UnreadFields,
): (id: string) => string[] | undefined {
  const keys = new Map<string, Entry>();
  for (const item of items) {
    unread.check(item.value, READ_FIELDS.boundary);
    const key = text(item.value, 'id') ?? slugify(item.title);
    if (keys.has(key)) {
      builder.note('warning', `trust boundary id "${shown(key)}" is used twice; the second ("${shown(item.title)}") is left out`, item.line);
      continue;
    }
    keys.set(key, item);
    const rawType = text(item.value, 'type')?.toLowerCase();
    const type = rawType && Object.hasOwn(BOUNDARY_TYPES, rawType) ? BOUNDARY_TYPES[rawType]! : 'other';
    if (rawType && type === 'other') builder.note('warning', `trust boundary "${shown(item.title)}" has type "${shown(rawType)}", which Threagile does not have; read as "other"`, item.line);
    builder.addBoundary(key, { name: item.title, type, id: key, ...(item.line === undefined ? {} : { line: item.line }) });
  }
  const parentOf = new Map<string, string>();
  for (const [key, item] of keys) {
    for (const child of words(item.value, 'trust_boundaries_nested')) {
      if (!keys.has(child)) {
        builder.note('warning', `trust boundary "${shown(item.title)}" nests "${shown(child)}", which is no trust boundary of the model; ignored`, item.line);
        continue;
      }
      const earlier = parentOf.get(child);
      if (earlier !== undefined) {
        builder.note('warning', `trust boundary "${shown(child)}" is nested in two boundaries; kept in "${shown(earlier)}"`, item.line);
        continue;
      }
      if (child === key || isAncestor(child, key, parentOf)) {
        builder.note('warning', `trust boundary "${shown(item.title)}" nests "${shown(child)}", which encloses it; ignored`, item.line);
        continue;
      }
      parentOf.set(child, key);
      const draft = builder.boundaries.get(child);
      if (draft) draft.parentKey = key;
    }
  }
  const members = new Map<string, string[]>();
  const placed = new Map<string, string>();
  for (const [key, item] of keys) {
    const inside: string[] = [];
    for (const id of words(item.value, 'technical_assets_inside')) {
      const element = elementKey(id);
      const draft = element === undefined ? undefined : builder.elements.get(element);
      if (element === undefined || !draft) {
        builder.note('warning', `trust boundary "${shown(item.title)}" holds "${shown(id)}", which is no technical asset of the model; ignored`, item.line);
        continue;
      }
      inside.push(element);
      const earlier = placed.get(element);
      if (earlier !== undefined && earlier !== key) {
        builder.note('warning', `technical asset "${shown(id)}" is inside two trust boundaries ("${shown(earlier)}" and "${shown(key)}"); kept in "${shown(earlier)}"`, item.line);
        continue;
      }
      placed.set(element, key);
      draft.boundaryKey = key;
    }
    members.set(key, inside);
  }
  // What a boundary stands for in risk tracking is everything inside it, nested boundaries included.
  const children = new Map<string, string[]>();
  for (const [child, parent] of parentOf) {
    const list = children.get(parent);
    if (list) list.push(child);
    else children.set(parent, [child]);
  }
  return (id: string) => {
    if (!keys.has(id)) return undefined;
    const found: string[] = [];
    for (const stack = [id]; stack.length; ) {
      const at = stack.pop()!;
      found.push(...(members.get(at) ?? []));
      stack.push(...(children.get(at) ?? []));
    }
    return found;
  };
}

/** Whether `ancestor` encloses `key` (following parents; the map is acyclic by construction). */
function isAncestor(ancestor: string, key: string, parentOf: ReadonlyMap<string, string>): boolean {
  for (let at = parentOf.get(key); at !== undefined; at = parentOf.get(at)) if (at === ancestor) return true;
  return false;
}

/** Gives each element on a shared runtime that runtime's name; returns runtime id → element keys. */
export function readRuntimes(items: readonly Entry[], builder: ModelBuilder, elementKey: (id: string) => string | undefined, unread: UnreadFields): Map<string, string[]> {
  const runtimes = new Map<string, string[]>();
  for (const item of items) {
    unread.check(item.value, READ_FIELDS.runtime);
    const id = text(item.value, 'id') ?? slugify(item.title);
    const members: string[] = [];
    for (const assetId of words(item.value, 'technical_assets_running')) {
      const key = elementKey(assetId);
      const draft = key === undefined ? undefined : builder.elements.get(key);
      if (key === undefined || !draft) {
        builder.note('warning', `shared runtime "${shown(item.title)}" runs "${shown(assetId)}", which is no technical asset of the model; ignored`, item.line);
        continue;
      }
      if (draft.runtime !== undefined && draft.runtime !== item.title) {
        builder.note('warning', `technical asset "${shown(assetId)}" runs on two shared runtimes ("${shown(draft.runtime)}" and "${shown(item.title)}"); kept on "${shown(draft.runtime)}"`, item.line);
      } else draft.runtime = item.title;
      members.push(key);
    }
    runtimes.set(id, members);
  }
  return runtimes;
}

function shown(value: string): string {
  return truncateForMessage(oneLine(value), 80);
}
