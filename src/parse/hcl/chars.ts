// Character classification on UTF-16 code units. ASCII takes a table-free fast path; anything
// else falls back to Unicode properties, which is rare in Terraform and so off the hot path.

const ID_START = /^\p{ID_Start}$/u;
const ID_CONTINUE = /^\p{ID_Continue}$/u;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** Identifier continuation in HCL also allows `-`. */
export function isAsciiIdContinue(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** Length in code units of the identifier-start character at `i`, or 0. */
export function idStartLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiIdStart(c) ? 1 : 0;
  if (Number.isNaN(c)) return 0; // past the end
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return ID_START.test(ch) ? ch.length : 0;
}

/** Length in code units of the identifier-continue character at `i`, or 0. */
export function idContinueLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiIdContinue(c) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return ID_CONTINUE.test(ch) ? ch.length : 0;
}

/** Whitespace as Go's unicode.IsSpace sees it (used for template strip markers and heredoc indentation). */
export function isUnicodeSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isUnicodeSpace(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

export function trimRightSpace(s: string): string {
  let i = s.length;
  while (i > 0 && isUnicodeSpace(s.charCodeAt(i - 1))) i--;
  return i === s.length ? s : s.slice(0, i);
}
