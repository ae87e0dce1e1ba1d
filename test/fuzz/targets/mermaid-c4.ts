// Mermaid C4 diagrams (C4Context … C4Deployment) through readArchitecture and the STRIDE analysis.

import fc from 'fast-check';
import { modelViolations, runModel, type ModelRun } from '../checks/model-result.js';
import { mermaidC4 } from '../gen/c4.js';
import { MERMAID_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { modelSeeds } from '../gen/seeds.js';
import { defineTarget } from '../harness/target.js';

const FILE = 'context.mmd';

export default defineTarget<string, ModelRun>({
  name: 'mermaid-c4',
  description: 'Mermaid C4 diagrams: generated macros (elements, boundaries, relations) and mutated diagrams',
  arbitrary() {
    const seeds = modelSeeds('mermaid-c4', () => false);
    return fc.oneof({ arbitrary: mermaidC4, weight: 6 }, { arbitrary: mutated(seeds, MERMAID_MUTATION), weight: 4 });
  },
  run: (text) => runModel(text, 'mermaid', FILE),
  check: (text, run) => modelViolations(text, FILE, run, { modelLinesAreInput: true }),
});
