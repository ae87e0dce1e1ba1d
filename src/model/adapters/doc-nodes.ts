// The tree a Bulwark model document is read from, whichever syntax it was written in: mappings, lists and
// scalars, each with the offset it starts at (for line numbers in notes) and its plain value. JSON builds
// it directly while parsing (json-nodes.ts); YAML wraps the yaml package's nodes, computing plain values
// only for the items the reader asks about.

import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';

export type DocNode = DocMap | DocSeq | DocScalar;

export interface DocMap {
  readonly kind: 'map';
  readonly start: number | undefined;
  readonly pairs: readonly DocPair[];
  /** The mapping as a plain object. */
  readonly value: unknown;
}

export interface DocPair {
  /** The key's scalar value; undefined for a key that is not a scalar (YAML allows them). */
  readonly key: unknown;
  readonly keyStart: number | undefined;
  readonly value: DocNode | null;
}

export interface DocSeq {
  readonly kind: 'seq';
  readonly start: number | undefined;
  readonly items: readonly (DocNode | null)[];
  readonly value: unknown;
}

export interface DocScalar {
  readonly kind: 'scalar';
  readonly start: number | undefined;
  readonly value: unknown;
}

/** The value under `key` in a mapping (the last pair wins, as in a plain object), or undefined. */
export function valueOf(map: DocMap, key: string): DocNode | null | undefined {
  for (let i = map.pairs.length - 1; i >= 0; i--) if (map.pairs[i]!.key === key) return map.pairs[i]!.value;
  return undefined;
}

/** A YAML node as a DocNode; aliases and other nodes become scalars holding their plain value. */
export function fromYaml(node: YamlNode | null): DocNode | null {
  if (node === null || node === undefined) return null;
  if (isMap(node)) return new YamlMap(node);
  if (isSeq(node)) return new YamlSeq(node);
  return new YamlScalar(node);
}

/** The plain value of a YAML node, as the yaml package gives it (aliases resolved where it can). */
function plain(node: YamlNode): unknown {
  const toJSON = (node as { toJSON?: () => unknown }).toJSON;
  return typeof toJSON === 'function' ? toJSON.call(node) : undefined;
}

abstract class YamlWrapper {
  private computed = false;
  private cached: unknown;
  constructor(protected readonly node: YamlNode) {}
  get start(): number | undefined {
    return this.node.range?.[0];
  }
  get value(): unknown {
    if (!this.computed) {
      this.cached = plain(this.node);
      this.computed = true;
    }
    return this.cached;
  }
}

class YamlMap extends YamlWrapper implements DocMap {
  readonly kind = 'map' as const;
  readonly pairs: readonly DocPair[];
  constructor(node: YamlNode) {
    super(node);
    this.pairs = isMap(node)
      ? node.items.map((pair) => {
          const key = pair.key as YamlNode | null;
          return { key: isScalar(key) ? key.value : undefined, keyStart: key?.range?.[0], value: fromYaml(pair.value as YamlNode | null) };
        })
      : [];
  }
}

class YamlSeq extends YamlWrapper implements DocSeq {
  readonly kind = 'seq' as const;
  readonly items: readonly (DocNode | null)[];
  constructor(node: YamlNode) {
    super(node);
    this.items = isSeq(node) ? node.items.map((item) => fromYaml(item as YamlNode | null)) : [];
  }
}

class YamlScalar extends YamlWrapper implements DocScalar {
  readonly kind = 'scalar' as const;
  override get value(): unknown {
    return isScalar(this.node) ? this.node.value : super.value;
  }
}
