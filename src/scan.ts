// The library entry for auditing: discover → parse → evaluate → analyze → sort. The CLI is a thin shell over this.

import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { indexTerraformRules } from './analyze/engine.js';
import { builtinRules } from './analyze/rules/index.js';
import type { Rule } from './analyze/rule.js';
import { SCAN_RESULT_VERSION, type ScanOptions, type ScanResult } from './core/result.js';
import { compareText, SEVERITY_RANK, type Diagnostic, type Finding } from './core/types.js';
import { discover } from './discover/walk.js';
import { MAX_FILE_BYTES, parseConfig } from './pipeline/file-parser.js';
import { runTerraformStage } from './pipeline/parallel.js';
import { VERSION } from './version.js';

export { MAX_FILE_BYTES } from './pipeline/file-parser.js';

export async function scan(paths: readonly string[], options: ScanOptions & { rules?: readonly Rule[] } = {}): Promise<ScanResult> {
  const started = performance.now();
  const rules = options.rules ?? builtinRules;
  const discovered = await discover([...(paths.length ? paths : ['.'])], { exclude: options.exclude ?? [] });
  const { root, files } = discovered;
  const diagnostics: Diagnostic[] = [...discovered.diagnostics];
  const start = { line: 1, column: 1, offset: 0 };
  for (const file of files) {
    if (file.rel.endsWith('.tf.json')) {
      diagnostics.push({
        severity: 'warning',
        message: `${file.rel} uses Terraform's JSON configuration syntax, which Bulwark does not evaluate yet; it was not scanned.`,
        location: { file: file.rel, range: { start, end: start } },
      });
    } else if (file.size > MAX_FILE_BYTES) {
      diagnostics.push({
        severity: 'warning',
        message: `${file.rel} is ${(file.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit; not scanned.`,
        location: { file: file.rel, range: { start, end: start } },
      });
    }
  }

  const varFileTexts = (options.varFiles ?? []).map((p) => {
    const abs = resolve(p);
    const rel = relative(root, abs).split('\\').join('/');
    return { path: rel.startsWith('..') || isAbsolute(rel) ? abs : rel, text: readFileSync(abs, 'utf8') };
  });
  const outcome = await runTerraformStage({
    files,
    maxFileBytes: MAX_FILE_BYTES,
    index: indexTerraformRules(rules),
    options: { varFiles: varFileTexts.map((f) => parseConfig(f.text, f.path)), ...(options.vars ? { vars: options.vars } : {}) },
    varFileTexts,
    builtinRulesOnly: rules === builtinRules,
    ...(options.onProgress ? { onProgress: (done: number, total: number) => options.onProgress!({ done, total, unit: 'root modules' }) } : {}),
  });
  diagnostics.push(...outcome.diagnostics);

  return {
    schemaVersion: SCAN_RESULT_VERSION,
    tool: { name: 'bulwark', version: VERSION },
    root,
    findings: sortFindings(outcome.findings),
    diagnostics: diagnostics.sort((a, b) => compareText(a.location.file, b.location.file) || a.location.range.start.offset - b.location.range.start.offset),
    rules: rules.map((r) => r.meta),
    stats: {
      files: files.length,
      bytes: files.reduce((n, f) => n + Math.min(f.size, MAX_FILE_BYTES), 0),
      resources: outcome.resources,
      rootModules: outcome.rootModules,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      compareText(a.location.file, b.location.file) ||
      a.location.range.start.offset - b.location.range.start.offset ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.resource ?? '', b.resource ?? '') ||
      compareText(a.message, b.message),
  );
}
