// Entry point of the threat-model inputs: picks the format (by extension, then content, or as told) and
// converts the text into one validated Architecture, with notes on what was inferred or not understood.

import type { Architecture } from '../schema/architecture.js';
import type { InputFormat } from './formats.js';
import { ModelBuilder, type AdapterNote } from './builder.js';
import { parseMermaidArchitecture } from './mermaid-architecture.js';
import { parseMermaidC4 } from './mermaid-c4.js';
import { parseMermaidFlowchart } from './mermaid-flowchart.js';
import { parsePlantUml } from './plantuml.js';
import { parseProse } from './prose.js';
import { sourceLines, type SourceLine } from './source.js';
import { isThreatDragon, readThreatDragon } from './threat-dragon.js';
import { readModelDocument } from './yaml-model.js';

export type { AdapterNote } from './builder.js';
export { architectureToYaml } from './yaml-model.js';
export { toThreatDragon, type ExportableThreat } from './threat-dragon-export.js';

export { INPUT_FORMATS, type InputFormat } from './formats.js';

export interface ReadOptions {
  fileName?: string;
  format?: InputFormat;
}

export interface ReadResult {
  model: Architecture;
  notes: AdapterNote[];
}

/** Mermaid diagram types that say nothing about components and flows. */
const OTHER_MERMAID = /^(?:sequenceDiagram|classDiagram(?:-v2)?|stateDiagram(?:-v2)?|erDiagram|gantt|pie|journey|gitGraph|mindmap|timeline|quadrantChart|requirementDiagram|sankey(?:-beta)?|xychart(?:-beta)?|block(?:-beta)?|packet(?:-beta)?|kanban|radar(?:-beta)?|zenuml|treemap(?:-beta)?)\b/;
const MERMAID_START = /^\s*(?:flowchart|graph|architecture-beta|architecture|C4Context|C4Container|C4Component|C4Dynamic|C4Deployment)\b/m;

export function detectFormat(fileName: string, text: string): InputFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'mmd' || ext === 'mermaid') return 'mermaid';
  if (ext === 'puml' || ext === 'plantuml' || ext === 'pu' || ext === 'iuml' || ext === 'wsd') return 'plantuml';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'json') return jsonFlavour(text);
  if (ext === 'txt') return 'prose';
  if (ext === 'md' || ext === 'markdown') {
    const blocks = extractFences(text);
    if (blocks.some((b) => b.lang === 'mermaid')) return 'mermaid';
    if (blocks.some((b) => b.lang === 'plantuml' || b.lang === 'puml' || /@startuml/.test(b.text))) return 'plantuml';
    return 'prose';
  }
  return detectByContent(text);
}

function detectByContent(text: string): InputFormat {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return jsonFlavour(text);
  if (/^\s*@startuml/m.test(text)) return 'plantuml';
  if (/^```\s*mermaid/m.test(text)) return 'mermaid';
  const firstCode = trimmed.replace(/^(?:---[\s\S]*?---\s*)?(?:%%.*\n\s*)*/, '');
  if (MERMAID_START.test(firstCode.split('\n')[0] ?? '')) return 'mermaid';
  if (/^(?:name|elements|flows|boundaries|dataAssets|version)\s*:/m.test(text) && /^(?:elements|flows)\s*:/m.test(text)) return 'yaml';
  return 'prose';
}

function jsonFlavour(text: string): InputFormat {
  try {
    return isThreatDragon(JSON.parse(text)) ? 'threat-dragon' : 'json';
  } catch {
    return 'json';
  }
}

export function readArchitecture(text: string, options: ReadOptions = {}): ReadResult {
  const fileName = options.fileName;
  const format = options.format ?? detectFormat(fileName ?? '', text);
  const builder = new ModelBuilder(format, fileName);
  try {
    switch (format) {
      case 'mermaid':
        readDiagrams(text, fileName, builder, 'mermaid');
        return finish(builder, true);
      case 'plantuml':
        readDiagrams(text, fileName, builder, 'plantuml');
        return finish(builder, true);
      case 'prose':
        parseProse(proseText(text, fileName), builder);
        return finish(builder, true);
      case 'yaml':
      case 'json':
        return readModelDocument(text, builder);
      case 'threat-dragon':
        return readThreatDragon(text, builder);
    }
  } catch (error) {
    // Adapters report problems as notes; this is the last guard so bad input never crashes a run.
    builder.note('warning', `could not read the ${format} input: ${error instanceof Error ? error.message : String(error)}`);
    return { model: emptyModel(builder), notes: builder.notes };
  }
}

function finish(builder: ModelBuilder, inferInternetFacing: boolean): ReadResult {
  const model = builder.build({ inferInternetFacing });
  if (model.elements.length === 0) builder.note('warning', 'no architecture elements were found in the input');
  return { model, notes: builder.notes };
}

function emptyModel(builder: ModelBuilder): Architecture {
  const fresh = new ModelBuilder(builder.format, builder.file);
  return fresh.build();
}

interface Fence {
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

/** The diagram sources of a file: the whole file, or each matching fence of a Markdown document. */
function diagramSources(text: string, fileName: string | undefined, kind: 'mermaid' | 'plantuml'): SourceLine[][] {
  const isMarkdown = /\.(?:md|markdown)$/i.test(fileName ?? '') || /^\s*(`{3,}|~{3,})/m.test(text);
  if (!isMarkdown) return [sourceLines(text)];
  const fences = extractFences(text).filter((f) =>
    kind === 'mermaid' ? f.lang === 'mermaid' : f.lang === 'plantuml' || f.lang === 'puml' || /@startuml/.test(f.text),
  );
  return fences.length > 0 ? fences.map((f) => sourceLines(f.text, f.firstLine)) : [sourceLines(text)];
}

function readDiagrams(text: string, fileName: string | undefined, builder: ModelBuilder, kind: 'mermaid' | 'plantuml'): void {
  const sources = diagramSources(text, fileName, kind);
  if (sources.length > 1) builder.note('info', `${sources.length} ${kind} diagrams found; they are read as one model`);
  for (const lines of sources) {
    if (kind === 'plantuml') {
      parsePlantUml(lines, builder);
      continue;
    }
    const body = skipFrontMatter(lines, builder);
    const header = body.find((l) => l.text.trim() && !l.text.trim().startsWith('%%'));
    const headerText = header?.text.trim() ?? '';
    if (/^architecture(?:-beta)?\b/.test(headerText)) parseMermaidArchitecture(body, builder);
    else if (/^C4\w+/.test(headerText)) parseMermaidC4(body, builder);
    else if (OTHER_MERMAID.test(headerText)) {
      builder.note('warning', `a Mermaid ${headerText.split(/\s/)[0]} describes no architecture; use a flowchart, architecture-beta or C4 diagram`, header?.line);
    } else {
      if (!/^(?:flowchart|graph)\b/i.test(headerText) && header) builder.note('warning', 'no "flowchart" or "graph" header; read as a flowchart', header.line);
      parseMermaidFlowchart(body, builder);
    }
  }
}

/** Mermaid front matter (`---\ntitle: …\n---`) gives the model name and is not diagram syntax. */
function skipFrontMatter(lines: SourceLine[], builder: ModelBuilder): SourceLine[] {
  const first = lines.findIndex((l) => l.text.trim() !== '');
  if (first < 0 || lines[first]!.text.trim() !== '---') return lines;
  const end = lines.findIndex((l, i) => i > first && l.text.trim() === '---');
  if (end < 0) return lines;
  for (const l of lines.slice(first + 1, end)) {
    const title = /^\s*title\s*:\s*(.+)$/.exec(l.text);
    if (title) builder.name ??= title[1]!.trim().replace(/^["']|["']$/g, '');
  }
  return lines.slice(end + 1);
}

/** Prose from a Markdown file: drop fenced code, keep the words. */
function proseText(text: string, fileName: string | undefined): SourceLine[] {
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
