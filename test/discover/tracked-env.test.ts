// An env file that .gitignore ignores but git tracks anyway (added before the rule, or with `git add -f`) is
// in the repository: the scan reads it. Built with the real git, and the index reader is checked against
// `git ls-files` in each index version git writes.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { indexPathOf, parseIndex } from '../../src/discover/git-index.js';
import { scan } from '../../src/scan.js';

let base: string;

before(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'bulwark-tracked-')));
});
after(async () => {
  await rm(base, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

async function repository(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(base, name);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  git(dir, 'init', '-q');
  return dir;
}

const ENV = 'DB_HOST=mariadb\nDB_PASSWORD=Xk9mQ2vL8pR4\n';

describe('git index', () => {
  for (const version of ['2', '3', '4']) {
    it(`reads the same paths as git ls-files from an index of version ${version}`, async () => {
      const dir = await repository(`index-v${version}`, {
        'main.tf': 'resource "aws_s3_bucket" "b" {}\n',
        'services/api/.env': ENV,
        'services/api/src/index.js': 'console.log(1)\n',
        'services/api/src/long-directory-name/deeper/still-deeper/file-with-a-long-name.js': '1\n',
        'services/api/src/long-directory-name/deeper/still-deeper/file-with-a-longer-name.js': '2\n',
        'docs/ünïcode name.md': '# x\n',
      });
      git(dir, 'add', '-A');
      // Version 3 is written only when an entry needs extended flags: intent-to-add sets one.
      if (version === '3') {
        await writeFile(join(dir, 'later.txt'), 'x\n');
        git(dir, 'add', '--intent-to-add', 'later.txt');
      }
      git(dir, 'update-index', '--index-version', version);
      const data = await readFile(join(dir, '.git', 'index'));
      assert.equal(data.readUInt32BE(4), Number(version));
      const expected = git(dir, 'ls-files', '-z').split('\0').filter(Boolean).sort();
      assert.deepEqual([...(parseIndex(data) ?? [])].sort(), expected);
    });
  }

  it('gives no paths for data that is not an index, or is cut short', async () => {
    assert.equal(parseIndex(Buffer.from('not an index at all')), undefined);
    const dir = await repository('damaged', { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    git(dir, 'add', '-A');
    const data = await readFile(join(dir, '.git', 'index'));
    assert.equal(parseIndex(data.subarray(0, 40)), undefined);
    const huge = Buffer.from(data);
    huge.writeUInt32BE(0xffffffff, 8);
    assert.equal(parseIndex(huge), undefined);
  });

  it('finds the index of a worktree through its .git file', async () => {
    const dir = await repository('main-tree', { 'a.txt': 'a\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'first');
    const worktree = join(base, 'linked-tree');
    git(dir, 'worktree', 'add', '-q', worktree);
    const index = indexPathOf(worktree);
    assert.ok(index && index.includes(join('.git', 'worktrees')), index);
  });
});

describe('env files that git tracks despite .gitignore', () => {
  it('reports a tracked but ignored .env, and leaves an ignored untracked one alone', async () => {
    const dir = await repository('forced', {
      '.gitignore': '.env*\n!.env.example\n',
      'api/.env': ENV,
      'api/.env.local': ENV,
      'api/.env.example': 'DB_HOST=\nDB_PASSWORD=\n',
    });
    git(dir, 'add', '.gitignore', 'api/.env.example');
    git(dir, 'add', '-f', 'api/.env');
    const result = await scan([dir]);
    const envFindings = result.findings.filter((f) => f.ruleId === 'BW-SECRET-ENV-001');
    assert.deepEqual(envFindings.map((f) => f.location.file), ['api/.env']);
    assert.match(envFindings[0]!.message, /tracked by git although an ignore file ignores it/);
    // Its values are secrets in the repository too, and they are masked.
    const secret = result.findings.find((f) => f.location.file === 'api/.env' && f.ruleId !== 'BW-SECRET-ENV-001');
    assert.ok(secret, 'the password in the tracked .env is reported');
    assert.ok(!JSON.stringify(result.findings).includes('Xk9mQ2vL8pR4'), 'the value never appears unmasked');
  });

  it('does not read tracked files that --exclude leaves out, nor ignored files of other kinds', async () => {
    const dir = await repository('excluded', {
      '.gitignore': '.env\nbuild/\nnotes.txt\n',
      '.env': ENV,
      'notes.txt': 'password = "Xk9mQ2vL8pR4"\n',
    });
    git(dir, 'add', '.gitignore');
    git(dir, 'add', '-f', '.env', 'notes.txt');
    const excluded = await scan([dir], { exclude: ['.env'] });
    assert.equal(excluded.findings.filter((f) => f.location.file === '.env').length, 0);
    // Only env-like names are looked up in the index: an ignored notes file stays ignored, tracked or not.
    const plain = await scan([dir]);
    assert.deepEqual([...new Set(plain.findings.map((f) => f.location.file))], ['.env']);
  });
});
