// The layering the folder layout promises: data flows one way, so no two folders import each other
// (directly or around a loop), and `core` depends on nothing of ours.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Relative module specifiers of static imports, re-exports and dynamic `import('…')`. */
export function importedPaths(text: string): string[] {
  const specifiers: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g)) specifiers.push(m[1]!);
  return specifiers;
}

/** Folder → folders it imports from (folders are POSIX paths relative to src, '.' for src itself). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(src)) {
    const from = relative(src, dirname(file)).split('\\').join('/') || '.';
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const spec of importedPaths(readFileSync(file, 'utf8'))) {
      const to = relative(src, dirname(resolve(dirname(file), spec))).split('\\').join('/') || '.';
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

describe('import layering', () => {
  const graph = folderGraph();

  it('has no folder-level import cycles', () => {
    const loops = cycles(graph).map((c) => c.join(' ↔ '));
    assert.deepEqual(loops, []);
  });

  it('core imports nothing of ours', () => {
    assert.deepEqual([...(graph.get('core') ?? [])], []);
  });

  it('the analysis stage does not reach back into the pipeline, nor the threat knowledge into the rules', () => {
    const reaches = (from: string, to: string) => [...graph].some(([dir, edges]) => (dir === from || dir.startsWith(`${from}/`)) && [...edges].some((e) => e === to || e.startsWith(`${to}/`)));
    assert.equal(reaches('analyze', 'pipeline'), false);
    assert.equal(reaches('model/knowledge', 'analyze'), false);
  });

  it('finds the cycles it is meant to find', () => {
    const loop = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    assert.deepEqual(cycles(loop), [['a', 'b', 'c']]);
    assert.deepEqual(importedPaths(`import { x } from './a.js';\nexport * from '../b/c.js';\nconst m = await import('./d.js');\nimport './side.js';`), ['./a.js', '../b/c.js', './d.js', './side.js']);
  });
});
