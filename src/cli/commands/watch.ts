// `bulwark watch` (and `bulwark scan --watch`): one full scan, then a re-scan of what each change affects,
// printing the findings that appeared and those fixed, until Ctrl-C. Never exits on findings.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { ScanCallOptions } from '../../scan.js';
import { CliExit, ExitCode, useColor, usageError, type CliIo } from '../support/io.js';
import { startProgress } from '../support/progress.js';
import { checkScanArguments, readPolicy, withScanScope } from './scan.js';

export const WATCH_FORMATS = ['text', 'json'] as const;

export interface WatchCliOptions {
  format: string;
  config?: string;
  exclude?: string[];
  projectRoot?: string;
  varFile?: string[];
  var?: string[];
  color: boolean;
}

export const WATCH_HELP = `
Watch mode re-scans only what a change affects: the Terraform root modules that use a changed file (a file in a
module re-evaluates every root that calls the module), or the changed file itself for other formats. It prints
the findings that are new and those fixed (by fingerprint), then the total. It never exits because of findings
(there is no --fail-on): stop it with Ctrl-C, which exits 0. --format json prints one JSON object per line:
the first scan, then one per change.
A change to the policy file (bulwark.yaml) needs a restart.

Examples:
  bulwark watch infra/
  bulwark scan --watch .
  bulwark watch . --format json | jq -c '.new[]'
`;

/** Watch never ends because of findings, so --fail-on's codes do not apply. */
const WATCH_EXIT_CODES = `
Exit codes:
  0  stopped with Ctrl-C (or SIGTERM)
  2  usage error (unknown option, bad value, missing path)
  3  internal error (set BULWARK_DEBUG=1 for a stack trace)`;

export function registerWatchCommand(program: Command, io: CliIo): Command {
  addScanWatchOption(program, io);
  return withWatchOptions(withScanScope(program.command('watch').description('Scan, then re-scan what each saved change affects and print new and fixed findings, until Ctrl-C.')))
    .addHelpText('after', `${WATCH_HELP}${WATCH_EXIT_CODES}`)
    .action(async (paths: string[], options: WatchCliOptions) => runWatch(paths, options, io));
}

function withWatchOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format: text, or json (one object per line)').choices(WATCH_FORMATS).default('text'))
    .option('--var-file <file...>', 'extra tfvars files, applied after terraform.tfvars and *.auto.tfvars')
    .option('--var <name=value...>', 'set input variables, like terraform -var (highest precedence)')
    .option('--no-color', 'never colour the text output');
}

/**
 * `bulwark scan --watch` is `bulwark watch`: the option is added to the scan command from here, so the scan
 * command need not know about watching. After watching ends, the scan's own action is skipped (exit 0).
 */
function addScanWatchOption(program: Command, io: CliIo): void {
  const scan = program.commands.find((c) => c.name() === 'scan');
  if (!scan) return;
  scan.option('--watch', 'keep watching: re-scan what each change affects and print new and fixed findings (see bulwark watch --help)');
  scan.hook('preAction', async (command) => {
    const options = command.opts<WatchCliOptions & { watch?: boolean; output?: string; failOn?: string }>();
    if (!options.watch) return;
    if (options.output !== undefined) throw usageError('scan --watch prints to standard output; --output is not used with it');
    await runWatch((command.processedArgs[0] as string[] | undefined) ?? ['.'], options, io);
    throw new CliExit(ExitCode.Ok);
  });
}

/** Runs until SIGINT or SIGTERM; resolves then, so the command exits 0. */
export async function runWatch(paths: string[], options: WatchCliOptions, io: CliIo): Promise<void> {
  if (paths.includes('-')) throw usageError('watch reads files and folders, not standard input');
  if (!(WATCH_FORMATS as readonly string[]).includes(options.format)) throw usageError(`watch prints text or json, not ${options.format}`);
  const { absolutePaths, varFiles, vars } = await checkScanArguments(paths, options, io);
  const policy = await readPolicy(io, options.config, absolutePaths[0]!);
  const json = options.format === 'json';
  const color = !json && useColor(io, io.stdout, options.color);
  const progress = startProgress(io.stderr);
  const scanOptions: ScanCallOptions = {
    exclude: options.exclude ?? [],
    ...(options.projectRoot ? { projectRoot: resolve(io.cwd, options.projectRoot) } : {}),
    terraform: { varFiles, vars },
    ...(policy ? { policy } : {}),
  };
  const { IncrementalScan } = await import('../../watch/incremental.js');
  const render = await import('../../watch/render.js');
  let started;
  try {
    started = await IncrementalScan.start(absolutePaths, { ...scanOptions, onProgress: (p) => progress.update(p) });
  } finally {
    progress.stop();
  }
  const { engine, result } = started;
  if (json) {
    io.stdout.write(`${JSON.stringify({ event: 'scan', root: engine.root, files: result.stats.files, total: engine.findings().length, durationMs: result.stats.durationMs })}\n`);
  } else {
    const { renderTextChunks } = await import('../../report/text.js');
    const shown = { ...result, findings: result.findings.filter((f) => !f.suppression) };
    for (const chunk of renderTextChunks(shown, { color })) io.stdout.write(chunk);
  }

  const { watchPaths } = await import('../../watch/watcher.js');
  // Batches are scanned one after another: a change made during a re-scan is picked up by the next one.
  let queue = Promise.resolve();
  const watcher = watchPaths(
    absolutePaths,
    (abs) => statSync(abs).isDirectory(),
    (batch) => {
      queue = queue
        .then(() => engine.update(batch))
        .then((outcome) => {
          if (outcome) io.stdout.write(json ? render.renderChangeJson(outcome) : render.renderChangeText(outcome, { color }));
        })
        .catch((error: unknown) => {
          io.stderr.write(`bulwark: re-scan failed: ${error instanceof Error ? error.message : String(error)}\n`);
        });
    },
    { onError: (error) => io.stderr.write(`bulwark: watching stopped reporting changes: ${error.message}\n`) },
  );
  // Said once the watcher is in place: a change saved after this line is seen.
  if (json) io.stdout.write(`${JSON.stringify({ event: 'watching', paths: absolutePaths })}\n`);
  else io.stdout.write(`\nWatching ${paths.join(' ')} for changes (Ctrl-C to stop).\n`);
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      watcher.close();
      void queue.then(() => resolveStop());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
