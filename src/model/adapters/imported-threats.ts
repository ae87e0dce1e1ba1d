// Threats a design file already holds, as the readers collect them: keyed by the reader's own element keys
// and flow drafts until the model is built, then tied to the model's ids. Also the vocabulary every file
// format shares: which STRIDE category a type is, which status and severity its words mean.

import { SEVERITIES, STRIDE_CATEGORIES, type Severity, type StrideCategory } from '../../core/types.js';
import type { Architecture } from '../schema/architecture.js';
import type { ImportedThreat, ImportedThreatStatus } from '../schema/imported-threat.js';
import type { FlowDraft } from './build-drafts.js';
import { exact } from './limits.js';

/** More threats than any threat model holds by hand: past this a file is generated, and the rest are left out. */
export const MAX_IMPORTED_THREATS = 100_000;

export type ImportedThreatDraft = Omit<ImportedThreat, 'element' | 'flow'> & { elementKey?: string; flowDraft?: FlowDraft };

/**
 * The drafts tied to the built model: a threat whose element or flow did not make it into the model is
 * left out, and one note says how many.
 */
export function resolveImportedThreats(
  drafts: readonly ImportedThreatDraft[],
  elementIds: ReadonlyMap<string, string>,
  flowIds: ReadonlyMap<FlowDraft, string>,
  model: Architecture,
  note: (message: string) => void,
): ImportedThreat[] {
  const built = new Set(model.elements.map((e) => e.id));
  const out: ImportedThreat[] = [];
  let lost = 0;
  for (const { elementKey, flowDraft, ...threat } of drafts) {
    const element = elementKey === undefined ? undefined : elementIds.get(elementKey);
    const flow = flowDraft === undefined ? undefined : flowIds.get(flowDraft);
    if (flow !== undefined) out.push({ ...threat, flow });
    else if (element !== undefined && built.has(element)) out.push({ ...threat, element });
    else lost++;
  }
  if (lost) note(`${exact(lost)} threat(s) from the file are about an element or flow that is not in the model; left out`);
  return out;
}

const STRIDE_WORDS: ReadonlyArray<readonly [RegExp, StrideCategory]> = [
  [/^spoof/, 'spoofing'],
  [/^tamper/, 'tampering'],
  [/^(?:non)?repudiat/, 'repudiation'],
  [/^info\w* ?disclos/, 'information-disclosure'],
  [/^denial/, 'denial-of-service'],
  [/^(?:elevation|escalation)/, 'elevation-of-privilege'],
];

/** Other threat models' categories, each at the STRIDE category nearest in what it threatens. */
const NEAREST_STRIDE: ReadonlyArray<readonly [RegExp, StrideCategory, string]> = [
  // CIA and DIE: confidentiality/ephemeral → disclosure, integrity/immutable → tampering, availability/distributed → denial of service.
  [/^(?:confidentiality|ephemeral)$/, 'information-disclosure', 'CIA/DIE'],
  [/^(?:integrity|immutable)$/, 'tampering', 'CIA/DIE'],
  [/^(?:availability|distributed)$/, 'denial-of-service', 'CIA/DIE'],
  // LINDDUN and PLOT4ai privacy threats are about personal data coming out: disclosure.
  [/^(?:linkability|identifiability|identifiabilitylinkability|detectability|disclosureofinformation|unawareness|noncompliance|ethicshumanrights)$/, 'information-disclosure', 'privacy'],
  [/^(?:accessibility|safety)$/, 'denial-of-service', 'PLOT4ai'],
  [/^(?:techniqueprocesses|security)$/, 'tampering', 'PLOT4ai'],
  [/^(?:authentication|identity)$/, 'spoofing', 'category'],
  [/^(?:authori[sz]ation|privilege|access control)$/, 'elevation-of-privilege', 'category'],
  [/^(?:logging|audit|auditing)$/, 'repudiation', 'category'],
];

/**
 * The STRIDE category a file's threat type names ("Information disclosure", "Elevation of Privileges"), or the
 * nearest one for another model's type ("Linkability" → information disclosure), with a note saying so. A type
 * that names nothing Bulwark knows is filed under tampering, and the note says that too.
 */
export function strideFromType(types: readonly string[]): { stride: StrideCategory; note?: string } {
  const words = types.map((t) => t.trim()).filter(Boolean);
  for (const type of words) {
    const key = type.toLowerCase().replace(/[\s_-]+/g, ' ');
    if ((STRIDE_CATEGORIES as readonly string[]).includes(key.replace(/ /g, '-'))) return { stride: key.replace(/ /g, '-') as StrideCategory };
    for (const [re, stride] of STRIDE_WORDS) if (re.test(key)) return { stride };
  }
  for (const type of words) {
    const key = type.toLowerCase().replace(/[\s_-]+/g, '');
    for (const [re, stride] of NEAREST_STRIDE) if (re.test(key)) return { stride, note: `type "${type}" is not a STRIDE category; filed under the nearest, ${stride}` };
  }
  const shown = words.length ? `type "${words[0]}"` : 'no type';
  return { stride: 'tampering', note: `${shown} names no STRIDE category; filed under tampering` };
}

/** Threat Dragon's statuses (and older spellings) as the register's. */
export function statusFromWords(text: string | undefined): { status: ImportedThreatStatus; known: boolean } {
  const key = (text ?? '').toLowerCase().replace(/[\s_/-]+/g, '');
  if (key === '' || key === 'open' || key === 'exposed' || key === 'autogenerated' || key === 'new' || key === 'required') return { status: 'open', known: key !== '' };
  if (/^(?:mitigated|eliminated|avoided|implemented|fixed|resolved|closed)$/.test(key)) return { status: 'mitigated', known: true };
  if (/^(?:accepted|accept|transferred)$/.test(key)) return { status: 'accepted', known: true };
  if (/^(?:notapplicable|na|nonapplicable|falsepositive|notrelevant)$/.test(key)) return { status: 'false-positive', known: true };
  return { status: 'open', known: false };
}

/** A severity word ("High", "critical"); undefined for none or one Bulwark does not know ("TBA"). */
export function severityFromWord(text: unknown): Severity | undefined {
  const key = typeof text === 'string' ? text.trim().toLowerCase() : '';
  return (SEVERITIES as readonly string[]).includes(key) ? (key as Severity) : undefined;
}

/** A 0–10 risk score as a severity, with the bands the auditor's ratings use. */
export function severityFromScore(score: number): Severity {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}
