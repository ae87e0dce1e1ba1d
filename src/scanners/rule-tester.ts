// Runs rules on in-memory files the way a scan would, format by format: used by the rule-example tests,
// the corpus check, the golden outputs and rule authors' focused tests.

import type { Rule } from '../analyze/rule.js';
import { FORMATS, type FormatId } from '../core/formats.js';
import type { FixProposalData } from '../analyze/propose.js';
import type { SafeDefaults } from '../core/safe-defaults.js';
import type { Finding } from '../core/types.js';
import { claimFiles } from './claim.js';
import type { FormatScanner } from './format.js';
import { BUILTIN_SCANNERS, scannerById } from './registry.js';
import { memorySource } from './source.js';

/** `files` maps POSIX paths (relative to a virtual project root) to their text; each goes to the scanner that claims it. */
export function runRulesOnFiles(rules: readonly Rule[], files: Readonly<Record<string, string>>, scanners: readonly FormatScanner<any>[] = BUILTIN_SCANNERS): Finding[] {
  return scanFiles(rules, files, {}, scanners);
}

/** Findings of one rule only (parse errors and other rules' findings are left out). */
export function runRuleOnFiles(rule: Rule, files: Readonly<Record<string, string>>): Finding[] {
  return runRulesOnFiles([rule], files).filter((f) => f.ruleId === rule.meta.id);
}

/** A single snippet of `format`, as the format's example file (`main.tf` for Terraform) at the project root. */
export function runRuleOnSnippet(rule: Rule, text: string, format: string = 'terraform'): Finding[] {
  if (!scannerById(format)) throw new Error(`no scanner for format: ${format}`);
  return runRuleOnFiles(rule, { [FORMATS[format as FormatId].exampleFile]: text });
}

/** Terraform files by path (kept for rule authors' tests: Terraform is claimed by file name). */
export const runRulesOnTerraform = runRulesOnFiles;
export const runRuleOnTerraform = runRuleOnFiles;

/** Findings of `rules` over in-memory files with the policy's safe defaults (fix verification, rule tests). */
export function scanFiles(
  rules: readonly Rule[],
  files: Readonly<Record<string, string>>,
  defaults: SafeDefaults = {},
  scanners: readonly FormatScanner<any>[] = BUILTIN_SCANNERS,
  onFixProposals?: (proposals: readonly [string, FixProposalData][]) => void,
): Finding[] {
  const source = memorySource(files);
  const { claimed } = claimFiles(source.files, scanners, (f) => files[f.rel]!);
  return claimed.flatMap(({ scanner, files: own }) => {
    const outcome = scanner.scanSync({ source: { files: own, read: source.read }, rules, builtinRulesOnly: false, defaults, ...(onFixProposals ? { proposeFixes: {} } : {}), options: {} });
    if (outcome.proposals) onFixProposals?.(outcome.proposals);
    return outcome.findings;
  });
}
