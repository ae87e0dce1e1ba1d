// Glob patterns people write in a policy: gitignore-style for paths (the `ignore` package), and `*`/`?`
// wildcards for names, matched in linear time (compiled for re2js: no pattern can backtrack).

import { re2 } from './re2.js';
import ignore from 'ignore';

export function globMatcher(patterns: readonly string[], options: { paths?: boolean } = {}): (text: string) => boolean {
  if (options.paths) {
    const matcher = ignore().add([...patterns]);
    return (path) => path !== '' && !path.startsWith('/') && !path.startsWith('..') && matcher.ignores(path);
  }
  const source = patterns.map((p) => p.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('')).join('|');
  const RE2JS = re2();
  const re = RE2JS.compile(`^(?:${source})$`, RE2JS.CASE_INSENSITIVE);
  return (name) => re.matches(name);
}
