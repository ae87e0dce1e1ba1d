// `bulwark baseline`: scans as `bulwark scan` does (with the policy) and writes the fingerprints of every
// finding, so that `scan --baseline FILE` reports only what is new. For legacy code a team cannot fix at once.

import { resolve } from 'node:path';
import { Command } from 'commander';
import { EXIT_CODES_HELP } from '../support/help.js';
import { usageError, type CliIo } from '../support/io.js';
import { readPolicy, withScanScope } from './scan.js';

interface BaselineCliOptions {
  output: string;
  exclude?: string[];
  projectRoot?: string;
  config?: string;
}

export function registerBaselineCommand(program: Command, io: CliIo): Command {
  return withScanScope(program.command('baseline').description('Write the fingerprints of the current findings, so that scan --baseline reports only new ones.'))
    .option('-o, --output <file>', 'the baseline file to write', 'bulwark-baseline.json')
    .addHelpText('after', `\nExamples:\n  bulwark baseline infra/\n  bulwark scan infra/ --baseline bulwark-baseline.json\n${EXIT_CODES_HELP}`)
    .action(async (paths: string[], options: BaselineCliOptions) => runBaseline(paths, options, io));
}

async function runBaseline(paths: string[], options: BaselineCliOptions, io: CliIo): Promise<void> {
  const absolutePaths = paths.map((p) => resolve(io.cwd, p));
  const { assertPathsExist, PathNotFoundError, PathNotScannableError } = await import('../../discover/walk.js');
  try {
    await assertPathsExist(absolutePaths);
  } catch (error) {
    if (error instanceof PathNotFoundError || error instanceof PathNotScannableError) throw usageError(`cannot scan ${paths[absolutePaths.indexOf(error.path)] ?? error.path}`);
    throw error;
  }
  const policy = await readPolicy(io, options.config, absolutePaths[0]!);
  const { scan } = await import('../../scan.js');
  const result = await scan(absolutePaths, {
    exclude: options.exclude ?? [],
    ...(options.projectRoot ? { projectRoot: resolve(io.cwd, options.projectRoot) } : {}),
    ...(policy ? { policy } : {}),
  });
  const { buildBaseline, renderBaseline } = await import('../../baseline/baseline.js');
  const baseline = buildBaseline(result.findings);
  const { writeOutput } = await import('../support/write-file.js');
  try {
    await writeOutput(io, options.output, renderBaseline(baseline));
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  io.stderr.write(`Wrote ${options.output}: ${baseline.findings.length} finding${baseline.findings.length === 1 ? '' : 's'} accepted as the baseline.\n`);
}
