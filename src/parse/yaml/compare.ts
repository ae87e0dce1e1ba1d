// Compares two readings of a YAML text node by node (kinds, keys, scalar values and offsets): the fast
// reader against the `yaml` package, in the differential test and the fuzz target.

import type { YDocument, YNode } from './tree.js';

/** The first difference between two readings, or undefined when they agree. */
export function yamlDifference(a: readonly YDocument[], b: readonly YDocument[]): string | undefined {
  if (a.length !== b.length) return `${a.length} documents against ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const d = nodeDifference(a[i]!.root, b[i]!.root, `document ${i + 1}`);
    if (d) return d;
  }
  return undefined;
}

function nodeDifference(a: YNode | undefined, b: YNode | undefined, path: string): string | undefined {
  if (!a || !b) {
    const empty = (n: YNode | undefined) => !n || (n.kind === 'scalar' && n.value === null);
    return empty(a) && empty(b) ? undefined : `${path}: one is empty`;
  }
  if (a.kind !== b.kind) return `${path}: ${a.kind} against ${b.kind}`;
  if (a.start !== b.start) return `${path}: starts at ${a.start} against ${b.start}`;
  if (a.kind === 'scalar' && b.kind === 'scalar') {
    const same = Object.is(a.value, b.value) || (typeof a.value === 'number' && typeof b.value === 'number' && a.value === b.value);
    if (!same) return `${path}: ${JSON.stringify(a.value)} against ${JSON.stringify(b.value)}`;
    if (a.end !== b.end) return `${path}: ends at ${a.end} against ${b.end}`;
    return undefined;
  }
  if (a.kind === 'seq' && b.kind === 'seq') {
    if (a.items.length !== b.items.length) return `${path}: ${a.items.length} items against ${b.items.length}`;
    for (let i = 0; i < a.items.length; i++) {
      const d = nodeDifference(a.items[i], b.items[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (a.kind === 'map' && b.kind === 'map') {
    if (a.entries.length !== b.entries.length) return `${path}: ${a.entries.length} entries against ${b.entries.length}`;
    for (let i = 0; i < a.entries.length; i++) {
      const x = a.entries[i]!;
      const y = b.entries[i]!;
      if (x.key !== y.key || x.keyStart !== y.keyStart || x.keyEnd !== y.keyEnd) return `${path}: key ${JSON.stringify(x.key)}@${x.keyStart}-${x.keyEnd} against ${JSON.stringify(y.key)}@${y.keyStart}-${y.keyEnd}`;
      const d = nodeDifference(x.value, y.value, `${path}.${x.key}`);
      if (d) return d;
    }
  }
  return undefined;
}
