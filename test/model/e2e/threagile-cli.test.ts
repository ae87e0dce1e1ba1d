// `bulwark model` on a Threagile model, in-process: its risk tracking decides the matching threats, the
// tracking file wins where both decide, and --update-tracking carries the imported decisions over.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { capturedIo } from '../../../src/cli/support/io.js';
import { run } from '../../../src/cli/main.js';
import type { Threat, ThreatReport } from '../../../src/model/engine/types.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-threagile-'));
  copyFileSync('test/fixtures/model/threagile/clinic.yaml', join(dir, 'clinic.yaml'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function bulwark(...argv: string[]) {
  const io = capturedIo({ cwd: dir });
  const code = await run(argv, io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

async function report(...extra: string[]) {
  const r = await bulwark('model', 'clinic.yaml', '--format', 'json', '--fail-on', 'none', ...extra);
  assert.equal(r.code, 0, r.err);
  return { ...r, report: JSON.parse(r.out) as ThreatReport };
}

const byId = (threats: readonly Threat[], id: string) => threats.find((t) => t.id === id);

describe('bulwark model on a Threagile model', () => {
  it('decides the threats its risk tracking names, and says what it did not apply', async () => {
    const { report: r, err } = await report();
    const decided = Object.fromEntries(r.decided.map((t) => [t.id, t.status]));
    assert.deepEqual(decided, {
      'TM-INJ-005@booking-api': 'accepted',
      'TM-INJ-004@patient-portal': 'false-positive',
      'TM-DB-002@document-store': 'mitigated',
      'TM-QUEUE-001@reminder-queue': 'mitigated',
      'TM-INJ-002@keycloak->staff-directory': 'mitigated',
      // A risk written by hand in the model, decided by its own tracking entry.
      'TG-appointment-enumeration@patient-portal': 'mitigated',
    });
    assert.deepEqual(byId(r.decided, 'TM-DB-002@document-store')?.decision, {
      status: 'mitigated',
      justification: 'Volumes are encrypted by the cloud provider (ticket CLINIC-117)',
      owner: 'Sam Okafor',
    });
    // In progress in Threagile: still open, with what Threagile says of it.
    const xss = byId(r.threats, 'TM-WEB-002@patient-portal');
    assert.deepEqual(xss?.decision, { status: 'open', justification: 'Output encoding is being added to the templates (ticket CLINIC-130)' });
    assert.equal(r.threats.length + r.decided.length, new Set([...r.threats, ...r.decided].map((t) => t.id)).size);
    const lines = err.trim().split('\n');
    assert.ok(lines.includes(`bulwark: clinic.yaml:${lineOf('shadow-it-usage@')}: risk_tracking names the risk category "shadow-it-usage", which is not one of Threagile's built-in categories Bulwark maps to its rules; not applied`), err);
    assert.ok(lines.includes(`bulwark: clinic.yaml:${lineOf('missing-vault@')}: Threagile risk tracking "missing-vault@*" matches no threat Bulwark finds in this design; not applied`), err);
    assert.ok(lines.includes('bulwark: clinic.yaml: 1 tracked risk is not decided in Threagile (1 in-progress): their threats stay open'), err);
  });

  it('lets the tracking file decide a threat the Threagile model also decides', async () => {
    writeFileSync(
      join(dir, 'bulwark-threats.yaml'),
      'version: 1\nthreats:\n  TM-INJ-005@booking-api:\n    status: open\n    justification: reopened after the 2025 review\n',
    );
    try {
      const { report: r, err } = await report();
      assert.equal(byId(r.decided, 'TM-INJ-005@booking-api'), undefined);
      assert.equal(byId(r.threats, 'TM-INJ-005@booking-api')?.decision?.justification, 'reopened after the 2025 review');
      assert.ok(!/stale decision/.test(err), err);
      assert.equal(byId(r.decided, 'TM-DB-002@document-store')?.status, 'mitigated', 'the other imported decisions still apply');
    } finally {
      rmSync(join(dir, 'bulwark-threats.yaml'), { force: true });
    }
  });

  it('writes the imported decisions into the tracking file with --update-tracking', async () => {
    const tracking = join(dir, 'decisions.yaml');
    const r = await bulwark('model', 'clinic.yaml', '--format', 'json', '--fail-on', 'none', '--tracking', 'decisions.yaml', '--update-tracking');
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /^Added \d+ open threats and 6 decisions from the design file to decisions\.yaml\.$/m);
    const written = parse(readFileSync(tracking, 'utf8')) as { threats: Record<string, { status: string; justification?: string; owner?: string }> };
    assert.deepEqual(written.threats['TM-INJ-005@booking-api'] && { ...written.threats['TM-INJ-005@booking-api'], title: undefined, severity: undefined }, {
      status: 'accepted',
      justification: 'Only our own signed objects are deserialised (ticket CLINIC-101)',
      owner: 'Dana Reyes',
      title: undefined,
      severity: undefined,
    });
    assert.equal(written.threats['TM-WEB-002@patient-portal']?.status, 'open');
    assert.match(written.threats['TM-WEB-002@patient-portal']?.justification ?? '', /CLINIC-130/);
    // From now on the tracking file holds them: a second run decides the same threats, with nothing stale.
    const again = await bulwark('model', 'clinic.yaml', '--format', 'json', '--fail-on', 'none', '--tracking', 'decisions.yaml');
    const second = JSON.parse(again.out) as ThreatReport;
    assert.equal(second.decided.length, 6);
    assert.ok(!/stale decision/.test(again.err), again.err);
  });
});

function lineOf(text: string): number {
  return readFileSync('test/fixtures/model/threagile/clinic.yaml', 'utf8').split('\n').findIndex((l) => l.trimStart().startsWith(text)) + 1;
}
