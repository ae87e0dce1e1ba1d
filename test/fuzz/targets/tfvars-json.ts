// Variable files in JSON (`*.tfvars.json`): generated documents of variable values (nested, huge numbers,
// escapes, prototype keys, deep nesting) and mutated examples. The reader must report bad JSON as an
// error inside the text, never throw, and give every attribute a consistent range inside the text.

import fc from 'fast-check';
import type { HclFile } from '../../../src/parse/hcl/ast.js';
import { parseJsonVarFile } from '../../../src/parse/json-vars.js';
import { hclFileViolations } from '../checks/hcl-file.js';
import { VARIABLES } from '../gen/hcl-expressions.js';
import { deepJson, JSON_MUTATION, jsonDocument, jsonTree, renderJson } from '../gen/json-text.js';
import { mutated } from '../gen/mutate.js';
import { handSeeds } from '../gen/seeds.js';
import { defineTarget } from '../harness/target.js';

export default defineTarget<string, HclFile>({
  name: 'tfvars-json',
  description: 'Terraform variable files in JSON: generated and mutated documents; errors and ranges inside the text',
  arbitrary() {
    const shape = { keys: [...VARIABLES, 'rules', 'cidr_blocks', 'versioning', 'kms_key_id', 'from_port', 'to_port'], strings: ['prod', '10.0.0.0/16', '0.0.0.0/0', 'arn:aws:kms:us-east-1:1:key/x', 'AES256', 'tcp', ''], depth: 4 };
    const document = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...shape.keys), fc.string({ maxLength: 5 })), jsonTree(shape)), { maxLength: 6 }).map((entries) => ({ entries }));
    const seeds = handSeeds('tfvars-json');
    // Seeds also come from generated documents, so mutation starts from well-formed variable files of every shape.
    const generatedSeeds = fc.sample(document, { numRuns: 40, seed: 7 }).map((d) => renderJson(d, true));
    return fc.oneof(
      { arbitrary: jsonDocument(document), weight: 4 },
      { arbitrary: jsonDocument(jsonTree(shape)), weight: 1 },
      { arbitrary: deepJson.map((inner) => `{"deep": ${inner}}`), weight: 1 },
      { arbitrary: mutated([...seeds, ...generatedSeeds], JSON_MUTATION), weight: 4 },
    );
  },
  run: (text) => parseJsonVarFile(text, 'terraform.tfvars.json'),
  check: (_text, file) => ({ violations: hclFileViolations(file) }),
});
