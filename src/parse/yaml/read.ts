// Reads a YAML stream (one or more `---` documents) into the scanners' tree (tree.ts), with the limits
// that keep hostile input cheap:
// - parsing stops at the first syntax error (the documents before it are kept, the error is reported);
// - parsing stops once MAX_NESTING collections are open (the parser recurses once per level);
// - a document whose aliases would expand to more than MAX_ALIAS_VALUES values is refused ("billion laughs").
// Aliases become shared references to their anchor's node, never copies, and merge keys (`<<: *base`, used
// throughout compose files) are applied as YAML 1.1 loaders do: the mapping's own keys win.

import { Composer, isAlias, isMap as isYamlMap, isPair, isScalar as isYamlScalar, isSeq as isYamlSeq, Lexer, Parser, type CST, type Document, type Node as YamlNode } from 'yaml';
import { aliasExpansion } from './aliases.js';
import { readYamlFast } from './fast.js';
import type { YDocument, YEntry, YMap, YNode, YScalar } from './tree.js';

/** Collections open at once; real manifests nest a dozen levels. */
export const MAX_NESTING = 128;
/** Values aliases may add to one document when expanded. */
export const MAX_ALIAS_VALUES = 100_000;

export interface YamlError {
  message: string;
  offset: number;
}

export interface YamlStream {
  /** The documents read, in order (up to the first error). */
  documents: YDocument[];
  error?: YamlError;
}

export function readYaml(text: string): YamlStream {
  // The common case, fast; anything it does not read exactly as the package would is read by the package.
  const fast = readYamlFast(text, MAX_NESTING);
  if (fast) return { documents: fast };
  return readWithPackage(text);
}

/** The `yaml` package's reading of the text, converted (also the reference the fast reader is tested against). */
export function readWithPackage(text: string): YamlStream {
  const documents: YDocument[] = [];
  let syntaxError: YamlError | undefined;
  const parser = new Parser();
  function* tokens(): Generator<CST.Token> {
    for (const lexeme of new Lexer().lex(text)) {
      for (const token of parser.next(lexeme)) {
        if (token.type === 'error') {
          syntaxError = { message: token.message, offset: token.offset };
          return;
        }
        yield token;
      }
      if (parser.stack.length > MAX_NESTING) {
        syntaxError = { message: `the document nests deeper than the limit of ${MAX_NESTING} levels`, offset: parser.offset };
        return;
      }
    }
    yield* parser.end();
  }
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0; // the composer's errors are built for messages only; stacks are most of their cost
  try {
    const composed: Document.Parsed[] = [...new Composer({ uniqueKeys: false }).compose(tokens(), true, text.length)];
    // With a syntax error the last document is the half-read one; it is left out.
    const whole = syntaxError ? composed.slice(0, -1) : composed;
    for (const doc of whole) {
      const [problem] = doc.errors;
      if (problem) return { documents, error: { message: firstLine(problem.message), offset: problem.pos[0] } };
      const expansion = aliasExpansion(doc.contents, MAX_ALIAS_VALUES);
      if (expansion.added > MAX_ALIAS_VALUES) {
        return { documents, error: { message: `YAML aliases expand to more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values, over the limit`, offset: expansion.offset ?? doc.range[0] } };
      }
      documents.push({ root: doc.contents ? convert(doc.contents as YamlNode, new Map()) : undefined, start: doc.range[0], end: doc.range[2] });
    }
    return syntaxError ? { documents, error: syntaxError } : { documents };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The tree of one parsed node; `anchors` holds what each anchor converted to, for aliases to share. */
function convert(node: YamlNode, anchors: Map<string, YNode>): YNode {
  const converted = convertNode(node, anchors);
  if (node.anchor && !isAlias(node)) anchors.set(node.anchor, converted);
  return converted;
}

function convertNode(node: YamlNode, anchors: Map<string, YNode>): YNode {
  const [start, , end] = node.range ?? [0, 0, 0];
  if (isAlias(node)) return anchors.get(node.source) ?? nullAt(start);
  if (isYamlScalar(node)) {
    const value = node.value;
    const typed = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : String(value);
    const style = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 'quoted' : node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? 'block' : 'plain';
    return { kind: 'scalar', value: typed, style, start, end: node.range![1] };
  }
  if (isYamlSeq(node)) {
    return { kind: 'seq', items: node.items.map((item) => (item ? convert(item as YamlNode, anchors) : nullAt(start))), flow: Boolean(node.flow), start, end };
  }
  if (isYamlMap(node)) {
    const entries: YEntry[] = [];
    const merged: YEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyRange = keyNode?.range ?? [start, start, start];
      const key = keyNode && isYamlScalar(keyNode) ? String(keyNode.value) : keyNode ? String((keyNode as { toString(): string }).toString()) : '';
      const value = pair.value ? convert(pair.value as YamlNode, anchors) : nullAt(keyRange[1]);
      if (key === '<<' && keyNode && isYamlScalar(keyNode) && keyNode.type === 'PLAIN') {
        for (const source of value.kind === 'seq' ? value.items : [value]) if (source.kind === 'map') merged.push(...source.entries);
        continue;
      }
      entries.push({ key, keyStart: keyRange[0], keyEnd: keyRange[1], value });
    }
    const own = new Set(entries.map((e) => e.key));
    const inherited = merged.filter((e, i) => !own.has(e.key) && merged.findIndex((m) => m.key === e.key) === i);
    const map: YMap = { kind: 'map', entries: inherited.length ? [...inherited, ...entries] : entries, flow: Boolean(node.flow), start, end };
    return map;
  }
  return nullAt(start);
}

function nullAt(offset: number): YScalar {
  return { kind: 'scalar', value: null, style: 'plain', start: offset, end: offset };
}
