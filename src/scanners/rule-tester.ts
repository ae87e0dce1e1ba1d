// Runs rules on in-memory Terraform, the way a scan would: used by the rule-example tests,
// the corpus check and rule authors' focused tests.

import type { Finding } from '../core/types.js';
import { parseHcl } from '../parse/hcl/parser.js';
import { analyzeTerraform } from '../pipeline/terraform.js';
import { indexTerraformRules } from '../analyze/engine.js';
import type { Rule } from '../analyze/rule.js';

/** `files` maps POSIX paths (relative to a virtual scan root) to HCL text. */
export function runRulesOnTerraform(rules: readonly Rule[], files: Readonly<Record<string, string>>): Finding[] {
  const source = {
    paths: Object.keys(files).sort(),
    parse: (path: string) => parseHcl(files[path]!, path),
    readText: (path: string) => files[path]!,
  };
  return analyzeTerraform(source, indexTerraformRules(rules)).findings;
}

/** Findings of one rule only (parse errors and other rules' findings are left out). */
export function runRuleOnTerraform(rule: Rule, files: Readonly<Record<string, string>>): Finding[] {
  return runRulesOnTerraform([rule], files).filter((f) => f.ruleId === rule.meta.id);
}

/** A single snippet as `main.tf` of the root module. */
export function runRuleOnSnippet(rule: Rule, hcl: string): Finding[] {
  return runRuleOnTerraform(rule, { 'main.tf': hcl });
}
