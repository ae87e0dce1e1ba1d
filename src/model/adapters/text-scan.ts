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

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * What `/^(.*?):(?:\s+(.*))?$/.exec(text)` gives ("a web API that: accepts …"), in linear time: that pattern
 * retries from every colon and rescans the rest each time, minutes on a long line of colons with a lone
 * carriage return at the end. The head is before the first colon that ends the text or is followed by
 * whitespace and then no line terminator; neither part may hold a line terminator (as `.` does not match one).
 */
export function splitAtColon(text: string): [whole: string, head: string, rest: string | undefined] | undefined {
  const firstTerminator = text.search(LINE_TERMINATOR);
  let lastTerminator = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    if (LINE_TERMINATOR.test(text[i]!)) {
      lastTerminator = i;
      break;
    }
  }
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    if (firstTerminator >= 0 && firstTerminator < i) return undefined;
    if (i === text.length - 1) return [text, text.slice(0, i), undefined];
    let j = i + 1;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    // Whitespace after the colon, then a rest without line terminators (whitespace up to the end is an empty rest).
    if (j > i + 1 && lastTerminator < j) return [text, text.slice(0, i), text.slice(j)];
  }
  return undefined;
}
