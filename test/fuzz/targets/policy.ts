// The policy file reader (`bulwark.yaml`): documents generated from the schema's fields with right and wrong
// values, and mutated examples. The reader either gives a policy or refuses it with a PolicyError whose line
// is a line of the text; anything else thrown is a bug.

import fc from 'fast-check';
import { parsePolicyText, PolicyError, type ParsedPolicy } from '../../../src/policy/load.js';
import { YAML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { handSeeds } from '../gen/seeds.js';
import { defineTarget, type Violation } from '../harness/target.js';

type Outcome = { policy: ParsedPolicy } | { refused: string };

// Mostly valid values, so that accepted policies are exercised too; sometimes wrong ones.
const SEVERITY = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('critical', 'high', 'medium', 'low', 'off') }, { weight: 1, arbitrary: fc.constantFrom('none', 'severe', '', '1') });
const SELECTOR = fc.constantFrom('*', 'BW-AWS-S3-001', 'service:s3', 'provider:aws', 'stride:tampering', 'cwe:CWE-311', 'colour:red', '__proto__', 'constructor', '"quoted: key"');
const SCALAR = fc.oneof(fc.constantFrom('arn:aws:kms:us-east-1:123456789:key/abc', 'arn:aws:kms:eu-west-1:123456789012:alias/x', '10.0.0.0/8', '443', '"8000-8080"', 'true', 'null', '~', '1.2', '[]', '{}', '*a', '&a x'), fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)));
const LIST = fc.array(SCALAR, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`);
const RULE_VALUE = fc.oneof(SEVERITY, fc.tuple(fc.option(SEVERITY), fc.option(fc.boolean()), fc.option(LIST)).map(([s, e, p]) => `{ ${[s !== null ? `severity: ${s}` : '', e !== null ? `enabled: ${e}` : '', p !== null ? `paths: ${p}` : ''].filter(Boolean).join(', ')} }`));
const SAFE_KEY = fc.oneof({ weight: 9, arbitrary: fc.constantFrom('kmsKeyArn', 'allowedIngressCidrs', 'allowedIngressPorts', 'requiredTags', 'approvedRegistries', 'approvedBaseImages', 'minTlsVersion') }, { weight: 1, arbitrary: fc.constant('kmsKey') });

const document = fc
  .record({
    version: fc.oneof({ weight: 9, arbitrary: fc.constant('1') }, { weight: 1, arbitrary: fc.constantFrom('2', '"1"', '') }),
    extends: fc.option(fc.oneof(fc.constant('company.yaml'), LIST)),
    failOn: fc.option(SEVERITY),
    rules: fc.option(fc.array(fc.tuple(SELECTOR, RULE_VALUE), { maxLength: 6 })),
    safe: fc.option(fc.array(fc.tuple(SAFE_KEY, fc.oneof(SCALAR, LIST)), { maxLength: 5 })),
    stray: fc.option(fc.constantFrom('colour: red', 'rule: {}', '? [a]\n: b'), { freq: 8 }),
  })
  .map((d) => {
    const lines = [d.version === '' ? 'version:' : `version: ${d.version}`];
    if (d.extends !== null) lines.push(`extends: ${d.extends}`);
    if (d.failOn !== null) lines.push(`failOn: ${d.failOn}`);
    if (d.rules !== null) lines.push('rules:', ...d.rules.map(([k, v]) => `  ${k}: ${v}`));
    if (d.safe !== null) lines.push('safeDefaults:', ...d.safe.map(([k, v]) => `  ${k}: ${v}`));
    if (d.stray !== null) lines.push(d.stray);
    return `${lines.join('\n')}\n`;
  });

export default defineTarget<string, Outcome>({
  name: 'policy',
  description: 'The policy file (bulwark.yaml): documents from its schema, right and wrong, and mutated examples',
  arbitrary() {
    const seeds = handSeeds('policy');
    return fc.oneof({ arbitrary: document, weight: 6 }, { arbitrary: mutated(seeds, YAML_MUTATION), weight: 4 });
  },
  run(text) {
    try {
      return { policy: parsePolicyText(text, 'bulwark.yaml') };
    } catch (error) {
      if (error instanceof PolicyError) return { refused: error.message };
      throw error;
    }
  },
  check(text, outcome) {
    const lines = text.split('\n').length;
    const violations: Violation[] = [];
    const messages = 'refused' in outcome ? [outcome.refused] : outcome.policy.warnings;
    for (const message of messages) {
      if (!message.startsWith('bulwark.yaml')) violations.push({ property: 'locations', message: `a message does not name the file: ${message}`, signature: 'locations:no-file' });
      const line = /^bulwark\.yaml:(\d+): /.exec(message)?.[1];
      if (line !== undefined && (Number(line) < 1 || Number(line) > lines)) violations.push({ property: 'locations', message: `line ${line} of ${lines}: ${message}`, signature: 'locations:line-outside' });
    }
    if ('policy' in outcome) {
      for (const [selector, line] of outcome.policy.ruleLines) if (line < 1 || line > lines) violations.push({ property: 'locations', message: `rules.${selector} at line ${line} of ${lines}`, signature: 'locations:rule-line' });
    }
    return { violations, counters: { [('refused' in outcome) ? 'refused' : 'accepted']: 1 } };
  },
});
