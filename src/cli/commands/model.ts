// `bulwark model`: read a design (diagram, description, YAML model, Threat Dragon), run STRIDE analysis,
// apply tracked decisions, render the threat model, and turn `--fail-on` into an exit code.
// `bulwark model --diff OLD NEW` compares the threats of two designs for PR review.

import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { Command, Option } from 'commander';
import { atLeast, SEVERITIES, type Severity } from '../../core/types.js';
import { architectureToYaml, INPUT_FORMATS, readArchitecture, toThreatDragon, type InputFormat } from '../../model/adapters/index.js';
import { analyze } from '../../model/engine/analyze.js';
import { diffReports } from '../../model/engine/diff.js';
import type { ThreatReport } from '../../model/engine/types.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../model/report/diff.js';
import { renderThreatJson } from '../../model/report/json.js';
import { renderThreatMarkdown } from '../../model/report/markdown.js';
import { renderMermaidDfd } from '../../model/report/mermaid.js';
import { formatCounts } from '../../model/report/register.js';
import { renderThreatSarif } from '../../model/report/sarif.js';
import { applyTracking, DEFAULT_TRACKING_FILE, parseTracking, updateTrackingText } from '../../model/tracking/tracking.js';
import { VERSION } from '../../version.js';
import { CliExit, ExitCode, usageError, type CliIo } from '../io.js';
import { writeFileAtomic } from '../write-file.js';

export const MODEL_FORMATS = ['markdown', 'json', 'sarif', 'mermaid', 'threat-dragon', 'yaml'] as const;
export type ModelFormat = (typeof MODEL_FORMATS)[number];
export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
const FAIL_ON_CHOICES = [...SEVERITIES, 'none'] as const;

interface ModelCliOptions {
  from?: InputFormat;
  format?: string;
  output?: string;
  failOn: Severity | 'none';
  tracking?: string;
  updateTracking?: boolean;
  diff?: string[];
  quiet?: boolean;
}

const HELP_AFTER = `
Input formats (picked by extension, then content, unless --from is given):
  mermaid (.mmd, fenced in .md)  plantuml (.puml)  prose (.txt, .md)  yaml (.yaml: the Bulwark model)
  json (the Bulwark model as JSON)  threat-dragon (Threat Dragon v2 .json)

Tracking: decisions in ${DEFAULT_TRACKING_FILE} (or --tracking FILE) are applied when the file exists;
--update-tracking adds new open threats to it, keeping existing decisions and comments.

Examples:
  bulwark model design.md
  bulwark model architecture.mmd --format sarif --output threats.sarif --fail-on high
  bulwark model system.yaml --update-tracking
  bulwark model --diff old/system.yaml system.yaml --format markdown

Exit codes:
  0  no open threat at or above --fail-on (default: none)
  1  open threats at or above --fail-on (with --diff: threats added or worsened at or above it)
  2  usage error (unknown option, bad value, missing file)
  3  internal error (set BULWARK_DEBUG=1 for a stack trace)`;

export function registerModelCommand(program: Command, io: CliIo): Command {
  return program
    .command('model')
    .description('Threat-model a design: STRIDE threats, risk register and mitigations from a diagram or description.')
    .argument('[file]', 'the design: Mermaid, PlantUML, plain text/Markdown, Bulwark YAML/JSON or Threat Dragon JSON')
    .addOption(new Option('--from <format>', 'input format (default: detected)').choices(INPUT_FORMATS))
    .addOption(new Option('-f, --format <format>', `output format: ${MODEL_FORMATS.join('|')} (with --diff: ${DIFF_FORMATS.join('|')})`))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an open threat is at or above this severity').choices(FAIL_ON_CHOICES).default('none'))
    .option('--tracking <file>', `decisions file (default: ${DEFAULT_TRACKING_FILE} in the current directory, if present)`)
    .option('--update-tracking', 'add new open threats to the tracking file, keeping existing decisions')
    .option('--diff <files...>', 'compare two designs: --diff OLD NEW')
    .option('-q, --quiet', 'no notes or warnings on stderr')
    .addHelpText('after', HELP_AFTER)
    .action(async (file: string | undefined, options: ModelCliOptions) => {
      if (options.diff) await runDiff(file, options, io);
      else await runModel(file, options, io);
    });
}

/** Path as reports show it: relative to the working directory, with forward slashes. */
function displayPath(io: CliIo, path: string): string {
  const abs = resolve(io.cwd, path);
  const rel = relative(io.cwd, abs);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs).split(sep).join('/');
}

async function readText(io: CliIo, path: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') throw usageError(`${what} not found: ${path}`);
    throw usageError(`cannot read ${path}: ${code ?? String(error)}`);
  }
}

async function loadReport(io: CliIo, path: string, options: ModelCliOptions): Promise<ThreatReport> {
  const text = await readText(io, path, 'design file');
  const { model, notes } = readArchitecture(text, { fileName: displayPath(io, path), ...(options.from ? { format: options.from } : {}) });
  if (!options.quiet) {
    for (const note of notes.filter((n) => n.level === 'warning')) io.stderr.write(`bulwark: ${displayPath(io, path)}${note.line ? `:${note.line}` : ''}: ${note.message}\n`);
  }
  return analyze(model, { toolVersion: VERSION });
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function runModel(file: string | undefined, options: ModelCliOptions, io: CliIo): Promise<void> {
  if (!file) throw usageError('missing the design file (bulwark model <file>, or --diff OLD NEW)');
  const format = (options.format ?? 'markdown') as ModelFormat;
  if (!(MODEL_FORMATS as readonly string[]).includes(format)) throw usageError(`--format must be one of ${MODEL_FORMATS.join(', ')}`);
  let report = await loadReport(io, file, options);

  const trackingPath = options.tracking ?? DEFAULT_TRACKING_FILE;
  const trackingText = await readFile(resolve(io.cwd, trackingPath), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw usageError(`cannot read ${trackingPath}: ${error.code ?? String(error)}`);
  });
  if (options.tracking && trackingText === undefined && !options.updateTracking) throw usageError(`tracking file not found: ${options.tracking}`);
  if (trackingText !== undefined) {
    const outcome = applyTracking(report, parseTracking(trackingText), today());
    report = outcome.report;
    if (!options.quiet) for (const w of outcome.warnings) io.stderr.write(`bulwark: ${w}\n`);
  }
  if (options.updateTracking) {
    let updated: { text: string; added: string[] };
    try {
      updated = updateTrackingText(trackingText, report);
    } catch (error) {
      throw usageError(error instanceof Error ? error.message : String(error));
    }
    await writeFileAtomic(resolve(io.cwd, trackingPath), updated.text);
    if (!options.quiet) io.stderr.write(`Added ${updated.added.length} open threat${updated.added.length === 1 ? '' : 's'} to ${trackingPath}.\n`);
  }

  const output = render(report, format);
  await emit(io, options, output, `${format} threat model (${report.threats.length} open: ${formatCounts(report.counts)})`);
  const failOn = options.failOn;
  if (failOn !== 'none' && report.threats.some((t) => atLeast(t.severity, failOn))) throw new CliExit(ExitCode.Findings);
}

function render(report: ThreatReport, format: ModelFormat): string {
  switch (format) {
    case 'markdown':
      return renderThreatMarkdown(report);
    case 'json':
      return renderThreatJson(report);
    case 'sarif':
      return renderThreatSarif(report);
    case 'mermaid':
      return renderMermaidDfd(report);
    case 'threat-dragon':
      return JSON.stringify(toThreatDragon(report.model, [...report.threats, ...report.decided]), null, 2) + '\n';
    case 'yaml':
      return architectureToYaml(report.model);
  }
}

async function emit(io: CliIo, options: ModelCliOptions, text: string, what: string): Promise<void> {
  if (options.output === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, options.output), text);
  } catch (error) {
    throw usageError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (!options.quiet) io.stderr.write(`Wrote ${what} to ${options.output}.\n`);
}

async function runDiff(file: string | undefined, options: ModelCliOptions, io: CliIo): Promise<void> {
  // `--diff OLD NEW` (variadic), or `--diff OLD` followed by the positional NEW.
  const files = [...(options.diff ?? []), ...(file ? [file] : [])];
  if (files.length !== 2) throw usageError('--diff takes exactly two design files: --diff OLD NEW');
  const format = options.format ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw usageError(`with --diff, --format must be one of ${DIFF_FORMATS.join(', ')}`);
  const [before, after] = await Promise.all(files.map((f) => loadReport(io, f, options)));
  const diff = diffReports(before!, after!);
  const text = format === 'json' ? renderDiffJson(diff) : format === 'markdown' ? renderDiffMarkdown(diff) : renderDiffText(diff);
  await emit(io, options, text, `threat diff (${diff.added.length} added, ${diff.removed.length} removed)`);
  const failOn = options.failOn;
  if (failOn === 'none') return;
  const worse = diff.added.some((t) => atLeast(t.severity, failOn)) || diff.changed.some((c) => atLeast(c.after, failOn) && !atLeast(c.before, failOn));
  if (worse) throw new CliExit(ExitCode.Findings);
}
