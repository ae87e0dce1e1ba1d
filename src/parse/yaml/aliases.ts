// How much YAML aliases would add to a document if each were expanded in place. "Billion laughs" is a few
// lines whose aliases refer to lists of aliases, ten times over: harmless as parsed, ten billion values
// once expanded by anything that walks it. Measured in one pass, iteratively, with each anchor's expanded
// size computed once; the caller refuses a document over MAX_YAML_ALIAS_NODES.

import { isAlias, isMap, isPair, isSeq, type Node as YamlNode } from 'yaml';

export interface AliasExpansion {
  /** Values the aliases add, capped at `cap` + 1 (the real figure may be astronomically larger). */
  added: number;
  /** Start offset of the alias where the count passed `cap`, if it did. */
  offset?: number;
}

/** Values the aliases of a document add when expanded, stopping once past `cap`. */
export function aliasExpansion(root: YamlNode | null, cap: number): AliasExpansion {
  if (!root) return { added: 0 };
  /** Expanded size of each anchored node seen so far (YAML defines an anchor before any alias to it). */
  const anchored = new Map<string, number>();
  let added = 0;
  // Post-order walk: a frame is entered (children pushed), then left (its size summed from its children's).
  const frames: Array<{ node: unknown; children?: unknown[]; size: number }> = [{ node: root, size: 1 }];
  const sizes: number[] = [];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.children === undefined) {
      frame.children = childrenOf(frame.node);
      if (isAlias(frame.node)) {
        const size = anchored.get(frame.node.source) ?? 1;
        added += size;
        if (added > cap) return { added: cap + 1, ...(frame.node.range ? { offset: frame.node.range[0] } : {}) };
        frame.size = size;
      }
      sizes.push(-1); // marks where this frame's children's sizes start
      for (let i = frame.children.length - 1; i >= 0; i--) frames.push({ node: frame.children[i], size: 1 });
      continue;
    }
    frames.pop();
    let size = frame.size;
    for (let s = sizes.pop()!; s !== -1; s = sizes.pop()!) size = Math.min(size + s, cap + 1);
    sizes.push(size);
    const anchor = (frame.node as { anchor?: string } | null)?.anchor;
    if (anchor && !isAlias(frame.node)) anchored.set(anchor, size);
  }
  return { added };
}

function childrenOf(node: unknown): unknown[] {
  if (isMap(node) || isSeq(node)) return node.items as unknown[];
  if (isPair(node)) return [node.key, node.value];
  return [];
}
