// `bulwark init` in a git repository: it creates every set-up file (skills, policy, workflow, pre-commit hook,
// MCP configuration, and the plugin manifest when asked for), a second run changes nothing, an existing
// different file is replaced only with a yes, and links are never written through.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { buildSkills } from '../../src/skills/build.js';
import { runCli } from '../helpers/cli.js';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new, empty git repository. */
function emptyRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-init-repo-'));
  made.push(dir);
  const git = spawnSync('git', ['init', '-q', dir]);
  if (git.status !== 0) mkdirSync(join(dir, '.git'));
  return dir;
}

/** Every file below `dir` (outside .git) with its bytes and mode. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), `${(statSync(path).mode & 0o777).toString(8)} ${readFileSync(path, 'base64')}`);
    }
  };
  walk(dir);
  return files;
}

const SET_UP = ['bulwark.yaml', '.github/workflows/bulwark.yml', '.pre-commit-config.yaml', '.mcp.json'];

describe('bulwark init in a repository', () => {
  it('creates every file in an empty repository, and running it again changes nothing', async () => {
    const repo = emptyRepository();
    const first = await runCli(repo, ['init', '--yes']);
    assert.equal(first.code, 0, first.err);
    for (const file of [...SET_UP, '.claude-plugin/plugin.json']) assert.ok(existsSync(join(repo, file)), file);
    for (const skill of buildSkills()) {
      const path = join(repo, '.claude/skills', skill.path);
      assert.equal(readFileSync(path, 'utf8'), skill.text, skill.path);
      if (skill.executable) assert.ok((statSync(path).mode & 0o111) !== 0, `${skill.path} is executable`);
    }

    const workflow = parse(readFileSync(join(repo, '.github/workflows/bulwark.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: { scan: { steps: { uses?: string; run?: string; if?: string; with?: Record<string, unknown> }[] } };
    };
    assert.deepEqual(Object.keys(workflow.on), ['pull_request']);
    assert.equal(workflow.permissions['security-events'], 'write');
    const steps = workflow.jobs.scan.steps;
    assert.match(steps[0]!.uses!, /^actions\/checkout@/);
    assert.ok(steps.some((s) => /^npm install --global bulwark@/.test(s.run ?? '')));
    assert.ok(steps.some((s) => s.run === 'bulwark scan . --fail-on critical --format sarif --output bulwark.sarif'));
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.if, 'always()');
    assert.equal(upload?.with?.sarif_file, 'bulwark.sarif');

    assert.deepEqual(JSON.parse(readFileSync(join(repo, '.mcp.json'), 'utf8')), { mcpServers: { bulwark: { command: 'bulwark', args: ['mcp', '--root', '.'] } } });
    const hooks = (parse(readFileSync(join(repo, '.pre-commit-config.yaml'), 'utf8')) as { repos: { repo: string; hooks: { id: string; entry: string }[] }[] }).repos;
    assert.deepEqual(hooks.map((r) => [r.repo, r.hooks[0]!.id, r.hooks[0]!.entry]), [['local', 'bulwark', 'bulwark scan --quiet']]);
    const plugin = JSON.parse(readFileSync(join(repo, '.claude-plugin/plugin.json'), 'utf8')) as { name: string; skills: string[]; mcpServers: string };
    assert.equal(plugin.name, 'bulwark');
    assert.deepEqual(plugin.skills, ['./.claude/skills/threat-modeler', './.claude/skills/iac-security-auditor']);
    for (const dir of plugin.skills) assert.ok(existsSync(join(repo, dir, 'SKILL.md')));
    assert.equal(plugin.mcpServers, './.mcp.json');

    const before = snapshot(repo);
    for (const argv of [['init', '--yes'], ['init']]) {
      const again = await runCli(repo, argv);
      assert.equal(again.code, 0, again.err);
      assert.match(again.err, /Nothing to change in \.: the skills, workflow, pre-commit hook and MCP configuration are up to date\./);
      assert.deepEqual(snapshot(repo), before, `${argv.join(' ')} changed nothing`);
    }
  });

  it('without a terminal writes what is new, offers the plugin manifest, and never replaces a different file', async () => {
    const repo = emptyRepository();
    mkdirSync(join(repo, '.github/workflows'), { recursive: true });
    writeFileSync(join(repo, '.github/workflows/bulwark.yml'), 'name: ours\n');
    const r = await runCli(repo, ['init']);
    assert.equal(r.code, 0, r.err);
    assert.equal(readFileSync(join(repo, '.github/workflows/bulwark.yml'), 'utf8'), 'name: ours\n');
    assert.match(r.err, /Kept as they are \(no terminal to ask; run with --yes to replace them\): \.github\/workflows\/bulwark\.yml\./);
    assert.match(r.err, /Not written: \.claude-plugin\/plugin\.json, a Claude Code plugin manifest \(add --plugin to write it\)\./);
    assert.ok(!existsSync(join(repo, '.claude-plugin')));
    for (const file of ['bulwark.yaml', '.pre-commit-config.yaml', '.mcp.json', '.claude/skills/threat-modeler/SKILL.md']) assert.ok(existsSync(join(repo, file)), file);

    const declined = await runCli(repo, ['init'], { answers: ['n', 'n', 'n'] });
    assert.match(declined.err, /\.github\/workflows\/bulwark\.yml exists and differs from the Bulwark workflow\. Replace it\? \[y\/N\] /);
    assert.match(declined.err, /Kept as they are: \.github\/workflows\/bulwark\.yml\./);
    assert.equal(readFileSync(join(repo, '.github/workflows/bulwark.yml'), 'utf8'), 'name: ours\n');

    // A person says yes to the workflow and to the plugin (the policy question comes first).
    const accepted = await runCli(repo, ['init'], { answers: ['n', 'y', 'y'] });
    assert.match(accepted.err, /Wrote \.github\/workflows\/bulwark\.yml\./);
    assert.match(accepted.err, /Wrote \.claude-plugin\/plugin\.json\./);
    assert.match(readFileSync(join(repo, '.github/workflows/bulwark.yml'), 'utf8'), /upload-sarif/);
  });

  it('adds its hook and MCP server to existing files, keeping what they hold', async () => {
    const repo = emptyRepository();
    const preCommit = '# our hooks\nrepos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v4.6.0\n    hooks:\n      - id: trailing-whitespace # keep\n';
    writeFileSync(join(repo, '.pre-commit-config.yaml'), preCommit);
    writeFileSync(join(repo, '.mcp.json'), JSON.stringify({ mcpServers: { other: { command: 'other-server' } } }));
    const r = await runCli(repo, ['init', '--yes', '--no-plugin']);
    assert.equal(r.code, 0, r.err);
    const merged = readFileSync(join(repo, '.pre-commit-config.yaml'), 'utf8');
    assert.ok(merged.startsWith(preCommit), 'the existing text and comments are kept');
    assert.deepEqual((parse(merged) as { repos: { hooks: { id: string }[] }[] }).repos.map((x) => x.hooks[0]!.id), ['trailing-whitespace', 'bulwark']);
    assert.deepEqual(Object.keys((JSON.parse(readFileSync(join(repo, '.mcp.json'), 'utf8')) as { mcpServers: object }).mcpServers), ['other', 'bulwark']);
    assert.ok(!existsSync(join(repo, '.claude-plugin')), '--no-plugin writes no manifest');
    const before = snapshot(repo);
    await runCli(repo, ['init', '--yes', '--no-plugin']);
    assert.deepEqual(snapshot(repo), before, 'merging again adds nothing');
  });

  it('asks a person before adding to an existing pre-commit or MCP file', async () => {
    const repo = emptyRepository();
    writeFileSync(join(repo, '.pre-commit-config.yaml'), 'repos: []\n');
    writeFileSync(join(repo, '.mcp.json'), '{"mcpServers":{}}');
    // Answers: the threshold and the KMS key (Enter for both), then no to the hook, yes to MCP, no to the plugin.
    const r = await runCli(repo, ['init'], { answers: ['', '', 'n', 'y', 'n'] });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Add the Bulwark hook to \.pre-commit-config\.yaml \(the rest stays as it is\)\? \[y\/N\] /);
    assert.match(r.err, /Add the Bulwark MCP server to \.mcp\.json \(the rest stays as it is\)\? \[y\/N\] /);
    assert.equal(readFileSync(join(repo, '.pre-commit-config.yaml'), 'utf8'), 'repos: []\n');
    assert.match(r.err, /Kept as they are: \.pre-commit-config\.yaml\./);
    assert.ok('bulwark' in (JSON.parse(readFileSync(join(repo, '.mcp.json'), 'utf8')) as { mcpServers: object }).mcpServers);
    assert.ok(!existsSync(join(repo, '.claude-plugin')));
  });

  it('never writes through a symbolic link, and puts the skills where --skills-dir says', async () => {
    const repo = emptyRepository();
    const outside = mkdtempSync(join(tmpdir(), 'bulwark-init-outside-'));
    made.push(outside);
    writeFileSync(join(outside, 'target.json'), '{}\n');
    symlinkSync(join(outside, 'target.json'), join(repo, '.mcp.json'));
    symlinkSync(outside, join(repo, '.github'));
    const r = await runCli(repo, ['init', '--yes', '--skills-dir', 'tools/agent-skills']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Left alone: \.mcp\.json \(it is a symbolic link\)\./);
    assert.match(r.err, /Left alone: \.github\/workflows\/bulwark\.yml \(\.github is a symbolic link\)\./);
    assert.equal(readFileSync(join(outside, 'target.json'), 'utf8'), '{}\n');
    assert.deepEqual(readdirSync(outside), ['target.json']);
    assert.ok(existsSync(join(repo, 'tools/agent-skills/iac-security-auditor/SKILL.md')));
    assert.deepEqual((JSON.parse(readFileSync(join(repo, '.claude-plugin/plugin.json'), 'utf8')) as { skills: string[] }).skills, ['./tools/agent-skills/threat-modeler', './tools/agent-skills/iac-security-auditor']);
  });

  it('refuses a skills folder outside the repository before writing anything', async () => {
    const repo = emptyRepository();
    const r = await runCli(repo, ['init', '--yes', '--skills-dir', '../elsewhere']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--skills-dir must be a folder inside the repository/);
    assert.deepEqual(readdirSync(repo), ['.git']);
  });

  it('outside a repository writes only the policy, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-init-plain-'));
    made.push(dir);
    const r = await runCli(dir, ['init']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /^Not in a git repository: writing only the policy/);
    assert.deepEqual(readdirSync(dir), ['bulwark.yaml']);
  });
});
