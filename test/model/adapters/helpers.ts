// Small views over a model so tests can state expectations compactly.

import type { Architecture } from '../../../src/model/schema/architecture.js';

export function element(model: Architecture, id: string) {
  const e = model.elements.find((x) => x.id === id);
  if (!e) throw new Error(`no element "${id}" in ${model.elements.map((x) => x.id).join(', ')}`);
  return e;
}

export function flow(model: Architecture, source: string, target: string) {
  const f = model.flows.find((x) => x.source === source && x.target === target);
  if (!f) throw new Error(`no flow ${source} → ${target} in ${model.flows.map((x) => `${x.source}→${x.target}`).join(', ')}`);
  return f;
}

export function ids(items: ReadonlyArray<{ id: string }>): string[] {
  return items.map((x) => x.id).sort();
}

/** The parts of a model every input format must agree on. */
export function comparable(model: Architecture) {
  return {
    elements: model.elements.map((e) => ({ id: e.id, kind: e.kind, technology: e.technology, boundary: e.boundary })).sort((a, b) => a.id.localeCompare(b.id)),
    flows: model.flows
      .map((f) => ({ source: f.source, target: f.target, protocol: f.protocol, encrypted: f.encrypted, authenticated: f.authenticated }))
      .sort((a, b) => `${a.source}>${a.target}`.localeCompare(`${b.source}>${b.target}`)),
    boundaries: model.boundaries.map((b) => ({ id: b.id, type: b.type, parent: b.parent })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** A model without source locations and origin, for round-trip comparisons. */
export function withoutLocations(model: Architecture) {
  const drop = <T extends { location?: unknown }>(x: T) => {
    const { location: _location, ...rest } = x;
    return rest;
  };
  return {
    ...model,
    origin: undefined,
    elements: model.elements.map(drop),
    flows: model.flows.map(drop),
    boundaries: model.boundaries.map(drop),
    dataAssets: model.dataAssets.map(drop),
  };
}

export function flowById(model: Architecture, id: string) {
  const f = model.flows.find((x) => x.id === id);
  if (!f) throw new Error(`no flow "${id}" in ${model.flows.map((x) => x.id).join(', ')}`);
  return f;
}
