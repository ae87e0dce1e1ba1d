// The baseline reader (`scan --baseline FILE`): generated and mutated baseline files. It either gives a
// baseline or refuses the file with a BaselineError (one line); anything else thrown is a bug.

import fc from 'fast-check';
import { parseBaseline, BaselineError, type Baseline } from '../../../src/baseline/baseline.js';
import { JSON_MUTATION } from '../gen/json-text.js';
import { mutated } from '../gen/mutate.js';
import { handSeeds } from '../gen/seeds.js';
import { defineTarget, type Violation } from '../harness/target.js';

type Outcome = { baseline: Baseline } | { refused: string };

const HEX = fc.stringMatching(/^[0-9a-f]{32}$/);
const entry = fc.record(
  { fingerprint: fc.oneof({ weight: 9, arbitrary: HEX }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }), ruleId: fc.constantFrom('BW-AWS-S3-001', 'BW-AWS-EC2-001', ''), file: fc.string({ maxLength: 20 }), resource: fc.string({ maxLength: 20 }) },
  { requiredKeys: ['fingerprint', 'ruleId', 'file'] },
);
const document = fc
  .record({ baselineVersion: fc.constantFrom(1, 1, 1, 2, '1'), findings: fc.array(entry, { maxLength: 8 }) })
  .map((d) => JSON.stringify(d, null, fc.sample(fc.constantFrom(0, 2), 1)[0]));

export default defineTarget<string, Outcome>({
  name: 'baseline',
  description: 'Baseline files for scan --baseline: generated and mutated documents',
  arbitrary() {
    return fc.oneof({ arbitrary: document, weight: 6 }, { arbitrary: mutated(handSeeds('baseline'), JSON_MUTATION), weight: 4 });
  },
  run(text) {
    try {
      return { baseline: parseBaseline(text, 'bulwark-baseline.json') };
    } catch (error) {
      if (error instanceof BaselineError) return { refused: error.message };
      throw error;
    }
  },
  check(_text, outcome) {
    const violations: Violation[] = [];
    if ('refused' in outcome && (outcome.refused.includes('\n') || !outcome.refused.startsWith('bulwark-baseline.json'))) {
      violations.push({ property: 'message', message: `not one line naming the file: ${outcome.refused}`, signature: 'message:shape' });
    }
    return { violations, counters: { ['refused' in outcome ? 'refused' : 'accepted']: 1 } };
  },
});
