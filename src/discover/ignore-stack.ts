// Gitignore-style filtering across nested ignore files, the way git layers them:
// every `.gitignore` (and `.bulwarkignore`) applies to paths below its own directory,
// and a deeper file's last matching rule wins over a shallower one.

import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const IGNORE_FILE_NAMES = ['.gitignore', '.bulwarkignore'] as const;

/** Directory names never worth descending into. */
export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', '.terraform', 'node_modules']);

interface IgnoreLevel {
  /** Absolute directory the rules are relative to. */
  base: string;
  rules: Ignore;
}

/** An immutable list of ignore levels, outermost first; `push` returns a new stack. */
export class IgnoreStack {
  private constructor(private readonly levels: readonly IgnoreLevel[]) {}

  static empty(): IgnoreStack {
    return new IgnoreStack([]);
  }

  /** Adds the ignore files of `dir` (if any) as the innermost level. */
  async withDirectory(dir: string): Promise<IgnoreStack> {
    const rules = ignore();
    let found = false;
    for (const name of IGNORE_FILE_NAMES) {
      const text = await readTextIfPresent(join(dir, name));
      // A string is split into lines; an array element would be taken as one pattern.
      if (text !== undefined) rules.add(text);
      found ||= text !== undefined;
    }
    if (!found) return this;
    return new IgnoreStack([...this.levels, { base: dir, rules }]);
  }

  /** Adds explicit patterns (e.g. `--exclude`) relative to `base` as the innermost level. */
  withPatterns(base: string, patterns: readonly string[]): IgnoreStack {
    if (patterns.length === 0) return this;
    return new IgnoreStack([...this.levels, { base, rules: ignore().add([...patterns]) }]);
  }

  /** Whether `abs` is ignored; directories must say so, as dir-only patterns (`build/`) depend on it. */
  ignores(abs: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const level of this.levels) {
      const rel = relative(level.base, abs);
      if (rel === '' || rel.startsWith('..')) continue;
      const path = toPosix(rel) + (isDirectory ? '/' : '');
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

async function readTextIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    // Missing or unreadable ignore files simply contribute no rules.
    return undefined;
  }
}
