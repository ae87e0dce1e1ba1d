// Looking backwards from a position in a text without regular expressions over "everything before": a
// pattern anchored with `$` on `text.slice(0, i)` rescans the whole prefix, which over a long paragraph
// makes reading quadratic. These walk back over just the characters they need.

const SPACE = /\s/;
const WORD_CHAR = /[\w-]/;
const LETTER = /[A-Za-z]/;

/**
 * The word that ends, followed by whitespace, right at `pos`: what `/([A-Za-z][\w-]*)\s+$/` finds in
 * `text.slice(0, pos)`, as `{ word, index }`, or undefined.
 */
export function wordBefore(text: string, pos: number): { word: string; index: number } | undefined {
  let end = pos;
  while (end > 0 && SPACE.test(text[end - 1]!)) end--;
  if (end === pos) return undefined;
  let start = end;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  // The match starts at the first letter of the run; digits, `_` and `-` before it are not part of it.
  while (start < end && !LETTER.test(text[start]!)) start++;
  if (start === end) return undefined;
  return { word: text.slice(start, end), index: start };
}

/** Whether `text` between `from` and `to` is only whitespace (or empty). */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!SPACE.test(text[i]!)) return false;
  return true;
}

/** Text shortened for quoting in a note: whitespace collapsed, at most `max` characters, without scanning past what it keeps. */
export function excerpt(text: string, max = 120): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (SPACE.test(ch)) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
    if (out.length > max) return `${out.slice(0, max - 3)}...`;
  }
  return out;
}
