// A YAML document as the scanners read it: mappings, sequences and scalars with their source offsets,
// nothing else. Readers of Kubernetes manifests and compose files walk this, never the parser's own
// node classes, so the parser behind it can change (a faster one, checked against the `yaml` package).

export interface YScalar {
  kind: 'scalar';
  /** The value under the YAML 1.2 core schema: `true`, `3`, `null`, or the string. */
  value: string | number | boolean | null;
  /** How it was written: quoted scalars are always strings. */
  style: 'plain' | 'quoted' | 'block';
  start: number;
  end: number;
}

export interface YEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** The value; an empty one (`key:`) is a null scalar at the end of the key. */
  value: YNode;
}

export interface YMap {
  kind: 'map';
  entries: YEntry[];
  /** Written as `{ a: 1 }` rather than as indented lines. */
  flow: boolean;
  start: number;
  end: number;
}

export interface YSeq {
  kind: 'seq';
  items: YNode[];
  flow: boolean;
  start: number;
  end: number;
}

export type YNode = YMap | YSeq | YScalar;

/** One document of a YAML stream (`---` separates them). */
export interface YDocument {
  /** Undefined for an empty document. */
  root: YNode | undefined;
  start: number;
  end: number;
}

export function isMap(node: YNode | undefined): node is YMap {
  return node?.kind === 'map';
}

export function isSeq(node: YNode | undefined): node is YSeq {
  return node?.kind === 'seq';
}

export function isScalar(node: YNode | undefined): node is YScalar {
  return node?.kind === 'scalar';
}

/** The entry of `key` in a mapping (the last one, as YAML loaders keep it). */
export function entry(node: YNode | undefined, key: string): YEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key === key) return node.entries[i];
  return undefined;
}

/** The value at a path of mapping keys (`spec.template.spec`). */
export function get(node: YNode | undefined, path: string | readonly string[]): YNode | undefined {
  let at = node;
  for (const key of typeof path === 'string' ? path.split('.') : path) {
    at = entry(at, key)?.value;
    if (!at) return undefined;
  }
  return at;
}

export function getMap(node: YNode | undefined, path: string | readonly string[]): YMap | undefined {
  const found = get(node, path);
  return isMap(found) ? found : undefined;
}

export function getSeq(node: YNode | undefined, path: string | readonly string[]): YSeq | undefined {
  const found = get(node, path);
  return isSeq(found) ? found : undefined;
}

/** A scalar's value as text (numbers and booleans as written by the core schema); undefined for anything else. */
export function text(node: YNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

export function getText(node: YNode | undefined, path: string | readonly string[]): string | undefined {
  return text(get(node, path));
}

/** `true` as YAML writes it (a quoted "true" is a string, which Kubernetes rejects for a boolean). */
export function isTrue(node: YNode | undefined): boolean {
  return node?.kind === 'scalar' && node.value === true;
}

export function isFalse(node: YNode | undefined): boolean {
  return node?.kind === 'scalar' && node.value === false;
}

/** A number, or a string holding only one (`"1000"`): the value as a number. */
export function numberOf(node: YNode | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'number') return node.value;
  if (typeof node.value === 'string' && /^-?\d+$/.test(node.value.trim())) return Number(node.value);
  return undefined;
}

/** The items of a sequence, or none. */
export function itemsOf(node: YNode | undefined): readonly YNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

/** The texts of a sequence of scalars (`["NET_ADMIN", "SYS_TIME"]`). */
export function textsOf(node: YNode | undefined): string[] {
  const out: string[] = [];
  for (const item of itemsOf(node)) {
    const value = text(item);
    if (value !== undefined) out.push(value);
  }
  return out;
}
