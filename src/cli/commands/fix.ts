// `bulwark fix`: scan, propose fixes, verify them on an in-memory copy, show the diff; `--write` writes
// the verified changes (atomically, keeping each file's mode). A fix that needs a person's decision is
// written as a `# NEEDS YOUR INPUT` comment, never guessed.

import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { atLeast, SEVERITIES, type Finding, type Severity } from '../../core/types.js';
import { CliExit, ExitCode, usageError, useColor, type CliIo } from '../support/io.js';
import { startProgress } from '../support/progress.js';
import { checkScanArguments, readPolicy, withScanScope } from './scan.js';

const FIX_FORMATS = ['text', 'json', 'sarif'] as const;

const FIX_EXIT_CODES_HELP = `
Exit codes:
  0  every selected fix was verified (and written, with --write), or there was nothing to fix
  1  some fixes failed verification and were left out (the report says why)
  2  usage error (unknown option, bad value, missing path)
  3  internal error, or a file changed or stopped being a regular file while it was fixed`;

interface FixCliOptions {
  write?: boolean;
  rule?: string[];
  severity?: Severity;
  interactive?: boolean;
  format: (typeof FIX_FORMATS)[number];
  output?: string;
  config?: string;
  exclude?: string[];
  projectRoot?: string;
  varFile?: string[];
  var?: string[];
  color: boolean;
}

export function registerFixCommand(program: Command, io: CliIo): Command {
  return withScanScope(program.command('fix').description('Fix findings: show the verified changes as a diff, and write them with --write.'))
    .option('-w, --write', 'write the verified fixes to the files (default: show the diff only)')
    .option('--rule <id...>', 'fix only findings of these rules')
    .addOption(new Option('--severity <severity>', 'fix only findings at or above this severity').choices(SEVERITIES))
    .option('-i, --interactive', 'ask before each fix (needs a terminal)')
    .addOption(new Option('-f, --format <format>', 'text: the diff and a summary; json/sarif: the scan with each finding\'s verified fix').choices(FIX_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file (- for stdout)')
    .option('--var-file <file...>', 'extra tfvars files, applied after terraform.tfvars and *.auto.tfvars')
    .option('--var <name=value...>', 'set input variables, like terraform -var (highest precedence)')
    .option('--no-color', 'never colour the diff')
    .addHelpText(
      'after',
      `\nEvery fix is verified before it is shown or written: the project is re-scanned with it in memory; the finding must\n` +
        `be gone, no new finding may appear, and fixing again must change nothing. Fixes that need a decision (which ports,\n` +
        `which key) are written as "# NEEDS YOUR INPUT:" comments, never guessed.\n\n` +
        `Examples:\n  bulwark fix infra/\n  bulwark fix infra/ --write\n  bulwark fix . --rule BW-AWS-S3-001 --write\n  bulwark fix . --format sarif --output fixes.sarif\n` +
        FIX_EXIT_CODES_HELP,
    )
    .action(async (paths: string[], options: FixCliOptions) => runFix(paths, options, io));
}

async function runFix(paths: string[], options: FixCliOptions, io: CliIo): Promise<void> {
  if (options.interactive && !io.ask) throw usageError('--interactive needs a terminal to ask on');
  const { absolutePaths, varFiles, vars } = await checkScanArguments(paths, options, io);
  const policy = await readPolicy(io, options.config, absolutePaths[0]!);
  const rules = new Set(options.rule ?? []);
  const select = (f: Finding) => (!rules.size || rules.has(f.ruleId)) && (!options.severity || atLeast(f.severity, options.severity));
  const { fixProject } = await import('../../fix/index.js');
  const { unifiedDiff, renderFixText, withFixes } = await import('../../fix/report.js');
  const { applyEdits } = await import('../../edit/text-edit.js');
  const progress = startProgress(io.stderr);
  const ask = io.ask;
  let run;
  try {
    run = await fixProject(absolutePaths, {
      exclude: options.exclude ?? [],
      ...(options.projectRoot ? { projectRoot: resolve(io.cwd, options.projectRoot) } : {}),
      terraform: { varFiles, vars },
      onProgress: (p) => progress.update(p),
      ...(policy ? { policy } : {}),
      select,
      ...(options.interactive && ask
        ? {
            confirm: async (fix, text) => {
              progress.stop();
              io.stderr.write(`\n${fix.rule.meta.id} ${fix.description}\n${unifiedDiff(fix.file, text, applyEdits(text, fix.edits))}`);
              return /^y(es)?$/i.test((await ask('Apply this fix? [y/N] ')).trim());
            },
          }
        : {}),
    });
  } finally {
    progress.stop();
  }

  let written = false;
  if (options.write && run.changes.length) {
    const { writeFileSafely } = await import('../support/write-file.js');
    const { readRegularFile } = await import('../../core/regular-file.js');
    for (const change of run.changes) {
      const abs = resolve(run.scan.root, change.file);
      if (change.created) {
        // A companion file (`.env.example`) the fixes create: only where nothing has appeared meanwhile.
        if (await lstat(abs).catch(() => undefined)) throw new CliExit(ExitCode.Internal, `${change.file} appeared while it was being fixed; run bulwark fix again`);
        await writeFileSafely(abs, change.after, change.file);
        continue;
      }
      // Only the regular file that was scanned, as it was scanned: never a link, never text changed meanwhile.
      const info = await lstat(abs).catch(() => undefined);
      if (!info?.isFile()) throw new CliExit(ExitCode.Internal, `${change.file} is no longer a regular file; nothing was written to it`);
      if ((await readRegularFile(abs)) !== change.before) throw new CliExit(ExitCode.Internal, `${change.file} changed while it was being fixed; run bulwark fix again`);
      await writeFileSafely(abs, change.after, change.file);
    }
    written = true;
  }

  const toFile = options.output !== undefined && options.output !== '-';
  let report: string;
  if (options.format === 'text') report = renderFixText(run, { color: useColor(io, io.stdout, options.color && !toFile), written });
  else if (options.format === 'json') report = (await import('../../report/json.js')).renderJson(withFixes(run));
  else report = (await import('../../report/sarif.js')).renderSarif(withFixes(run));
  if (toFile) {
    const { writeOutput } = await import('../support/write-file.js');
    await writeOutput(io, options.output!, report);
  } else io.stdout.write(report);
  if (run.unfixed.some((u) => u.reason.startsWith('verification failed'))) throw new CliExit(ExitCode.Findings);
}
