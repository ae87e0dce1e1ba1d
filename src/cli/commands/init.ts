// `bulwark init`: writes a commented starter policy, bulwark.yaml. On a terminal it asks for the two values
// a team sets first (the --fail-on threshold and the KMS key encryption must use); `--yes` asks nothing. An
// existing policy is replaced only with --yes or when a person says so: without a terminal it is left as it
// is, and the command says so. In a git repository it then sets up the rest (init-repository.ts): the agent
// skills, the GitHub workflow, the pre-commit hook, the MCP client configuration and, offered, a Claude Code
// plugin manifest.

import { existsSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { SETUP_EXIT_CODES_HELP } from '../support/help.js';
import { usageError, type CliIo } from '../support/io.js';
import { FAIL_ON_CHOICES, type FailOn } from './scan.js';

interface InitOptions {
  yes?: boolean;
  failOn?: FailOn;
  kmsKeyArn?: string;
  skillsDir?: string;
  plugin?: boolean;
}

export function registerInitCommand(program: Command, io: CliIo): Command {
  return program
    .command('init')
    .description(
      'Set Bulwark up: a commented starter policy (bulwark.yaml) and, in a git repository, the agent skills, a GitHub workflow, a pre-commit hook and the MCP client configuration.',
    )
    .argument('[dir]', 'the folder to write the policy in (usually the repository top)', '.')
    .option('-y, --yes', 'ask nothing: take the defaults and the options given, and replace existing files')
    .addOption(new Option('--fail-on <severity>', 'the threshold scans fail at').choices(FAIL_ON_CHOICES))
    .option('--kms-key-arn <arn>', 'the KMS key encryption must use')
    .option('--skills-dir <dir>', 'where the agent skills go, inside the repository (default: .claude/skills at its top)')
    .option('--plugin', 'also write a Claude Code plugin manifest (.claude-plugin/plugin.json) without asking')
    .option('--no-plugin', 'never write the plugin manifest')
    .addHelpText(
      'after',
      `\nExamples:\n  bulwark init\n  bulwark init --yes --fail-on critical --kms-key-arn arn:aws:kms:eu-west-1:123456789012:key/abc\n  bulwark init --skills-dir .agents/skills --no-plugin\n${SETUP_EXIT_CODES_HELP}`,
    )
    .action(async (dir: string, options: InitOptions) => runInit(dir, options, io));
}

async function runInit(dir: string, options: InitOptions, io: CliIo): Promise<void> {
  const folder = resolve(io.cwd, dir);
  if (!existsSync(folder)) throw usageError(`folder not found: ${dir}`);
  const { findRepositoryTop } = await import('../../core/repository-top.js');
  const top = findRepositoryTop(folder);
  if (!top) io.stderr.write('Not in a git repository: writing only the policy (run bulwark init in a repository to set up the agent skills, CI, pre-commit and MCP too).\n');
  const { setUpRepository, skillsFolderIn } = await import('./init-repository.js');
  // A bad --skills-dir is a usage error before anything is written.
  const skillsDir = top ? skillsFolderIn(top, options.skillsDir ? resolve(io.cwd, options.skillsDir) : undefined) : undefined;
  if (top && skillsDir === undefined) throw usageError(`--skills-dir must be a folder inside the repository (${top})`);
  await writePolicy(folder, options, io);
  if (!top || skillsDir === undefined) return;
  try {
    await setUpRepository(top, { skillsDir, ...(options.yes ? { yes: true } : {}), ...(options.plugin !== undefined ? { plugin: options.plugin } : {}) }, io);
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

async function writePolicy(folder: string, options: InitOptions, io: CliIo): Promise<void> {
  const { POLICY_FILE_NAMES } = await import('../../policy/find.js');
  const existing = POLICY_FILE_NAMES.map((name) => join(folder, name)).find((path) => existsSync(path));
  const target = existing ?? join(folder, 'bulwark.yaml');
  const shown = relative(io.cwd, target) || target;
  const ask = options.yes ? undefined : io.ask;
  if (existing && !options.yes) {
    const replace = ask ? /^y(es)?$/i.test((await ask(`${shown} exists. Replace it? [y/N] `)).trim()) : false;
    if (!replace) {
      io.stderr.write(`${shown} exists and was left as it is${ask ? '' : ' (no terminal to ask; run with --yes to replace it)'}.\n`);
      return;
    }
  }
  let failOn = options.failOn;
  if (failOn === undefined && ask) failOn = await askFailOn(ask);
  let kmsKeyArn = options.kmsKeyArn;
  if (kmsKeyArn === undefined && ask) kmsKeyArn = (await ask('KMS key ARN that encryption must use (Enter to leave it out): ')).trim() || undefined;
  const { starterPolicy } = await import('../../policy/starter.js');
  const text = starterPolicy({ failOn: failOn ?? 'high', ...(kmsKeyArn ? { kmsKeyArn } : {}) });
  // The same policy again (init run twice with the same answers) is left untouched.
  if (existing && (await readFile(existing, 'utf8').catch(() => undefined)) === text) {
    io.stderr.write(`${shown} is already this policy.\n`);
    return;
  }
  // Only a regular file is replaced: never a symbolic link (not even a dangling one) or a device.
  const info = await lstat(target).catch(() => undefined);
  if (info && !info.isFile()) {
    io.stderr.write(`${shown} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'} and was left as it is.\n`);
    return;
  }
  const { writeFileSafely } = await import('../support/write-file.js');
  try {
    await writeFileSafely(target, text, shown);
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  io.stderr.write(`Wrote ${shown}. bulwark scan uses it from every folder below ${relative(io.cwd, folder) || '.'}; see docs/policy.md.\n`);
}

async function askFailOn(ask: (question: string) => Promise<string>): Promise<FailOn> {
  for (;;) {
    const answer = (await ask(`Fail the build on findings at or above (${FAIL_ON_CHOICES.join(', ')}) [high]: `)).trim().toLowerCase();
    if (answer === '') return 'high';
    if ((FAIL_ON_CHOICES as readonly string[]).includes(answer)) return answer as FailOn;
  }
}
