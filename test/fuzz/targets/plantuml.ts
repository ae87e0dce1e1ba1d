// PlantUML component and deployment diagrams, with C4-PlantUML macros, through readArchitecture and the
// STRIDE analysis.

import fc from 'fast-check';
import { modelViolations, runModel, type ModelRun } from '../checks/model-result.js';
import { PLANTUML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { plantUml } from '../gen/plantuml.js';
import { modelSeeds } from '../gen/seeds.js';
import { defineTarget } from '../harness/target.js';

const FILE = 'design.puml';

export default defineTarget<string, ModelRun>({
  name: 'plantuml',
  description: 'PlantUML and C4-PlantUML: generated declarations, containers, arrows, notes and macros, and mutated diagrams',
  arbitrary() {
    const seeds = modelSeeds('plantuml', (p) => p.endsWith('.puml'));
    return fc.oneof({ arbitrary: plantUml, weight: 6 }, { arbitrary: mutated(seeds, PLANTUML_MUTATION), weight: 4 });
  },
  run: (text) => runModel(text, 'plantuml', FILE),
  check: (text, run) => modelViolations(text, FILE, run, { modelLinesAreInput: true }),
});
