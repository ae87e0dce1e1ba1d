// Threats the design file already held (written in Threat Dragon or an Open Threat Model), filed in the one
// register with the threats Bulwark derives: same fields, scored with the same factors, marked by `origin`.
// Their severity is the file's (medium when it gives none, and the threat says so); their exploitability
// and data sensitivity are what the design says of the element or flow they are about.

import type { Severity } from '../../core/types.js';
import type { Architecture, SourceRef } from '../schema/architecture.js';
import type { ImportedThreat } from '../schema/imported-threat.js';
import type { ModelFacts } from './facts.js';
import { exploitabilityFactor, sensitivityFactor, threatRisk } from './scoring.js';
import { IMPORTED_PATTERN, type Decision, type Threat } from './types.js';

/** Rule ids of imported threats: they say where a threat came from, as a rule id says which rule derived it. */
export const IMPORTED_RULE_IDS = { 'threat-dragon': 'TD-IMPORTED', otm: 'OTM-IMPORTED', threagile: 'TG-IMPORTED' } as const;

const PREFIX = { 'threat-dragon': 'TD', otm: 'OTM', threagile: 'TG' } as const;
export const FORMAT_NAME = { 'threat-dragon': 'Threat Dragon', otm: 'Open Threat Model', threagile: 'Threagile' } as const;

/** True for a threat the design file held rather than one Bulwark derived. */
export function isImported(threat: Pick<Threat, 'origin'>): boolean {
  return threat.origin !== undefined;
}

/**
 * The file's threats as the register's: open ones to `open`; those the file marks mitigated, accepted or not
 * applicable to `decided`, with a decision that says the file made it.
 */
export function fileImportedThreats(imported: readonly ImportedThreat[], model: Architecture, facts: ModelFacts): { open: Threat[]; decided: Threat[] } {
  const open: Threat[] = [];
  const decided: Threat[] = [];
  const file = model.origin?.file;
  const elements = new Map(model.elements.map((e) => [e.id, e]));
  // A bidirectional flow has a reverse view too: the first view (the flow as drawn) wins.
  const flows = new Map(facts.flows.map((f) => [f.flow.id, f] as const).reverse());
  const ids = new Set<string>();
  for (const t of imported) {
    const flow = t.flow === undefined ? undefined : flows.get(t.flow);
    const element = t.element === undefined ? undefined : elements.get(t.element);
    if (!flow && !element) continue;
    const subject = flow ? `${flow.source.id}->${flow.target.id}` : element!.id;
    let id = `${PREFIX[t.format]}-${t.id}@${subject}`;
    for (let n = 2; ids.has(id); n++) id = `${PREFIX[t.format]}-${t.id}@${subject}#${n}`;
    ids.add(id);
    const elementFacts = element ? facts.elements.get(element.id) : facts.elements.get(flow!.target.id);
    const internet = flow ? flow.fromInternet || elementFacts?.internetFacing === true : elementFacts?.internetFacing === true;
    const sensitivity = flow ? flow.sensitivity : elementFacts?.sensitivity;
    const severity: Severity = t.severity ?? 'medium';
    const risk = threatRisk(severity, exploitabilityFactor(t.stride, undefined, internet), sensitivityFactor(sensitivity));
    const name = FORMAT_NAME[t.format];
    const adjustments = [
      `from the ${name} file${t.type ? `, type "${t.type}"${t.modelType ? ` (${t.modelType})` : ''}` : ''}`,
      t.severity ? `severity as the file states it (${t.severityText ?? t.severity})` : `severity taken as medium: the file gives ${t.severityText ? `"${t.severityText}"` : 'none'}`,
      ...(t.strideNote ? [t.strideNote] : []),
    ];
    const location = flow ? flow.flow.location : element!.location;
    const locations: SourceRef[] = location ? [location.file || !file ? location : { ...location, file }] : [];
    const origin = strip({
      format: t.format, id: t.id, type: t.type, modelType: t.modelType, status: t.statusText, severity: t.severityText, score: t.score, mitigation: t.mitigation, original: t.original,
    });
    const threat: Threat = {
      id,
      ruleId: IMPORTED_RULE_IDS[t.format],
      pattern: IMPORTED_PATTERN,
      stride: t.stride,
      title: t.title,
      description: t.description ?? `Recorded in the ${name} file; it gives no description.`,
      severity,
      likelihood: t.likelihood ?? 'medium',
      riskScore: risk.score,
      risk,
      adjustments,
      elements: flow ? [flow.source.id, flow.target.id] : [element!.id],
      flows: flow ? [flow.flow.id] : [],
      locations,
      mitigations: [],
      cwe: [],
      capec: [],
      compliance: [],
      suppressedBy: [],
      status: t.status,
      origin,
    };
    if (t.status === 'open') open.push(threat);
    else decided.push({ ...threat, decision: fileDecision(t, name) });
  }
  return { open, decided };
}

function fileDecision(t: ImportedThreat, name: string): Decision {
  return { status: t.status, justification: `${t.status} in the ${name} file (status "${t.statusText ?? t.status}")` };
}

function strip<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const k in obj) if (obj[k] !== undefined) out[k] = obj[k];
  return out as T;
}
