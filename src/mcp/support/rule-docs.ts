// Rule reference text for the `explain_rule` tool and the `bulwark://rules/{id}` resources: generated from the
// rule metadata exactly as docs/rules/<ID>.md is (with the threat model's side of the links), so it never drifts.

import type { Rule } from '../../analyze/rule.js';
import { builtinRules } from '../../analyze/rules/index.js';
import { threatLinks } from '../../model/report/threat-links.js';
import { ruleDocMarkdown } from '../../report/rule-docs.js';

export function findRule(id: string): Rule | undefined {
  const wanted = id.trim().toUpperCase();
  return builtinRules.find((r) => r.meta.id === wanted);
}

/** Ids like the one given, for the message when it names no rule. */
export function similarRuleIds(id: string, max = 10): string[] {
  const wanted = id.trim().toUpperCase();
  const prefix = wanted.replace(/-?\d*$/, '');
  return builtinRules
    .map((r) => r.meta.id)
    .filter((rid) => prefix.length >= 4 && rid.startsWith(prefix))
    .slice(0, max);
}

export function ruleDoc(rule: Rule): string {
  return ruleDocMarkdown(rule, { generatedNote: false, threatLinks });
}
