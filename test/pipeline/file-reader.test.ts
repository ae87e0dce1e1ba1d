import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileReader } from '../../src/pipeline/file-parser.js';
import { collectYoungGeneration } from '../../src/pipeline/young-gc.js';

function tree(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-reader-'));
  const entries = Object.entries(files).map(([rel, text]) => {
    writeFileSync(join(dir, rel), text);
    return { rel, abs: join(dir, rel), size: Buffer.byteLength(text) };
  });
  return { dir, entries };
}

test('texts read for planning are handed out once, then read afresh', () => {
  const { dir, entries } = tree({ 'a.tf': 'resource "aws_s3_bucket" "a" {}\n', 'b.tf': 'locals { x = 1 }\n' });
  try {
    const reader = fileReader(entries, { retainChars: 1000 });
    assert.equal(reader.readText('a.tf'), 'resource "aws_s3_bucket" "a" {}\n');
    writeFileSync(join(dir, 'a.tf'), 'locals { changed = true }\n');
    // The kept text is the one planning saw; after it is taken, the file is read again.
    assert.equal(reader.takeText('a.tf'), 'resource "aws_s3_bucket" "a" {}\n');
    assert.equal(reader.takeText('a.tf'), 'locals { changed = true }\n');
    reader.readText('b.tf');
    assert.deepEqual(reader.takeKept(['a.tf', 'b.tf']), [['b.tf', 'locals { x = 1 }\n']]);
    assert.deepEqual(reader.takeKept(['b.tf']), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nothing is kept beyond the budget, and an unreadable file parses empty with a file-unreadable warning, not a syntax error', () => {
  const { dir, entries } = tree({ 'a.tf': 'locals { a = 1 }\n', 'b.tf': 'locals { b = 2 }\n' });
  try {
    const reader = fileReader(entries, { retainChars: 20 });
    reader.readText('a.tf');
    reader.readText('b.tf');
    assert.deepEqual(reader.takeKept(['a.tf', 'b.tf']).map(([rel]) => rel), ['a.tf']);
    rmSync(join(dir, 'b.tf'));
    const parsed = reader.parse('b.tf');
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.warnings?.[0]?.code, 'file-unreadable');
    assert.match(parsed.warnings[0]!.message, /b\.tf not found/);
    assert.equal(parsed.body.blocks.length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('collecting the young generation leaves the global scope alone', () => {
  const had = 'gc' in globalThis;
  collectYoungGeneration();
  collectYoungGeneration();
  assert.equal('gc' in globalThis, had);
});
