// The library entry for auditing: discover the files, let each format scanner claim its own, run them,
// and merge what they found. The CLI is a thin shell over this.

import { builtinRules } from './analyze/rules/index.js';
import type { Rule } from './analyze/rule.js';
import { SCAN_RESULT_VERSION, type ScanOptions, type ScanResult } from './core/result.js';
import { compareText, SEVERITY_RANK, type Diagnostic, type Finding } from './core/types.js';
import { discover } from './discover/walk.js';
import { claimFiles, readHead } from './scanners/claim.js';
import type { FormatOutcome, FormatScanner } from './scanners/format.js';
import { BUILTIN_SCANNERS } from './scanners/registry.js';
import { diskSource } from './scanners/source.js';
import { VERSION } from './version.js';

import { MAX_FILE_BYTES } from './pipeline/file-parser.js';

export { MAX_FILE_BYTES };

export async function scan(
  paths: readonly string[],
  options: ScanOptions & { rules?: readonly Rule[]; scanners?: readonly FormatScanner<any>[] } = {},
): Promise<ScanResult> {
  const started = performance.now();
  const rules = options.rules ?? builtinRules;
  const scanners = options.scanners ?? BUILTIN_SCANNERS;
  const discovered = await discover([...(paths.length ? paths : ['.'])], {
    exclude: options.exclude ?? [],
    accept: (name) => scanners.some((s) => s.mayClaim(name)),
  });
  const { root, files } = discovered;
  const diagnostics: Diagnostic[] = [...discovered.diagnostics];
  const findings: Finding[] = [];
  const outcomes = new Map<string, FormatOutcome>();

  const { claimed } = claimFiles(files, scanners, (f) => readHead(f.abs));
  for (const { scanner, files: own } of claimed) {
    const outcome = await scanner.scan({
      source: diskSource(own),
      rules,
      builtinRulesOnly: rules === builtinRules,
      options: formatOptions(scanner.id, options, root),
      ...(options.onProgress ? { onProgress: (done: number, total: number, unit: string) => options.onProgress!({ done, total, unit }) } : {}),
    });
    outcomes.set(scanner.id, outcome);
    findings.push(...outcome.findings);
    diagnostics.push(...outcome.diagnostics);
  }

  const terraform = outcomes.get('terraform')?.stats;
  return {
    schemaVersion: SCAN_RESULT_VERSION,
    tool: { name: 'bulwark', version: VERSION },
    root,
    findings: sortFindings(findings),
    diagnostics: diagnostics.sort((a, b) => compareText(a.location.file, b.location.file) || a.location.range.start.offset - b.location.range.start.offset),
    rules: rules.map((r) => r.meta),
    stats: {
      files: files.length,
      bytes: files.reduce((n, f) => n + Math.min(f.size, MAX_FILE_BYTES), 0),
      resources: terraform?.resources ?? 0,
      rootModules: terraform?.rootModules ?? 0,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

/** Each format's own options, taken from the scan options. */
function formatOptions(format: string, options: ScanOptions, root: string): unknown {
  if (format === 'terraform') return { ...options.terraform, root };
  return {};
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
