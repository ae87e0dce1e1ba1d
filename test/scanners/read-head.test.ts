// The start of a file is read to recognise its format: only from a regular file, and never by waiting on a
// FIFO (opening one for reading blocks until a writer comes, which on a hostile checkout is never).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHead } from '../../src/scanners/claim.js';

test('the head of a FIFO named like a template is not read, and reading it does not block', { skip: process.platform === 'win32' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-head-'));
  try {
    const fifo = join(dir, 'template.yaml');
    execFileSync('mkfifo', [fifo]);
    assert.equal(readHead(fifo), '');
    writeFileSync(join(dir, 'stack.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\n');
    assert.match(readHead(join(dir, 'stack.yaml')), /^AWSTemplateFormatVersion/);
    assert.equal(readHead(dir), '', 'a directory has no head either');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
