// A line of input as adapters see it: its text and its 1-based line in the original file (a diagram
// fenced inside Markdown keeps the file's numbering).

export interface SourceLine {
  text: string;
  line: number;
}

export function sourceLines(text: string, firstLine = 1): SourceLine[] {
  return text.split(/\r?\n/).map((t, i) => ({ text: t, line: firstLine + i }));
}
