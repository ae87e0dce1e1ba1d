// The IaC scan of an in-memory project, the way `scan()` does it for files on disk: each scanner claims its
// files, runs the built-in rules over them (parse, evaluate, adapt, analyze) in this thread, and returns
// findings and diagnostics. Formats that land later (Kubernetes, Dockerfile, compose, CloudFormation) are
// reached through the same registry, so a target for them reuses this with other file names.

import { builtinRules } from '../../../src/analyze/rules/index.js';
import type { Diagnostic, Finding, SourceLocation } from '../../../src/core/types.js';
import { claimFiles } from '../../../src/scanners/claim.js';
import { BUILTIN_SCANNERS } from '../../../src/scanners/registry.js';
import { memorySource } from '../../../src/scanners/source.js';
import { locationViolations, type ReportedLocation } from '../harness/locations.js';
import type { Violation } from '../harness/target.js';

export interface ScanOutcome {
  findings: Finding[];
  diagnostics: Diagnostic[];
}

export function scanFiles(files: Readonly<Record<string, string>>): ScanOutcome {
  const source = memorySource(files);
  const { claimed } = claimFiles(source.files, BUILTIN_SCANNERS, (f) => files[f.rel]!.slice(0, 8192));
  const out: ScanOutcome = { findings: [], diagnostics: [] };
  for (const { scanner, files: own } of claimed) {
    const outcome = scanner.scanSync({ source: { files: own, read: source.read }, rules: builtinRules, builtinRulesOnly: true, options: {} });
    // A loop, not a spread: a scan can have more findings than a call takes arguments.
    for (const f of outcome.findings) out.findings.push(f);
    for (const d of outcome.diagnostics) out.diagnostics.push(d);
  }
  return out;
}

/** Every `{ file, range }` of the findings (locations, resource locations, occurrences, fixes) and diagnostics. */
export function scanLocations(outcome: ScanOutcome): ReportedLocation[] {
  const out: ReportedLocation[] = [];
  const visit = (v: unknown, what: string, message: string | undefined): void => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x, what, message);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.file === 'string' && o.range && typeof o.range === 'object') {
      const { file, range } = o as unknown as SourceLocation;
      out.push({ what: `${what} start`, file, ...range.start, ...(message ? { message } : {}) });
      out.push({ what: `${what} end`, file, ...range.end, ...(message ? { message } : {}) });
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'range' && x && typeof x === 'object') visit(x, `${what}.${k}`, message);
  };
  for (const f of outcome.findings) visit(f, `finding ${f.ruleId}`, f.message);
  for (const d of outcome.diagnostics) visit(d, `diagnostic ${d.code}`, d.message);
  return out;
}

export function scanViolations(files: Readonly<Record<string, string>>, outcome: ScanOutcome): Violation[] {
  return locationViolations(files, scanLocations(outcome));
}
