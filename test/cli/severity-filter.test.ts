// `scan --severity`: every format shows only the findings at or above it and says how many it left out;
// --fail-on still counts them all, so a build never passes because a finding was hidden.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-severity-'));
  // High findings on the instance, low ones (no descriptions) on the group; nothing critical.
  writeFileSync(
    join(dir, 'main.tf'),
    'resource "aws_instance" "web" {\n  ami           = "ami-12345678"\n  instance_type = "t3.micro"\n}\n\nresource "aws_security_group" "internal" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n',
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

const bulwark = (...argv: string[]) => runCli(dir, argv);

describe('scan --severity', () => {
  it('shows only what is at or above it, in every format, and says what it left out', async () => {
    const all = JSON.parse((await bulwark('scan', '.', '--format', 'json', '--fail-on', 'none')).out) as { findings: { severity: string }[] };
    const below = all.findings.filter((f) => f.severity !== 'critical' && f.severity !== 'high').length;
    assert.ok(below > 0 && below < all.findings.length, all.findings.map((f) => f.severity).join(' '));
    const json = JSON.parse((await bulwark('scan', '.', '--format', 'json', '--fail-on', 'none', '--severity', 'high')).out) as { findings: { severity: string }[]; diagnostics: { code: string; message: string }[] };
    assert.deepEqual([...new Set(json.findings.map((f) => f.severity))].sort(), ['high']);
    assert.equal(json.findings.length, all.findings.length - below);
    assert.match(json.diagnostics.find((d) => d.code === 'findings-not-shown')!.message, new RegExp(`^${below} findings? below high not shown`));
    const sarif = JSON.parse((await bulwark('scan', '.', '--format', 'sarif', '--fail-on', 'none', '--severity', 'high')).out) as { runs: { results: unknown[] }[] };
    assert.equal(sarif.runs[0]!.results.length, json.findings.length);
    const text = (await bulwark('scan', '.', '--fail-on', 'none', '--severity', 'high')).out;
    assert.match(text, /\nNotes\n {2}note {5}\d+ findings? below high not shown/);
    assert.doesNotMatch(text, /^LOW|^MEDIUM/m);
  });

  it('never lets a hidden finding pass the build', async () => {
    const hidden = await bulwark('scan', '.', '--severity', 'critical', '--fail-on', 'high', '--format', 'json');
    assert.deepEqual((JSON.parse(hidden.out) as { findings: unknown[] }).findings, []);
    assert.equal(hidden.code, 1);
  });
});
