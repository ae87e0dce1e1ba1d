// Comparing two designs: threats added, removed (and why), and severity changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, diffReports, diffWorsens } from '../../../src/model/engine/index.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../../src/model/report/index.js';
import { fixture } from './helpers.js';

describe('design diff', () => {
  const before = fixture('example-a.yaml');
  const after = fixture('example-a.yaml');
  // The change: versioning on the bucket, the uploads now carry PII, and a new public admin API (no second factor) writes to PostgreSQL.
  after.elements.find((e) => e.id === 's3')!.props.versioning = true;
  after.dataAssets.find((d) => d.id === 'images')!.classification = 'pii';
  after.elements.push({ id: 'admin', name: 'Admin API', kind: 'process', props: {}, data: [] });
  after.flows.push({ id: 'f7', source: 'user', target: 'admin', label: 'edit metadata', data: [] });
  after.flows.push({ id: 'f8', source: 'admin', target: 'db', label: 'update rows', data: [] });
  const diff = diffReports(analyze(before), analyze(after));

  it('lists added threats: the new element, and PII now uploaded, crossing into and stored in the bucket', () => {
    assert.deepEqual(diff.added.map((t) => t.id).sort(), [
      'TM-API-001@admin',
      'TM-API-003@admin',
      'TM-API-004@api',
      'TM-DB-001@db',
      'TM-FLOW-001@user->api',
      'TM-IAM-002@admin',
      'TM-STORAGE-004@s3',
    ]);
    assert.ok(diffWorsens(diff));
  });

  it('lists removed threats with the control that removed them', () => {
    assert.deepEqual(diff.removed.map((t) => t.id), ['TM-STORAGE-002@s3']);
    assert.deepEqual(diff.nowMitigatedByDesign.get('TM-STORAGE-002@s3'), ['S3 bucket keeps object versions']);
  });

  it('reports severity changes caused by more sensitive data', () => {
    const change = diff.changed.find((c) => c.id === 'TM-STORAGE-001@s3');
    assert.deepEqual(change && [change.before, change.after], ['high', 'critical']);
  });

  it('renders text, Markdown and JSON', () => {
    const text = renderDiffText(diff);
    assert.match(text, /^Threats: 7 added, 1 removed, \d+ changed severity, \d+ unchanged\.$/m);
    assert.match(text, /\+ HIGH Spoofing: Unauthenticated callers use Admin API as any user \[TM-API-001@admin\]/);
    assert.match(text, /- MEDIUM Tampering: Files in S3 bucket modified or replaced after upload \[TM-STORAGE-002@s3\] \(mitigated by design: S3 bucket keeps object versions\)/);
    assert.match(text, /~ HIGH → CRITICAL: S3 bucket may be publicly accessible \[TM-STORAGE-001@s3\]/);
    assert.match(renderDiffMarkdown(diff), /\| added \| HIGH \| Spoofing \| Unauthenticated callers use Admin API as any user \| `TM-API-001@admin` \|/);
    const json = JSON.parse(renderDiffJson(diff)) as { added: { id: string }[]; removed: { mitigatedByDesign?: string[] }[] };
    assert.equal(json.added.length, 7);
    assert.deepEqual(json.removed[0]?.mitigatedByDesign, ['S3 bucket keeps object versions']);
  });

  it('the same design diffs to nothing', () => {
    const same = diffReports(analyze(before), analyze(fixture('example-a.yaml')));
    assert.equal(same.added.length + same.removed.length + same.changed.length, 0);
    assert.equal(same.unchanged, 6);
    assert.ok(!diffWorsens(same));
  });
});
