// The server's small pieces on their own: secret masking of file content and of prose, the tracking-file edit
// that keeps comments and other entries, path confinement, and paging by count and by size.

import assert from 'node:assert/strict';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { maskSecrets } from '../../src/mcp/support/mask.js';
import { pageOf, boundedText } from '../../src/mcp/support/paging.js';
import { confinedPath, openWorkspace, PathRefusedError } from '../../src/mcp/support/paths.js';
import { setDecision } from '../../src/mcp/support/tracking-edit.js';
import { parseTracking } from '../../src/model/tracking/tracking.js';
import { workspace } from './harness.js';

describe('maskSecrets', () => {
  it('masks values assigned to secret names in file content, however short, and known token formats', () => {
    const diff = [
      '-      POSTGRES_PASSWORD: "Tr0ub4dor&3horse"',
      '+      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD:?set it in .env}"',
      '-  password = "abc"',
      '+  password = var.db_password',
      ' DB_URL=postgres://app:s3cretpw@db:5432/orders',
      ' token: ghp_0123456789abcdefghijABCDEFGHIJ012345',
      ' name = "orders"',
    ].join('\n');
    const masked = maskSecrets(diff);
    for (const secret of ['Tr0ub4dor&3horse', '"abc"', 's3cretpw', 'ghp_0123456789abcdefghijABCDEFGHIJ012345']) assert.ok(!masked.includes(secret), `${secret} left in:\n${masked}`);
    assert.match(masked, /POSTGRES_PASSWORD: "\$\{POSTGRES_PASSWORD:\?set it in \.env\}"/);
    assert.match(masked, /password = var\.db_password/);
    assert.match(masked, /name = "orders"/);
  });

  it('leaves prose alone except for credentials the detectors recognise', () => {
    const sentence = 'it now comes from .env (MYSQL_PASSWORD= is listed in .env.example); key AKIAIOSFODNN7ABCDEFG';
    const masked = maskSecrets(sentence, { prose: true });
    assert.match(masked, /MYSQL_PASSWORD= is listed/);
    assert.ok(!masked.includes('AKIAIOSFODNN7ABCDEFG'));
  });
});

describe('setDecision', () => {
  it('creates a tracking file the tracking reader reads back', () => {
    const text = setDecision(undefined, 'TM-API-001@api', { status: 'accepted', justification: 'pilot only', owner: 'alice', expires: '2099-01-31' });
    const entry = parseTracking(text).entries.get('TM-API-001@api');
    assert.deepEqual({ ...entry, line: undefined }, { id: 'TM-API-001@api', status: 'accepted', justification: 'pilot only', owner: 'alice', expires: '2099-01-31', line: undefined });
  });

  it('changes only the entry it decides, keeping comments, other entries and fields not given', () => {
    const before = [
      '# reviewed by the platform team',
      'version: 1',
      'threats:',
      '  TM-DB-001@db:',
      '    status: open # until the migration',
      '    title: SQL injection',
      '  TM-API-001@api:',
      '    status: open',
      '    owner: bob',
      '',
    ].join('\n');
    const after = setDecision(before, 'TM-API-001@api', { status: 'mitigated', justification: 'JWT at the gateway' });
    assert.match(after, /^# reviewed by the platform team$/m);
    assert.match(after, /status: open # until the migration/);
    const entries = parseTracking(after).entries;
    assert.equal(entries.get('TM-DB-001@db')?.status, 'open');
    assert.deepEqual([entries.get('TM-API-001@api')?.status, entries.get('TM-API-001@api')?.owner, entries.get('TM-API-001@api')?.justification], ['mitigated', 'bob', 'JWT at the gateway']);
  });

  it('refuses a file of an unknown version', () => {
    assert.throws(() => setDecision('version: 2\nthreats: {}\n', 'TM-X@y', { status: 'open' }), /unknown tracking file version/);
  });
});

describe('confinedPath', () => {
  let root: string;
  let outside: string;
  before(async () => {
    root = await workspace({ 'a/b.tf': '' });
    outside = await workspace({ 'x.tf': '' });
    await symlink(outside, join(root, 'out'));
    await mkdir(join(root, 'new-dir'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('resolves paths inside the root and refuses the others', () => {
    const ws = openWorkspace(root);
    assert.equal(confinedPath(ws, 'a/b.tf'), join(root, 'a', 'b.tf'));
    assert.equal(confinedPath(ws, '.'), root);
    assert.equal(confinedPath(ws, 'new-dir/tracking.yaml', { mustExist: false }), join(root, 'new-dir', 'tracking.yaml'));
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'C:\\Windows', 'out/x.tf', 'out', 'a\0b']) assert.throws(() => confinedPath(ws, bad), PathRefusedError, bad);
    assert.throws(() => confinedPath(ws, 'out/new.yaml', { mustExist: false }), /symbolic link/);
    assert.throws(() => confinedPath(ws, 'missing.tf'), /does not exist/);
  });
});

describe('pageOf', () => {
  it('stops at the limit or the byte budget, and the cursor continues where the page stopped', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ i, text: 'x'.repeat(100) }));
    const first = pageOf(items, { limit: 4 });
    assert.deepEqual([first.items.length, first.page.nextCursor], [4, '4']);
    const bySize = pageOf(items, { limit: 10, cursor: '4' }, 300);
    assert.equal(bySize.items[0]!.i, 4);
    assert.equal(bySize.page.truncatedBySize, true);
    assert.ok(bySize.items.length < 6);
    const last = pageOf(items, { cursor: '9' });
    assert.deepEqual([last.items.length, last.page.nextCursor], [1, undefined]);
    assert.throws(() => pageOf(items, { cursor: '-1' }), /not one this server gave/);
    assert.throws(() => pageOf(items, { cursor: '11' }), /past the end/);
  });

  it('cuts text at a character boundary', () => {
    const { text, truncated } = boundedText('ééé', 3);
    assert.deepEqual([text, truncated], ['é', true]);
  });
});
