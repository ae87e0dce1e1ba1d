// The `bulwark` command line: a thin shell over the library. Each command lives in ./commands/ and
// registers itself with `register<Name>Command(program, io)`; add a command with one line below.

import { realpathSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { registerBaselineCommand } from './commands/baseline.js';
import { registerFixCommand } from './commands/fix.js';
import { registerInitCommand } from './commands/init.js';
import { registerMcpCommand } from './commands/mcp.js';
import { registerModelCommand } from './commands/model.js';
import { registerRulesCommand } from './commands/rules.js';
import { registerScanCommand } from './commands/scan.js';
import { registerSkillsCommand } from './commands/skills.js';
import { registerWatchCommand } from './commands/watch.js';
import { EXIT_CODES_HELP } from './support/help.js';
import { CliExit, ExitCode, processIo, type CliIo } from './support/io.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('bulwark')
    .description('Security as part of design: IaC security auditing and STRIDE threat modelling, offline and deterministic.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    // Settings below are inherited by every command created afterwards.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);

  registerScanCommand(program, io);
  registerRulesCommand(program, io);
  registerModelCommand(program, io);
  registerInitCommand(program, io);
  registerBaselineCommand(program, io);
  registerFixCommand(program, io);
  registerSkillsCommand(program, io);
  registerMcpCommand(program, io);
  registerWatchCommand(program, io);
  return program;
}

/** Runs the CLI with `argv` (arguments after the program name) and returns the exit code; never throws. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  return runProgram(buildProgram(io), argv, io);
}

/** Runs an already built program (e.g. one extended by an embedding tool) with the CLI's exit-code mapping. */
export async function runProgram(program: Command, argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.Ok;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CliExit) {
    if (error.message) io.stderr.write(`bulwark: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and --version end normally.
    return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
  }
  if (isPathNotFound(error)) {
    io.stderr.write(`bulwark: ${error.message}\n`);
    return ExitCode.Usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`bulwark: internal error: ${message}\n`);
  if (io.env.BULWARK_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write('Set BULWARK_DEBUG=1 for details, and please report this bug.\n');
  return ExitCode.Internal;
}

/**
 * discover's PathNotFoundError, recognised by its documented code so start-up need not load the discovery
 * module (and its ignore-file parser) just to be able to name this error.
 */
function isPathNotFound(error: unknown): error is Error {
  return error instanceof Error && (error as { code?: unknown }).code === 'BULWARK_PATH_NOT_FOUND';
}

/** True when this module is the program being run (bin/bulwark.js or `node src/cli/main.ts`), not an import. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  let real: string;
  try {
    real = realpathSync(script);
  } catch {
    return false;
  }
  return real === fileURLToPath(import.meta.url) || /^bulwark(\.js)?$/.test(basename(real));
}

if (isEntryPoint()) {
  // A reader that stops early (`bulwark rules | head`) closes the pipe: end quietly instead of crashing.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw error;
    });
  }
  process.exitCode = await run(process.argv.slice(2));
}
