// The Terraform evaluator and the rules, end to end: a generated or mutated project (root modules, local
// modules, tfvars in HCL and JSON) scanned from memory the way `scan()` scans a folder. Nothing may throw
// out of parse, evaluate, adapt or analyze, and every finding and diagnostic must point inside its file.

import { expressions } from '../gen/hcl-expressions.js';
import { HCL_MUTATION } from '../gen/hcl-tokens.js';
import { terraformProject } from '../gen/terraform-project.js';
import { terraformSeeds } from '../gen/seeds.js';
import { learnVocabulary } from '../gen/terraform-vocabulary.js';
import { scanFiles, scanViolations, type ScanOutcome } from '../checks/scan-outcome.js';
import { defineTarget } from '../harness/target.js';

export default defineTarget<Record<string, string>, ScanOutcome>({
  name: 'terraform',
  description: 'Terraform evaluation and rules on in-memory projects (modules, tfvars, count/for_each, dynamic blocks)',
  arbitrary() {
    const seeds = terraformSeeds();
    const vocab = learnVocabulary(seeds);
    // Shallower expressions than the parser target: evaluation, not syntax, is what is fuzzed here.
    const exprs = expressions(vocab, 3);
    return terraformProject(exprs, vocab, seeds, HCL_MUTATION);
  },
  run: (files) => scanFiles(files),
  check: (files, outcome) => ({
    violations: scanViolations(files, outcome),
    counters: { findings: outcome.findings.length },
  }),
});
