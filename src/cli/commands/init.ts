// `bulwark init`: writes a commented starter policy, bulwark.yaml. On a terminal it asks for the two values
// a team sets first (the --fail-on threshold and the KMS key encryption must use); `--yes` asks nothing. An
// existing policy is replaced only with --yes or when a person says so: without a terminal it is left as it
// is, and the command says so.

import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { EXIT_CODES_HELP } from '../support/help.js';
import { usageError, type CliIo } from '../support/io.js';
import { FAIL_ON_CHOICES, type FailOn } from './scan.js';

interface InitOptions {
  yes?: boolean;
  failOn?: FailOn;
  kmsKeyArn?: string;
}

export function registerInitCommand(program: Command, io: CliIo): Command {
  return program
    .command('init')
    .description('Write a commented starter policy (bulwark.yaml): safe defaults, rule settings and the --fail-on threshold.')
    .argument('[dir]', 'the folder to write it in (usually the repository top)', '.')
    .option('-y, --yes', 'ask nothing: take the defaults and the options given, and replace an existing policy')
    .addOption(new Option('--fail-on <severity>', 'the threshold scans fail at').choices(FAIL_ON_CHOICES))
    .option('--kms-key-arn <arn>', 'the KMS key encryption must use')
    .addHelpText('after', `\nExamples:\n  bulwark init\n  bulwark init --yes --fail-on critical --kms-key-arn arn:aws:kms:eu-west-1:123456789012:key/abc\n${EXIT_CODES_HELP}`)
    .action(async (dir: string, options: InitOptions) => runInit(dir, options, io));
}

async function runInit(dir: string, options: InitOptions, io: CliIo): Promise<void> {
  const folder = resolve(io.cwd, dir);
  if (!existsSync(folder)) throw usageError(`folder not found: ${dir}`);
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
  const { writeFileSafely } = await import('../support/write-file.js');
  try {
    await writeFileSafely(target, starterPolicy({ failOn: failOn ?? 'high', ...(kmsKeyArn ? { kmsKeyArn } : {}) }), shown);
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
