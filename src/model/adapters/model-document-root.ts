// The root of a Bulwark model document, YAML or JSON, or a refusal. JSON is read by a JSON reader (fast,
// strict); YAML by the YAML parser, which is slow enough that YAML has its own size cap. A document with
// syntax errors, nesting past the limit or aliases that expand past the limit is refused: what a parser
// salvages from it may be missing any part of the design.

import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import type { ModelBuilder } from './builder.js';
import { fromYaml, type DocMap, type DocNode } from './doc-nodes.js';
import { parseJsonNodes } from './json-nodes.js';
import { exact, MAX_YAML_ALIAS_NODES, MAX_YAML_BYTES, MAX_YAML_NESTING } from './limits.js';
import { oneLine, truncateForMessage } from './messages.js';
import { aliasExpansion } from '../../parse/yaml/aliases.js';
import { yamlNesting } from './yaml-nesting.js';
import { parseYamlDocument } from './yaml-parse.js';

/** The root mapping of a model document, or null when it was refused (a note says why). */
export function modelDocumentRoot(text: string, builder: ModelBuilder, lineCounter: LineCounter, format: 'yaml' | 'json'): DocMap | null {
  return mappingDocument(text, builder, lineCounter, format)?.root ?? null;
}

export interface MappingDocumentOptions {
  /** Read YAML merge keys (`<<: *base`). */
  merge?: boolean;
  /** What the document should have been, said when its root is no mapping. */
  shape?: string;
}

/**
 * A document whose root is a mapping, as nodes (for lines) and as plain data (aliases and merge keys
 * resolved, which only the whole document can do; `plain` throws on a merge key that merges no mapping);
 * null when it was refused (a note says why).
 */
export function mappingDocument(
  text: string,
  builder: ModelBuilder,
  lineCounter: LineCounter,
  format: 'yaml' | 'json',
  options: MappingDocumentOptions = {},
): { root: DocMap; plain: () => unknown } | null {
  const nesting = yamlNesting(text);
  if (nesting.depth > MAX_YAML_NESTING) {
    builder.note('error', `the document nests ${exact(nesting.depth)} levels deep, over the limit of ${exact(MAX_YAML_NESTING)}`, nesting.line);
    return null;
  }
  const root = format === 'json' || /^\s*\{/.test(text) ? readJson(text, builder, lineCounter, format) : undefined;
  if (root === null) return null;
  const yaml = root === undefined ? readYaml(text, builder, lineCounter, options.merge ?? false) : undefined;
  if (yaml === null) return null;
  const contents = root ?? fromYaml(yaml?.contents ?? null);
  if (contents?.kind !== 'map') {
    builder.note('error', options.shape ?? 'a Bulwark model is a mapping with elements, flows, boundaries and dataAssets');
    return null;
  }
  // Aliases were bounded above (aliasExpansion), so the parser's own alias count check is not needed.
  return { root: contents, plain: () => (yaml ? yaml.doc.toJS({ json: true, maxAliasCount: -1 }) : contents.value) };
}

/**
 * The document's root read as JSON; null when it was refused (a note says why), undefined when YAML text
 * merely started like JSON and should go to the YAML parser.
 */
function readJson(text: string, builder: ModelBuilder, lineCounter: LineCounter, format: 'yaml' | 'json'): DocNode | null | undefined {
  const parsed = parseJsonNodes(text);
  if ('error' in parsed) {
    if (format === 'yaml') return undefined;
    countLines(text, lineCounter);
    builder.note('error', `JSON: ${parsed.error}`, lineCounter.linePos(parsed.offset).line);
    return null;
  }
  countLines(text, lineCounter);
  return parsed.root;
}

/** Line starts as the YAML parser would record them (it records offset 0 first), for `linePos`. */
function countLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
}

/** The document's root read as YAML (null contents for an empty document); null when it was refused (a note says why). */
function readYaml(text: string, builder: ModelBuilder, lineCounter: LineCounter, merge: boolean): { contents: YamlNode | null; doc: Document.Parsed } | null {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) {
    builder.note('error', `the YAML model is ${exact(bytes)} bytes, over the limit of ${exact(MAX_YAML_BYTES)} bytes for YAML (write a larger model as JSON)`);
    return null;
  }
  const parsed = parseYamlDocument(text, lineCounter, { merge });
  if ('error' in parsed) {
    const at = parsed.offset === undefined ? undefined : lineCounter.linePos(parsed.offset).line;
    // The parser reports running out of stack as a syntax error; say what it means.
    const what = /call stack/i.test(parsed.error) ? 'the document nests too deeply to read' : parsed.error;
    builder.note('error', `YAML: ${truncateForMessage(oneLine(what), 200)}${parsed.more ? ` (and ${exact(parsed.more)} more)` : ''}`, at);
    return null;
  }
  const root = parsed.doc.contents as YamlNode | null;
  const aliases = aliasExpansion(root, MAX_YAML_ALIAS_NODES);
  if (aliases.added > MAX_YAML_ALIAS_NODES) {
    const at = aliases.offset === undefined ? undefined : lineCounter.linePos(aliases.offset).line;
    builder.note('error', `YAML aliases expand to more than ${exact(MAX_YAML_ALIAS_NODES)} values, over the limit of ${exact(MAX_YAML_ALIAS_NODES)}`, at);
    return null;
  }
  return { contents: root, doc: parsed.doc };
}
