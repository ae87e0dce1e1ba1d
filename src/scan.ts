// The library entry for auditing: discover → parse → evaluate → analyze → sort. The CLI is a thin shell over this.

import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { indexTerraformRules } from './analyze/engine.js';
import { builtinRules } from './analyze/rules/index.js';
import type { Rule } from './analyze/rule.js';
import { SCAN_RESULT_VERSION, type ScanOptions, type ScanResult } from './core/result.js';
import { compareText, SEVERITY_RANK, type Diagnostic, type Finding } from './core/types.js';
import { discover } from './discover/walk.js';
import type { HclFile } from './parse/hcl/ast.js';
import { parseHcl } from './parse/hcl/parser.js';
import { analyzeTerraform } from './pipeline/terraform.js';
import { VERSION } from './version.js';

/** Files larger than this are not parsed (a hostile or generated file must not exhaust memory). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export async function scan(paths: readonly string[], options: ScanOptions & { rules?: readonly Rule[] } = {}): Promise<ScanResult> {
  const started = performance.now();
  const rules = options.rules ?? builtinRules;
  const { root, files } = await discover([...(paths.length ? paths : ['.'])], { exclude: options.exclude ?? [] });
  const byRel = new Map(files.map((f) => [f.rel, f]));
  const diagnostics: Diagnostic[] = [];

  let done = 0;
  let bytes = 0;
  const total = files.length;
  const parse = (rel: string): HclFile => {
    const file = byRel.get(rel)!;
    options.onProgress?.({ done: ++done, total });
    if (file.size > MAX_FILE_BYTES) {
      diagnostics.push({
        severity: 'warning',
        message: `${rel} is ${(file.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit; not scanned.`,
        location: { file: rel, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } },
      });
      return parseHcl('', rel);
    }
    const text = readFileSync(file.abs, 'utf8');
    bytes += file.size;
    return parseHcl(text, rel);
  };

  const varFiles = (options.varFiles ?? []).map((p) => {
    const abs = resolve(p);
    const rel = relative(root, abs).split('\\').join('/');
    const shown = rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
    return parseHcl(readFileSync(abs, 'utf8'), shown);
  });

  const outcome = analyzeTerraform({ paths: files.map((f) => f.rel), parse }, indexTerraformRules(rules), {
    varFiles,
    ...(options.vars ? { vars: options.vars } : {}),
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
      bytes,
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
      compareText(a.resource ?? '', b.resource ?? ''),
  );
}
