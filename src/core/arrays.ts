// Array helpers for arrays of any length. Spreading an array into call arguments (`push(...items)`,
// `Math.max(...items)`) puts every element on the stack, and a few hundred thousand elements overflow it.

/** Appends every item of `items` to `target`, in order; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest number in `items`, or -Infinity when there is none (as `Math.max()`); NaN if any is NaN. */
export function maxOf(items: Iterable<number>): number {
  let max = -Infinity;
  for (const n of items) {
    if (Number.isNaN(n)) return NaN;
    if (n > max) max = n;
  }
  return max;
}

/** The smallest number in `items`, or Infinity when there is none (as `Math.min()`); NaN if any is NaN. */
export function minOf(items: Iterable<number>): number {
  let min = Infinity;
  for (const n of items) {
    if (Number.isNaN(n)) return NaN;
    if (n < min) min = n;
  }
  return min;
}
