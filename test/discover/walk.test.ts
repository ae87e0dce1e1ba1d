import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { commonAncestor, discover, PathNotFoundError } from '../../src/discover/walk.js';

let base: string;

before(async () => {
  // realpath: macOS-style /tmp symlinks would otherwise make roots differ from what we compare against.
  base = await realpath(await mkdtemp(join(tmpdir(), 'bulwark-discover-')));
});
after(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Creates a directory tree from `{ 'a/b.tf': 'text' }`. */
async function tree(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(base, name);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  await mkdir(dir, { recursive: true });
  return dir;
}

const rels = (result: { files: { rel: string }[] }) => result.files.map((f) => f.rel);

describe('discover', () => {
  it('returns only Terraform files, sorted, with POSIX relative paths and sizes', async () => {
    const dir = await tree('basic', {
      'main.tf': 'resource "aws_s3_bucket" "b" {}\n',
      'b/variables.tf': 'variable "x" {}\n',
      'a/terraform.tfvars': 'x = 1\n',
      'a/override.tf.json': '{}',
      'a/prod.tfvars.json': '{}',
      'README.md': '# readme',
      'scripts/deploy.sh': 'echo',
      'main.tf.bak': 'old',
    });
    const result = await discover([dir]);
    assert.equal(result.root, dir);
    assert.deepEqual(rels(result), ['a/override.tf.json', 'a/prod.tfvars.json', 'a/terraform.tfvars', 'b/variables.tf', 'main.tf']);
    const main = result.files.find((f) => f.rel === 'main.tf')!;
    assert.equal(main.abs, join(dir, 'main.tf'));
    assert.equal(main.size, Buffer.byteLength('resource "aws_s3_bucket" "b" {}\n'));
  });

  it('always skips .git, .terraform and node_modules', async () => {
    const dir = await tree('skipped', {
      'main.tf': '',
      '.terraform/modules/vpc/main.tf': '',
      'node_modules/pkg/main.tf': '',
      '.git/hooks/x.tf': '',
      'nested/.terraform/providers/p.tf': '',
    });
    assert.deepEqual(rels(await discover([dir])), ['main.tf']);
  });

  it('honours nested .gitignore files, including negation of an outer rule', async () => {
    const dir = await tree('gitignore', {
      '.gitignore': '*.tfvars\ngenerated/\n',
      'main.tf': '',
      'secrets.tfvars': '',
      'generated/out.tf': '',
      'env/.gitignore': '!example.tfvars\n',
      'env/example.tfvars': '',
      'env/prod.tfvars': '',
      'env/main.tf': '',
      'modules/.gitignore': 'legacy.tf\n',
      'modules/legacy.tf': '',
      'modules/current.tf': '',
      'other/legacy.tf': '',
    });
    assert.deepEqual(rels(await discover([dir])), ['env/example.tfvars', 'env/main.tf', 'main.tf', 'modules/current.tf', 'other/legacy.tf']);
  });

  it('honours .bulwarkignore and --exclude patterns; excludes win over negations', async () => {
    const dir = await tree('excludes', {
      '.bulwarkignore': 'fixtures/\n',
      '.gitignore': '!examples/keep.tf\n',
      'main.tf': '',
      'fixtures/bad.tf': '',
      'examples/keep.tf': '',
      'examples/demo.tf': '',
      'stacks/prod/main.tf': '',
      'stacks/dev/main.tf': '',
    });
    const result = await discover([dir], { exclude: ['examples/', 'stacks/dev'] });
    assert.deepEqual(rels(result), ['main.tf', 'stacks/prod/main.tf']);
    assert.deepEqual(rels(await discover([dir], { exclude: ['**/main.tf'] })), ['examples/demo.tf', 'examples/keep.tf']);
  });

  it('follows symlinks that stay inside the root and skips ones that escape it', async () => {
    const outside = await tree('outside', { 'secret.tf': '', 'deep/other.tf': '' });
    const dir = await tree('links', { 'main.tf': '', 'modules/net/net.tf': '' });
    await symlink(join(outside, 'secret.tf'), join(dir, 'escape.tf'));
    await symlink(outside, join(dir, 'escape-dir'));
    await symlink(join(dir, 'modules', 'net'), join(dir, 'net-link'));
    await mkdir(join(dir, 'shared'));
    await symlink(join(dir, 'main.tf'), join(dir, 'shared', 'alias.tf'));
    await symlink(join(dir, 'missing.tf'), join(dir, 'broken.tf'));
    const result = await discover([dir]);
    // net-link and alias.tf point at files already found through their real paths, so they add nothing.
    assert.deepEqual(rels(result), ['main.tf', 'modules/net/net.tf']);
  });

  it('walks a linked directory inside the root when nothing else reaches it', async () => {
    const dir = await tree('linked-ignored', { '.gitignore': 'vendor/\n', 'vendor/mod/mod.tf': '', 'main.tf': '' });
    await symlink(join(dir, 'vendor', 'mod'), join(dir, 'mod'));
    assert.deepEqual(rels(await discover([dir])), ['main.tf', 'mod/mod.tf']);
  });

  it('does not loop on symlink cycles', async () => {
    const dir = await tree('loop', { 'a/main.tf': '' });
    await symlink(dir, join(dir, 'a', 'back-to-root'));
    await symlink(join(dir, 'a'), join(dir, 'a', 'self'));
    await symlink(join(dir, 'b'), join(dir, 'c'));
    await symlink(join(dir, 'c'), join(dir, 'b'));
    assert.deepEqual(rels(await discover([dir])), ['a/main.tf']);
  });

  it('includes explicitly named files even when ignored or of another type, rooted at their directory', async () => {
    const dir = await tree('explicit', { '.gitignore': 'ignored.tf\n', 'ignored.tf': '', 'main.tf': '', 'notes.hcl': '' });
    const single = await discover([join(dir, 'ignored.tf')]);
    assert.equal(single.root, dir);
    assert.deepEqual(rels(single), ['ignored.tf']);
    assert.deepEqual(rels(await discover([join(dir, 'notes.hcl'), join(dir, 'main.tf')])), ['main.tf', 'notes.hcl']);
  });

  it('roots several paths at their deepest common ancestor and does not list a file twice', async () => {
    const dir = await tree('multi', { 'stacks/a/main.tf': '', 'stacks/b/main.tf': '', 'stacks/b/extra/x.tf': '', 'other/o.tf': '' });
    const result = await discover([join(dir, 'stacks', 'a'), join(dir, 'stacks', 'b'), join(dir, 'stacks', 'b', 'main.tf')]);
    assert.equal(result.root, join(dir, 'stacks'));
    assert.deepEqual(rels(result), ['a/main.tf', 'b/extra/x.tf', 'b/main.tf']);
  });

  it('applies ignore files above a named sub-directory, but scans a named directory that is itself ignored', async () => {
    const dir = await tree('named-sub', { '.git/HEAD': '', '.gitignore': 'old.tf\nbuild/\n', 'infra/old.tf': '', 'infra/main.tf': '', 'build/gen.tf': '' });
    assert.deepEqual(rels(await discover([join(dir, 'infra')])), ['main.tf']);
    assert.deepEqual(rels(await discover([join(dir, 'build')])), ['gen.tf']);
  });

  it('throws PathNotFoundError for a missing path', async () => {
    await assert.rejects(discover([join(base, 'does-not-exist')]), PathNotFoundError);
  });

  it('uses the given extension set', async () => {
    const dir = await tree('extensions', { 'main.tf': '', 'stack.yaml': '' });
    assert.deepEqual(rels(await discover([dir], { extensions: ['.yaml'] })), ['stack.yaml']);
  });
});

describe('commonAncestor', () => {
  it('finds the deepest shared directory', () => {
    assert.equal(commonAncestor(['/a/b/c', '/a/b/d/e']), '/a/b');
    assert.equal(commonAncestor(['/a/b', '/a/b/c']), '/a/b');
    assert.equal(commonAncestor(['/a/bc', '/a/b']), '/a');
    assert.equal(commonAncestor(['/x', '/y']), '/');
  });
});
