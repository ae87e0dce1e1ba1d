// Bulwark's HCL2 parser on its own: grammar-generated bodies and Terraform files, and mutated real
// Terraform. Besides the harness's properties (no throw, time), every reported position must be inside
// the text and consistent, and wherever tree-sitter accepts the text the two parsers must agree.

import fc from 'fast-check';
import type { HclFile } from '../../../src/parse/hcl/ast.js';
import { parseHcl } from '../../../src/parse/hcl/parser.js';
import { agreementCheck, loadReference } from '../checks/hcl-agreement.js';
import { hclFileViolations } from '../checks/hcl-file.js';
import { hclBody, terraformFile } from '../gen/hcl-body.js';
import { expressions } from '../gen/hcl-expressions.js';
import { HCL_MUTATION } from '../gen/hcl-tokens.js';
import { mutated } from '../gen/mutate.js';
import { terraformSeeds } from '../gen/seeds.js';
import { learnVocabulary } from '../gen/terraform-vocabulary.js';
import { defineTarget } from '../harness/target.js';

export default defineTarget<string, HclFile>({
  name: 'hcl',
  description: 'HCL2 parser: generated bodies and mutated Terraform; positions inside the text, agreement with tree-sitter',
  setup: loadReference,
  arbitrary() {
    const seeds = terraformSeeds();
    const vocab = learnVocabulary(seeds);
    const exprs = expressions(vocab);
    return fc.oneof(
      { arbitrary: hclBody(exprs, vocab), weight: 3 },
      { arbitrary: terraformFile(exprs, vocab), weight: 3 },
      { arbitrary: mutated(seeds, HCL_MUTATION), weight: 4 },
    );
  },
  run: (text) => parseHcl(text, 'fuzz.tf'),
  check(_text, file) {
    const agreement = agreementCheck(file);
    return { violations: [...hclFileViolations(file), ...agreement.violations], counters: agreement.counters ?? {} };
  },
});
