// Terraform projects as maps of files: a root module (sometimes two, in sub-directories), local modules it
// calls, tfvars in HCL and JSON. Names come from fixed pools (hcl-expressions.ts), so references and module
// calls often resolve, and sometimes do not, as in real projects being written.

import fc from 'fast-check';
import { renderJson, jsonTree } from './json-text.js';
import { pick } from './common.js';
import { terraformFile, tfvarsFile } from './hcl-body.js';
import { VARIABLES, type Expressions } from './hcl-expressions.js';
import { mutated, type MutationOptions } from './mutate.js';
import type { TerraformVocabulary } from './terraform-vocabulary.js';

export function terraformProject(exprs: Expressions, vocab: TerraformVocabulary, seeds: readonly string[], mutation: MutationOptions): fc.Arbitrary<Record<string, string>> {
  const file = terraformFile(exprs, vocab, 5);
  const seedOrMutant = fc.oneof(pick(seeds), mutated(seeds, mutation));
  const rootMain = fc.oneof({ arbitrary: file, weight: 3 }, { arbitrary: seedOrMutant, weight: 2 });
  const jsonVars = fc
    .array(fc.tuple(pick(VARIABLES), jsonTree({ keys: VARIABLES, strings: ['prod', '10.0.0.0/16', '0.0.0.0/0', ''], depth: 3 })), { maxLength: 4 })
    .map((entries) => renderJson({ entries }, true));
  const optional = <T>(arb: fc.Arbitrary<T>, freq = 2) => fc.option(arb, { freq, nil: undefined });
  return fc
    .record({
      main: rootMain,
      variables: optional(file),
      tfvars: optional(tfvarsFile(exprs)),
      autoTfvars: optional(tfvarsFile(exprs), 4),
      jsonTfvars: optional(jsonVars, 3),
      moduleA: optional(file, 1),
      moduleB: optional(fc.oneof(file, seedOrMutant), 3),
      nestedRoot: optional(file, 4),
      tfJson: optional(jsonVars, 8),
    })
    .map((p) => {
      const files: Record<string, string> = { 'main.tf': p.main };
      if (p.variables !== undefined) files['variables.tf'] = p.variables;
      if (p.tfvars !== undefined) files['terraform.tfvars'] = p.tfvars;
      if (p.autoTfvars !== undefined) files['prod.auto.tfvars'] = p.autoTfvars;
      if (p.jsonTfvars !== undefined) files['terraform.tfvars.json'] = p.jsonTfvars;
      if (p.moduleA !== undefined) files['modules/a/main.tf'] = p.moduleA;
      if (p.moduleB !== undefined) files['modules/b/main.tf'] = p.moduleB;
      // A second root module that calls the shared modules from below, as environments do.
      if (p.nestedRoot !== undefined) files['env/prod/main.tf'] = `module "stack" {\n  source = "../../modules/a"\n}\n${p.nestedRoot}`;
      if (p.tfJson !== undefined) files['override.tf.json'] = p.tfJson;
      return files;
    });
}
