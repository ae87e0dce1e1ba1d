// The format seam: one scanner per IaC format. A scanner claims the files it reads (by name, and by
// content where the name is not enough), runs the rules that have a check for its format over them,
// and returns findings, diagnostics and its own statistics. `scan()` only loops over scanners.

import type { Rule } from '../analyze/rule.js';
import type { FixProposalData } from '../analyze/propose.js';
import type { PassedCheck } from '../analyze/engine.js';
import type { FormatId } from '../core/formats.js';
import type { DataClass, SafeDefaults } from '../core/safe-defaults.js';
import type { FormatStats } from '../core/result.js';
import type { Diagnostic, Finding } from '../core/types.js';

/** A file a scanner may read: its path relative to the project root, its size and, on disk, its absolute path. */
export interface SourceFile {
  rel: string;
  size: number;
  /** Absent for in-memory sources (rule examples, fix verification). */
  abs?: string;
  /** Ignored by an ignore file, but tracked by git (see FormatScanner.keepIfTracked). */
  trackedDespiteIgnore?: true;
}

/** Where a scanner reads text from: the disk, or an in-memory overlay. */
export interface FileSource {
  readonly files: readonly SourceFile[];
  /** The file's text; throws when it cannot be read (the scanner reports that as a finding). */
  read(rel: string): string;
  /** Texts that replace files on disk (fix verification): a scanner reading the disk itself must read these instead. */
  overlay?: ReadonlyMap<string, string>;
}

export interface FormatOutcome {
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** What the scanner read and checked, and what it could not (reports say so; see docs/json-output.md). */
  stats: FormatStats;
  /** With `showPassed`: each check that found nothing wrong with a resource. */
  passed?: PassedCheck[];
  /**
   * Files whose comments may hold suppressions, when the scanner knows (from its syntax trees); the rest are
   * not read again to look for them. Absent: every file with a finding is read.
   */
  commented?: string[];
  /** With `proposeFixes`: a proposal (or the reason for none) per fixable finding, by fingerprint. */
  proposals?: [string, FixProposalData][];
}

export interface FormatScanInput<Options = unknown> {
  source: FileSource;
  /** Every rule in use; the scanner runs those with a check for its format. */
  rules: readonly Rule[];
  /** True when worker threads can build every rule of `rules` themselves: built-in ones, and custom rules from their data. */
  builtinRulesOnly: boolean;
  /** The policy's safe defaults, which rules compare with. */
  defaults?: Readonly<SafeDefaults>;
  /** The policy's data classes, for the risk score. */
  dataClasses?: readonly DataClass[];
  /** Also record the checks that found nothing, returned in `passed`. */
  showPassed?: boolean;
  /** Also propose fixes for the findings (`bulwark fix`; `only` those fingerprints), returned in `proposals`. */
  proposeFixes?: { only?: readonly string[] };
  /** The format's own options (e.g. Terraform variables). */
  options: Options;
  onProgress?: (done: number, total: number, unit: string) => void;
}

export interface FormatScanner<Options = unknown> {
  /** Stable id, used in stats and JSON; its name and example file name are in core/formats.ts. */
  id: FormatId;
  /**
   * A scanner that reads files whatever else reads them (the secrets scanner reads every text file): it is
   * handed each file it claims, and never takes a file from another scanner.
   */
  shared?: boolean;
  /** Cheap test on the file's base name alone: could this format hold it? Only such files are discovered. */
  mayClaim(name: string): boolean;
  /** Names this scanner reads even when an ignore file ignores them, if git tracks them (an ignored `.env` committed anyway). */
  keepIfTracked?(name: string): boolean;
  /** Final say, given the start of the text when the name alone cannot tell. */
  claims(rel: string, head: () => string): boolean;
  /** True when the scanner has rules of its own for any of `rules`. */
  hasChecks(rule: Rule): boolean;
  /** May spread work over threads. */
  scan(input: FormatScanInput<Options>): Promise<FormatOutcome>;
  /** The same result, in this thread (rule examples, fix verification on in-memory overlays). */
  scanSync(input: FormatScanInput<Options>): FormatOutcome;
}
