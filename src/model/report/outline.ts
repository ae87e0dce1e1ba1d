// Trust boundaries as reports draw them: each with its nesting depth and the elements placed directly in
// it. Grouped once with maps, so a model with thousands of zones and elements renders in linear time.

import type { Architecture, Boundary, Element } from '../schema/architecture.js';
import { boundaryDepths } from '../schema/nesting.js';

export interface OutlineEntry {
  boundary: Boundary;
  /** 0 for a boundary without a parent. */
  depth: number;
  members: Element[];
}

/** Every boundary in model order, with its depth and members. */
export function boundaryOutline(model: Architecture): OutlineEntry[] {
  const byId = new Map(model.boundaries.map((b) => [b.id, b]));
  const depths = boundaryDepths(
    byId.keys(),
    (id) => byId.get(id)!.parent,
    (id) => byId.has(id),
  );
  const members = elementsByBoundary(model);
  return model.boundaries.map((boundary) => ({ boundary, depth: (depths.get(boundary.id) ?? 1) - 1, members: members.get(boundary.id) ?? [] }));
}

/** Elements grouped by the id of their boundary (undefined: outside every boundary), in model order. */
export function elementsByBoundary(model: Architecture): Map<string | undefined, Element[]> {
  const groups = new Map<string | undefined, Element[]>();
  for (const e of model.elements) {
    const group = groups.get(e.boundary);
    if (group) group.push(e);
    else groups.set(e.boundary, [e]);
  }
  return groups;
}
