// The project root reports make paths relative to: the nearest ancestor holding `.git`.

import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest ancestor (or `dir` itself) holding `.git`. */
export function findRepositoryTop(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    try {
      if (statSync(join(d, '.git'), { throwIfNoEntry: false })) return d;
    } catch {
      // Unreadable: treated as absent, like a missing `.git`.
    }
    if (dirname(d) === d) return undefined;
  }
}
