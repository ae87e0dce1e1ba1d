// Where the Threat Dragon export draws things: a nested grid in which each boundary is a box sized to
// hold its child boundaries and members. Built with explicit stacks and maps, so deep nesting costs no
// call stack and a large model lays out in linear time; boundaries caught in a parent cycle go on top.

import type { Architecture, Element } from '../schema/architecture.js';

export interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Size = { width: number; height: number };

const ELEMENT_SIZE: Record<'actor' | 'process' | 'store', Size> = {
  actor: { width: 160, height: 80 },
  process: { width: 100, height: 100 },
  store: { width: 160, height: 80 },
};
const GAP = 60;
const PADDING = 40;
const HEADER = 30;
const PER_ROW = 4;

export function shapeOf(e: Element): 'actor' | 'process' | 'store' {
  if (e.kind === 'actor' || e.kind === 'external-system') return 'actor';
  if (e.kind === 'datastore' || e.kind === 'cache' || e.kind === 'queue' || e.kind === 'bucket' || e.kind === 'secret-store') return 'store';
  return 'process';
}

/** Boxes keyed `b:<boundary id>` and `e:<element id>`. */
export function layOut(model: Architecture): Map<string, Placed> {
  const children = containment(model);
  // Every box in pre-order (parents before children); sizes are then computed children first.
  const order: string[] = [];
  const stack = [...(children.get(undefined) ?? [])].reverse();
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    order.push(key);
    if (key.startsWith('b:')) for (const child of [...(children.get(key.slice(2)) ?? [])].reverse()) stack.push(child);
  }
  const elementById = new Map(model.elements.map((e) => [e.id, e]));
  const sizes = new Map<string, Size>();
  for (let i = order.length - 1; i >= 0; i--) {
    const key = order[i]!;
    if (key.startsWith('e:')) {
      sizes.set(key, ELEMENT_SIZE[shapeOf(elementById.get(key.slice(2))!)]);
      continue;
    }
    const grid = measureGrid(children.get(key.slice(2)) ?? [], sizes);
    sizes.set(key, { width: Math.max(grid.width + 2 * PADDING, 200), height: Math.max(grid.height + 2 * PADDING + HEADER, 150) });
  }
  const placed = new Map<string, Placed>();
  const place = (keys: readonly string[], x0: number, y0: number) => {
    let y = y0;
    for (let start = 0; start < keys.length; start += PER_ROW) {
      let x = x0;
      let rowHeight = 0;
      for (const key of keys.slice(start, start + PER_ROW)) {
        const s = sizes.get(key)!;
        placed.set(key, { x, y, ...s });
        x += s.width + GAP;
        rowHeight = Math.max(rowHeight, s.height);
      }
      y += rowHeight + GAP;
    }
  };
  place(children.get(undefined) ?? [], 40, 40);
  // Pre-order: a boundary is placed before its members are laid out inside it.
  for (const key of order) {
    if (!key.startsWith('b:')) continue;
    const box = placed.get(key)!;
    place(children.get(key.slice(2)) ?? [], box.x + PADDING, box.y + PADDING + HEADER);
  }
  return placed;
}

/**
 * What each boundary holds (undefined: the top level). A boundary whose parent is unknown, itself, or part
 * of a cycle that never reaches the top is drawn at the top level.
 */
function containment(model: Architecture): Map<string | undefined, string[]> {
  const known = new Set(model.boundaries.map((b) => b.id));
  const children = new Map<string | undefined, string[]>();
  const add = (parent: string | undefined, key: string) => {
    const list = children.get(parent);
    if (list) list.push(key);
    else children.set(parent, [key]);
  };
  for (const b of model.boundaries) add(b.parent && known.has(b.parent) && b.parent !== b.id ? b.parent : undefined, `b:${b.id}`);
  const reachable = new Set<string>();
  const stack = [...(children.get(undefined) ?? [])];
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    reachable.add(key.slice(2));
    for (const child of children.get(key.slice(2)) ?? []) stack.push(child);
  }
  if (reachable.size < known.size) {
    // Unreachable boundaries sit in a cycle (or under one): lift each out of its parent to the top.
    const lifted = new Set(model.boundaries.filter((b) => !reachable.has(b.id)).map((b) => `b:${b.id}`));
    for (const [parent, list] of children) if (parent !== undefined) children.set(parent, list.filter((k) => !lifted.has(k)));
    for (const key of lifted) add(undefined, key);
  }
  for (const e of model.elements) add(e.boundary && known.has(e.boundary) ? e.boundary : undefined, `e:${e.id}`);
  return children;
}

function measureGrid(keys: readonly string[], sizes: ReadonlyMap<string, Size>): Size {
  let width = 0;
  let height = 0;
  let rowCount = 0;
  for (let start = 0; start < keys.length; start += PER_ROW) {
    let rowWidth = 0;
    let rowHeight = 0;
    const row = keys.slice(start, start + PER_ROW);
    for (const key of row) {
      const s = sizes.get(key)!;
      rowWidth += s.width;
      rowHeight = Math.max(rowHeight, s.height);
    }
    width = Math.max(width, rowWidth + GAP * (row.length - 1));
    height += rowHeight;
    rowCount++;
  }
  return { width, height: height + GAP * Math.max(0, rowCount - 1) };
}
