// Fixes written in the file's own style: its line endings, indentation, alignment, provider style
// (inline blocks or settings resources), and the instances of a `count` or `for_each`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findRule } from '../../src/analyze/rules/index.js';
import { applyEdits, editsConflict } from '../../src/edit/text-edit.js';
import { addAttribute, EditDeclined } from '../../src/edit/hcl-edit.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { fixFiles } from '../../src/fix/in-memory.js';

const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/0000aaaa-11bb-22cc-33dd-444444eeeeee';

async function fixed(ruleIds: string[], text: string, defaults = {}): Promise<string> {
  const out = await fixFiles(ruleIds.map((id) => findRule(id)!), { 'main.tf': text }, defaults);
  return out.files['main.tf']!;
}

describe('fixes keep the file\'s style', () => {
  it('keeps CRLF line endings and tab indentation', async () => {
    const text = 'resource "aws_instance" "web" {\r\n\tami = "ami-12345678"\r\n}\r\n';
    const out = await fixed(['BW-AWS-EC2-001'], text);
    assert.equal(out, 'resource "aws_instance" "web" {\r\n\tami        = "ami-12345678"\r\n\tmonitoring = true\r\n}\r\n');
  });

  it('re-aligns a run of attributes when the new name is the longest', async () => {
    const text = 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n  identifier = "db"\n}\n'.replace('engine =', 'engine     =');
    const out = await fixed(['BW-AWS-RDS-008'], text);
    assert.equal(out, 'resource "aws_db_instance" "db" {\n  engine                              = "postgres"\n  identifier                          = "db"\n  iam_database_authentication_enabled = true\n}\n');
  });

  it('leaves a file written without alignment unaligned', async () => {
    const text = 'resource "aws_kms_key" "k" {\n  description = "k"\n  deletion_window_in_days = 7\n}\n';
    const out = await fixed(['BW-AWS-KMS-001'], text);
    assert.equal(out, text.replace('= 7\n', '= 7\n  enable_key_rotation = true\n'));
  });

  it('opens an empty block written as {}', async () => {
    const out = await fixed(['BW-AWS-KMS-001'], 'resource "aws_kms_key" "k" {}\n');
    assert.equal(out, 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n');
  });

  it('declines a block written on one line, saying why', async () => {
    const file = parseHcl('resource "aws_kms_key" "k" { description = "k" }\n', 'main.tf');
    assert.throws(() => addAttribute(file, file.body.blocks[0]!, 'enable_key_rotation', 'true'), EditDeclined);
    const out = await fixFiles([findRule('BW-AWS-KMS-001')!], { 'main.tf': 'resource "aws_kms_key" "k" { description = "k" }\n' });
    assert.match(out.unfixed[0]!.reason, /written on one line/);
  });

  it('uses inline blocks where the file already configures buckets inline', async () => {
    const text = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n  versioning {\n    enabled = true\n  }\n}\n\nresource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n';
    const out = await fixed(['BW-AWS-S3-002'], text);
    assert.ok(out.endsWith('resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n\n  versioning {\n    enabled = true\n  }\n}\n'), out);
  });

  it('follows every instance of a bucket with count or for_each, and never reuses a taken name', async () => {
    const counted = await fixed(['BW-AWS-S3-002'], 'resource "aws_s3_bucket" "data" {\n  count  = 2\n  bucket = "acme-data-${count.index}"\n}\n');
    assert.match(counted, /resource "aws_s3_bucket_versioning" "data" \{\n {2}count {2}= length\(aws_s3_bucket\.data\)\n {2}bucket = aws_s3_bucket\.data\[count\.index\]\.id\n/);
    const each = await fixed(['BW-AWS-S3-002'], 'resource "aws_s3_bucket" "data" {\n  for_each = toset(["a", "b"])\n  bucket   = "acme-${each.key}"\n}\n\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = "elsewhere"\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n');
    assert.match(each, /resource "aws_s3_bucket_versioning" "data_2" \{\n {2}for_each = aws_s3_bucket\.data\n {2}bucket {3}= each\.value\.id\n/);
  });

  it('keeps SSE-S3 for a bucket that receives access logs (log delivery cannot use a KMS key)', async () => {
    const text = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n\nresource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "data/"\n}\n';
    const out = await fixed(['BW-AWS-S3-001'], text, { kmsKeyArn: KEY });
    const logs = out.slice(0, out.indexOf('resource "aws_s3_bucket" "data"'));
    assert.match(logs, /aws_s3_bucket_server_side_encryption_configuration" "logs"[\s\S]*sse_algorithm = "AES256"/);
    assert.match(out, /server_side_encryption_configuration" "data"[\s\S]*kms_master_key_id = "arn:aws:kms:eu-west-1/);
  });

  it('narrows internet ingress to the policy\'s networks and still asks for the ports', async () => {
    const text = 'resource "aws_security_group" "web" {\n  description = "web"\n  ingress {\n    from_port   = 0\n    to_port     = 65535\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
    const out = await fixed(['BW-AWS-VPC-001'], text, { allowedIngressCidrs: ['10.0.0.0/8'], allowedIngressPorts: [443] });
    assert.match(out, /# NEEDS YOUR INPUT: which ports must be reachable[^\n]*\(the policy allows 443\)\n {2}ingress \{/);
    assert.match(out, /cidr_blocks = \["10\.0\.0\.0\/8"\]/);
  });
});

describe('text edits', () => {
  it('apply in order, collapse duplicates, and refuse overlaps', () => {
    const edits = [
      { start: 3, end: 3, text: 'X' },
      { start: 0, end: 1, text: 'a' },
      { start: 3, end: 3, text: 'X' },
      { start: 3, end: 3, text: 'Y' },
    ];
    assert.equal(applyEdits('ABCDEF', edits), 'aBCXYDEF');
    assert.equal(editsConflict([{ start: 1, end: 4, text: '' }], [{ start: 3, end: 5, text: 'z' }]), true);
    assert.equal(editsConflict([{ start: 1, end: 4, text: '' }], [{ start: 2, end: 2, text: 'z' }]), true);
    assert.equal(editsConflict([{ start: 2, end: 2, text: 'a' }], [{ start: 2, end: 2, text: 'b' }]), false);
    assert.throws(() => applyEdits('ABC', [{ start: 0, end: 2, text: '' }, { start: 1, end: 3, text: '' }]));
  });
});
