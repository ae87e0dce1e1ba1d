// Entry point of the threat-model inputs: picks the format (by extension, then content, or as told) and
// converts the text into one validated Architecture, with notes on what was inferred or not understood.

import type { Architecture } from '../schema/architecture.js';
import type { InputFormat } from './formats.js';
import { ModelBuilder, type AdapterNote, type BuildOptions } from './builder.js';
import { diagramSources, extractFences, isDiagramFence, proseText } from './fences.js';
import { exact, MAX_DESIGN_BYTES, MAX_PROSE_BYTES } from './limits.js';
import { oneLine, truncateForMessage } from './messages.js';
import { parseMermaidArchitecture } from './mermaid-architecture.js';
import { parseMermaidC4 } from './mermaid-c4.js';
import { parseMermaidFlowchart } from './mermaid-flowchart.js';
import { parsePlantUml } from './plantuml.js';
import { parseProse } from './prose.js';
import type { SourceLine } from './source.js';
import { isThreatDragon, readThreatDragon } from './threat-dragon.js';
import { isOtm, readOtm } from './otm.js';
import { isThreagile, readThreagile, THREAGILE_YAML } from './threagile.js';
import { foreignMessage, notADesignMessage, recogniseForeign } from './foreign-input.js';
import type { ImportedDecision } from '../tracking/imported-decisions.js';
import type { ImportedThreat } from '../schema/imported-threat.js';
import { readModelDocument } from './yaml-model.js';

export type { AdapterNote } from './builder.js';
export { architectureToYaml } from './yaml-model.js';
export { toThreatDragon, type ExportableThreat } from './threat-dragon-export.js';

export { INPUT_FORMATS, type InputFormat } from './formats.js';
export { extractFences } from './fences.js';

export interface ReadOptions {
  fileName?: string;
  format?: InputFormat;
}

export interface ReadResult {
  model: Architecture;
  notes: AdapterNote[];
  /** Threats the file already holds (Threat Dragon, Open Threat Model), for the register; absent when none. */
  threats?: ImportedThreat[];
  /** Decisions the file holds on its risks (Threagile's risk tracking), to apply to the analysed threats; absent when none. */
  decisions?: ImportedDecision[];
}

/** Mermaid diagram types that say nothing about components and flows. */
const OTHER_MERMAID = /^(?:sequenceDiagram|classDiagram(?:-v2)?|stateDiagram(?:-v2)?|erDiagram|gantt|pie|journey|gitGraph|mindmap|timeline|quadrantChart|requirementDiagram|sankey(?:-beta)?|xychart(?:-beta)?|block(?:-beta)?|packet(?:-beta)?|kanban|radar(?:-beta)?|zenuml|treemap(?:-beta)?)\b/;
const MERMAID_START = /^[ \t]*(?:flowchart|graph|architecture-beta|architecture|C4Context|C4Container|C4Component|C4Dynamic|C4Deployment)\b/m;

export function detectFormat(fileName: string, text: string): InputFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'mmd' || ext === 'mermaid') return 'mermaid';
  if (ext === 'puml' || ext === 'plantuml' || ext === 'pu' || ext === 'iuml' || ext === 'wsd') return 'plantuml';
  if (ext === 'yaml' || ext === 'yml') return OTM_YAML.test(text) ? 'otm' : THREAGILE_YAML.test(text) || /(?:^|[\\/])threagile[^\\/]*$/i.test(fileName) ? 'threagile' : 'yaml';
  if (ext === 'json') return jsonFlavour(text);
  if (ext === 'txt') return 'prose';
  if (ext === 'md' || ext === 'markdown') {
    const blocks = extractFences(text);
    if (blocks.some((b) => b.lang === 'mermaid')) return 'mermaid';
    if (blocks.some((b) => isDiagramFence(b, 'plantuml'))) return 'plantuml';
    return 'prose';
  }
  return detectByContent(text);
}

function detectByContent(text: string): InputFormat {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return jsonFlavour(text);
  // `[ \t]*`, not `\s*`, after a line anchor: `\s*` would rescan every following blank line from each line start.
  if (/^[ \t]*@startuml/m.test(text)) return 'plantuml';
  if (OTM_YAML.test(text)) return 'otm';
  if (THREAGILE_YAML.test(text)) return 'threagile';
  if (/^```[ \t]*mermaid/m.test(text)) return 'mermaid';
  const firstCode = trimmed.replace(/^(?:---[\s\S]*?---\s*)?(?:%%.*\n\s*)*/, '');
  const firstLineEnd = firstCode.indexOf('\n');
  if (MERMAID_START.test(firstLineEnd < 0 ? firstCode : firstCode.slice(0, firstLineEnd))) return 'mermaid';
  if (/^(?:name|elements|flows|boundaries|dataAssets|version)\s*:/m.test(text) && /^(?:elements|flows)\s*:/m.test(text)) return 'yaml';
  return 'prose';
}

/** An Open Threat Model in YAML states its version at the top level. */
const OTM_YAML = /^otmVersion[ \t]*:/m;

function jsonFlavour(text: string): InputFormat {
  // Threat Dragon files have a `detail.diagrams` list; without that word (or an escape that could spell it)
  // a large Bulwark model is not parsed twice just to find out.
  if (!text.includes('diagrams') && !text.includes('otmVersion') && !text.includes('technical_assets') && !text.includes('threagile_version') && !text.includes('\\u')) return 'json';
  try {
    const doc: unknown = JSON.parse(text);
    return isThreatDragon(doc) ? 'threat-dragon' : isOtm(doc) ? 'otm' : isThreagile(doc) ? 'threagile' : 'json';
  } catch {
    return 'json';
  }
}

export function readArchitecture(text: string, options: ReadOptions = {}): ReadResult {
  const fileName = options.fileName;
  const bytes = Buffer.byteLength(text, 'utf8');
  // Too big to look at: the format comes from the name alone (detection by content parses JSON).
  const tooBig = bytes > MAX_DESIGN_BYTES;
  const format = options.format ?? detectFormat(fileName ?? '', tooBig ? '' : text);
  const builder = new ModelBuilder(format, fileName);
  builder.lineCount = tooBig ? undefined : lineCountOf(text);
  // A file that is clearly something else (a manifest, a Dockerfile, nothing at all) is named, not read; before
  // the prose limit, which a large file of another kind (a Threat Modeling Tool model) would otherwise hit.
  const foreign = options.format || tooBig ? undefined : recogniseForeign(fileName ?? '', text);
  if (foreign) {
    builder.note('error', foreignMessage(fileName, foreign));
    return { model: builder.build(), notes: builder.notes };
  }
  if (tooBig || (format === 'prose' && bytes > MAX_PROSE_BYTES)) {
    const [what, limit] = tooBig ? ['the design', MAX_DESIGN_BYTES] : ['the prose description', MAX_PROSE_BYTES];
    builder.note('error', `${what} is ${exact(bytes)} bytes, over the limit of ${exact(limit)} bytes${tooBig ? '' : ' for prose'}`);
    return { model: builder.build(), notes: builder.notes };
  }
  let buildOptions: BuildOptions;
  const decisions: ImportedDecision[] = [];
  try {
    buildOptions = readInto(format, text, fileName, builder, decisions);
  } catch (error) {
    // Adapters report problems as notes; this is the last guard so bad input never crashes a run.
    const message = error instanceof Error ? error.message : String(error);
    builder.note('error', `could not read the ${format} input: ${truncateForMessage(oneLine(message), 200)}`);
    return { model: builder.build(), notes: builder.notes };
  }
  // A design that names nothing is named after its file ("photo-upload.txt" → "Photo upload").
  if (builder.name === undefined && fileName) {
    const named = nameFromFile(fileName);
    if (named) builder.name = named;
  }
  const model = builder.build(buildOptions);
  const threats = builder.importedThreats();
  if (!builder.refused) {
    const problem = nothingToAnalyse(model);
    const notADesign = problem && model.elements.length === 0 ? notADesignMessage(fileName, text, format) : undefined;
    if (notADesign) builder.note('error', notADesign);
    else if (problem) {
      // Located where the first warning is: the likely reason nothing was found.
      const warning = builder.notes.find((n) => n.level === 'warning');
      builder.note('error', `${problem}${warning ? ` (${truncateForMessage(oneLine(warning.message), 160)})` : ''}`, warning?.line);
    }
  }
  const result: ReadResult = threats.length ? { model, notes: builder.notes, threats } : { model, notes: builder.notes };
  if (decisions.length && !builder.refused) result.decisions = decisions;
  return result;
}

/** Files named for what they are, not for the system, say nothing of its name. */
const GENERIC_FILE_NAMES = /^(?:readme|index|design|architecture|arch|diagram|diagrams|model|models|system|threat-?model|c4|context|container|components?|deployment|overview|docs?|stdin|-)$/i;

/** "photo-upload.txt" → "Photo upload", "order_system.v2.mmd" → "Order system v2"; undefined for generic names. */
function nameFromFile(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]+$/, '');
  if (stem.length < 3 || GENERIC_FILE_NAMES.test(stem)) return undefined;
  const words = stem.replace(/[-_.]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  if (!words || words.length > 80) return undefined;
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function readInto(format: InputFormat, text: string, fileName: string | undefined, builder: ModelBuilder, decisions: ImportedDecision[]): BuildOptions {
  switch (format) {
    case 'mermaid':
    case 'plantuml':
      readDiagrams(text, fileName, builder, format);
      return { inferInternetFacing: true, inferExternalSystems: true };
    case 'prose':
      parseProse(proseText(text, fileName), builder);
      return { inferInternetFacing: true };
    case 'yaml':
    case 'json':
      return readModelDocument(text, builder, format);
    case 'threat-dragon':
      return readThreatDragon(text, builder);
    case 'otm':
      return readOtm(text, builder);
    case 'threagile':
      return readThreagile(text, builder, decisions);
  }
}

/**
 * Why a model read from the input is no design at all, or undefined when it is one. Input that was not
 * understood must never pass for a design without threats.
 */
function nothingToAnalyse(model: Architecture): string | undefined {
  if (model.elements.length === 0) return 'no architecture elements were found in the input';
  const outside = model.elements.every((e) => e.kind === 'actor' || e.kind === 'external-system');
  if (outside && model.flows.length === 0) {
    return `only ${model.elements.length === 1 ? 'one actor or external system' : 'actors and external systems'} and no data flows were found in the input: nothing of the system itself to analyse`;
  }
  return undefined;
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

/** Lines of the text, counted at `\n` (an empty text is one empty line). */
function lineCountOf(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
