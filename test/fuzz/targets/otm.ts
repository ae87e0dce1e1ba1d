// Open Threat Model (JSON and YAML) through readArchitecture and the STRIDE analysis, with the threats the
// file assigns: generated models (zones, nested components, flows, dangling threat and asset references) and
// mutated examples. Locations come from this text, so the model's lines are held to it too.

import fc from 'fast-check';
import { modelViolations, runModel, type ModelRun } from '../checks/model-result.js';
import { JSON_MUTATION } from '../gen/json-text.js';
import { YAML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { otmModel } from '../gen/otm.js';
import { handSeeds } from '../gen/seeds.js';
import { defineTarget } from '../harness/target.js';

const FILE = 'model.otm';

export default defineTarget<string, ModelRun>({
  name: 'otm',
  description: 'Open Threat Model JSON and YAML: generated zones, components, flows, assets and threats, and mutated models',
  arbitrary() {
    const seeds = handSeeds('otm');
    const json = seeds.filter((s) => s.trimStart().startsWith('{'));
    const yaml = seeds.filter((s) => !s.trimStart().startsWith('{'));
    return fc.oneof({ arbitrary: otmModel, weight: 6 }, { arbitrary: mutated(json, JSON_MUTATION), weight: 2 }, { arbitrary: mutated(yaml, YAML_MUTATION), weight: 2 });
  },
  run: (text) => runModel(text, 'otm', FILE),
  check: (text, run) => modelViolations(text, FILE, run, { modelLinesAreInput: true }),
});
