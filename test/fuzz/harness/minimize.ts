// Delta debugging on text, after fast-check's own shrinking. A counterexample mutated from a 4 KB
// fixture shrinks poorly through the mutation list (the seed stays whole), so the failing text itself is
// cut down: whole files first, then lines, then characters, keeping each cut that still fails the same way.

import type { FuzzInput } from './target.js';

export interface MinimizeBudget {
  /** Stop after this many attempts... */
  maxTries: number;
  /** ...or this many milliseconds, whichever comes first. */
  maxMs: number;
}

export function minimizeInput(input: FuzzInput, fails: (candidate: FuzzInput) => boolean, budget: MinimizeBudget): FuzzInput {
  let tries = 0;
  const deadline = performance.now() + budget.maxMs;
  const spent = (): boolean => tries >= budget.maxTries || performance.now() > deadline;
  const attempt = (candidate: FuzzInput): boolean => {
    if (spent()) return false;
    tries++;
    return fails(candidate);
  };
  if (typeof input === 'string') return minimizeText(input, attempt, spent);
  let files: Record<string, string> = { ...input };
  for (const name of Object.keys(files)) {
    const { [name]: _dropped, ...rest } = files;
    if (Object.keys(rest).length > 0 && attempt(rest)) files = rest;
  }
  for (const name of Object.keys(files)) {
    const text = minimizeText(files[name]!, (t) => attempt({ ...files, [name]: t }), spent);
    files = { ...files, [name]: text };
  }
  return files;
}

function minimizeText(text: string, fails: (t: string) => boolean, spent: () => boolean): string {
  let lines = splitKeeping(text, '\n');
  lines = ddmin(lines, (ls) => fails(ls.join('')), spent);
  let chars = [...lines.join('')];
  // Characters are split by code point so a surrogate pair is never cut in half by accident.
  chars = ddmin(chars, (cs) => fails(cs.join('')), spent);
  return chars.join('');
}

function splitKeeping(text: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, i + 1)) {
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Zeller's ddmin over complements: remove chunks while the rest still fails. */
function ddmin<T>(items: T[], fails: (items: T[]) => boolean, spent: () => boolean): T[] {
  let current = items;
  let n = 2;
  while (current.length >= 2 && !spent()) {
    const size = Math.ceil(current.length / n);
    let reduced = false;
    for (let start = 0; start < current.length && !spent(); start += size) {
      const complement = [...current.slice(0, start), ...current.slice(start + size)];
      if (complement.length > 0 && fails(complement)) {
        current = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= current.length) break;
      n = Math.min(n * 2, current.length);
    }
  }
  return current;
}
