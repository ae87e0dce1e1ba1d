// The README's "Agent skills and `bulwark init`" examples work as written: its sh blocks run, in order, in
// an empty folder with `bulwark` on PATH (the project's own bin, as an installed package provides it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const HEADING = '## Agent skills and `bulwark init`';

function sectionCommands(): string[] {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${HEADING}\n`);
  assert.ok(start >= 0, 'the README has the section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('the README section on agent skills and bulwark init', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('runs its examples as written', { skip: spawnSync('git', ['--version']).status !== 0 ? 'git is not installed' : false }, () => {
    const blocks = sectionCommands();
    assert.equal(blocks.length, 3);
    const bin = mkdtempSync(join(tmpdir(), 'bulwark-readme-bin-'));
    const work = mkdtempSync(join(tmpdir(), 'bulwark-readme-'));
    dirs.push(bin, work);
    symlinkSync(join(repo, 'bin', 'bulwark.js'), join(bin, 'bulwark'));
    // One shell, so `cd demo` carries over as it does for a reader pasting the blocks one after another.
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
    const r = spawnSync('sh', ['-e', '-c', blocks.join('\n')], { cwd: work, env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const demo = join(work, 'demo');
    for (const file of ['bulwark.yaml', '.github/workflows/bulwark.yml', '.pre-commit-config.yaml', '.mcp.json', '.claude-plugin/plugin.json', '.claude/skills/threat-modeler/SKILL.md']) {
      assert.ok(existsSync(join(demo, file)), file);
    }
    assert.match(r.stderr, /Nothing to change in \.: the skills, workflow, pre-commit hook and MCP configuration are up to date\./);
    assert.match(r.stderr, /Skills in \.claude\/skills: 0 files written, \d+ unchanged\./);
    // The scan script printed the scan as JSON (the demo repository holds only what init wrote).
    const json = r.stdout.slice(r.stdout.indexOf('{'));
    assert.equal((JSON.parse(json) as { tool: { name: string } }).tool.name, 'bulwark');
  });
});
