// One compliance catalogue, one granularity, for both engines: every control a rule or a threat cites is in
// the catalogue, written at its framework's granularity.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { COMPLIANCE_CATALOGUE, complianceControl, GRANULARITY } from '../../src/core/compliance-catalogue.js';
import { COMPLIANCE_FRAMEWORKS, formatComplianceRef, type ComplianceRef } from '../../src/core/compliance.js';
import { THREAT_RULES } from '../../src/model/knowledge/patterns/index.js';

function uncatalogued(refs: { owner: string; ref: ComplianceRef }[]): string[] {
  return refs.filter(({ ref }) => !complianceControl(ref)).map(({ owner, ref }) => `${owner}: ${formatComplianceRef(ref)}`);
}

describe('compliance catalogue', () => {
  it('holds every control at its framework granularity, once', () => {
    const keys = COMPLIANCE_CATALOGUE.map(formatComplianceRef);
    assert.equal(new Set(keys).size, keys.length);
    const off = COMPLIANCE_CATALOGUE.filter((c) => !GRANULARITY[c.framework].test(c.control)).map(formatComplianceRef);
    assert.deepEqual(off, []);
    for (const framework of COMPLIANCE_FRAMEWORKS) assert.ok(COMPLIANCE_CATALOGUE.some((c) => c.framework === framework), framework);
    for (const c of COMPLIANCE_CATALOGUE) assert.ok(c.title.length > 5, formatComplianceRef(c));
  });

  it('covers every control the IaC rules cite', () => {
    assert.deepEqual(uncatalogued(builtinRules.flatMap((r) => r.meta.compliance.map((ref) => ({ owner: r.meta.id, ref })))), []);
  });

  it('covers every control the threat rules cite', () => {
    assert.deepEqual(uncatalogued(THREAT_RULES.flatMap((r) => (r.compliance ?? []).map((ref) => ({ owner: r.id, ref })))), []);
  });

  it('rejects a citation at another granularity', () => {
    assert.equal(GRANULARITY['PCI-DSS'].test('8.3'), false);
    assert.equal(complianceControl({ framework: 'PCI-DSS', control: '8.3' }), undefined);
    assert.equal(GRANULARITY['NIST-800-53'].test('IA-5(1)'), true);
  });
});
