// The suppression comments in scanned files (`bulwark:ignore`, tfsec/Trivy ignore, Checkov skip, KICS ignore):
// Terraform mutated with comment markers, and generated comment lines. Every comment found must point at its
// own line and columns inside the text.

import fc from 'fast-check';
import { findSuppressions, type InlineSuppression } from '../../../src/suppress/inline.js';
import { HCL_MUTATION } from '../gen/hcl-tokens.js';
import { mutated } from '../gen/mutate.js';
import { terraformSeeds } from '../gen/seeds.js';
import { defineTarget, type Violation } from '../harness/target.js';

const MARKERS = ['# bulwark:ignore ', '// bulwark:ignore-file ', '/* bulwark:ignore ', '#tfsec:ignore:', '# trivy:ignore:', '#checkov:skip=', '# kics-scan ignore-line', '# kics-scan ignore-block', '"# bulwark:ignore in a string"'];
const ARGS = ['BW-AWS-S3-001', 'BW-AWS-S3-001,BW-AWS-S3-002', 'AVD-AWS-0088:exp:2025-01-02', 'CKV_AWS_19:a reason', 'reason="x y"', "reason='q'", 'until=2027-06-30', 'until=soon', '*/', '\r', ''];

const commentLine = fc.tuple(fc.constantFrom('', 'a = 1 ', '  '), fc.constantFrom(...MARKERS), fc.array(fc.constantFrom(...ARGS), { maxLength: 4 })).map(([before, marker, args]) => `${before}${marker}${args.join(' ')}`);
const generated = fc.array(fc.oneof(commentLine, fc.constantFrom('resource "aws_s3_bucket" "b" {', '}', '  bucket = "x"', '')), { maxLength: 20 }).map((lines) => lines.join('\n'));

export default defineTarget<string, InlineSuppression[]>({
  name: 'suppressions',
  description: 'Suppression comments (Bulwark, tfsec, Trivy, Checkov, KICS) in generated and mutated Terraform',
  arbitrary() {
    const options = { ...HCL_MUTATION, tokens: [...HCL_MUTATION.tokens, ...MARKERS, ...ARGS] };
    return fc.oneof({ arbitrary: generated, weight: 5 }, { arbitrary: mutated(terraformSeeds(), options), weight: 5 });
  },
  run: (text) => findSuppressions(text, 'main.tf'),
  check(text, found) {
    const violations: Violation[] = [];
    const lines = text.split('\n');
    for (const s of found) {
      const line = lines[s.line - 1];
      const lineStart = lines.slice(0, s.line - 1).reduce((n, l) => n + l.length + 1, 0);
      const ok = line !== undefined && s.startOffset === lineStart + s.start - 1 && s.endOffset === lineStart + s.end - 1 && s.endOffset <= text.length && s.start <= s.end && s.ruleIds.length > 0;
      if (!ok) violations.push({ property: 'locations', message: `suppression at ${s.line}:${s.start}-${s.end} (${s.startOffset}-${s.endOffset}) does not match the text`, signature: 'locations:suppression' });
    }
    return { violations, counters: { found: found.length } };
  },
});
