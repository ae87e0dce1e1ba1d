// Gitignore-style filtering across nested ignore files, the way git layers them:
// every `.gitignore` (and `.bulwarkignore`) applies to paths below its own directory,
// and a deeper file's last matching rule wins over a shallower one.

import { FileReadError, readRegularFileSync } from '../core/regular-file.js';
import { join, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const IGNORE_FILE_NAMES = ['.gitignore', '.bulwarkignore'] as const;

/** Directory names never worth descending into. */
export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', '.terraform', 'node_modules']);

interface IgnoreLevel {
  /** Absolute directory the rules are relative to, with a trailing separator, so a path below it starts with it. */
  prefix: string;
  rules: Ignore;
}

/** An immutable list of ignore levels, outermost first; the `with…` methods return a new stack. */
export class IgnoreStack {
  private constructor(private readonly levels: readonly IgnoreLevel[]) {}

  static empty(): IgnoreStack {
    return new IgnoreStack([]);
  }

  /** True when no rule can match, so callers may skip building paths for it. */
  get isEmpty(): boolean {
    return this.levels.length === 0;
  }

  /**
   * Adds the ignore files of `dir` (if any) as the innermost level. `present` lists the ignore file
   * names known to be in `dir` (from a directory listing), so absent files cost no failed read.
   * `onSkipped` hears of a present ignore file whose rules are not applied, and why.
   */
  withDirectory(dir: string, present: readonly string[] = IGNORE_FILE_NAMES, onSkipped?: (name: string, reason: string) => void): IgnoreStack {
    if (present.length === 0) return this;
    const rules = ignore();
    let found = false;
    // Fixed order (.gitignore, then .bulwarkignore) whatever order the listing had.
    for (const name of IGNORE_FILE_NAMES) {
      if (!present.includes(name)) continue;
      const text = readTextIfPresent(join(dir, name), (reason) => onSkipped?.(name, reason));
      // A string is split into lines; an array element would be taken as one pattern.
      if (text !== undefined) rules.add(text);
      found ||= text !== undefined;
    }
    if (!found) return this;
    return new IgnoreStack([...this.levels, { prefix: withTrailingSep(dir), rules }]);
  }

  /** Adds explicit patterns (e.g. `--exclude`) relative to `base` as the innermost level. */
  withPatterns(base: string, patterns: readonly string[]): IgnoreStack {
    if (patterns.length === 0) return this;
    return new IgnoreStack([...this.levels, { prefix: withTrailingSep(base), rules: ignore().add([...patterns]) }]);
  }

  /**
   * Whether `abs` (an absolute, normalised path) is ignored; directories must say so, as dir-only
   * patterns (`build/`) depend on it. Levels whose directory does not contain `abs` do not apply.
   */
  ignores(abs: string, isDirectory: boolean): boolean {
    const levels = this.levels;
    if (levels.length === 0) return false;
    let ignored = false;
    for (const level of levels) {
      // Plain prefix slicing: both sides are normalised absolute paths, so this is `relative()` for paths below the base.
      if (abs.length <= level.prefix.length || !abs.startsWith(level.prefix)) continue;
      const path = toPosix(abs.slice(level.prefix.length)) + (isDirectory ? '/' : '');
      const verdict = level.rules.test(path);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** `dir` with exactly one trailing separator (a filesystem root already has one). */
export function withTrailingSep(dir: string): string {
  return dir.endsWith(sep) ? dir : dir + sep;
}

/** Ignore files larger than this are not read: a real one is a few kilobytes. */
export const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

function readTextIfPresent(path: string, onSkipped: (reason: string) => void): string | undefined {
  try {
    // Only a regular file: a FIFO named `.gitignore` would block the walk forever.
    return readRegularFileSync(path, { maxBytes: MAX_IGNORE_FILE_BYTES });
  } catch (error) {
    // A missing ignore file contributes no rules; one that is there but not read is said so.
    if (error instanceof FileReadError && error.kind === 'missing') return undefined;
    if (error instanceof FileReadError) onSkipped(error.message.slice(error.path.length + 1));
    else onSkipped(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    return undefined;
  }
}
