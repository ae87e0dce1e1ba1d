// Every rule's own good and bad examples, run through the real parser and evaluator (like ESLint's RuleTester).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { runRuleOnSnippet, runRulesOnTerraform } from '../../src/scanners/rule-tester.js';

describe('rule examples', () => {
  for (const rule of builtinRules) {
    const examples = rule.examples.terraform;
    if (!rule.terraform) continue;
    describe(`${rule.meta.id} ${rule.meta.title}`, () => {
      it('has at least one good and one bad Terraform example', () => {
        assert.ok(examples && examples.good.length > 0 && examples.bad.length > 0);
      });
      examples?.bad.forEach((snippet, i) => {
        it(`flags bad example ${i + 1}`, () => {
          const findings = runRuleOnSnippet(rule, snippet);
          assert.ok(findings.length > 0, `expected a finding for:\n${snippet}`);
          for (const f of findings) {
            assert.equal(f.location.file, 'main.tf');
            assert.ok(f.location.range.start.line >= 1);
            assert.ok(f.message.length > 10, 'message explains the finding');
          }
        });
      });
      examples?.good.forEach((snippet, i) => {
        it(`accepts good example ${i + 1}`, () => {
          const findings = runRuleOnSnippet(rule, snippet);
          assert.deepEqual(findings.map((f) => `${f.location.range.start.line}: ${f.message}`), []);
        });
      });
    });
  }

  it('examples parse cleanly', () => {
    for (const rule of builtinRules) {
      for (const snippet of [...(rule.examples.terraform?.good ?? []), ...(rule.examples.terraform?.bad ?? [])]) {
        const parseErrors = runRulesOnTerraform([], { 'main.tf': snippet }).filter((f) => f.ruleId === 'BW-PARSE-001');
        assert.deepEqual(parseErrors, [], `${rule.meta.id} example does not parse:\n${snippet}`);
      }
    }
  });
});

describe('rule metadata', () => {
  it('ids are unique and well-formed', () => {
    const ids = builtinRules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^BW-[A-Z0-9]+-[A-Z0-9]+-\d{3}$|^BW-PARSE-\d{3}$/);
  });
  it('every rule carries complete metadata', () => {
    for (const { meta } of builtinRules) {
      assert.ok(meta.title && meta.description && meta.remediation, meta.id);
      assert.ok(meta.cwe.length > 0 && meta.cwe.every((c) => /^CWE-\d+$/.test(c)), `${meta.id} cwe`);
    }
  });
});
