// Plain-language descriptions (text and Markdown) through readArchitecture and the STRIDE analysis.

import fc from 'fast-check';
import { modelViolations, runModel, type ModelRun } from '../checks/model-result.js';
import { PROSE_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { proseMarkdown, proseText } from '../gen/prose.js';
import { modelSeeds } from '../gen/seeds.js';
import { defineTarget } from '../harness/target.js';

export default defineTarget<string, ModelRun>({
  name: 'prose',
  description: 'Prose descriptions: sentences from a vocabulary of components, verbs, data and controls, and mutated examples',
  arbitrary() {
    const seeds = modelSeeds('prose', (p) => p.endsWith('.txt') || p.endsWith('login-flow.md'));
    return fc.oneof({ arbitrary: proseText, weight: 5 }, { arbitrary: proseMarkdown, weight: 1 }, { arbitrary: mutated(seeds, PROSE_MUTATION), weight: 4 });
  },
  run: (text) => runModel(text, 'prose', fileOf(text)),
  check: (text, run) => modelViolations(text, fileOf(text), run, { modelLinesAreInput: true }),
});

/** Texts with a fence are read as Markdown (the reader drops fenced code then), the rest as plain text. */
function fileOf(text: string): string {
  return /^[ \t]*(`{3,}|~{3,})/m.test(text) ? 'design.md' : 'design.txt';
}
