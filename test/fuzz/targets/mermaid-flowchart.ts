// Mermaid flowcharts through readArchitecture and the STRIDE analysis: generated diagrams (shapes, edges,
// subgraphs, directives) and mutated real ones, plain and fenced in Markdown.

import fc from 'fast-check';
import { modelViolations, runModel, type ModelRun } from '../checks/model-result.js';
import { mermaidFlowchart } from '../gen/mermaid.js';
import { MERMAID_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { modelSeeds } from '../gen/seeds.js';
import { defineTarget } from '../harness/target.js';

const FILE = 'design.mmd';

export default defineTarget<string, ModelRun>({
  name: 'mermaid-flowchart',
  description: 'Mermaid flowcharts: generated and mutated diagrams, read and analysed; notes and element lines inside the text',
  arbitrary() {
    const seeds = modelSeeds('mermaid-flowchart', (p) => p.endsWith('.mmd') || p.endsWith('.md'));
    return fc.oneof(
      { arbitrary: mermaidFlowchart, weight: 5 },
      { arbitrary: mermaidFlowchart.map((d) => `# Design\n\nText.\n\n\`\`\`mermaid\n${d}\`\`\`\n`), weight: 1 },
      { arbitrary: mutated(seeds, MERMAID_MUTATION), weight: 4 },
    );
  },
  run: (text) => runModel(text, 'mermaid', FILE),
  check: (text, run) => modelViolations(text, FILE, run, { modelLinesAreInput: true }),
});
