// Bulwark's own model in JSON (the same reader as YAML, given JSON text) through readArchitecture and the
// STRIDE analysis.

import fc from 'fast-check';
import { modelViolations, runModel, type ModelRun } from '../checks/model-result.js';
import { JSON_MUTATION } from '../gen/json-text.js';
import { modelJson } from '../gen/model-document.js';
import { mutated } from '../gen/mutate.js';
import { defineTarget } from '../harness/target.js';

const FILE = 'model.json';

export default defineTarget<string, ModelRun>({
  name: 'model-json',
  description: "Bulwark's model as JSON: documents from the input schema, and mutations of them",
  arbitrary() {
    // No JSON model files in the repository: seeds are generated documents, mutated like real ones.
    const seeds = fc.sample(modelJson, { numRuns: 30, seed: 11 });
    return fc.oneof({ arbitrary: modelJson, weight: 6 }, { arbitrary: mutated(seeds, JSON_MUTATION), weight: 4 });
  },
  run: (text) => runModel(text, 'json', FILE),
  check: (text, run) => modelViolations(text, FILE, run, { modelLinesAreInput: false }),
});
