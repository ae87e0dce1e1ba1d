// Threats a Threat Dragon file already holds: kept in the register, exported back unchanged next to
// Bulwark's own, and never duplicated when that export is read again.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../helpers/cli.js';

type Json = Record<string, any>;
const FIXTURES = new URL('../../fixtures/model/threat-dragon/', import.meta.url);
let dir: string;
const bulwark = (...argv: string[]) => runCli(dir, argv);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-imported-'));
  for (const f of ['clinic-threats-v2.json', 'ticket-office-v1.json']) copyFileSync(new URL(f, FIXTURES), join(dir, f));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every threat on every cell (v2 `data.threats`, v1 `threats`), with the element, or the ends of the flow, it is on. */
function cellThreats(td: Json): Array<{ cell: string; threat: Json }> {
  return td.detail.diagrams.flatMap((d: Json) => {
    const cells: Json[] = d.cells ?? d.diagramJson?.cells ?? [];
    const names = new Map(cells.map((c) => [c.id, c.data?.name ?? c.attrs?.text?.text]));
    const end = (e: Json) => names.get(e?.cell ?? e?.id);
    return cells.flatMap((c) => {
      const where = c.source ? `${end(c.source)} -> ${end(c.target)}` : names.get(c.id);
      return (c.data?.threats ?? c.threats ?? []).map((threat: Json) => ({ cell: where, threat }));
    });
  });
}
const isBulwarks = (t: Json) => typeof t.threatId === 'string' && t.threatId.includes('@');

describe('threats from a Threat Dragon file', () => {
  it('join the register with their status, severity and type, marked as from the file', async () => {
    const r = await bulwark('model', 'clinic-threats-v2.json', '--format', 'json', '--fail-on', 'none');
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as Json;
    const fromFile = (list: Json[]) => list.filter((t) => t.origin).map((t) => [t.id, t.ruleId, t.stride, t.severity, t.status]);
    assert.deepEqual(fromFile(report.threats).sort(), [
      ['TD-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d@records-portal', 'TD-IMPORTED', 'information-disclosure', 'medium', 'open'],
      ['TD-2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f@patient-records-db', 'TD-IMPORTED', 'tampering', 'critical', 'open'],
      ['TD-3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a@records-portal->patient-records-db', 'TD-IMPORTED', 'information-disclosure', 'medium', 'open'],
      ['TD-6f1c7a52-8d3e-4c55-9a0e-1b2f3c4d5e6f@records-portal', 'TD-IMPORTED', 'spoofing', 'high', 'open'],
    ]);
    assert.deepEqual(fromFile(report.decided).sort(), [
      ['TD-0b9e8d7c-6a5f-4e3d-2c1b-a09f8e7d6c5b@records-portal', 'TD-IMPORTED', 'repudiation', 'medium', 'mitigated'],
      ['TD-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a@patient-records-db', 'TD-IMPORTED', 'information-disclosure', 'low', 'false-positive'],
    ]);
    const linkability = report.threats.find((t: Json) => t.origin?.type === 'Linkability');
    assert.ok(linkability.adjustments.some((a: string) => /severity taken as medium: the file gives none/.test(a)));
    assert.ok(linkability.adjustments.some((a: string) => /"Linkability" is not a STRIDE category/.test(a)));
    assert.ok(report.threats.some((t: Json) => !t.origin), "Bulwark's own threats are still there");
    assert.equal(report.counts.critical, report.threats.filter((t: Json) => t.severity === 'critical').length);
    const md = (await bulwark('model', 'clinic-threats-v2.json', '--fail-on', 'none')).out;
    assert.match(md, /Record tampering through the admin console _\(from the Threat Dragon file\)_/);
    const sarif = JSON.parse((await bulwark('model', 'clinic-threats-v2.json', '--format', 'sarif', '--fail-on', 'none')).out) as Json;
    assert.ok(sarif.runs[0].tool.driver.rules.some((rule: Json) => rule.id === 'TD-IMPORTED'));
    assert.match((await bulwark('model', 'clinic-threats-v2.json', '--format', 'mermaid', '--fail-on', 'none')).out, /from the file/);
  });

  it('count for --fail-on and can be decided in the tracking file', async () => {
    assert.equal((await bulwark('model', 'clinic-threats-v2.json', '--fail-on', 'critical')).code, 1, 'the file holds a critical open threat');
    writeFileSync(join(dir, 'decisions.yaml'), 'version: 1\nthreats:\n  TD-2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f@patient-records-db:\n    status: accepted\n    justification: reviewed by the records board\n');
    const r = await bulwark('model', 'clinic-threats-v2.json', '--format', 'json', '--fail-on', 'none', '--tracking', 'decisions.yaml');
    const report = JSON.parse(r.out) as Json;
    assert.ok(report.decided.some((t: Json) => t.id.startsWith('TD-2c3d4e5f') && t.status === 'accepted'));
    // The file's own decision can be overruled: its Mitigated threat is open again.
    writeFileSync(join(dir, 'reopen.yaml'), 'version: 1\nthreats:\n  TD-0b9e8d7c-6a5f-4e3d-2c1b-a09f8e7d6c5b@records-portal:\n    status: open\n    justification: the audit trail was switched off\n');
    const reopened = JSON.parse((await bulwark('model', 'clinic-threats-v2.json', '--format', 'json', '--fail-on', 'none', '--tracking', 'reopen.yaml')).out) as Json;
    assert.ok(reopened.threats.some((t: Json) => t.id.startsWith('TD-0b9e8d7c') && t.status === 'open'));
    assert.ok(!reopened.decided.some((t: Json) => t.id.startsWith('TD-0b9e8d7c')));
    assert.ok(!reopened.warnings.some((w: string) => /stale/.test(w)));
    const untracked = JSON.parse((await bulwark('model', 'clinic-threats-v2.json', '--format', 'json', '--fail-on', 'none')).out) as Json;
    assert.equal(report.counts.critical, untracked.counts.critical - 1, 'a decided threat leaves the counts');
  });

  for (const fixture of ['clinic-threats-v2.json', 'ticket-office-v1.json']) {
    it(`export back to Threat Dragon unchanged, and read back without duplicates (${fixture})`, async () => {
      const original = JSON.parse(readFileSync(new URL(fixture, FIXTURES), 'utf8')) as Json;
      const exported = await bulwark('model', fixture, '--format', 'threat-dragon', '--fail-on', 'none', '--output', 'export.json');
      assert.equal(exported.code, 0, exported.err);
      const td = JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8')) as Json;
      const before = cellThreats(original);
      const after = cellThreats(td);
      const kept = after.filter((t) => !isBulwarks(t.threat));
      // Every original threat, on the cell it was on, with every field as it was.
      assert.deepEqual(kept.map((t) => [t.cell, t.threat]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))), before.map((t) => [t.cell, t.threat]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
      assert.ok(after.some((t) => isBulwarks(t.threat)), "Bulwark's own are exported next to them");
      const numbers = after.map((t) => t.threat.number).filter((n) => typeof n === 'number');
      assert.equal(new Set(numbers).size, numbers.length, 'threat numbers stay unique');
      const first = JSON.parse((await bulwark('model', fixture, '--format', 'json', '--fail-on', 'none')).out) as Json;
      const again = JSON.parse((await bulwark('model', 'export.json', '--format', 'json', '--fail-on', 'none')).out) as Json;
      const ids = (r: Json) => [...r.threats, ...r.decided].map((t: Json) => t.id).sort();
      assert.deepEqual(ids(again), ids(first), 'the same threats, none twice');
      assert.equal([...again.threats, ...again.decided].filter((t: Json) => t.origin).length, before.length);
    });
  }
});
