// What the scanners of document formats (Kubernetes, compose, Dockerfile) share: reading a file or saying
// why not, the finding for a file that does not parse, findings at offsets of a text, and fix proposals
// from what a check handed its rule's fix.

import { fingerprint, normaliseContent } from '../core/fingerprint.js';
import { positionsIn } from '../core/positions.js';
import { overLimitMessage } from '../core/regular-file.js';
import type { FormatId } from '../core/formats.js';
import type { SafeDefaults } from '../core/safe-defaults.js';
import type { Diagnostic, Finding, Range } from '../core/types.js';
import { EditDeclined } from '../edit/hcl-edit.js';
import { isDeclined, type FixOutcome, type YamlFixer } from '../analyze/fix.js';
import type { FixProposalData } from '../analyze/propose.js';
import type { Rule } from '../analyze/rule.js';
import parseErrorRule, { PARSE_ERROR_RULE_ID } from '../analyze/rules/parse-error.js';
import { SUPPRESSION_HINT } from '../suppress/inline.js';
import { MAX_FILE_BYTES } from '../pipeline/file-parser.js';
import type { FileSource, SourceFile } from './format.js';

/** A file's text with its offset-to-position index, built on first use. */
export class SourceText {
  private index: ((offset: number) => ReturnType<ReturnType<typeof positionsIn>>) | undefined;
  constructor(
    readonly rel: string,
    readonly text: string,
  ) {}

  range(start: number, end: number): Range {
    this.index ??= positionsIn(this.text);
    return { start: this.index(start), end: this.index(Math.max(start, end)) };
  }
}

/** The file's text, or a diagnostic saying why it was not read (too large, unreadable). */
export function readSource(source: FileSource, file: SourceFile, format: FormatId, diagnostics: Diagnostic[], maxBytes = MAX_FILE_BYTES): SourceText | undefined {
  const at = { file: file.rel, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
  const size = source.overlay?.has(file.rel) ? Buffer.byteLength(source.overlay.get(file.rel)!) : file.size;
  if (size > maxBytes) {
    diagnostics.push({ severity: 'warning', code: 'file-too-large', format, message: `${overLimitMessage(file.rel, size, maxBytes)}; not scanned.`, location: at });
    return undefined;
  }
  try {
    return new SourceText(file.rel, source.read(file.rel));
  } catch (error) {
    diagnostics.push({ severity: 'warning', code: 'file-not-read', format, message: `${file.rel} could not be read: ${(error as Error).message}; not scanned.`, location: at });
    return undefined;
  }
}

/** "This file could not be parsed", at the error, with a fingerprint from the offending line. */
export function parseErrorFinding(source: SourceText, error: { message: string; offset: number }, kept: string): Finding {
  const range = source.range(error.offset, error.offset);
  const lineStart = source.text.lastIndexOf('\n', error.offset - 1) + 1;
  const lineEnd = source.text.indexOf('\n', error.offset);
  const line = source.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  return {
    ruleId: PARSE_ERROR_RULE_ID,
    severity: parseErrorRule.meta.severity,
    title: parseErrorRule.meta.problem,
    message: `${source.rel} could not be parsed: ${error.message}. ${kept}`,
    location: { file: source.rel, range },
    fingerprint: fingerprint({ ruleId: PARSE_ERROR_RULE_ID, file: source.rel, content: normaliseContent(`${line} ${error.message}`) }),
    remediation: parseErrorRule.meta.remediation,
  };
}

export interface DocumentSpot {
  /** The resource the finding is about (`Deployment/shop/web`, `service db`, `stage build`). */
  resource: string;
  resourceStart: number;
  resourceEnd: number;
  start: number;
  end: number;
  /** The part within the resource, for the fingerprint. */
  part: string;
}

export function documentFinding(rule: Rule, source: SourceText, spot: DocumentSpot, message: string): Finding {
  return {
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    title: rule.meta.problem,
    message,
    location: { file: source.rel, range: source.range(spot.start, spot.end) },
    resource: spot.resource,
    resourceLocation: { file: source.rel, range: source.range(spot.resourceStart, spot.resourceEnd) },
    fingerprint: fingerprint({ ruleId: rule.meta.id, file: source.rel, resource: spot.resource, part: spot.part }),
    remediation: rule.meta.remediation,
  };
}

/** A finding with what its rule's fix needs, kept until proposals are asked for. */
export interface PendingFix {
  finding: Finding;
  rule: Rule;
  source: SourceText;
  data: unknown;
}

/** Proposals for the pending fixes (only those in `only`, when given), by fingerprint. */
export function proposeDocumentFixes(
  pending: readonly PendingFix[],
  fixerOf: (rule: Rule) => YamlFixer | undefined,
  defaults: Readonly<SafeDefaults>,
  only?: readonly string[],
): [string, FixProposalData][] {
  const wanted = only ? new Set(only) : undefined;
  const out: [string, FixProposalData][] = [];
  for (const { finding, rule, source, data } of pending) {
    const fixer = fixerOf(rule);
    if (!fixer || (wanted && !wanted.has(finding.fingerprint))) continue;
    const where = finding.resourceLocation ?? finding.location;
    const base = { ruleId: rule.meta.id, file: source.rel, resourceRange: where.range };
    let outcome: FixOutcome;
    try {
      outcome = fixer({ finding, text: source.text, defaults, data });
    } catch (error) {
      if (!(error instanceof EditDeclined)) throw error;
      outcome = { declined: error.message };
    }
    out.push([finding.fingerprint, isDeclined(outcome) ? { ...base, declined: outcome.declined } : { ...base, ...outcome }]);
  }
  return out;
}

/** Files whose text holds something that looks like a suppression comment. */
export function commentedFiles(sources: readonly SourceText[]): string[] {
  return sources.filter((s) => SUPPRESSION_HINT.test(s.text)).map((s) => s.rel);
}
