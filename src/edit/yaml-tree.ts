// Nested YAML keys to insert, as data: fixes of different rules that add keys under the same new mapping
// (runAsNonRoot and seccompProfile both under a new `securityContext:`) are merged into one block when
// applied, instead of writing the mapping twice.

/** Keys to write: a scalar's text at each leaf. */
export interface YamlTree {
  [key: string]: string | YamlTree;
}

/** Where and how a tree is written: the indentation of its top keys, the step per level, the line ending. */
export interface YamlInsertion {
  indent: number;
  step: number;
  eol: string;
  tree: YamlTree;
}

/** The lines of a tree, each starting with the line ending (inserted after the end of a line). */
export function renderTree(tree: YamlTree, indent: number, step: number, eol: string): string {
  let out = '';
  for (const [key, value] of Object.entries(tree)) {
    const pad = ' '.repeat(indent);
    out += typeof value === 'string' ? `${eol}${pad}${key}: ${value}` : `${eol}${pad}${key}:${renderTree(value, indent + step, step, eol)}`;
  }
  return out;
}

/** `b` merged into `a` (a new object): keys of both, nested mappings merged, `a`'s scalars kept. */
export function mergeTrees(a: YamlTree, b: YamlTree): YamlTree {
  const out: YamlTree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (typeof mine !== 'string' && typeof value !== 'string') out[key] = mergeTrees(mine, value);
  }
  return out;
}

/** A tree from a path of keys and the scalar at its end. */
export function treeOf(path: readonly string[], value: string): YamlTree {
  let tree: YamlTree | string = value;
  for (let i = path.length - 1; i >= 0; i--) tree = { [path[i]!]: tree };
  return tree as YamlTree;
}
