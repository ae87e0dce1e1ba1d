// Decisions a design file brings, applied to the analysed threats: matched by rule and by the elements or
// flows they name, the most specific decision first, never over a threat the tracking file decides.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readArchitecture } from '../../../src/model/adapters/index.js';
import { analyze } from '../../../src/model/engine/analyze.js';
import { applyImportedDecisions, type ImportedDecision } from '../../../src/model/tracking/imported-decisions.js';

const report = analyze(readArchitecture(readFileSync('test/fixtures/model/threagile/clinic.yaml', 'utf8'), { fileName: 'clinic.yaml' }).model);
const decision = (key: string, rules: string[], parts: string[][], status: ImportedDecision['status'], justification?: string): ImportedDecision => ({
  key,
  source: 'Threagile',
  rules,
  parts,
  status,
  sourceStatus: status,
  ...(justification ? { justification } : {}),
});

describe('imported decisions', () => {
  it('decides every threat of the rules when the key names nothing, and prefers the decision naming most ids', () => {
    const all = decision('unencrypted-asset@*', ['TM-DB-002', 'TM-QUEUE-001'], [], 'mitigated', 'all encrypted');
    const one = decision('unencrypted-asset@document-store', ['TM-DB-002'], [['document-store']], 'accepted', 'archive only');
    const { report: after, applied, notes } = applyImportedDecisions(report, [all, one]);
    assert.equal(applied.get('TM-DB-002@document-store')?.status, 'accepted');
    assert.equal(applied.get('TM-QUEUE-001@reminder-queue')?.status, 'mitigated');
    assert.equal(after.threats.length + after.decided.length, report.threats.length + report.decided.length);
    assert.ok(after.threats.every((t) => !applied.has(t.id) || t.status === 'open'));
    assert.deepEqual(notes, []);
  });

  it('needs every named id among the threat\'s elements or flows', () => {
    const flowDecision = decision('ldap-injection@keycloak@staff-directory', ['TM-INJ-002'], [['keycloak'], ['staff-directory']], 'mitigated');
    const wrongPair = decision('ldap-injection@patient-portal@staff-directory', ['TM-INJ-002'], [['patient-portal'], ['staff-directory']], 'mitigated');
    const { applied, notes } = applyImportedDecisions(report, [flowDecision, wrongPair]);
    assert.deepEqual([...applied.keys()], ['TM-INJ-002@keycloak->staff-directory']);
    assert.deepEqual(notes.map((n) => n.message), ['Threagile risk tracking "ldap-injection@patient-portal@staff-directory" matches no threat Bulwark finds in this design; not applied']);
  });

  it('leaves the threats the tracking file decides to it, without calling their decision unmatched', () => {
    const d = decision('unencrypted-asset@*', ['TM-DB-002'], [], 'mitigated');
    const { applied, notes, report: after } = applyImportedDecisions(report, [d], new Set(['TM-DB-002@document-store']));
    assert.equal(applied.size, 0);
    assert.equal(after, report, 'nothing applied: the report is unchanged');
    assert.deepEqual(notes, []);
  });
});
