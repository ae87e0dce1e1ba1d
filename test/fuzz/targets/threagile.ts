// Threagile models through readArchitecture and the STRIDE analysis: generated models (assets, links,
// nested boundaries, shared runtimes, merge keys, risk tracking with wildcards) and mutated fixtures.
// Locations come from this text, so the model's lines are held to it too.

import fc from 'fast-check';
import { modelViolations, runModel, type ModelRun } from '../checks/model-result.js';
import { YAML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { filesUnder } from '../gen/seeds.js';
import { threagileModel } from '../gen/threagile.js';
import { defineTarget } from '../harness/target.js';

const FILE = 'threagile.yaml';
const TOKENS = { ...YAML_MUTATION, tokens: [...YAML_MUTATION.tokens, 'technical_assets:\n', 'communication_links:\n', 'trust_boundaries_nested: [', 'target: ', '@*', '>'] };

export default defineTarget<string, ModelRun>({
  name: 'threagile',
  description: 'Threagile YAML: generated assets, links, nested boundaries, runtimes, merge keys and risk tracking, and mutated models',
  arbitrary() {
    const seeds = filesUnder(['test/fixtures/model/threagile'], (p) => /\.ya?ml$/.test(p));
    return fc.oneof({ arbitrary: threagileModel, weight: 6 }, { arbitrary: mutated(seeds, TOKENS), weight: 3 });
  },
  run: (text) => runModel(text, 'threagile', FILE),
  check: (text, run) => modelViolations(text, FILE, run, { modelLinesAreInput: true }),
});
