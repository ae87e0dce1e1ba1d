// What the report says about the design itself: boundary crossings per flow, the attack surface of
// each element, and everything Bulwark derived or the adapter inferred (so a person can correct it).

import { compareText } from '../../core/types.js';
import type { Architecture } from '../schema/architecture.js';
import type { ModelFacts } from './facts.js';
import type { AttackSurface, FlowCrossing, Threat } from './types.js';

export interface ModelDescription {
  crossings: FlowCrossing[];
  attackSurfaces: AttackSurface[];
  inferred: string[];
}

export function describeModel(model: Architecture, facts: ModelFacts, openThreats: readonly Threat[]): ModelDescription {
  const threatsPerElement = new Map<string, number>();
  for (const t of openThreats) for (const id of t.elements) threatsPerElement.set(id, (threatsPerElement.get(id) ?? 0) + 1);

  const crossings: FlowCrossing[] = facts.flows
    .filter((f) => f.crossesBoundary)
    .map((f) => ({
      flow: f.flow.id,
      display: f.display,
      boundaries: f.crossings.length ? f.crossings.map((b) => b.name) : ['internet'],
      fromInternet: f.fromInternet,
      ...(f.encrypted !== undefined ? { encrypted: f.encrypted } : {}),
      ...(f.authenticated !== undefined ? { authenticated: f.authenticated } : {}),
    }));

  const attackSurfaces: AttackSurface[] = [];
  const inferred: string[] = [];
  for (const ef of facts.elements.values()) {
    const entryPoints = ef.incoming
      .filter((f) => f.crossesBoundary && f.target.id === ef.element.id)
      .map((f) => ({
        flow: f.flow.id,
        from: f.source.name,
        ...(f.flow.protocol ? { protocol: f.flow.protocol } : {}),
        ...(f.flow.port !== undefined ? { port: f.flow.port } : {}),
      }));
    // Actors and external systems are where attacks come from, not surfaces we defend.
    const ours = ef.element.kind !== 'actor' && ef.element.kind !== 'external-system';
    if (ours && (ef.internetFacing || entryPoints.length > 0)) {
      attackSurfaces.push({
        element: ef.element.id,
        name: ef.element.name,
        internetFacing: ef.internetFacing,
        ...(ef.exposure ? { exposure: ef.exposure } : {}),
        entryPoints,
        openThreats: threatsPerElement.get(ef.element.id) ?? 0,
      });
    }
    if (ef.element.inferredFrom) inferred.push(`${ef.element.name} (${ef.element.kind}): ${ef.element.inferredFrom}`);
    if (ef.internetFacing && ef.element.props.internetFacing === undefined) inferred.push(`${ef.element.name} is internet-facing: ${ef.exposure}`);
    if (ef.loginEndpoint) inferred.push(`${ef.element.name} is a login endpoint: it receives credentials from the internet`);
    if (ef.uploadEndpoint) inferred.push(`${ef.element.name} is an upload endpoint: it receives files from the internet`);
    if (ef.issuesTokens) inferred.push(`${ef.element.name} issues bearer tokens`);
    if (ef.verifiesTokens) inferred.push(`${ef.element.name} receives bearer tokens and must verify them`);
  }
  for (const flow of model.flows) if (flow.inferredFrom) inferred.push(`flow ${flow.id} (${flow.source} → ${flow.target}): ${flow.inferredFrom}`);
  attackSurfaces.sort((a, b) => Number(b.internetFacing) - Number(a.internetFacing) || b.openThreats - a.openThreats || compareText(a.element, b.element));
  return { crossings, attackSurfaces, inferred };
}
