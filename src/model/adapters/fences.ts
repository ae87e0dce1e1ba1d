// Markdown around designs: diagrams fenced in a Markdown file, and the prose of a Markdown file without
// its code blocks.

import { sourceLines, type SourceLine } from './source.js';

export interface Fence {
  lang: string;
  text: string;
  /** 1-based line of the fence's first content line. */
  firstLine: number;
}

/** Fenced code blocks of a Markdown document, with where they start. */
export function extractFences(text: string): Fence[] {
  const lines = text.split(/\r?\n/);
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const marker = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.trim().startsWith(marker); j++) body.push(lines[j]!);
    fences.push({ lang: open[2]!.toLowerCase(), text: body.join('\n'), firstLine: i + 2 });
    i = j;
  }
  return fences;
}

export function isDiagramFence(fence: Fence, kind: 'mermaid' | 'plantuml'): boolean {
  return kind === 'mermaid' ? fence.lang === 'mermaid' : fence.lang === 'plantuml' || fence.lang === 'puml' || /@startuml/.test(fence.text);
}

/** The diagram sources of a file: the whole file, or each matching fence of a Markdown document. */
export function diagramSources(text: string, fileName: string | undefined, kind: 'mermaid' | 'plantuml'): SourceLine[][] {
  const isMarkdown = /\.(?:md|markdown)$/i.test(fileName ?? '') || /^[ \t]*(?:`{3,}|~{3,})/m.test(text);
  if (!isMarkdown) return [sourceLines(text)];
  const fences = extractFences(text).filter((f) => isDiagramFence(f, kind));
  return fences.length > 0 ? fences.map((f) => sourceLines(f.text, f.firstLine)) : [sourceLines(text)];
}

/** Prose from a Markdown file: drop fenced code, keep the words. */
export function proseText(text: string, fileName: string | undefined): SourceLine[] {
  const lines = sourceLines(text);
  if (!/\.(?:md|markdown)$/i.test(fileName ?? '')) return lines;
  let inFence = false;
  return lines.filter((l) => {
    if (/^\s*(`{3,}|~{3,})/.test(l.text)) {
      inFence = !inFence;
      return false;
    }
    return !inFence;
  });
}
