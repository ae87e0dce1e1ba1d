// How deep trust boundaries nest, found without recursion: a chain of ten thousand zones is walked in a
// loop, and every boundary is visited once. Used to cap nesting when reading and to indent when writing.

/**
 * The nesting depth of every boundary (1 for a boundary without a parent), following `parentOf` links. A
 * parent that is not `known` ends the chain; a cycle counts each of its members once. O(n).
 */
export function boundaryDepths(keys: Iterable<string>, parentOf: (key: string) => string | undefined, known: (key: string) => boolean): Map<string, number> {
  const depth = new Map<string, number>();
  for (const start of keys) {
    if (depth.has(start)) continue;
    // Walk up to a boundary whose depth is known (or the top), remembering the way.
    const path: string[] = [];
    const onPath = new Set<string>();
    let cursor: string | undefined = start;
    while (cursor !== undefined && known(cursor) && !depth.has(cursor) && !onPath.has(cursor)) {
      path.push(cursor);
      onPath.add(cursor);
      cursor = parentOf(cursor);
    }
    let base = cursor !== undefined && depth.has(cursor) ? depth.get(cursor)! : 0;
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i]!, ++base);
  }
  return depth;
}

/** The most deeply nested boundary and its depth, or undefined when there are none. */
export function deepestBoundary(depths: ReadonlyMap<string, number>): { key: string; depth: number } | undefined {
  let deepest: { key: string; depth: number } | undefined;
  for (const [key, depth] of depths) if (!deepest || depth > deepest.depth) deepest = { key, depth };
  return deepest;
}
