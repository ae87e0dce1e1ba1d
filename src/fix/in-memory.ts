// Fixing in-memory files, as `bulwark fix --write` would fix them on disk: the rule tester checks each
// rule's bad examples against their expected output with this, and library users can fix texts.

import type { Rule } from '../analyze/rule.js';
import type { SafeDefaults } from '../core/safe-defaults.js';
import type { Finding } from '../core/types.js';
import { scanFiles } from '../scanners/rule-tester.js';
import type { FileChange } from './apply.js';
import type { FixProposalData } from '../analyze/propose.js';
import { groupProposals, type Unfixed } from './propose.js';
import { verifyFixesSync } from './verify.js';

export interface FixedFiles {
  /** Every file, fixed where a verified fix applied. */
  files: Record<string, string>;
  changes: FileChange[];
  before: Finding[];
  after: readonly Finding[];
  unfixed: Unfixed[];
}

/** Fixes in-memory files (as `bulwark fix --write` fixes them on disk), verified. */
export function fixFilesSync(rules: readonly Rule[], files: Readonly<Record<string, string>>, defaults: SafeDefaults = {}): FixedFiles {
  const scan = (texts: Readonly<Record<string, string>>) => {
    const proposals = new Map<string, FixProposalData>();
    const findings = scanFiles(rules, texts, defaults, undefined, (list) => list.forEach(([fp, p]) => proposals.set(fp, p)));
    return { findings, proposals };
  };
  const first = scan(files);
  const before = first.findings;
  const proposals = groupProposals(before, first.proposals, rules);
  const verified = verifyFixesSync({
    original: before,
    fixes: proposals.fixes,
    read: (rel) => files[rel],
    rescan: (overlay) => scan({ ...files, ...Object.fromEntries(overlay) }),
  });
  const fixed = { ...files };
  for (const change of verified.changes) fixed[change.file] = change.after;
  return { files: fixed, changes: verified.changes, before, after: verified.after, unfixed: [...proposals.unfixed, ...verified.rejected] };
}

/** The same, as a promise (the shape `fixProject` has). */
export async function fixFiles(rules: readonly Rule[], files: Readonly<Record<string, string>>, defaults: SafeDefaults = {}): Promise<FixedFiles> {
  return fixFilesSync(rules, files, defaults);
}
