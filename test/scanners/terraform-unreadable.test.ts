// A Terraform file that cannot be read (permission denied, an I/O error) is a warning naming the file, not a
// syntax-error finding: nothing is wrong with what the file says, and "fix the syntax error" would mislead.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRules } from '../../src/analyze/rules/index.js';
import type { FileSource } from '../../src/scanners/format.js';
import { terraformScanner } from '../../src/scanners/terraform.js';

const BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n  acl    = "public-read"\n}\n';

/** An in-memory project where reading `failing` fails the way the disk would. */
function sourceWith(texts: Record<string, string>, failing: Record<string, string>): FileSource {
  const rels = [...Object.keys(texts), ...Object.keys(failing)].sort();
  return {
    files: rels.map((rel) => ({ rel, size: (texts[rel] ?? 'x').length })),
    read(rel) {
      const code = failing[rel];
      if (code) throw Object.assign(new Error(`${code}: cannot read ${rel}`), { code });
      return texts[rel]!;
    },
  };
}

for (const [code, reason] of [['EACCES', /permission denied/], ['EIO', /EIO/]] as const) {
  test(`a file that fails to read with ${code} is a file-unreadable warning naming it, and the rest is scanned`, () => {
    const outcome = terraformScanner.scanSync!({
      source: sourceWith({ 'main.tf': BUCKET }, { 'network.tf': code }),
      rules: builtinRules,
      builtinRulesOnly: true,
      options: {},
    });
    assert.ok(!outcome.findings.some((f) => f.location.file === 'network.tf'), 'no syntax-error finding for the unreadable file');
    const unreadable = outcome.diagnostics.filter((d) => d.code === 'file-unreadable');
    assert.equal(unreadable.length, 1);
    assert.equal(unreadable[0]!.severity, 'warning');
    assert.equal(unreadable[0]!.location?.file, 'network.tf');
    assert.match(unreadable[0]!.message, /network\.tf/);
    assert.match(unreadable[0]!.message, reason);
    assert.ok(outcome.findings.some((f) => f.location.file === 'main.tf'), 'the readable file is still checked');
  });
}
