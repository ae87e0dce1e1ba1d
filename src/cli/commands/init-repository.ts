// `bulwark init` in a repository: sets up the agent skills, the GitHub workflow, the pre-commit hook, the MCP
// client configuration and (offered) a Claude Code plugin manifest. Nothing that exists is replaced without
// a yes (a person's, or --yes); without a terminal nothing is replaced and the command lists what it skipped.
// A file already as it should be is not touched, so running init again changes nothing.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { buildSkills, SKILL_NAMES } from '../../skills/build.js';
import type { CliIo } from '../support/io.js';
import { MCP_PATH, mcpText, type Merged, PLUGIN_PATH, pluginText, PRE_COMMIT_PATH, preCommitText, WORKFLOW_PATH, workflowText } from './init-files.js';
import { type Existing, inspect, isSame, writeSetupFile } from './init-safe-write.js';

export interface RepositorySetupOptions {
  yes?: boolean;
  /** The skills folder, relative to the top (POSIX; see skillsFolderIn). */
  skillsDir: string;
  /** true: write the plugin manifest; false: never; undefined: offer it. */
  plugin?: boolean;
}

interface Planned {
  path: string;
  text: string;
  executable: boolean;
  existing: Existing;
}

class Setup {
  readonly written: string[] = [];
  readonly unchanged: string[] = [];
  readonly skipped: string[] = [];
  readonly refused: string[] = [];
  readonly notes: string[] = [];

  constructor(
    readonly top: string,
    readonly io: CliIo,
    readonly yes: boolean,
  ) {}

  /** true: yes (--yes or a person); false: a person said no; undefined: no one to ask. */
  async confirm(question: string): Promise<boolean | undefined> {
    if (this.yes) return true;
    const ask = this.io.ask;
    return ask ? /^y(es)?$/i.test((await ask(`${question} [y/N] `)).trim()) : undefined;
  }

  async plan(path: string, text: string, executable = false): Promise<Planned> {
    return { path, text, executable, existing: await inspect(this.top, path) };
  }

  /**
   * Writes the files that are new, and asks once about those that differ: `what` names the new content in the
   * question, or `question` replaces it.
   */
  async apply(files: readonly Planned[], what: string, question?: string): Promise<void> {
    const differing: Planned[] = [];
    for (const file of files) {
      if (file.existing.state === 'refused') this.refused.push(`${file.path} (${file.existing.reason})`);
      else if (isSame(file.existing, file.text, file.executable)) this.unchanged.push(file.path);
      else if (file.existing.state === 'absent') await this.write(file);
      else differing.push(file);
    }
    if (!differing.length) return;
    const one = differing.length === 1;
    const answer = await this.confirm(
      question ?? (one ? `${differing[0]!.path} exists and differs from ${what}. Replace it?` : `${differing.length} files of ${what} exist and differ. Replace them?`),
    );
    for (const file of differing) {
      if (answer) await this.write(file);
      else this.skipped.push(file.path);
    }
  }

  /** A file merged into an existing one (pre-commit, MCP): asks before changing an existing file. */
  async applyMerged(path: string, merge: (existing: string | undefined) => Merged, addition: string): Promise<void> {
    const existing = await inspect(this.top, path);
    if (existing.state === 'refused') return void this.refused.push(`${path} (${existing.reason})`);
    const merged = merge(existing.state === 'file' ? existing.text : undefined);
    if ('refused' in merged) return void this.refused.push(`${path} (${merged.refused})`);
    await this.apply([{ path, text: merged.text, executable: false, existing }], path, `Add ${addition} to ${path} (the rest stays as it is)?`);
  }

  private async write(file: Planned): Promise<void> {
    await writeSetupFile(this.top, file.path, file.text, file.executable);
    this.written.push(file.path);
  }
}

export async function setUpRepository(top: string, options: RepositorySetupOptions, io: CliIo): Promise<void> {
  const setup = new Setup(top, io, options.yes === true);
  const { skillsDir } = options;

  const skills = await Promise.all(buildSkills().map((f) => setup.plan(`${skillsDir}/${f.path}`, f.text, f.executable)));
  await setup.apply(skills, `this version's agent skills (${skillsDir})`);
  await setup.apply([await setup.plan(WORKFLOW_PATH, workflowText())], 'the Bulwark workflow');
  await setup.applyMerged(PRE_COMMIT_PATH, preCommitText, 'the Bulwark hook');
  await setup.applyMerged(MCP_PATH, mcpText, 'the Bulwark MCP server');
  await offerPlugin(setup, options.plugin, SKILL_NAMES.map((name) => `${skillsDir}/${name}`));
  report(setup, top, skillsDir, io);
}

async function offerPlugin(setup: Setup, wanted: boolean | undefined, skillDirs: string[]): Promise<void> {
  if (wanted === false) return;
  const plugin = await setup.plan(PLUGIN_PATH, pluginText(skillDirs));
  if (plugin.existing.state === 'absent' && wanted !== true) {
    const answer = await setup.confirm(`Also write a Claude Code plugin manifest (${PLUGIN_PATH}), so the skills and the MCP server install as one plugin?`);
    if (!answer) {
      if (answer === undefined) setup.notes.push(`Not written: ${PLUGIN_PATH}, a Claude Code plugin manifest (add --plugin to write it).`);
      return;
    }
  }
  await setup.apply([plugin], 'the Bulwark plugin manifest');
}

function report(setup: Setup, top: string, skillsDir: string, io: CliIo): void {
  const where = relative(io.cwd, top) || '.';
  const skillsWritten = setup.written.filter((p) => p.startsWith(`${skillsDir}/`));
  const lines: string[] = [];
  if (skillsWritten.length) lines.push(`Wrote the agent skills (${skillsWritten.length} files) in ${skillsDir}.`);
  for (const path of setup.written) if (!skillsWritten.includes(path)) lines.push(`Wrote ${path}.`);
  if (!setup.written.length && !setup.skipped.length && !setup.refused.length) {
    lines.push(`Nothing to change in ${where}: the skills, workflow, pre-commit hook and MCP configuration are up to date.`);
  }
  for (const item of setup.refused) lines.push(`Left alone: ${item}.`);
  if (setup.skipped.length) {
    const why = io.ask && !setup.yes ? '' : ' (no terminal to ask; run with --yes to replace them)';
    lines.push(`Kept as they are${why}: ${setup.skipped.join(', ')}.`);
  }
  lines.push(...setup.notes);
  io.stderr.write(lines.map((l) => `${l}\n`).join(''));
}

/** The skills folder (absolute; default .claude/skills) as a POSIX path relative to `top`; undefined when it is not inside it. */
export function skillsFolderIn(top: string, dir = resolve(top, '.claude', 'skills')): string | undefined {
  const rel = relative(top, dir);
  if (rel === '' || rel.split(sep)[0] === '..' || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
