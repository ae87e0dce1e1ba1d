// Text from scanned files and designs (names, labels, file names, quoted excerpts) is attacker-controlled:
// an ESC sequence can rewrite a terminal, a newline or a bracket can restructure Markdown. Every text and
// Markdown output passes such text through one of these. JSON and SARIF escape by construction.

/**
 * Characters that control a terminal or reorder text: C0 and C1 controls, DEL, the Unicode line and
 * paragraph separators, and the bidirectional overrides and isolates ("Trojan Source").
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\x1b` for one-byte code points, `\u202e` for the rest: what the character is, without its effect. */
function codePoint(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** For terminals and plain text: every control character shown as its escape (`\n`, `\x1b`, `\u202e`). */
export function visible(text: string): string {
  return text.replace(CONTROL, (ch) => NAMED[ch] ?? codePoint(ch));
}

/** For multi-line text written by Bulwark (a rule's message): line breaks kept, every other control escaped. */
export function visibleLines(text: string): string {
  return text.replace(CONTROL, (ch) => (ch === '\n' ? ch : (NAMED[ch] ?? codePoint(ch))));
}

/** For one line of output: line breaks and tabs become spaces, other control characters their escapes. */
export function visibleOnOneLine(text: string): string {
  return text.replace(CONTROL, (ch) => (ch === '\n' || ch === '\r' || ch === '\t' || ch === '\u2028' || ch === '\u2029' ? ' ' : codePoint(ch)));
}

/**
 * Inline Markdown (a paragraph, list item, heading or table cell): on one line, with the characters that
 * make links, images, raw HTML and table columns escaped. Code spans in the text keep working.
 */
export function markdownInline(text: string): string {
  return visibleOnOneLine(text).replace(/[\\[\]<>|]/g, (ch) => `\\${ch}`);
}

/**
 * A Markdown code span around `text`, whatever backticks it holds. In a table cell (`inTable`) a pipe is
 * escaped as GFM requires; elsewhere a backslash inside a code span would be shown as is.
 */
export function markdownCode(text: string, inTable = false): string {
  let body = visibleOnOneLine(text);
  if (inTable) body = body.replace(/\|/g, '\\|');
  let longestRun = 0;
  for (const run of body.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = '`'.repeat(longestRun + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
