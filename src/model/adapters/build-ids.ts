// Unique ids for the model, derived from names. Ten thousand nodes all called "Worker" must still get
// their ids in linear time, so each base name remembers the next suffix to try.

/**
 * Unique ids in order: the first keeps the base, later ones get -2, -3 …; ids in `taken` (and bases that
 * collide with them) get `suffix` first. O(1) amortised per entry.
 */
export function allocateIds(entries: Iterable<readonly [string, string]>, taken: ReadonlySet<string>, suffix = ''): Map<string, string> {
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const result = new Map<string, string>();
  const free = (id: string) => !used.has(id) && !taken.has(id);
  for (const [key, rawBase] of entries) {
    const base = rawBase || 'element';
    let candidate = taken.has(base) && suffix ? base + suffix : base;
    if (!free(candidate)) {
      // Resume where the last collision on this base stopped; a counter never revisits a taken suffix.
      let n = nextSuffix.get(base) ?? 2;
      do candidate = `${base}${suffix}-${n++}`;
      while (!free(candidate));
      nextSuffix.set(base, n);
    }
    used.add(candidate);
    result.set(key, candidate);
  }
  return result;
}
