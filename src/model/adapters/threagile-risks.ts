// Threagile's own risks, written by hand in a model (`individual_risk_categories`, each with its
// `risks_identified`): threats the file already holds, kept in the register next to Bulwark's. Their status
// comes from the model's `risk_tracking`, as Threagile reads it: a risk's synthetic id is its category id and
// its most relevant asset, link, trust boundary, shared runtime and data asset, joined by `@`.

import { STRIDE_CATEGORIES, type Severity, type StrideCategory } from '../../core/types.js';
import type { ImportedThreatStatus } from '../schema/imported-threat.js';
import type { ModelBuilder } from './builder.js';
import { MAX_IMPORTED_THREATS, type ImportedThreatDraft } from './imported-threats.js';
import { oneLine, truncateForMessage } from './messages.js';
import { entries, field, text, type Entry, type Plain } from './threagile-fields.js';
import type { TrackedRisk } from './threagile-tracking.js';

/** Threagile's severities: `elevated` sits between medium and high, and is reported as high. */
const SEVERITIES: Readonly<Record<string, Severity>> = { low: 'low', medium: 'medium', elevated: 'high', high: 'high', critical: 'critical' };
const LIKELIHOODS: Readonly<Record<string, 'low' | 'medium' | 'high'>> = { unlikely: 'low', likely: 'medium', 'very-likely': 'high', frequent: 'high' };
const STATUSES: Readonly<Record<string, ImportedThreatStatus>> = {
  unchecked: 'open',
  'in-discussion': 'open',
  'in-progress': 'open',
  accepted: 'accepted',
  mitigated: 'mitigated',
  'false-positive': 'false-positive',
};

export interface RiskSubjects {
  /** The element key of a technical asset id. */
  asset(id: string): string | undefined;
  lineAt(offset: number | undefined): number | undefined;
}

/**
 * The hand-written risks of `individual_risk_categories` as threats of the file. Returns the category ids,
 * so their `risk_tracking` entries are read here and not taken for Bulwark rules.
 */
export function individualRisks(categories: readonly Entry[], tracking: readonly TrackedRisk[], subjects: RiskSubjects, builder: ModelBuilder): Set<string> {
  const ids = new Set<string>();
  let unplaced = 0;
  let overLimit = 0;
  for (const category of categories) {
    const c = category.value;
    const categoryId = text(c, 'id') ?? category.title;
    ids.add(categoryId);
    const stride = strideOf(text(c, 'stride'));
    const cwe = text(c, 'cwe');
    const description = [text(c, 'description'), text(c, 'impact') ? `Impact: ${text(c, 'impact')}` : '', cwe ? `CWE-${cwe.replace(/^cwe-/i, '')}` : '']
      .filter(Boolean)
      .join('\n');
    const mitigation = [text(c, 'mitigation'), text(c, 'action')].filter(Boolean).join('\n');
    const node = category.node?.kind === 'map' ? category.node : undefined;
    const identified = node?.pairs.find((p) => p.key === 'risks_identified')?.value;
    const risks = entries(field(c, 'risks_identified'), identified?.kind === 'map' ? identified : undefined, subjects.lineAt, (title, line) =>
      builder.note('warning', `identified risk "${shown(title)}" of "${shown(category.title)}" must be a mapping; ignored`, line),
    );
    for (const risk of risks) {
      const r = risk.value;
      const assetId = text(r, 'most_relevant_technical_asset') ?? firstWord(r, 'data_breach_technical_assets') ?? text(r, 'most_relevant_communication_link')?.split('>')[0];
      const elementKey = assetId === undefined ? undefined : subjects.asset(assetId);
      if (elementKey === undefined) {
        unplaced++;
        continue;
      }
      if (builder.threatDrafts.length >= MAX_IMPORTED_THREATS) {
        overLimit++;
        continue;
      }
      const synthetic = syntheticId(categoryId, r);
      const tracked = tracking.find((t) => matches(t.key, synthetic));
      const statusText = tracked && typeof tracked.value.status === 'string' ? tracked.value.status.trim().toLowerCase() : 'unchecked';
      const severityText = text(r, 'severity')?.toLowerCase();
      const likelihood = LIKELIHOODS[text(r, 'exploitation_likelihood')?.toLowerCase() ?? ''];
      const draft: ImportedThreatDraft = {
        format: 'threagile',
        // The category names the threat; the element it is filed on completes its id (TG-category@element).
        id: categoryId,
        title: oneLine(risk.title.replace(/<\/?b>/g, '')),
        ...stride,
        type: `Threagile individual risk (${categoryId})`,
        status: STATUSES[statusText] ?? 'open',
        statusText,
        elementKey,
        original: { category: categoryId, synthetic_id: synthetic, title: risk.title, ...r },
        ...(severityText && Object.hasOwn(SEVERITIES, severityText) ? { severity: SEVERITIES[severityText]!, severityText } : severityText ? { severityText } : {}),
        ...(likelihood ? { likelihood } : {}),
        ...(description ? { description } : {}),
        ...(mitigation ? { mitigation } : {}),
        ...(risk.line === undefined ? {} : { line: risk.line }),
      };
      builder.threatDrafts.push(draft);
    }
  }
  if (unplaced) builder.note('warning', `${unplaced} identified risk(s) name no technical asset of the model; left out`);
  if (overLimit) builder.note('warning', `more than ${MAX_IMPORTED_THREATS} threats in the file; the rest are left out`);
  return ids;
}

/** Threagile's synthetic id of a risk: the category and the ids it names, most relevant first. */
function syntheticId(categoryId: string, risk: Plain): string {
  const parts = ['most_relevant_technical_asset', 'most_relevant_communication_link', 'most_relevant_trust_boundary', 'most_relevant_shared_runtime', 'most_relevant_data_asset']
    .map((k) => text(risk, k))
    .filter((v): v is string => v !== undefined);
  return [categoryId, ...parts].join('@');
}

/** A tracking key matches a synthetic id part by part; `*` matches any one part. */
function matches(key: string, synthetic: string): boolean {
  const want = key.split('@').map((s) => s.trim());
  const have = synthetic.split('@');
  return want.length === have.length && want.every((part, i) => part === '*' || part === have[i]);
}

/** The category's STRIDE category; one Threagile does not have is taken as tampering, and the threat says so. */
function strideOf(value: string | undefined): { stride: StrideCategory; strideNote?: string } {
  const v = value?.toLowerCase().trim() ?? '';
  if ((STRIDE_CATEGORIES as readonly string[]).includes(v)) return { stride: v as StrideCategory };
  return { stride: 'tampering', strideNote: `${value ? `"${shown(value)}" is no STRIDE category` : 'no STRIDE category given'}; taken as tampering` };
}

function firstWord(obj: Plain, key: string): string | undefined {
  const v = field(obj, key);
  return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}

function shown(value: string): string {
  return truncateForMessage(oneLine(value), 80);
}

