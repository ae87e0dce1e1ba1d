// Threagile's `risk_tracking` as decisions for Bulwark's threats. Threagile names a risk by a synthetic id,
// `category@id[@id…]` (any id may be `*`), whose ids are technical assets, communication links
// (`source>title`), trust boundaries, shared runtimes or data assets. Its category gives the Bulwark rules
// (threagile-categories.ts); each id gives the elements and flows it stands for.

import { rulesForThreagileCategory } from '../knowledge/threagile-categories.js';
import type { ThreatStatus } from '../engine/types.js';
import type { ImportedDecision } from '../tracking/imported-decisions.js';
import type { ModelBuilder } from './builder.js';
import { oneLine, truncateForMessage } from './messages.js';

/** Threagile's statuses as Bulwark's: a risk not decided yet stays open. */
const STATUSES: Readonly<Record<string, ThreatStatus>> = {
  unchecked: 'open',
  'in-discussion': 'open',
  'in-progress': 'open',
  accepted: 'accepted',
  mitigated: 'mitigated',
  'false-positive': 'false-positive',
};

export interface TrackedRisk {
  key: string;
  value: Record<string, unknown>;
  line?: number;
}

/**
 * The decisions of a `risk_tracking` section. `idsFor` gives the Bulwark element and flow ids a Threagile id
 * stands for (none for an id the model does not have: such a decision matches nothing and says so later).
 */
export function trackingDecisions(risks: readonly TrackedRisk[], idsFor: (threagileId: string) => string[], builder: ModelBuilder): ImportedDecision[] {
  const decisions: ImportedDecision[] = [];
  const unknownCategories: Array<{ category: string; line?: number }> = [];
  for (const { key, value, line } of risks) {
    const [category = '', ...ids] = key.split('@').map((s) => s.trim());
    const rules = rulesForThreagileCategory(category);
    if (!rules) {
      unknownCategories.push(line === undefined ? { category } : { category, line });
      continue;
    }
    const rawStatus = typeof value.status === 'string' ? value.status.trim().toLowerCase() : 'unchecked';
    const status = Object.hasOwn(STATUSES, rawStatus) ? STATUSES[rawStatus]! : undefined;
    if (!status) {
      builder.note('warning', `risk_tracking "${shown(key)}" has status "${shown(rawStatus)}", which Threagile does not have (unchecked, in-discussion, accepted, in-progress, mitigated, false-positive); not applied`, line);
      continue;
    }
    // `dos-risky-access-across-trust-boundary` ids end in `link->link` when the access goes through a proxy.
    const named = ids.flatMap((id) => id.split('->')).filter((id) => id !== '' && id !== '*');
    const decision: ImportedDecision = { key, source: 'Threagile', rules, parts: named.map(idsFor), status, sourceStatus: rawStatus };
    const justification = textOf(value.justification);
    const ticket = textOf(value.ticket);
    if (justification || ticket) decision.justification = [justification, ticket ? `(ticket ${ticket})` : ''].filter(Boolean).join(' ');
    const owner = textOf(value.checked_by);
    if (owner) decision.owner = owner;
    if (line !== undefined) decision.line = line;
    decisions.push(decision);
  }
  for (const { category, line } of unknownCategories) {
    builder.note('warning', `risk_tracking names the risk category "${shown(category)}", which is not one of Threagile's built-in categories Bulwark maps to its rules; not applied`, line);
  }
  return decisions;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = oneLine(value).trim();
  return text || undefined;
}

function shown(text: string): string {
  return truncateForMessage(oneLine(text), 80);
}
