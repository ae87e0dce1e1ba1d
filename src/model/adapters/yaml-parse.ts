// One YAML document, parsed so that broken input costs little: parsing stops at the first syntax error the
// tokenizer finds (a file of ten thousand stray brackets would otherwise produce ten thousand errors), and
// the parser's errors are built without stack traces, which are most of their cost and never shown.
// The parser recurses once per open collection when it closes them, and some broken input (a run of
// `-x: a\n    k:` lines) opens a new mapping on every other line, however shallow the indentation: parsing
// stops once MAX_YAML_NESTING collections are open, with that as the error.

import { Composer, Lexer, Parser, type CST, type Document, type LineCounter } from 'yaml';
import { exact, MAX_YAML_NESTING } from './limits.js';

export type ParsedYaml = { doc: Document.Parsed } | { error: string; offset: number; more: number };

/** `merge`: YAML 1.1 merge keys (`<<: *base`), which some formats (Threagile) use to share fields. */
export function parseYamlDocument(text: string, lineCounter: LineCounter, options: { uniqueKeys?: boolean; merge?: boolean } = {}): ParsedYaml {
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ uniqueKeys: options.uniqueKeys ?? false, merge: options.merge ?? false });
  let syntaxError: { message: string; offset: number } | undefined;
  function* untilFirstError(tokens: Iterable<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      if (token.type === 'error') {
        syntaxError = { message: token.message, offset: token.offset };
        return;
      }
      yield token;
    }
  }
  /**
   * What `parser.parse(text)` does, one lexical token at a time (the lexer is a loop, the parser recurses),
   * so the parser's open collections are counted before it recurses over them.
   */
  function* countingDepth(parser: Parser, text: string): Generator<CST.Token> {
    lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme);
      if (parser.stack.length > MAX_YAML_NESTING) {
        syntaxError = { message: `the document nests deeper than the limit of ${exact(MAX_YAML_NESTING)} levels`, offset: parser.offset };
        // Left open: closing them is the recursion being avoided; the half-built document is dropped.
        return;
      }
    }
    yield* parser.end();
  }
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    let doc: Document.Parsed | undefined;
    for (const next of composer.compose(untilFirstError(countingDepth(parser, text)), true, text.length)) {
      if (doc) return { error: 'the file holds more than one YAML document', offset: next.range[0], more: 0 };
      doc = next;
    }
    if (syntaxError) return { error: syntaxError.message, offset: syntaxError.offset, more: 0 };
    const [first, ...rest] = doc!.errors;
    if (first) return { error: first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), offset: first.pos[0], more: rest.length };
    return { doc: doc! };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
