// The Terraform format: `.tf` and `.tfvars` files, evaluated root module by root module (see pipeline/).

import { isAbsolute, relative, resolve } from 'node:path';
import { indexTerraformRules } from '../analyze/engine.js';
import { FORMATS } from '../core/formats.js';
import { overLimitMessage, readRegularFileSync } from '../core/regular-file.js';
import type { Diagnostic } from '../core/types.js';
import { mergeOccurrences } from './merge.js';
import { coverageGaps } from './terraform-coverage.js';
import { MAX_FILE_BYTES, parseConfig } from '../pipeline/file-parser.js';
import { runTerraformInProcess, runTerraformStage, type TerraformRun, type WorkerSession } from '../pipeline/parallel.js';
import type { TerraformOutcome } from '../pipeline/terraform.js';
import type { FormatOutcome, FormatScanInput, FormatScanner } from './format.js';

export interface TerraformScanOptions {
  /** Extra tfvars files (like `terraform -var-file`), applied after terraform.tfvars and *.auto.tfvars. */
  varFiles?: readonly string[];
  /** Like `terraform -var name=value`; highest precedence. */
  vars?: Readonly<Record<string, string>>;
  /** Absolute project root, so var files inside it are named by their relative path. */
  root?: string;
  /** Worker threads kept between scans (a fix's scan and its verification). */
  workers?: WorkerSession;
}

const NAMES = ['.tf', '.tfvars', '.tfvars.json', '.tf.json'];

export const terraformScanner: FormatScanner<TerraformScanOptions> = {
  id: 'terraform',
  mayClaim: (name) => NAMES.some((ext) => name.endsWith(ext)),
  claims: (rel) => NAMES.some((ext) => rel.endsWith(ext)),
  hasChecks: (rule) => rule.terraform !== undefined || rule.aws !== undefined,
  scan: async (input) => finish(input, await runTerraformStage(stageRun(input))),
  scanSync: (input) => finish(input, runTerraformInProcess(stageRun(input))),
};

function stageRun(input: FormatScanInput<TerraformScanOptions>): TerraformRun {
  const { source, options } = input;
  const onDisk = source.files.every((f) => f.abs !== undefined);
  const varFileTexts = (options.varFiles ?? []).map((p) => {
    const abs = resolve(p);
    const rel = options.root ? relative(options.root, abs).split('\\').join('/') : abs;
    return { path: rel.startsWith('..') || isAbsolute(rel) ? abs : rel, text: readRegularFileSync(abs, { display: p, maxBytes: MAX_FILE_BYTES }) };
  });
  return {
    files: source.files,
    // Files on disk are read by path (worker threads too, and modules outside the discovered files); others through the source.
    ...(onDisk ? (options.root ? { projectRoot: options.root } : {}) : { read: source.read }),
    maxFileBytes: MAX_FILE_BYTES,
    index: indexTerraformRules(input.rules.filter(terraformScanner.hasChecks), input.defaults, input.dataClasses),
    ...(source.overlay?.size ? { overlay: source.overlay } : {}),
    options: { varFiles: varFileTexts.map((f) => parseConfig(f.text, f.path)), ...(options.vars ? { vars: options.vars } : {}), ...(input.proposeFixes ? { proposeFixes: input.proposeFixes } : {}), ...(input.showPassed ? { showPassed: true } : {}) },
    varFileTexts,
    builtinRulesOnly: input.builtinRulesOnly,
    ...(options.workers ? { workers: options.workers } : {}),
    ...(input.onProgress ? { onProgress: (done: number, total: number) => input.onProgress!(done, total, 'root modules') } : {}),
  };
}

function finish(input: FormatScanInput<TerraformScanOptions>, outcome: TerraformOutcome): FormatOutcome {
  const files = input.source.files;
  const { coverage } = outcome;
  const gaps = coverageGaps(coverage, input.rules.filter(terraformScanner.hasChecks));
  const diagnostics = [...unreadFileWarnings(files), ...outcome.diagnostics, ...gaps.diagnostics];
  return {
    findings: mergeOccurrences(outcome.findings, outcome.findingRoots),
    diagnostics,
    ...(input.proposeFixes ? { proposals: outcome.proposals } : {}),
    commented: outcome.commented,
    ...(input.showPassed ? { passed: outcome.passed } : {}),
    stats: {
      name: FORMATS.terraform.name,
      read: true,
      files: files.length,
      bytes: files.reduce((n, f) => n + Math.min(f.size, MAX_FILE_BYTES), 0),
      checked: coverage.checked,
      resources: coverage.resources,
      dataSources: coverage.dataSources,
      rootModules: outcome.rootModules,
      rulesApplied: coverage.applied,
      resourcesWithoutRules: gaps.types.reduce((n, t) => n + t.count, 0),
      typesWithoutRules: gaps.types.slice(0, 10),
      providersWithoutRules: gaps.providers,
      modulesNotEvaluated: new Set(
        outcome.diagnostics.filter((d) => d.code === 'module-not-evaluated').map((d) => `${d.location?.file}:${d.location?.range.start.offset}`),
      ).size,
    },
  };
}

/** Files the stage skips: Terraform's JSON syntax (not evaluated yet) and files over the size limit. */
function unreadFileWarnings(files: FormatScanInput['source']['files']): Diagnostic[] {
  const start = { line: 1, column: 1, offset: 0 };
  const warnings: Diagnostic[] = [];
  for (const file of files) {
    if (file.rel.endsWith('.tf.json')) {
      warnings.push({
        severity: 'warning',
        code: 'format-not-read',
        format: 'terraform',
        message: `${file.rel} uses Terraform's JSON configuration syntax, which Bulwark does not evaluate yet; it was not scanned.`,
        location: { file: file.rel, range: { start, end: start } },
      });
    } else if (file.size > MAX_FILE_BYTES) {
      warnings.push({
        severity: 'warning',
        code: 'file-too-large',
        format: 'terraform',
        message: `${overLimitMessage(file.rel, file.size, MAX_FILE_BYTES)}; not scanned.`,
        location: { file: file.rel, range: { start, end: start } },
      });
    }
  }
  return warnings;
}
