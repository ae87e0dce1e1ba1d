// STRIDE analysis: evaluate every knowledge-base rule over the derived facts of one architecture.
// Pure and deterministic: the same model always gives the same report, in the same order.

import { compareText, SEVERITY_RANK } from '../../core/types.js';
import { tokenAuthenticated } from '../knowledge/controls.js';
import { ELEMENT_THREAT_RULES, FLOW_THREAT_RULES } from '../knowledge/patterns/index.js';
import type { Control, ElementContext, ElementThreatRule, FlowContext, FlowThreatRule, FlowView } from '../knowledge/types.js';
import { describeClassification, isSensitive } from '../knowledge/vocabulary.js';
import type { Architecture, Classification, SourceRef } from '../schema/architecture.js';
import { computeFacts, type ModelFacts } from './facts.js';
import { fileImportedThreats } from './imported.js';
import { accountResiduals, type Residual } from './residuals.js';
import { exploitabilityFactor, sensitivityFactor, shiftLikelihood, shiftSeverity, threatRisk } from './scoring.js';
import { describeModel } from './surfaces.js';
import { THREAT_REPORT_VERSION, type AnalyzeOptions, type SeverityCounts, type Threat, type ThreatReport } from './types.js';

interface Subject {
  id: string;
  elements: string[];
  flows: string[];
  locations: SourceRef[];
  sensitivity: Classification | undefined;
  internet: boolean;
  /** Reachable from the internet (the exploitability factor; how is in the attack surfaces). */
  internetReachable: boolean;
}

/** A rule's references, copied once per analysis and shared by its threats (a report can hold 100,000s). */
type References = Pick<Threat, 'mitigations' | 'cwe' | 'capec' | 'compliance'>;

function referencesOf(rule: ElementThreatRule | FlowThreatRule, cache: Map<object, References>): References {
  let refs = cache.get(rule);
  if (!refs) {
    refs = { mitigations: [...rule.mitigations], cwe: [...rule.cwe], capec: [...rule.capec], compliance: rule.compliance.map((c) => ({ ...c })) };
    cache.set(rule, refs);
  }
  return refs;
}

/** The ids of the controls that removed each threat a residual can replace, for the residual accounting. */
const REMOVERS = new WeakMap<Threat, string[]>();
/** Controls that are authentication: what a stated token authentication can be the reason for. */
const AUTHENTICATION_REMOVERS: ReadonlySet<string> = new Set(['flow.authenticated', 'element.authenticatesCallers', 'downstream.authenticated']);
/** The rules whose threats residuals are counted against (only theirs need their removers recorded). */
const RESIDUAL_PARENTS: ReadonlySet<string> = new Set([...ELEMENT_THREAT_RULES, ...FLOW_THREAT_RULES].flatMap((r) => r.residualOf?.rules ?? []));

function evaluate<C>(
  rule: ElementThreatRule | FlowThreatRule,
  ctx: C,
  subject: Subject,
  refs: References,
): Threat {
  const controls = rule.controls as Control<C>[];
  const present = controls.filter((c) => c.present(ctx));
  const removers = present.filter((c) => c.effect === 'remove');
  const removedBy = removers.map((c) => c.reason(ctx));
  const adjustments: string[] = [];
  let severity = rule.severity;
  let likelihood = rule.likelihood;
  if (rule.raiseForSensitiveData && isSensitive(subject.sensitivity)) {
    severity = shiftSeverity(severity, 1);
    adjustments.push(`severity raised: involves ${describeClassification(subject.sensitivity!)}`);
  }
  if (rule.raiseForInternet && subject.internet) {
    likelihood = shiftLikelihood(likelihood, 1);
    adjustments.push('likelihood raised: reachable from the internet');
  }
  for (const control of present.filter((c) => c.effect === 'downgrade')) {
    severity = shiftSeverity(severity, -1);
    adjustments.push(`severity lowered: ${control.reason(ctx)}`);
  }
  const risk = threatRisk(severity, exploitabilityFactor(rule.stride, rule.exploit, subject.internetReachable), sensitivityFactor(subject.sensitivity));
  const title = (rule.title as (c: C) => string)(ctx);
  const description = (rule.description as (c: C) => string)(ctx);
  const threat: Threat = {
    id: subject.id,
    ruleId: rule.id,
    pattern: rule.pattern,
    stride: rule.stride,
    title,
    description,
    severity,
    likelihood,
    riskScore: risk.score,
    risk,
    adjustments,
    elements: subject.elements,
    flows: subject.flows,
    locations: subject.locations,
    mitigations: rule.mitigationApplies ? refs.mitigations.filter((id) => (rule.mitigationApplies as (id: string, c: C) => boolean)(id, ctx)) : refs.mitigations,
    cwe: refs.cwe,
    capec: refs.capec,
    compliance: refs.compliance,
    suppressedBy: removedBy,
    status: 'open',
  };
  if (removers.length && RESIDUAL_PARENTS.has(rule.id)) REMOVERS.set(threat, removers.map((r) => r.id));
  return threat;
}

function elementRuleMatches(rule: ElementThreatRule, ctx: ElementContext): boolean {
  if (!rule.kinds && !rule.tags) return true;
  return (rule.kinds?.includes(ctx.element.kind) ?? false) || (rule.tags?.some((t) => ctx.facts.tags.has(t)) ?? false);
}

function flowRuleMatches(rule: FlowThreatRule, flow: FlowView): boolean {
  if (rule.sourceKinds && !rule.sourceKinds.includes(flow.source.kind)) return false;
  if (rule.targetKinds && !rule.targetKinds.includes(flow.target.kind)) return false;
  if (rule.crossing === 'crossing' && !flow.crossesBoundary) return false;
  if (rule.crossing === 'internal' && flow.crossesBoundary) return false;
  return true;
}

function withFile(ref: SourceRef | undefined, file: string | undefined): SourceRef[] {
  if (!ref) return [];
  return [ref.file || !file ? ref : { ...ref, file }];
}

const DECIDING = new WeakMap<object, readonly string[]>();

/** The properties a rule turns on: those it is decided by and those its controls read (`element.rateLimited`, `flow.encrypted`). */
export function decidingProps(rule: ElementThreatRule | FlowThreatRule): readonly string[] {
  let props = DECIDING.get(rule);
  if (!props) {
    const scope = rule.scope === 'flow' ? 'flow.' : 'element.';
    const controlled = (rule.controls as readonly { id: string }[]).filter((c) => c.id.startsWith(scope)).map((c) => c.id.slice(scope.length).replace(/=.*$/, ''));
    DECIDING.set(rule, (props = [...new Set([...(rule.decidedBy ?? []), ...controlled])]));
  }
  return props;
}

/**
 * A threat decided by stated properties, or removed by a stated control, is located also at the lines that
 * state them (models inferred from a repository): the line that confirms it, or the one that mitigates it.
 */
function withDecidingEvidence<T extends { locations: SourceRef[] }>(shared: T, evidence: Architecture['elements'][number]['evidence'], decidedBy: readonly string[] | undefined): T {
  if (!evidence?.length || !decidedBy?.length) return shared;
  const lines = evidence.filter((e) => e.prop !== undefined && decidedBy.includes(e.prop));
  if (!lines.length) return shared;
  const seen = new Set(shared.locations.map((l) => `${l.file ?? ''}:${l.line}`));
  const locations = [...shared.locations];
  for (const e of lines) {
    const key = `${e.file}:${e.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locations.push({ file: e.file, line: e.line });
  }
  return { ...shared, locations };
}

/** The lines where other components state what decides the threat (`decidedByOthers`), added to its locations. */
function withOthersEvidence<T extends { locations: SourceRef[] }>(shared: T, props: readonly string[], ids: Iterable<string>, facts: ModelFacts): T {
  let out = shared;
  for (const id of ids) out = withDecidingEvidence(out, facts.elements.get(id)?.element.evidence, props);
  return out;
}

/** Every threat whose condition matches, before controls are applied (each carries its `suppressedBy`). */
export function collectThreats(model: Architecture, facts: ModelFacts): Threat[] {
  const file = model.origin?.file;
  const threats: Threat[] = [];
  const residuals: Residual[] = [];
  const refs = new Map<object, References>();
  for (const elementFacts of facts.elements.values()) {
    const ctx: ElementContext = { element: elementFacts.element, facts: elementFacts, model: facts.view };
    // The threats of one element share its lists (nothing changes a threat's lists once it is made).
    let shared: Pick<Subject, 'elements' | 'flows' | 'locations'> | undefined;
    for (const rule of ELEMENT_THREAT_RULES) {
      if (!elementRuleMatches(rule, ctx) || !rule.applies(ctx)) continue;
      shared ??= { elements: [ctx.element.id], flows: [], locations: withFile(ctx.element.location, file) };
      const own = withDecidingEvidence(shared, ctx.element.evidence, decidingProps(rule));
      const threat = evaluate(rule, ctx, {
        id: `${rule.id}@${ctx.element.id}`,
        ...(rule.decidedByOthers ? withOthersEvidence(own, rule.decidedByOthers.props, rule.decidedByOthers.of(ctx), facts) : own),
        sensitivity: elementFacts.sensitivity,
        internet: elementFacts.internetFacing,
        internetReachable: elementFacts.internetFacing,
      }, referencesOf(rule, refs));
      threats.push(threat);
      if (rule.residualOf?.introducedByControl(ctx)) residuals.push({ threat, rule, element: ctx.element.id });
    }
  }
  const flowIds = new Set<string>();
  for (const flow of facts.flows) {
    const ctx: FlowContext = { flow, model: facts.view };
    const targetFacts = facts.elements.get(flow.target.id);
    let shared: Pick<Subject, 'elements' | 'flows' | 'locations'> | undefined;
    for (const rule of FLOW_THREAT_RULES) {
      if (!flowRuleMatches(rule, flow) || !rule.applies(ctx)) continue;
      shared ??= { elements: [flow.source.id, flow.target.id], flows: [flow.flow.id], locations: withFile(flow.flow.location, file) };
      let id = `${rule.id}@${flow.source.id}->${flow.target.id}`;
      // Two flows between the same pair: disambiguate by flow id so both stay stable.
      if (flowIds.has(id)) id = `${id}#${flow.flow.id}`;
      flowIds.add(id);
      const threat = evaluate(rule, ctx, {
        id,
        ...withDecidingEvidence(shared, flow.flow.evidence, decidingProps(rule)),
        sensitivity: flow.sensitivity,
        internet: flow.fromInternet || targetFacts?.internetFacing === true,
        internetReachable: flow.fromInternet || targetFacts?.internetFacing === true,
      }, referencesOf(rule, refs));
      threats.push(threat);
      if (rule.residualOf?.introducedByControl(ctx)) residuals.push({ threat, rule, element: flow.target.id });
    }
  }
  if (residuals.length) {
    const tokenFlows = new Set(facts.flows.filter(tokenAuthenticated).map((f) => f.flow.id));
    // Removed only by authentication, and by the token authentication the design states (on the flows from the
    // internet, or on the service itself: "JWT auth"): without it the threat would be open.
    const freedByTokens = (t: Threat): boolean => {
      const removers = REMOVERS.get(t) ?? [];
      if (!removers.length || !removers.every((id) => AUTHENTICATION_REMOVERS.has(id))) return false;
      if (t.flows.length) return removers.every((id) => id === 'flow.authenticated') && t.flows.every((id) => tokenFlows.has(id));
      const element = facts.elements.get(t.elements[0]!);
      if (!element) return false;
      // A service that authenticates callers without saying how was not freed by a token stated later.
      const statesTokenAuth = element.element.props.authenticatesCallers === true && element.tags.has('jwt');
      if (removers.includes('element.authenticatesCallers') && !statesTokenAuth) return false;
      return statesTokenAuth || element.incoming.some((f) => f.fromInternet && tokenAuthenticated(f));
    };
    accountResiduals(threats, residuals, freedByTokens);
  }
  return threats;
}

/** Worst first, as the auditor orders findings: risk score, then severity, then id (locale-independent). */
export function compareThreats(a: Threat, b: Threat): number {
  return b.riskScore - a.riskScore || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareText(a.id, b.id);
}

/**
 * The order of compareThreats without a comparator call per pair: a large design has hundreds of thousands
 * of threats. Threats are bucketed by score and severity (one number), and each bucket is ordered by id with
 * the engine's own string sort, which is code-unit order like compareText.
 */
function sortThreats(threats: Threat[]): Threat[] {
  const buckets = new Map<number, Threat[]>();
  for (const t of threats) {
    // Scores have one decimal (0–10), so score × 100 + severity rank keeps both orders in one number.
    const rank = Math.round(t.riskScore * 10) * 10 + SEVERITY_RANK[t.severity];
    const bucket = buckets.get(rank);
    if (bucket) bucket.push(t);
    else buckets.set(rank, [t]);
  }
  const out: Threat[] = [];
  for (const rank of [...buckets.keys()].sort((a, b) => b - a)) {
    const bucket = buckets.get(rank)!;
    if (bucket.length === 1) {
      out.push(bucket[0]!);
      continue;
    }
    const byId = new Map<string, Threat | Threat[]>();
    for (const t of bucket) {
      const same = byId.get(t.id);
      if (same === undefined) byId.set(t.id, t);
      else if (Array.isArray(same)) same.push(t);
      else byId.set(t.id, [same, t]);
    }
    for (const id of [...byId.keys()].sort()) {
      const entry = byId.get(id)!;
      if (Array.isArray(entry)) out.push(...entry);
      else out.push(entry);
    }
  }
  return out;
}

export function countBySeverity(threats: readonly Threat[]): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const t of threats) counts[t.severity] += 1;
  return counts;
}

/** Analyse an architecture: open threats, threats mitigated by design, crossings, attack surfaces. */
export function analyze(model: Architecture, options: AnalyzeOptions = {}): ThreatReport {
  const facts = computeFacts(model);
  const all = collectThreats(model, facts);
  // The threats the design file already held join the register next to the derived ones.
  const imported = options.importedThreats?.length ? fileImportedThreats(options.importedThreats, model, facts) : { open: [], decided: [] };
  const threats = sortThreats([...all.filter((t) => t.suppressedBy.length === 0), ...imported.open]);
  const mitigatedByDesign = sortThreats(all.filter((t) => t.suppressedBy.length > 0));
  const { crossings, attackSurfaces, inferred } = describeModel(model, facts, threats);
  return {
    schemaVersion: THREAT_REPORT_VERSION,
    tool: { name: 'bulwark', version: options.toolVersion ?? '0.0.0' },
    model,
    threats,
    decided: sortThreats(imported.decided),
    mitigatedByDesign,
    counts: countBySeverity(threats),
    crossings,
    attackSurfaces,
    inferred,
    warnings: facts.warnings,
  };
}
