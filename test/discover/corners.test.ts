import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { discover } from '../../src/discover/walk.js';

let base: string;

before(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'bulwark-discover-corners-')));
});
after(() => {
  rmSync(base, { recursive: true, force: true });
});

function tree(name: string, files: Record<string, string>): string {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const rels = (result: { files: { rel: string }[] }) => result.files.map((f) => f.rel);

describe('discover corners', () => {
  it('keeps the shallower of two link paths to the same directory', async () => {
    const dir = tree('two-links', { '.gitignore': 'vendor/\n', 'vendor/mod/mod.tf': 'x', 'a/b/c/keep.tf': '' });
    // Depth first in name order would meet a/b/c/deep-link before a/shallow-link.
    symlinkSync(join(dir, 'vendor', 'mod'), join(dir, 'a', 'b', 'c', 'deep-link'));
    symlinkSync(join(dir, 'vendor', 'mod'), join(dir, 'a', 'shallow-link'));
    assert.deepEqual(rels(await discover([dir])), ['a/b/c/keep.tf', 'a/shallow-link/mod.tf']);
  });

  it('lists a file named before its directory once, at its path', async () => {
    const dir = tree('explicit-first', { 'main.tf': 'a', 'sub/x.tf': 'bb' });
    const result = await discover([join(dir, 'sub', 'x.tf'), dir]);
    assert.equal(result.root, dir);
    assert.deepEqual(result.files, [
      { abs: join(dir, 'main.tf'), rel: 'main.tf', size: 1 },
      { abs: join(dir, 'sub', 'x.tf'), rel: 'sub/x.tf', size: 2, explicit: true },
    ]);
  });

  it('applies ignore rules and excludes to names that start with two dots', async () => {
    const dir = tree('dots', { '.gitignore': '..hidden.tf\n', '..hidden.tf': '', '..odd/x.tf': '', 'main.tf': '' });
    assert.deepEqual(rels(await discover([dir])), ['..odd/x.tf', 'main.tf']);
    assert.deepEqual(rels(await discover([dir], { exclude: ['..odd/'] })), ['main.tf']);
  });

  it('applies an ignore file found through a symlink, and patterns relative to a linked directory', async () => {
    const dir = tree('linked-rules', { 'real/.gitignore': 'skip.tf\n', 'real/skip.tf': '', 'real/keep.tf': '', 'rules.txt': 'old.tf\n', 'b/old.tf': '', 'b/new.tf': '' });
    symlinkSync(join(dir, 'rules.txt'), join(dir, 'b', '.bulwarkignore'));
    const result = await discover([dir], { exclude: ['real/'] });
    symlinkSync(join(dir, 'real'), join(dir, 'view'));
    const linked = await discover([dir], { exclude: ['real/'] });
    assert.deepEqual(rels(result), ['b/new.tf']);
    // The link is walked under its own name; rules inside the linked directory still apply to its files.
    assert.deepEqual(rels(linked), ['b/new.tf', 'view/keep.tf']);
  });

  it('skips a file it cannot stat and reports a directory it cannot read, and goes on', async () => {
    // Paths longer than the system limit (4096 on Linux) cannot be stat'ed or listed, though their parent can:
    // a real way to make both fail, even for a privileged user. They are created relative to a deep cwd.
    const dir = tree('too-long', { 'main.tf': '' });
    const segment = 'd'.repeat(200);
    const deep = join(dir, ...Array.from({ length: 20 }, () => segment));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(dir, segment, 'ok.tf'), 'ok');
    const longName = 'f'.repeat(200);
    const cwd = process.cwd();
    process.chdir(deep);
    try {
      writeFileSync(`${longName}.tf`, 'unreachable');
      mkdirSync(longName);
      const result = await discover([dir]);
      assert.deepEqual(rels(result), [`${segment}/ok.tf`, 'main.tf']);
      assert.equal(result.diagnostics.length, 1);
      const [diagnostic] = result.diagnostics;
      const deepRel = Array.from({ length: 20 }, () => segment).join('/');
      assert.equal(diagnostic!.severity, 'warning');
      assert.equal(diagnostic!.message, `cannot read directory ${deepRel}/${longName} (ENAMETOOLONG); skipped`);
      assert.equal(diagnostic!.location?.file, `${deepRel}/${longName}`);
    } finally {
      // Removed here: a recursive delete from the top would hit the same length limit.
      unlinkSync(`${longName}.tf`);
      rmdirSync(longName);
      process.chdir(cwd);
    }
  });
});
