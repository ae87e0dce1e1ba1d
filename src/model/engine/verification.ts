// Whether a repository's code, configuration and auditor findings confirm each threat, show it mitigated, or
// leave it implied by the design alone. The lines are those that decide the rule's properties (the element's
// or the flow's evidence) and the findings of the auditor rules that verify the threat's mitigations
// (knowledge/verified-by.ts) on the elements the threat concerns.

import { ELEMENT_THREAT_RULES, FLOW_THREAT_RULES } from '../knowledge/patterns/index.js';
import type { ElementThreatRule, FlowThreatRule } from '../knowledge/types.js';
import { checksOf } from '../knowledge/verified-by.js';
import type { Architecture, Evidence } from '../schema/architecture.js';
import { decidingProps } from './analyze.js';
import type { Threat, ThreatReport, Verification } from './types.js';

const RULES = new Map<string, ElementThreatRule | FlowThreatRule>([...ELEMENT_THREAT_RULES, ...FLOW_THREAT_RULES].map((r) => [r.id, r]));

/** Sets `verification` on every threat of the report (open, decided and mitigated by design). */
export function verifyThreats(report: ThreatReport): void {
  const elements = new Map(report.model.elements.map((e) => [e.id, e]));
  const flows = new Map(report.model.flows.map((f) => [f.id, f]));
  const stated = new Map<string, Evidence[]>();
  for (const item of report.model.elements) {
    for (const e of item.evidence ?? []) {
      if (e.prop === undefined) continue;
      const key = `${e.file}:${e.line}`;
      const list = stated.get(key);
      if (list) list.push(e);
      else stated.set(key, [e]);
    }
  }
  for (const threat of report.threats) threat.verification = verificationOf(threat, elements, flows, stated, false);
  for (const threat of report.decided) threat.verification = verificationOf(threat, elements, flows, stated, false);
  for (const threat of report.mitigatedByDesign) threat.verification = verificationOf(threat, elements, flows, stated, true);
}

type Elements = ReadonlyMap<string, Architecture['elements'][number]>;
type Flows = ReadonlyMap<string, Architecture['flows'][number]>;

/** Evidence lines that state a property, by `file:line`. */
type Stated = ReadonlyMap<string, Evidence[]>;

function verificationOf(threat: Threat, elements: Elements, flows: Flows, stated: Stated, mitigated: boolean): Verification {
  const rule = RULES.get(threat.ruleId);
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  const add = (e: Evidence): void => {
    const key = `${e.file}:${e.line}:${e.rule ?? ''}:${e.says}`;
    if (seen.has(key)) return;
    seen.add(key);
    evidence.push(e);
  };
  if (rule) {
    const props = decidingProps(rule);
    const subjects = threat.flows.length ? threat.flows.map((id) => flows.get(id)?.evidence) : threat.elements.map((id) => elements.get(id)?.evidence);
    for (const list of subjects) for (const e of list ?? []) if (e.prop !== undefined && props.includes(e.prop)) add(e);
    // Lines where other components state what decides it (the writers of a database that validate nothing).
    const others = rule.scope === 'element' ? rule.decidedByOthers?.props : undefined;
    if (others) for (const l of threat.locations) for (const e of stated.get(`${l.file}:${l.line}`) ?? []) if (others.includes(e.prop as never)) add(e);
  }
  const checks = checksOf(threat.mitigations);
  if (checks.size) {
    for (const id of threat.elements) for (const e of elements.get(id)?.evidence ?? []) if (e.rule && checks.has(e.rule)) add(e);
  }
  const status = mitigated ? 'mitigated' : evidence.length ? 'confirmed' : 'unverified';
  return { status, evidence };
}
