// The threats an Open Threat Model assigns to its components and data flows: each assignment names a threat
// of the top-level `threats` list (with its categories and risk) and its state, and the mitigations of the
// top-level `mitigations` list applied to it. Each assignment becomes one threat of the register.

import type { ModelBuilder } from './builder.js';
import type { FlowDraft } from './build-drafts.js';
import { MAX_IMPORTED_THREATS, severityFromScore, statusFromWords, strideFromType, type ImportedThreatDraft } from './imported-threats.js';
type Plain = Record<string, unknown>;

/** An item of one of the file's top-level lists, as its plain value with its line. */
export interface OtmItem {
  value: Plain;
  line?: number;
}

export interface OtmSubject {
  /** The component's or flow's `threats` list: `{ threat, state, mitigations: [{ mitigation, state }] }`. */
  threats: unknown[];
  elementKey?: string;
  flowDraft?: FlowDraft;
  line?: number;
}

export function readOtmThreats(definitions: OtmItem[], mitigations: OtmItem[], subjects: OtmSubject[], builder: ModelBuilder): void {
  const threats = new Map<string, OtmItem>();
  for (const d of definitions) if (str(d.value.id)) threats.set(str(d.value.id)!, d);
  const controls = new Map<string, Plain>();
  for (const m of mitigations) if (str(m.value.id)) controls.set(str(m.value.id)!, m.value);
  const unknown = new Set<string>();
  const unknownStates = new Set<string>();
  let overLimit = 0;
  for (const subject of subjects) {
    for (const raw of subject.threats) {
      if (!isObject(raw)) continue;
      const ref = str(raw.threat);
      const definition = ref === undefined ? undefined : threats.get(ref);
      if (!ref || !definition) {
        unknown.add(ref ?? '(none)');
        continue;
      }
      if (builder.threatDrafts.length >= MAX_IMPORTED_THREATS) {
        overLimit++;
        continue;
      }
      const t = definition.value;
      const categories = Array.isArray(t.categories) ? t.categories.filter((c): c is string => typeof c === 'string') : [];
      const { stride, note } = strideFromType(categories);
      const stateText = str(raw.state);
      const { status, known } = statusFromWords(stateText);
      if (stateText && !known) unknownStates.add(stateText);
      const risk = isObject(t.risk) ? t.risk : {};
      const likelihood = num(risk.likelihood);
      const impact = num(risk.impact);
      // As Threat Dragon reads OTM: likelihood × impact (each 0–100) as a 0–10 score; impact alone when likelihood is not given.
      const score = impact === undefined ? undefined : Math.round((likelihood === undefined ? impact * 10 : likelihood * impact) / 100) / 10;
      const draft: ImportedThreatDraft = {
        format: 'otm',
        id: ref,
        title: str(t.name) ?? ref,
        stride,
        status,
        original: { ...raw, definition: t },
        line: definition.line ?? subject.line,
        ...(subject.flowDraft ? { flowDraft: subject.flowDraft } : { elementKey: subject.elementKey! }),
      };
      const description = [str(t.description), str(risk.likelihoodComment) ? `Likelihood: ${str(risk.likelihoodComment)}` : '', str(risk.impactComment) ? `Impact: ${str(risk.impactComment)}` : '', cwes(t)].filter(Boolean).join('\n');
      const optional: Partial<ImportedThreatDraft> = {
        type: categories.join(', ') || undefined, strideNote: note, statusText: stateText, severity: score === undefined ? undefined : severityFromScore(score),
        likelihood: likelihood === undefined ? undefined : likelihood >= 67 ? 'high' : likelihood >= 34 ? 'medium' : 'low',
        description: description || undefined, mitigation: mitigationText(raw.mitigations, controls), score: score === undefined ? undefined : String(score),
      };
      for (const [key, value] of Object.entries(optional)) if (value !== undefined) (draft as Record<string, unknown>)[key] = value;
      builder.threatDrafts.push(draft);
    }
  }
  if (unknown.size) builder.note('warning', `${unknown.size} threat reference(s) name no threat of the file's threats list (${[...unknown].slice(0, 3).map((u) => `"${u.slice(0, 40)}"`).join(', ')}); left out`);
  if (unknownStates.size) builder.note('info', `OTM threat state(s) ${[...unknownStates].slice(0, 5).map((s) => `"${s.slice(0, 40)}"`).join(', ')} not known; those threats are taken as open`);
  if (overLimit) builder.note('info', `${overLimit} threat assignment(s) past the limit of ${MAX_IMPORTED_THREATS} not imported`);
}

/** "Name (state, risk reduction 50%): description" per mitigation applied, one a line. */
function mitigationText(list: unknown, controls: Map<string, Plain>): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const lines = list.flatMap((m) => {
    if (!isObject(m) || !str(m.mitigation)) return [];
    const control = controls.get(str(m.mitigation)!);
    const name = str(control?.name) ?? str(m.mitigation)!;
    const facts = [str(m.state), num(control?.riskReduction) === undefined ? '' : `risk reduction ${num(control?.riskReduction)}%`].filter(Boolean).join(', ');
    return [`${name}${facts ? ` (${facts})` : ''}${str(control?.description) ? `: ${str(control?.description)}` : ''}`];
  });
  return lines.length ? lines.join('\n') : undefined;
}

function cwes(t: Plain): string {
  const list = Array.isArray(t.cwes) ? t.cwes.filter((c): c is string => typeof c === 'string') : [];
  return list.length ? `CWE: ${list.join(', ')}` : '';
}

function isObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
