// Fixes on hostile and unusual Terraform: mutated real files fixed with every built-in rule (and a company
// key, so the key-writing fixes run). Whatever the input, a fix never throws, a file it edits parses again
// whenever the original parsed, and fixing the result again changes nothing.

import fc from 'fast-check';
import { builtinRules } from '../../../src/analyze/rules/index.js';
import { fixFilesSync, type FixedFiles } from '../../../src/fix/in-memory.js';
import { parseHcl } from '../../../src/parse/hcl/parser.js';
import { HCL_MUTATION } from '../gen/hcl-tokens.js';
import { mutated } from '../gen/mutate.js';
import { terraformSeeds } from '../gen/seeds.js';
import { defineTarget, type Violation } from '../harness/target.js';

const DEFAULTS = { kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', allowedIngressCidrs: ['10.0.0.0/8'] };

export default defineTarget<string, FixedFiles>({
  name: 'fix',
  description: 'bulwark fix on mutated Terraform: no throw, edited files still parse, a second fix changes nothing',
  arbitrary: () => mutated(terraformSeeds(), HCL_MUTATION),
  run: (text) => fixFilesSync(builtinRules, { 'main.tf': text }, DEFAULTS),
  check(text, out) {
    const violations: Violation[] = [];
    const fixed = out.files['main.tf']!;
    if (fixed !== text && !parseHcl(text, 'main.tf').errors.length && parseHcl(fixed, 'main.tf').errors.length) {
      violations.push({ property: 'fix-parses', message: 'a verified fix left a file that parsed unparsable', signature: 'fix:parse' });
    }
    // The same fixes again change nothing. (A fix may bring another rule's check into scope, MFA delete once
    // versioning is on, whose own fix then asks a question: that is a new fix, not the same one twice.)
    const applied = new Set(out.changes.flatMap((c) => c.fixes.map((f) => f.rule)));
    if (fixed !== text && fixFilesSync([...applied], { 'main.tf': fixed }, DEFAULTS).files['main.tf'] !== fixed) {
      violations.push({ property: 'fix-stable', message: 'applying the same fixes to the fixed file changed it again', signature: 'fix:stable' });
    }
    return { violations, counters: { edited: fixed !== text ? 1 : 0, fixes: out.changes.reduce((n, c) => n + c.fixes.length, 0), rejected: out.unfixed.filter((u) => u.reason.startsWith('verification failed')).length } };
  },
});
