// The pre-commit hooks in .pre-commit-hooks.yaml, run the way pre-commit runs them: in a temporary git
// repository, the staged files (`git diff --cached --name-only`) filtered by the hook's `files`, `exclude`
// and `types`, passed to its entry, with the package's `bulwark` bin standing for the installed command.
// When pre-commit itself is installed, `pre-commit try-repo` also runs the hook from a temporary clone.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/terraform/', import.meta.url));
const bin = join(repo, 'bin', 'bulwark.js');

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  exclude?: string;
  types?: string[];
  require_serial?: boolean;
}

const hooks = parse(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string): Hook => {
  const found = hooks.find((h) => h.id === id);
  assert.ok(found, `no hook ${id}`);
  return found;
};

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const hasGit = spawnSync('git', ['--version']).status === 0;
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// Built from pieces so that no secret scanner flags this test file itself.
const TOKEN = ['ghp', 'R8fK2mQ7xVb3NcW9pL4tZ6yH1sD5gJ0aE2uT'].join('_');

/**
 * A repository with staged: a Terraform module open to the internet (critical), a secured one, a README, a
 * lock file and a Python file with a token; and a bad Terraform file left unstaged, which no hook may read.
 */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-pre-commit-'));
  made.push(dir);
  git(dir, 'init', '-q');
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  mkdirSync(join(dir, 'infra/network'), { recursive: true });
  mkdirSync(join(dir, 'infra/storage'), { recursive: true });
  copyFileSync(join(fixtures, 'network.tf'), join(dir, 'infra/network/main.tf'));
  copyFileSync(join(fixtures, 'storage.tf'), join(dir, 'infra/storage/main.tf'));
  put('README.md', '# Infrastructure\n\nTerraform for the web tier and the artifact bucket.\n');
  put('package-lock.json', '{ "name": "infra", "lockfileVersion": 3, "packages": {} }\n');
  put('app/settings.py', `import os\n\nGITHUB_TOKEN = "${TOKEN}"\n`);
  git(dir, 'add', '.');
  copyFileSync(join(fixtures, 'network.tf'), join(dir, 'infra/draft.tf'));
  return dir;
}

/** The staged files pre-commit would pass to the hook (re.search semantics for files and exclude). */
function filesFor(h: Hook, dir: string): string[] {
  const staged = git(dir, 'diff', '--cached', '--name-only', '--diff-filter=ACMR').split('\n').filter(Boolean);
  const files = new RegExp(h.files ?? '');
  const exclude = h.exclude ? new RegExp(h.exclude) : undefined;
  // types: [text] is decided by content: no NUL byte at the start of the file.
  const isText = (path: string) => !readFileSync(join(dir, path)).subarray(0, 1024).includes(0);
  return staged.filter((f) => files.test(f) && !exclude?.test(f) && (!h.types?.includes('text') || isText(f)));
}

/** The hook's entry with the files appended; its leading `bulwark` is the package's bin. */
function runEntry(h: Hook, dir: string, files: string[], extraArgs: string[] = []) {
  const [command, ...args] = h.entry.split(/\s+/);
  assert.equal(command, 'bulwark');
  return spawnSync(process.execPath, [bin, ...args, ...extraArgs, ...files], { cwd: dir, encoding: 'utf8', env: GIT_ENV });
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares the bulwark and bulwark-secrets hooks, installed as the Node package whose bin they call', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['bulwark', 'bulwark-secrets']);
    const packageJson = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    for (const h of hooks) {
      assert.ok(h.name && h.entry, `${h.id}: name and entry are required`);
      assert.equal(h.language, 'node');
      assert.equal(h.require_serial, true, `${h.id}: one run sees all of a module's staged files`);
      assert.ok(h.entry.split(' ')[0]! in packageJson.bin, `${h.id}: ${h.entry} is not a bin of the package`);
      // The patterns are Python regular expressions; these use only syntax that JavaScript reads the same way.
      for (const pattern of [h.files, h.exclude]) if (pattern) assert.doesNotMatch(pattern, /\(\?[a-zA-Z]|\(\?P|\\[AZ]/);
    }
  });

  it('bulwark passes only staged IaC files', () => {
    const files = (paths: string[]) => paths.filter((p) => new RegExp(hook('bulwark').files!).test(p) && !new RegExp(hook('bulwark').exclude!).test(p));
    assert.deepEqual(
      files(['main.tf', 'env/prod.tfvars', 'stack.tf.json', 'k8s/deploy.yaml', 'compose.yml', 'Dockerfile', 'api/Dockerfile.prod', 'web/containerfile', 'x.dockerfile', '.env', 'svc/.env.local', 'manifest.json']),
      ['main.tf', 'env/prod.tfvars', 'stack.tf.json', 'k8s/deploy.yaml', 'compose.yml', 'Dockerfile', 'api/Dockerfile.prod', 'web/containerfile', 'x.dockerfile', '.env', 'svc/.env.local', 'manifest.json'],
    );
    assert.deepEqual(files(['README.md', 'app/main.py', 'main.tf.bak', 'my.environment', 'package-lock.json', 'web/pnpm-lock.yaml', 'notDockerfile']), []);
  });

  it('bulwark fails the commit on the staged bad Terraform file, reading neither unstaged nor non-IaC files', { skip: !hasGit && 'git is not installed' }, () => {
    const dir = repository();
    const files = filesFor(hook('bulwark'), dir);
    assert.deepEqual(files, ['infra/network/main.tf', 'infra/storage/main.tf']);
    const r = runEntry(hook('bulwark'), dir, files);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /BW-AWS-VPC-001 {2}Security group open to the internet on every port\n {2}aws_security_group\.web at infra\/network\/main\.tf:/);
    assert.doesNotMatch(r.stdout, /draft\.tf|settings\.py/);
    // --quiet: findings only, no summary.
    assert.doesNotMatch(r.stdout, /Coverage|Nothing was checked/);
    // With the bad file unstaged, the good one passes (its findings are below high).
    git(dir, 'rm', '-q', '--cached', 'infra/network/main.tf');
    const clean = runEntry(hook('bulwark'), dir, filesFor(hook('bulwark'), dir));
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  });

  it('bulwark follows args like --fail-on, given after the entry', { skip: !hasGit && 'git is not installed' }, () => {
    const dir = repository();
    git(dir, 'rm', '-q', '--cached', 'infra/network/main.tf');
    const strict = runEntry(hook('bulwark'), dir, filesFor(hook('bulwark'), dir), ['--fail-on', 'medium']);
    assert.equal(strict.status, 1, 'the secured bucket still has a medium finding (no customer managed key)');
    assert.match(strict.stdout, /BW-AWS-S3-011/);
  });

  it('bulwark-secrets also searches the other staged text files, and finds the token', { skip: !hasGit && 'git is not installed' }, () => {
    const dir = repository();
    git(dir, 'rm', '-q', '--cached', 'infra/network/main.tf');
    const files = filesFor(hook('bulwark-secrets'), dir);
    assert.deepEqual(files, ['README.md', 'app/settings.py', 'infra/storage/main.tf']);
    const r = runEntry(hook('bulwark-secrets'), dir, files);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /BW-SECRET-TOKEN-001 {2}Service token committed\n {2}app\/settings\.py:3:/);
    assert.doesNotMatch(r.stdout, new RegExp(TOKEN), 'the token is masked');
  });
});

const preCommit = spawnSync('python3', ['-m', 'pre_commit', '--version'], { encoding: 'utf8' });
const NO_PRE_COMMIT = preCommit.status !== 0 ? 'pre-commit is not installed (python3 -m pre_commit); this test does not install it' : false;
// pre-commit installs a node hook repository with `npm install -g git+file://<clone>`: npm runs the clone's
// `prepare` script (not `prepack`) with a global install's settings, so dist/ is not built and the installed
// bin has nothing to run. Until the package builds (or ships) dist/ that way, this test is expected to fail.
const NOT_INSTALLABLE = 'pre-commit cannot install the hook repository yet: dist/ is not built by `npm install -g git+file://…`';

describe('pre-commit try-repo', { skip: NO_PRE_COMMIT || (!hasGit && 'git is not installed') }, () => {
  it('runs the bulwark hook from a clone of this repository on the staged files', { todo: NOT_INSTALLABLE }, () => {
    const clone = mkdtempSync(join(tmpdir(), 'bulwark-hook-repo-'));
    const home = mkdtempSync(join(tmpdir(), 'bulwark-pre-commit-home-'));
    made.push(clone, home);
    const listed = git(repo, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0');
    for (const file of listed.filter((f) => f && !/^(test|eval)\//.test(f))) {
      try {
        mkdirSync(dirname(join(clone, file)), { recursive: true });
        copyFileSync(join(repo, file), join(clone, file));
      } catch {
        // deleted in the working tree
      }
    }
    git(clone, 'init', '-q');
    git(clone, 'add', '.');
    git(clone, 'commit', '-q', '-m', 'hook repository');
    const dir = repository();
    const env = { ...GIT_ENV, PRE_COMMIT_HOME: home, npm_config_prefer_offline: 'true' };
    const r = spawnSync('python3', ['-m', 'pre_commit', 'try-repo', clone, 'bulwark'], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /BW-AWS-VPC-001/);
    assert.doesNotMatch(r.stdout, /draft\.tf/);
  });
});
