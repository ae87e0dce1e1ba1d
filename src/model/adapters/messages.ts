// Small helpers for the notes readers write: quoted input stays short and on one line, so a note about a
// megabyte-long label is still one readable line.

/** `text` cut to at most `max` characters (an ellipsis marks the cut), never splitting a surrogate pair. */
export function truncateForMessage(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** One line: runs of whitespace (newlines included) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A value from the input as a message shows it: scalars as written (cut short), lists and objects by what
 * they are. Never recursive: a value nested a million deep is still described in constant time.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(truncateForMessage(value, 60));
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}
