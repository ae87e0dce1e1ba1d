// Reading Threagile's YAML: its sections are mappings of title → item; the plain values (merge keys
// resolved) come from the whole document, the lines from its nodes. Plus the fields Bulwark reads, so the
// rest can be summed up in one note rather than a warning per field.

import { valueOf, type DocMap } from './doc-nodes.js';

export type Plain = Record<string, unknown>;

export interface Entry {
  /** The item's title: its key in the section. */
  title: string;
  value: Plain;
  line?: number;
  /** The item's node, for the lines of what it nests (communication links). */
  node?: DocMap;
}

export function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A field's own value (never one inherited from Object.prototype). */
export function field(obj: Plain, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function text(obj: Plain, key: string): string | undefined {
  const v = field(obj, key);
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t || undefined;
}

export function flag(obj: Plain, key: string): boolean {
  return field(obj, key) === true;
}

/** A list of ids or words; a lone string is a list of one. */
export function words(obj: Plain, key: string): string[] {
  const v = field(obj, key);
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return items.filter((i): i is string | number => typeof i === 'string' || typeof i === 'number').map((i) => String(i).trim()).filter(Boolean);
}

/**
 * The items of a section (`technical_assets`, `trust_boundaries`, …) in file order, each with its line.
 * `bad` is called for an item that is not a mapping; a section that is no mapping yields nothing.
 */
export function entries(plainSection: unknown, node: DocMap | null | undefined, lineAt: (offset: number | undefined) => number | undefined, bad: (title: string, line?: number) => void): Entry[] {
  if (!isPlain(plainSection)) return [];
  const positions = new Map<string, { line?: number; node?: DocMap }>();
  if (node?.kind === 'map') {
    for (const pair of node.pairs) {
      if (typeof pair.key !== 'string' && typeof pair.key !== 'number') continue;
      const line = lineAt(pair.keyStart);
      positions.set(String(pair.key), { ...(line === undefined ? {} : { line }), ...(pair.value?.kind === 'map' ? { node: pair.value } : {}) });
    }
  }
  const out: Entry[] = [];
  for (const title of Object.keys(plainSection)) {
    if (title === '<<') continue;
    const value = plainSection[title];
    const at = positions.get(title) ?? {};
    if (value === null || value === undefined) continue;
    if (!isPlain(value)) {
      bad(title, at.line);
      continue;
    }
    out.push({ title, value, ...at });
  }
  return out;
}

/** The node of `key` in an item's node, when it is a mapping. */
export function childMap(node: DocMap | undefined, key: string): DocMap | undefined {
  const child = node ? valueOf(node, key) : undefined;
  return child?.kind === 'map' ? child : undefined;
}

/** Fields Bulwark reads, per part of the model; anything else present with a value is summed up as not read. */
export const READ_FIELDS = {
  model: new Set(['threagile_version', 'title', 'business_overview', 'technical_overview', 'data_assets', 'technical_assets', 'trust_boundaries', 'shared_runtimes', 'risk_tracking', 'individual_risk_categories', 'includes']),
  dataAsset: new Set(['id', 'description', 'confidentiality']),
  technicalAsset: new Set([
    'id', 'description', 'type', 'usage', 'used_as_client_by_human', 'out_of_scope', 'justification_out_of_scope', 'technology', 'technologies', 'tags', 'internet',
    'machine', 'encryption', 'custom_developed_parts', 'data_assets_processed', 'data_assets_stored', 'data_formats_accepted', 'communication_links',
  ]),
  link: new Set(['target', 'description', 'protocol', 'authentication', 'authorization', 'vpn', 'usage', 'data_assets_sent', 'data_assets_received']),
  boundary: new Set(['id', 'description', 'type', 'technical_assets_inside', 'trust_boundaries_nested']),
  runtime: new Set(['id', 'description', 'technical_assets_running']),
} as const; // prettier-ignore

/** Collects the names of fields present with a value that Bulwark does not read. */
export class UnreadFields {
  private readonly names = new Set<string>();

  check(obj: Plain, read: ReadonlySet<string>): void {
    for (const key of Object.keys(obj)) {
      if (read.has(key) || key === '<<') continue;
      const v = obj[key];
      if (v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0)) continue;
      this.names.add(key);
    }
  }

  /** One sentence naming them (at most 12), or undefined when there are none. */
  summary(): string | undefined {
    if (this.names.size === 0) return undefined;
    const names = [...this.names].sort();
    const listed = names.slice(0, 12).join(', ');
    const more = names.length > 12 ? ` and ${names.length - 12} more` : '';
    return `Threagile fields Bulwark has no place for were not read (${listed}${more})`;
  }
}
