// Secrets in any text file of the repository, whatever format reads it too (a shared scanner). Binary and
// minified files are recognised by their content and skipped; lock files are skipped by name (their
// integrity hashes look like keys). Every match is masked before it leaves this module.

import type { Rule } from '../analyze/rule.js';
import { ENV_FILE } from '../analyze/rules/secrets/env-files.js';
import { findSecrets } from '../analyze/secrets/detectors.js';
import type { SecretsReport } from '../analyze/secrets-rule.js';
import { fingerprint } from '../core/fingerprint.js';
import { FORMATS } from '../core/formats.js';
import type { Diagnostic, Finding } from '../core/types.js';
import { commentedFiles, readSource, type SourceText } from './document-findings.js';
import type { FormatOutcome, FormatScanInput, FormatScanner } from './format.js';
import { attachDocumentRisk } from '../analyze/risk-evidence.js';
import { runSteps, runStepsInSlices, type Steps } from './steps.js';

/** Extensions of files that are not text, or whose text is generated. */
const NOT_TEXT =
  /\.(png|jpe?g|gif|bmp|ico|icns|webp|avif|tiff?|psd|svgz|pdf|zip|gz|tgz|bz2|xz|zst|7z|rar|jar|war|ear|class|dex|apk|ipa|exe|dll|so|dylib|o|a|lib|obj|pyc|pyo|whl|egg|wasm|node|bin|dat|db|sqlite3?|mp[34]|m4a|wav|ogg|flac|avi|mov|mkv|webm|woff2?|ttf|otf|eot|pack|idx|map|lock|sum)$/i;
/** Lock files and other generated manifests: hashes and checksums, never secrets someone wrote. */
const GENERATED = /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|go\.sum|\.terraform\.lock\.hcl|gradle\.lockfile)$/;
/** Tests and fixtures: only formatted tokens are reported there, not password-like assignments. */
/** Program source: an unquoted value assigned there is a variable. */
const CODE_FILE = /\.(js|mjs|cjs|jsx|ts|tsx|py|rb|go|java|kt|kts|scala|cs|fs|php|rs|swift|c|cc|cpp|h|hpp|m|dart|lua|groovy|ex|exs|erl|clj)$/i;
const FIXTURE_PATH = /(^|\/)(tests?|__tests__|spec|specs|fixtures?|testdata|mocks?|__mocks__)\//i;

export const secretsScanner: FormatScanner = {
  id: 'secrets',
  shared: true,
  mayClaim: (name) => !NOT_TEXT.test(name) && !GENERATED.test(name) && !/\.min\.(js|css)$/i.test(name),
  keepIfTracked: (name) => ENV_FILE.test(name),
  claims: () => true,
  hasChecks: (rule) => rule.secrets !== undefined,
  scan: (input) => runStepsInSlices(scanSecrets(input)),
  scanSync: (input) => runSteps(scanSecrets(input)),
};

/** Binary: a NUL byte near the start. Minified: long lines make up most of it. */
export function notPlainText(text: string): 'binary' | 'minified' | undefined {
  if (text.slice(0, 8192).includes('\u0000')) return 'binary';
  if (text.length > 4096) {
    // The average line length over the first 2,000 lines decides first: most files end here, unsplit.
    let lineCount = 1;
    for (let at = text.indexOf('\n'); at >= 0 && lineCount < 2000; at = text.indexOf('\n', at + 1)) lineCount++;
    if (text.length / lineCount <= 500) return undefined;
    let longest = 0;
    for (let at = 0; at < text.length && at < 1_000_000; ) {
      const next = text.indexOf('\n', at);
      const end = next < 0 ? text.length : next;
      longest = Math.max(longest, end - at);
      at = end + 1;
    }
    if (longest > 5000) return 'minified';
  }
  return undefined;
}

function* scanSecrets(input: FormatScanInput): Steps<FormatOutcome> {
  const rules = input.rules.filter((r) => r.secrets);
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  const sources: SourceText[] = [];
  const applied = new Set<string>();
  let checked = 0;
  let skipped = 0;
  let bytes = 0;
  for (const file of input.source.files) {
    yield;
    const source = readSource(input.source, file, 'secrets', diagnostics);
    if (!source) continue;
    if (notPlainText(source.text)) {
      skipped++;
      continue;
    }
    checked++;
    bytes += file.size;
    sources.push(source);
    const matches = findSecrets(source.text, { fixture: FIXTURE_PATH.test(file.rel), code: CODE_FILE.test(file.rel) });
    for (const rule of rules) {
      applied.add(rule.meta.id);
      rule.secrets!.check({ rel: file.rel, text: source.text, matches, ...(file.trackedDespiteIgnore ? { tracked: true } : {}) }, { report: (r) => findings.push(secretFinding(rule, source, r)) });
    }
  }
  if (skipped) diagnostics.push({ severity: 'note', code: 'secrets-skipped', format: 'secrets', message: `${skipped} binary or minified file${skipped === 1 ? ' was' : 's were'} not searched for secrets.` });
  attachDocumentRisk(findings, new Map(rules.map((r) => [r.meta.id, r])), input.dataClasses ?? []);
  return {
    findings,
    diagnostics,
    commented: commentedFiles(sources),
    stats: {
      name: FORMATS.secrets.name,
      read: true,
      files: checked,
      bytes,
      checked,
      rulesApplied: [...applied].sort(),
    },
  };
}

function secretFinding(rule: Rule, source: SourceText, report: SecretsReport): Finding {
  return {
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    title: rule.meta.problem,
    message: report.message,
    location: { file: source.rel, range: source.range(report.start, report.end) },
    fingerprint: fingerprint({ ruleId: rule.meta.id, file: source.rel, content: report.part }),
    remediation: rule.meta.remediation,
  };
}
