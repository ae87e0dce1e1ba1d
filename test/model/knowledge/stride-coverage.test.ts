// Coverage of the knowledge base: every Threagile risk category maps to rules that exist, and every element kind
// has, for each STRIDE category, at least one rule whose applies-to filter admits it (an element rule by kind or
// implied tag, or a flow rule by either end). Missing pairs are printed, so a gap is named, not hidden.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STRIDE_CATEGORIES, type StrideCategory } from '../../../src/core/types.js';
import { ELEMENT_THREAT_RULES, FLOW_THREAT_RULES, threatRuleById } from '../../../src/model/knowledge/patterns/index.js';
import { THREAGILE_CATEGORIES } from '../../../src/model/knowledge/threagile-categories.js';
import type { ElementThreatRule, FlowThreatRule } from '../../../src/model/knowledge/types.js';
import { tagsOfElement } from '../../../src/model/knowledge/vocabulary.js';
import { ELEMENT_KINDS, type ElementKind } from '../../../src/model/schema/architecture.js';

/** An element rule admits a kind by its kinds, or by a tag every element of that kind carries. */
function elementRuleAdmits(rule: ElementThreatRule, kind: ElementKind): boolean {
  if (!rule.kinds && !rule.tags) return true;
  if (rule.kinds?.includes(kind)) return true;
  const implied = tagsOfElement({ id: 'x', name: 'x', kind, props: {}, data: [] });
  return rule.tags?.some((t) => implied.has(t)) ?? false;
}

/** A flow rule admits a kind at either end. */
function flowRuleAdmits(rule: FlowThreatRule, kind: ElementKind): boolean {
  return !rule.sourceKinds || !rule.targetKinds || rule.sourceKinds.includes(kind) || rule.targetKinds.includes(kind);
}

function rulesFor(kind: ElementKind, stride: StrideCategory): string[] {
  return [
    ...ELEMENT_THREAT_RULES.filter((r) => r.stride === stride && elementRuleAdmits(r, kind)),
    ...FLOW_THREAT_RULES.filter((r) => r.stride === stride && flowRuleAdmits(r, kind)),
  ].map((r) => r.id);
}

describe('knowledge base coverage', () => {
  it('maps every Threagile risk category only to rules that exist', () => {
    const unknown = THREAGILE_CATEGORIES.flatMap((c) => c.rules.filter((id) => !threatRuleById(id)).map((id) => `${c.id} → ${id}`));
    if (unknown.length) console.log(`Threagile categories mapped to rules that do not exist:\n  ${unknown.join('\n  ')}`);
    assert.deepEqual(unknown, []);
    assert.ok(THREAGILE_CATEGORIES.every((c) => c.rules.length > 0), 'every category has a rule');
  });

  it('has a rule for every element kind in every STRIDE category', () => {
    const missing = ELEMENT_KINDS.flatMap((kind) => STRIDE_CATEGORIES.filter((stride) => rulesFor(kind, stride).length === 0).map((stride) => `${kind} × ${stride}`));
    if (missing.length) console.log(`element kinds without a rule in a STRIDE category:\n  ${missing.join('\n  ')}`);
    assert.deepEqual(missing, []);
  });
});
