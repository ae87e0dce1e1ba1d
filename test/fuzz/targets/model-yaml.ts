// Bulwark's own model in YAML through readArchitecture and the STRIDE analysis: documents generated from
// the input schema's fields and aliases (with wrong types and dangling references), and mutated examples.
// Locations in the model may be kept from an earlier export, so only the reader's notes are held to this text.

import fc from 'fast-check';
import { modelViolations, runModel, type ModelRun } from '../checks/model-result.js';
import { modelYaml } from '../gen/model-document.js';
import { YAML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { modelSeeds } from '../gen/seeds.js';
import { defineTarget } from '../harness/target.js';

const FILE = 'model.yaml';

export default defineTarget<string, ModelRun>({
  name: 'model-yaml',
  description: "Bulwark's YAML model: documents from the input schema, and mutated examples",
  arbitrary() {
    const seeds = modelSeeds('model-yaml', (p) => /\.ya?ml$/.test(p));
    return fc.oneof({ arbitrary: modelYaml, weight: 6 }, { arbitrary: mutated(seeds, YAML_MUTATION), weight: 4 });
  },
  run: (text) => runModel(text, 'yaml', FILE),
  check: (text, run) => modelViolations(text, FILE, run, { modelLinesAreInput: false }),
});
