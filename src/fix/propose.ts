// From the scanners' fix proposals to the fixes `bulwark fix` applies: the selected findings' proposals
// grouped (findings of one block asking for the same change, every instance of a `count`, share one fix),
// and, for the rest, why they have no fix. Nothing is applied here.

import type { FixProposal } from '../analyze/fix.js';
import type { FixProposalData } from '../analyze/propose.js';
import type { Rule } from '../analyze/rule.js';
import type { Finding, Range } from '../core/types.js';

/** A proposed change to one file, for one or more findings. */
export interface ProposedFix extends FixProposal {
  rule: Rule;
  file: string;
  findings: Finding[];
  /** Range of the resource block in the original text (to tell later findings in it apart). */
  resourceRange: Range;
}

/** A finding no fix is proposed for, and why. */
export interface Unfixed {
  finding: Finding;
  reason: string;
}

export interface Proposals {
  fixes: ProposedFix[];
  unfixed: Unfixed[];
}

/** Proposals by fingerprint, as the scanners handed them over. */
export type ProposalIndex = ReadonlyMap<string, FixProposalData>;

export function groupProposals(findings: readonly Finding[], proposals: ProposalIndex, rules: readonly Rule[]): Proposals {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const fixes: ProposedFix[] = [];
  const unfixed: Unfixed[] = [];
  const byEdits = new Map<string, ProposedFix>();
  for (const finding of findings) {
    if (finding.suppression) continue;
    const rule = byId.get(finding.ruleId);
    if (!rule) continue;
    const proposal = proposals.get(finding.fingerprint);
    if (!rule.fix) {
      unfixed.push({ finding, reason: rule.noFix ?? 'this rule has no automatic fix' });
      continue;
    }
    if (!proposal || proposal.declined !== undefined || !proposal.kind) {
      unfixed.push({ finding, reason: proposal?.declined ?? `${(finding.resourceLocation ?? finding.location).file} is not in a format Bulwark edits` });
      continue;
    }
    const edits = proposal.edits ?? [];
    const key = `${proposal.file}\0${rule.meta.id}\0${edits.map((e) => `${e.start}:${e.end}:${e.text}`).join('\0')}`;
    const same = byEdits.get(key);
    if (same) {
      same.findings.push(finding);
      continue;
    }
    const fix: ProposedFix = {
      kind: proposal.kind,
      description: proposal.description ?? '',
      edits,
      ...(proposal.question ? { question: proposal.question } : {}),
      ...(proposal.companions?.length ? { companions: proposal.companions } : {}),
      rule,
      file: proposal.file,
      findings: [finding],
      resourceRange: proposal.resourceRange,
    };
    byEdits.set(key, fix);
    fixes.push(fix);
  }
  return { fixes, unfixed };
}
