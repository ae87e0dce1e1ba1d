// The lines `bulwark watch` prints for a change.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/types.js';
import { renderChangeJson, renderChangeText } from '../../src/watch/render.js';
import type { ChangeOutcome } from '../../src/watch/incremental.js';

const at = (file: string, line: number) => ({ file, range: { start: { line, column: 3, offset: 0 }, end: { line, column: 9, offset: 6 } } });
const open: Finding = { ruleId: 'BW-AWS-VPC-002', severity: 'high', title: 'SSH or RDP open to the internet', message: 'Port 22 is open to 0.0.0.0/0.', resource: 'aws_security_group.bastion', location: at('stacks/c/main.tf', 10), fingerprint: 'fp-open', remediation: 'Allow SSH only from the bastion network.' };
const bucket: Finding = { ruleId: 'BW-AWS-S3-001', severity: 'critical', title: 'S3 bucket without default encryption', message: 'No encryption.', resource: 'module.logs.aws_s3_bucket.this', location: at('modules/bucket/main.tf', 5), fingerprint: 'fp-bucket', remediation: 'Add default encryption.' };

const outcome: ChangeOutcome = {
  changed: ['stacks/c/main.tf', 'stacks/c/old.tf'],
  removed: ['stacks/c/old.tf'],
  roots: ['stacks/c'],
  scanned: ['stacks/c/main.tf'],
  added: [open],
  fixed: [],
  total: [open, bucket],
  durationMs: 12,
};

describe('watch output', () => {
  it('names the change, then each new and fixed finding with its place, then the total', () => {
    const text = renderChangeText({ ...outcome, fixed: [{ ...bucket, fingerprint: 'fp-other' }] }, { color: false, time: new Date('2026-01-02T03:04:05Z') });
    assert.equal(
      text,
      [
        '[03:04:05] stacks/c/main.tf changed; stacks/c/old.tf removed · re-scanned 1 root module, 1 file in 12 ms',
        '  new   HIGH     BW-AWS-VPC-002  SSH or RDP open to the internet',
        '        aws_security_group.bastion at stacks/c/main.tf:10:3',
        '  fixed CRITICAL BW-AWS-S3-001  S3 bucket without default encryption',
        '        module.logs.aws_s3_bucket.this at modules/bucket/main.tf:5:3',
        '  ✖ 2 findings in all: 1 critical, 1 high',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    assert.doesNotMatch(renderChangeText(outcome, { color: false }), /\x1b\[/);
    assert.match(renderChangeText(outcome, { color: true }), /\x1b\[/);
  });

  it('escapes control characters taken from the files', () => {
    const hostile = { ...open, resource: 'aws_security_group.x\x1b[2J' };
    assert.doesNotMatch(renderChangeText({ ...outcome, added: [hostile] }, { color: false }), /\x1b/);
  });

  it('prints one JSON object per change, on one line', () => {
    const line = renderChangeJson(outcome);
    assert.equal(line.split('\n').length, 2);
    const parsed = JSON.parse(line) as { event: string; new: { fingerprint: string; location: { file: string; line: number } }[]; total: number };
    assert.equal(parsed.event, 'change');
    assert.deepEqual(parsed.new.map((f) => [f.fingerprint, f.location.file, f.location.line]), [['fp-open', 'stacks/c/main.tf', 10]]);
    assert.equal(parsed.total, 2);
  });
});
