// What `bulwark model` does once its options are parsed. Loaded only when the command runs; the
// renderers, tracking and diff code load only when the chosen format or option needs them.

import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { findRepositoryTop } from '../../core/repository-top.js';
import { atLeast } from '../../core/types.js';
import { FileReadError, readRegularFile } from '../../core/regular-file.js';
import { architectureToYaml, readArchitecture, toThreatDragon, type AdapterNote } from '../../model/adapters/index.js';
import type { ImportedDecision } from '../../model/tracking/imported-decisions.js';
import { MAX_DESIGN_BYTES } from '../../model/adapters/limits.js';
import { analyze } from '../../model/engine/analyze.js';
import type { ThreatReport } from '../../model/engine/types.js';
import { visible, visibleOnOneLine } from '../../core/escape.js';
import { formatCounts } from '../../model/report/register.js';
import { VERSION } from '../../version.js';
import { CliExit, ExitCode, usageError, type CliIo } from '../support/io.js';
import { writeOutput, writeToStream } from '../support/write-file.js';
import { DEFAULT_TRACKING_FILE, DIFF_FORMATS, MODEL_FORMATS, type DiffFormat, type ModelCliOptions, type ModelFormat } from './model-options.js';

/**
 * Path as reports show it, as the auditor shows paths: relative to the project root (`--project-root`, else the
 * git top level above the design, else the working directory), with forward slashes.
 */
function displayPath(io: CliIo, path: string, projectRoot: string | undefined): string {
  if (path === '-') return '<stdin>';
  const abs = resolve(io.cwd, path);
  const root = projectRoot !== undefined ? resolve(io.cwd, projectRoot) : (findRepositoryTop(dirname(abs)) ?? io.cwd);
  const rel = relative(root, abs);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs).split(sep).join('/');
}

/** A design file's text: a regular file, or standard input for `-`. Anything else is a usage error. */
async function readText(io: CliIo, path: string, what: string): Promise<string> {
  if (path === '-') {
    if (!io.readStdin) throw usageError('no standard input to read for -');
    return io.readStdin();
  }
  try {
    return await readRegularFile(resolve(io.cwd, path), { maxBytes: MAX_DESIGN_BYTES, display: path });
  } catch (error) {
    if (error instanceof FileReadError && error.kind === 'missing') throw usageError(`${what} not found: ${path}`);
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

async function loadReport(io: CliIo, path: string, options: ModelCliOptions): Promise<ThreatReport> {
  return (await loadDesign(io, path, options)).report;
}

/** The analysed design, with the decisions its file holds (Threagile's risk tracking) and the path messages name. */
async function loadDesign(io: CliIo, path: string, options: ModelCliOptions): Promise<{ report: ThreatReport; decisions?: ImportedDecision[]; shown: string }> {
  // A directory is a repository: its model is inferred from what it holds (src/model/repository).
  if (path !== '-' && statSync(resolve(io.cwd, path), { throwIfNoEntry: false })?.isDirectory()) return (await import('./model-repository.js')).loadRepository(io, path, options);
  const text = await readText(io, path, 'design file or repository folder');
  const shown = displayPath(io, path, options.projectRoot);
  const { model, notes, threats, decisions } = readArchitecture(text, { fileName: shown, ...(options.from ? { format: options.from } : {}) });
  // Messages quote the design (names, labels, the file name): escaped, so they cannot drive the terminal.
  const located = (note: AdapterNote) => `${shown}${note.line ? `:${note.line}` : ''}: ${note.message}`;
  // Input that was refused or not understood is never analysed as a design without threats: one line says
  // why (it quotes the warning that explains it, if any), and nothing else is printed.
  const refusal = notes.find((n) => n.level === 'error');
  if (refusal) throw usageError(visibleOnOneLine(located(refusal)));
  if (!options.quiet) {
    for (const note of notes) if (note.level === 'warning') io.stderr.write(`bulwark: ${visible(located(note))}\n`);
  }
  const report = analyze(model, { toolVersion: VERSION, ...(threats ? { importedThreats: threats } : {}) });
  return decisions ? { report, decisions, shown } : { report, shown };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function runModel(file: string | undefined, options: ModelCliOptions, io: CliIo): Promise<void> {
  // No argument: the repository in the current directory.
  file ??= '.';
  const format = (options.format ?? 'markdown') as ModelFormat;
  if (!(MODEL_FORMATS as readonly string[]).includes(format)) throw usageError(`--format must be one of ${MODEL_FORMATS.join(', ')}`);
  const design = await loadDesign(io, file, options);
  let report = design.report;

  const trackingPath = options.tracking ?? DEFAULT_TRACKING_FILE;
  const trackingText = await readRegularFile(resolve(io.cwd, trackingPath), { maxBytes: MAX_DESIGN_BYTES, display: trackingPath }).catch((error: unknown) => {
    if (error instanceof FileReadError && error.kind === 'missing') return undefined;
    throw usageError(error instanceof Error ? error.message : String(error));
  });
  if (options.tracking && trackingText === undefined && !options.updateTracking) throw usageError(`tracking file not found: ${options.tracking}`);
  if (trackingText !== undefined || options.updateTracking || design.decisions) {
    const { applyDecisions } = await import('./model-tracking.js');
    const imported = design.decisions ? { imported: { decisions: design.decisions, shown: design.shown } } : {};
    report = await applyDecisions(io, report, { trackingPath, trackingText, update: options.updateTracking === true, quiet: options.quiet === true, ...imported }, today());
  }

  const output = await render(report, format);
  await emit(io, options, output, `${format} threat model (${report.threats.length} open: ${formatCounts(report.counts)})`);
  const failOn = options.failOn;
  if (failOn !== 'none' && report.threats.some((t) => atLeast(t.severity, failOn))) throw new CliExit(ExitCode.Findings);
}

/** Renders with the one renderer the format needs, loading it now. JSON comes in chunks: it can be huge. */
async function render(report: ThreatReport, format: ModelFormat): Promise<string | Iterable<string>> {
  switch (format) {
    case 'markdown':
      return (await import('../../model/report/markdown.js')).renderThreatMarkdown(report);
    case 'json':
      return (await import('../../model/report/json.js')).renderThreatJsonChunks(report);
    case 'sarif':
      return (await import('../../model/report/sarif.js')).renderThreatSarifChunks(report);
    case 'mermaid':
      return (await import('../../model/report/mermaid.js')).renderMermaidDfd(report);
    case 'threat-dragon':
    {
      // A diagram of tens of thousands of cells is more than Threat Dragon's editor can show; past that the
      // export is refused, as the YAML model is, rather than written for nobody (and in more than 1 GB).
      const { jsonChunks, ONE_LINE_ITEMS_OVER } = await import('../../report/json-pieces.js');
      const items = report.model.elements.length + report.model.flows.length;
      if (items > ONE_LINE_ITEMS_OVER) {
        throw usageError(`the design has ${items.toLocaleString('en-US')} elements and flows, more than the ${ONE_LINE_ITEMS_OVER.toLocaleString('en-US')} exported to Threat Dragon (more than its editor can show); use --format json`);
      }
      return jsonChunks(toThreatDragon(report.model, [...report.threats, ...report.decided]), { compactItems: false });
    }
    case 'yaml': {
      // The YAML model is for editing by hand, and YAML is slow to write and to read back (Bulwark reads at most
      // 4 MiB of it): a large design is written as JSON, which is the same model and reads back at any size.
      const { ONE_LINE_ITEMS_OVER } = await import('../../report/json-pieces.js');
      const items = report.model.elements.length + report.model.flows.length;
      if (items > ONE_LINE_ITEMS_OVER) {
        throw usageError(`the design has ${items.toLocaleString('en-US')} elements and flows, more than the ${ONE_LINE_ITEMS_OVER.toLocaleString('en-US')} written as a YAML model (slow to write, and more than Bulwark reads back as YAML); use --format json, whose "model" is the same model`);
      }
      return architectureToYaml(report.model);
    }
  }
}

async function emit(io: CliIo, options: ModelCliOptions, text: string | Iterable<string>, what: string): Promise<void> {
  if (options.output === undefined || options.output === '-') {
    await writeToStream(io, 'stdout', text);
    return;
  }
  try {
    await writeOutput(io, options.output, text);
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  if (!options.quiet) io.stderr.write(`Wrote ${what} to ${options.output}.\n`);
}

export async function runDiff(file: string | undefined, options: ModelCliOptions, io: CliIo): Promise<void> {
  // `--diff OLD NEW` (variadic), or `--diff OLD` followed by the positional NEW.
  const files = [...(options.diff ?? []), ...(file ? [file] : [])];
  if (files.length !== 2) throw usageError('--diff takes exactly two designs (design files or repository folders): --diff OLD NEW');
  const format = (options.format ?? 'text') as DiffFormat;
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw usageError(`with --diff, --format must be one of ${DIFF_FORMATS.join(', ')}`);
  // Each side is a design file or a repository folder, loaded as `bulwark model` loads it.
  const [before, after] = await Promise.all(files.map((f) => loadReport(io, f, options)));
  const { diffReports } = await import('../../model/engine/diff.js');
  const { renderDiffJson, renderDiffMarkdown, renderDiffText } = await import('../../model/report/diff.js');
  const diff = diffReports(before!, after!);
  const text = format === 'json' ? renderDiffJson(diff) : format === 'markdown' ? renderDiffMarkdown(diff) : renderDiffText(diff);
  await emit(io, options, text, `threat diff (${diff.added.length} added, ${diff.removed.length} removed)`);
  const failOn = options.failOn;
  if (failOn === 'none') return;
  const worse = diff.added.some((t) => atLeast(t.severity, failOn)) || diff.changed.some((c) => atLeast(c.after, failOn) && !atLeast(c.before, failOn));
  if (worse) throw new CliExit(ExitCode.Findings);
}
