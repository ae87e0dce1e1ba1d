// Mermaid architecture-beta diagrams (groups, services, junctions, edges) through readArchitecture and
// the STRIDE analysis.

import fc from 'fast-check';
import { modelViolations, runModel, type ModelRun } from '../checks/model-result.js';
import { mermaidArchitecture } from '../gen/mermaid.js';
import { MERMAID_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { modelSeeds } from '../gen/seeds.js';
import { defineTarget } from '../harness/target.js';

const FILE = 'architecture.mmd';

export default defineTarget<string, ModelRun>({
  name: 'mermaid-architecture',
  description: 'Mermaid architecture-beta: generated groups, services, junctions and edges, and mutated diagrams',
  arbitrary() {
    const seeds = modelSeeds('mermaid-architecture', () => false);
    return fc.oneof({ arbitrary: mermaidArchitecture, weight: 6 }, { arbitrary: mutated(seeds, MERMAID_MUTATION), weight: 4 });
  },
  run: (text) => runModel(text, 'mermaid', FILE),
  check: (text, run) => modelViolations(text, FILE, run, { modelLinesAreInput: true }),
});
