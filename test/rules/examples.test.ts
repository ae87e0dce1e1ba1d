// Every rule's own good and bad examples, for every format it has examples in, run through the real
// scanner of that format (like ESLint's RuleTester): a bad example gives exactly the findings it
// states, on the lines it states; a good one gives none.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { FORMAT_IDS, FORMATS } from '../../src/core/formats.js';
import { PARSE_ERROR_RULE_ID } from '../../src/analyze/rules/parse-error.js';
import { runRuleOnSnippet, runRulesOnFiles, scanFiles } from '../../src/scanners/rule-tester.js';
import { scannerById } from '../../src/scanners/registry.js';
import { fixFiles } from '../../src/fix/in-memory.js';

describe('rule examples', () => {
  for (const rule of builtinRules) {
    const formats = FORMAT_IDS.filter((f) => rule.examples[f]);
    if (!formats.length && rule.meta.id === PARSE_ERROR_RULE_ID) continue;
    describe(`${rule.meta.id} ${rule.meta.title}`, () => {
      it('has good and bad examples for every format it checks', () => {
        assert.ok(formats.length > 0, 'no examples');
        for (const format of formats) {
          const examples = rule.examples[format]!;
          assert.ok(examples.good.length > 0 && examples.bad.length > 0, format);
          assert.ok(scannerById(format)?.hasChecks(rule), `${format} examples without a ${format} check`);
        }
      });
      for (const format of formats) {
        const examples = rule.examples[format]!;
        examples.bad.forEach((bad, i) => {
          it(`flags ${format} bad example ${i + 1} where it says`, () => {
            const findings = scanFiles([rule], { [bad.file ?? FORMATS[format].exampleFile]: bad.code }, bad.defaults ?? examples.defaults).filter((f) => f.ruleId === rule.meta.id);
            const lines = findings.map((f) => f.location.range.start.line).sort((a, b) => a - b);
            assert.deepEqual(lines, bad.errors.map((e) => e.line), `findings:\n${findings.map((f) => `${f.location.range.start.line}: ${f.message}`).join('\n')}`);
            for (const f of findings) assert.ok(f.message.length > 10, 'message explains the finding');
          });
        });
        if (rule.fix?.[format as 'terraform']) {
          examples.bad.forEach((bad, i) => {
            // Like ESLint's `output`: the fixed text byte for byte, clean of what automatic fixes fix, and stable.
            it(`fixes ${format} bad example ${i + 1} as its output says, verified and stable`, async () => {
              assert.notEqual(bad.output, undefined, 'a rule with a fix states the output of every bad example (null: no fix applies)');
              const file = bad.file ?? FORMATS[format].exampleFile;
              const defaults = bad.defaults ?? examples.defaults;
              const first = await fixFiles([rule], { [file]: bad.code }, defaults);
              const fixed = first.files[file]!;
              if (bad.output === null) {
                assert.equal(fixed, bad.code, 'no fix applies, so nothing changes');
                assert.ok(first.unfixed.length > 0 && first.unfixed.every((u) => u.reason.length > 10), 'each unfixed finding says why');
                return;
              }
              assert.equal(fixed, bad.output, `unfixed: ${first.unfixed.map((u) => u.reason).join('; ')}`);
              const automatic = first.changes.flatMap((c) => c.fixes).filter((f) => f.kind === 'automatic');
              const left = scanFiles([rule], { [file]: fixed }, defaults);
              for (const fix of automatic) for (const f of fix.findings) assert.ok(!left.some((l) => l.fingerprint === f.fingerprint), `still reported: ${f.message}`);
              const second = await fixFiles([rule], { [file]: fixed }, defaults);
              assert.equal(second.files[file], fixed, 'a second fix changes nothing');
            });
          });
        }
        examples.good.forEach((snippet, i) => {
          it(`accepts ${format} good example ${i + 1}`, () => {
            const findings = scanFiles([rule], { [FORMATS[format].exampleFile]: snippet }, examples.defaults).filter((f) => f.ruleId === rule.meta.id);
            assert.deepEqual(findings.map((f) => `${f.location.range.start.line}: ${f.message}`), []);
          });
        });
      }
    });
  }

  it('examples parse cleanly', () => {
    for (const rule of builtinRules) {
      for (const format of FORMAT_IDS) {
        const examples = rule.examples[format];
        if (!examples) continue;
        const file = FORMATS[format].exampleFile;
        for (const snippet of [...examples.good, ...examples.bad.map((b) => b.code)]) {
          const parseErrors = runRulesOnFiles([], { [file]: snippet }).filter((f) => f.ruleId === PARSE_ERROR_RULE_ID);
          assert.deepEqual(parseErrors, [], `${rule.meta.id} example does not parse:\n${snippet}`);
        }
      }
    }
  });

  it('an expectation that does not match fails', () => {
    const rule = builtinRules.find((r) => r.meta.id === 'BW-AWS-S3-001')!;
    const bad = rule.examples.terraform!.bad[0]!;
    const lines = runRuleOnSnippet(rule, bad.code).map((f) => f.location.range.start.line);
    assert.notDeepEqual(lines, [...bad.errors.map((e) => e.line), bad.errors[0]!.line]);
    assert.notDeepEqual(lines, bad.errors.map((e) => e.line + 1));
  });
});

describe('rule metadata', () => {
  it('ids are unique and well-formed', () => {
    const ids = builtinRules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^BW-[A-Z0-9]+-[A-Z0-9]+-\d{3}$|^BW-PARSE-\d{3}$/);
  });
  it('every rule has a fix or says why it has none', () => {
    const silent = builtinRules.filter((r) => !r.fix && !(r.noFix && r.noFix.length > 20)).map((r) => r.meta.id);
    assert.deepEqual(silent, []);
    const both = builtinRules.filter((r) => r.fix && r.noFix).map((r) => r.meta.id);
    assert.deepEqual(both, []);
  });
  it('every rule carries complete metadata', () => {
    for (const { meta } of builtinRules) {
      assert.ok(meta.title && meta.description && meta.remediation, meta.id);
      assert.ok(meta.cwe.length > 0 && meta.cwe.every((c) => /^CWE-\d+$/.test(c)), `${meta.id} cwe`);
    }
  });
});
