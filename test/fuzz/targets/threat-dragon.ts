// OWASP Threat Dragon JSON through readArchitecture and the STRIDE analysis: generated models (cells of
// every shape, v1 and v2 layouts, Bulwark extension blocks with valid and invalid values) and mutated files.
// Element lines in the model may come from a Bulwark export (the file it was exported from), so only the
// reader's notes are held to this text.

import fc from 'fast-check';
import { modelViolations, runModel, type ModelRun } from '../checks/model-result.js';
import { JSON_MUTATION } from '../gen/json-text.js';
import { mutated } from '../gen/mutate.js';
import { modelSeeds } from '../gen/seeds.js';
import { threatDragonModel } from '../gen/threat-dragon.js';
import { defineTarget } from '../harness/target.js';

const FILE = 'model.json';

export default defineTarget<string, ModelRun>({
  name: 'threat-dragon',
  description: 'Threat Dragon JSON: generated cells of each shape with data, and mutated models',
  arbitrary() {
    const seeds = modelSeeds('threat-dragon', (p) => p.endsWith('.json'));
    return fc.oneof({ arbitrary: threatDragonModel, weight: 6 }, { arbitrary: mutated(seeds, JSON_MUTATION), weight: 4 });
  },
  run: (text) => runModel(text, 'threat-dragon', FILE),
  check: (text, run) => modelViolations(text, FILE, run, { modelLinesAreInput: false }),
});
