// The fast YAML reader against the `yaml` package on mutated manifests and compose files: whenever the fast
// reader does not give up, its tree must be the package's (kinds, keys, values, offsets), and the package
// must accept the text.

import { yamlDifference } from '../../../src/parse/yaml/compare.js';
import { readYamlFast } from '../../../src/parse/yaml/fast.js';
import { MAX_NESTING, readWithPackage } from '../../../src/parse/yaml/read.js';
import type { YDocument } from '../../../src/parse/yaml/tree.js';
import { formatSeeds } from '../gen/format-seeds.js';
import { YAML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { defineTarget, type Violation } from '../harness/target.js';

export default defineTarget<string, YDocument[] | undefined>({
  name: 'yaml-fast',
  description: 'The fast YAML reader against the yaml package on mutated manifests and compose files',
  arbitrary() {
    const seeds = [...formatSeeds('kubernetes', (p) => /\.ya?ml$/.test(p)), ...formatSeeds('compose', (p) => /\.ya?ml$/.test(p))];
    return mutated(seeds, { ...YAML_MUTATION, tokens: [...YAML_MUTATION.tokens, '  ', '    ', '- ', '  - ', ': |\n', ': >-\n', '"', "'", '\\"', '{a: 1}', '[x, y]', ' # c', '\r\n', '---\n'] });
  },
  run: (text) => readYamlFast(text, MAX_NESTING),
  check(text, fast) {
    const violations: Violation[] = [];
    if (fast) {
      const reference = readWithPackage(text);
      if (reference.error) violations.push({ property: 'agreement', message: `the fast reader read text the package rejects (${reference.error.message})`, signature: 'agreement:rejected' });
      else {
        const difference = yamlDifference(fast, reference.documents);
        if (difference) violations.push({ property: 'agreement', message: difference, signature: `agreement:${difference.replace(/[0-9]+/g, 'N').slice(0, 60)}` });
      }
    }
    return { violations, counters: { read: fast ? 1 : 0 } };
  },
});
