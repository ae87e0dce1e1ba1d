// Fixing in-memory files, as `bulwark fix --write` would fix them on disk: the rule tester checks each
// rule's bad examples against their expected output with this, and library users can fix texts.

import type { Rule } from '../analyze/rule.js';
import type { SafeDefaults } from '../core/safe-defaults.js';
import type { Finding } from '../core/types.js';
import { scanFiles } from '../scanners/rule-tester.js';
import type { FileChange } from './apply.js';
import { proposeFixes, type Unfixed } from './propose.js';
import { verifyFixes } from './verify.js';

export interface FixedFiles {
  /** Every file, fixed where a verified fix applied. */
  files: Record<string, string>;
  changes: FileChange[];
  before: Finding[];
  after: readonly Finding[];
  unfixed: Unfixed[];
}

export async function fixFiles(rules: readonly Rule[], files: Readonly<Record<string, string>>, defaults: SafeDefaults = {}): Promise<FixedFiles> {
  const before = scanFiles(rules, files, defaults);
  const read = (rel: string) => files[rel];
  const propose = { rules, files: Object.keys(files), defaults };
  const proposals = proposeFixes({ ...propose, findings: before, read });
  const verified = await verifyFixes({
    original: before,
    fixes: proposals.fixes,
    read,
    rescan: async (overlay) => scanFiles(rules, { ...files, ...Object.fromEntries(overlay) }, defaults),
    propose,
  });
  const fixed = { ...files };
  for (const change of verified.changes) fixed[change.file] = change.after;
  return { files: fixed, changes: verified.changes, before, after: verified.after, unfixed: [...proposals.unfixed, ...verified.rejected] };
}
