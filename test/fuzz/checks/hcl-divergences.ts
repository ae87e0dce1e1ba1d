// Texts tree-sitter's HCL grammar accepts although HCL itself (hashicorp/hcl's hclsyntax) rejects or reads
// them otherwise, found by the fuzzer. Bulwark follows HCL, so the agreement property does not hold it to
// tree-sitter there. Each entry says what HCL does; `applies` recognises the case in tree-sitter's own
// tree (the converted one in reference.ts drops literal text), as narrowly as it can, so a real parser bug
// next to it is still reported. Only consulted when the two parsers disagree, so its cost does not matter.

import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';
import type { HclFile } from '../../../src/parse/hcl/ast.js';
import { idContinueLength, idStartLength } from '../../../src/parse/hcl/chars.js';

export interface Divergence {
  id: string;
  /** What HCL does, and what tree-sitter does instead. */
  why: string;
  applies(file: HclFile, root: Node): boolean;
}

export const TREE_SITTER_LENIENCIES: readonly Divergence[] = [
  {
    id: 'nesting-limit',
    why:
      'Not a leniency but a limit of Bulwark\'s own: nesting past MAX_NESTING_DEPTH (512) is an error, so hostile ' +
      'input cannot exhaust the stack; tree-sitter and HCL go deeper.',
    applies: (file) => file.errors.some((e) => e.message.startsWith('Nesting is too deep')),
  },
  {
    id: 'expression-continues-after-heredoc',
    why:
      "HCL's scanner emits the newline after a heredoc's closing marker as a token of its own, so in a body the " +
      'attribute ends there; tree-sitter folds that newline into the heredoc and lets the expression go on ' +
      '(`a = <<EOT\\nx\\nEOT\\n? b : c`).',
    applies: (_file, root) =>
      some(root, (h) => {
        if (h.type !== 'heredoc_template') return false;
        // Up to the attribute or object item the heredoc belongs to (where newlines count, as in HCL), does an
        // enclosing expression go on past the heredoc? Inside brackets a newline is whitespace in HCL too.
        for (let n = h.parent; n; n = n.parent) {
          if (n.type === 'attribute' || n.type === 'object_elem') return false;
          if (BRACKETED.has(n.type) || (n.type === 'expression' && n.firstChild?.type === '(')) return false;
          if (n.endIndex > h.endIndex && /\S/.test(n.text.slice(h.endIndex - n.startIndex))) return true;
        }
        return false;
      }),
  },
  {
    id: 'expression-continues-on-next-line',
    why:
      'In an HCL body a newline outside brackets ends the attribute, so `a = t.\\nd` is an error and `a = ""\\n.0` ' +
      'an attribute and a stray `.0`; tree-sitter treats such a newline as whitespace and goes on.',
    applies: (file, root) => {
      const error = file.errors[0];
      if (!error) return false;
      const at = error.range.start.offset;
      for (let n: Node | null = root.descendantForIndex(at, at); n; n = n.parent) {
        if (n.type === 'attribute') return continuesOverNewline(n, root);
      }
      return false;
    },
  },
  {
    id: 'block-header-spans-lines',
    why: "HCL wants a block's labels and `{` on the line of its type; tree-sitter accepts `r\\n\"x\" {}` and `o\\n{ ... }`.",
    applies: (_file, root) =>
      some(root, (n) => {
        if (n.type !== 'block') return false;
        const header: Node[] = [];
        for (const c of n.children) {
          if (!c || c.type === 'comment') continue;
          header.push(c);
          if (c.type === 'block_start') break;
        }
        return header.some((c, i) => i > 0 && c.startPosition.row > header[i - 1]!.endPosition.row);
      }),
  },
  {
    id: 'double-colon-outside-call',
    why: 'HCL allows `::` in a name only for provider functions (`provider::aws::arn_parse(x)`); tree-sitter also reads `d::` as a variable.',
    applies: (_file, root) => some(root, (n) => n.type === 'identifier' && n.text.includes('::') && n.parent?.type !== 'function_call'),
  },
  {
    id: 'top-level-object',
    why: 'An HCL file is a body; tree-sitter also accepts a file that is one object (`{ a = 1 }`), which HCL rejects.',
    applies: (_file, root) => root.namedChildren.some((c) => c?.type === 'object'),
  },
  {
    id: 'other-whitespace',
    why: "HCL's scanner knows only space and tab as spaces (a form feed or vertical tab is an invalid character); tree-sitter skips any whitespace.",
    applies: (file) => {
      const error = file.errors[0];
      const c = error ? file.text[error.range.start.offset] : undefined;
      // Unicode's White_Space, which is what tree-sitter skips: JavaScript's \s lacks U+0085 (NEL).
      return c !== undefined && /\p{White_Space}/u.test(c) && !' \t\r\n'.includes(c);
    },
  },
  {
    id: 'identifier-character-hcl-does-not-know',
    why:
      "HCL's scanner classifies identifier characters with its own (older) Unicode tables, and Bulwark with the " +
      'same classes: a character added to ID_Continue since (U+3347A, CJK extension H) is "Invalid character" to ' +
      'HCL and Bulwark, while tree-sitter takes it as part of a name or heredoc marker.',
    applies: (_file, root) =>
      some(root, (n) => {
        if (n.type !== 'identifier' && n.type !== 'heredoc_identifier') return false;
        const t = n.text;
        for (let i = 0; i < t.length; ) {
          const w = i === 0 ? idStartLength(t, i) : idContinueLength(t, i);
          if (w === 0) return true;
          i += w;
        }
        return false;
      }),
  },
  {
    id: 'lone-carriage-return',
    why:
      "HCL's scanner knows a carriage return only as part of CRLF: a lone one between tokens or in a heredoc is " +
      '"Invalid character" and one in a quoted string ends it ("Invalid multi-line string"); tree-sitter takes it ' +
      'as whitespace or a line end (so `\rEOT` closes a heredoc for it).',
    applies: (file) => {
      const error = file.errors[0];
      if (!error) return false;
      const at = error.range.start.offset;
      if (file.text[at] === '\r' && file.text[at + 1] !== '\n') return true;
      // An unterminated string: the first line end after its opening quote is a lone carriage return.
      if (!error.message.startsWith('Unterminated template string')) return false;
      const rest = file.text.slice(at + 1);
      const lineEnd = rest.search(/[\r\n]/);
      return lineEnd >= 0 && rest[lineEnd] === '\r' && rest[lineEnd + 1] !== '\n';
    },
  },
  {
    id: 'heredoc-opener-not-ending-its-line',
    why:
      'HCL scans `<<EOT` as a heredoc opener only when the newline follows the marker at once; with anything ' +
      'after it (`a = <<EOT \\n...`, or a character HCL does not take into the marker) the `<<` is an invalid ' +
      'expression. tree-sitter allows it and reads the rest of the line as the heredoc\'s first text.',
    applies: (file) => {
      const error = file.errors[0];
      if (!error) return false;
      const text = file.text;
      let i = error.range.start.offset;
      if (!text.startsWith('<<', i)) return false;
      i += text[i + 2] === '-' ? 3 : 2;
      const start = idStartLength(text, i);
      if (start === 0) return false;
      i += start;
      for (let w = idContinueLength(text, i); w > 0; w = idContinueLength(text, i)) i += w;
      return i < text.length && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n');
    },
  },
  {
    id: 'exponent-without-fraction',
    why: 'HCL numbers may have an exponent without a fraction (`1e3`); tree-sitter reads `1` and then a name `e3`.',
    applies: (file, root) => some(root, (n) => n.type === 'numeric_lit' && /^\d+$/.test(n.text) && /^[eE][-+]?\d/.test(file.text.slice(n.endIndex, n.endIndex + 3))),
  },
  {
    id: 'sigil-run-before-opener',
    why:
      'HCL scans `$$${x}` as a literal `$` and an escaped `$${` (so no interpolation), and likewise `%%%{`; ' +
      'tree-sitter pairs the first two and opens a sequence at the third.',
    applies: (file, root) =>
      some(root, (n) => {
        const opener = n.type === 'template_interpolation_start' || n.type === 'template_directive_start';
        return opener && n.startIndex > 0 && file.text[n.startIndex - 1] === file.text[n.startIndex];
      }),
  },
  {
    id: 'escape-of-no-character',
    why:
      'HCL rejects `\\u`/`\\U` escapes of surrogates or of code points past U+10FFFF ("Cannot encode character"); ' +
      'tree-sitter checks only that the hex digits are there.',
    applies: (_file, root) => some(root, (n) => n.type === 'template_literal' && hasEscapeOfNoCharacter(n.text)),
  },
  {
    id: 'items-on-one-line',
    why:
      'HCL ends every attribute and block with a newline (only a one-line block may hold one attribute before ' +
      'its `}`); tree-sitter treats newlines as whitespace, so `a = 1 b = 2` is two attributes to it.',
    applies: (file, root) => {
      const error = file.errors[0];
      if (!error || !/^Expected a newline after the (argument|block)/.test(error.message)) return false;
      return some(root, (n) => {
        if (n.type !== 'body') return false;
        const items = n.namedChildren.filter((c): c is Node => c !== null && (c.type === 'attribute' || c.type === 'block'));
        return items.some((c, i) => i > 0 && c.startIndex === error.range.start.offset && c.startPosition.row === items[i - 1]!.endPosition.row);
      });
    },
  },
  {
    id: 'template-opener-in-literal',
    why:
      'In HCL a `${` or `%{` in a quoted string always opens a template sequence (unless escaped as `$${`/`%%{`); ' +
      'in a block label that is an error ("Template sequences are not allowed"). tree-sitter sometimes keeps ' +
      'the opener as literal text, in labels (`b "${x}" {}`) and after an unclosed sequence.',
    applies: (_file, root) => some(root, (n) => n.type === 'template_literal' && hasUnescapedOpener(n.text)),
  },
  {
    id: 'empty-interpolation',
    why:
      'HCL requires an expression in `${ }`; tree-sitter accepts `${}`, and so also misreads `$$${}` (a literal ' +
      '`$` and an escaped `$${`, then `}`) as `$$` and an empty interpolation.',
    applies: (_file, root) => some(root, (n) => n.type === 'template_interpolation' && !n.namedChildren.some((c) => c?.type === 'expression')),
  },
  {
    id: 'quote-inside-template-literal',
    why:
      'In HCL an unescaped `"` always ends a quoted template. After a sequence holding a nested string ' +
      '(`"%{if ""}"x"%{endif}"`), tree-sitter reads the next `"` as literal text and the string goes on.',
    applies: (_file, root) => some(root, (n) => n.type === 'template_literal' && insideQuoted(n) && hasUnescapedQuote(n.text)),
  },
  {
    id: 'newline-in-quoted-string',
    why: 'HCL ends a quoted string at the end of its line (an error: "Unterminated template string"); tree-sitter lets it run on to the next line.',
    applies: (_file, root) => some(root, (n) => (n.type === 'quoted_template' || n.type === 'string_lit') && n.text.includes('\n')),
  },
  {
    id: 'newline-before-comma-in-object',
    why:
      'In an HCL object constructor a newline after an item is its separator (also the newline HCL emits as its ' +
      "own token after a heredoc's closing marker, scan_tokens.rl heredocLiteralEOL), so a `,` starting the next " +
      'line begins a key and is an error (`{a = 1\n, b = 2}`); tree-sitter skips the newline and takes the comma.',
    applies: (file, root) => {
      const error = file.errors[0];
      if (!error || error.message !== 'Expected an expression, found ","') return false;
      const at = error.range.start.offset;
      let i = at - 1;
      while (i >= 0 && (file.text[i] === ' ' || file.text[i] === '\t' || file.text[i] === '\r')) i--;
      if (file.text[i] !== '\n') return false;
      for (let n: Node | null = root.descendantForIndex(at, at); n; n = n.parent) if (n.type === 'object') return true;
      return false;
    },
  },
  {
    id: 'object-items-without-separator',
    why:
      'HCL separates the items of an object constructor with a comma or a newline ("Missing attribute separator" ' +
      'otherwise, as in `{n = [""] p = ""}`); tree-sitter accepts items side by side.',
    applies: (file, root) =>
      file.errors[0]?.message.startsWith('Expected a newline or "," between object items') === true &&
      some(root, (n) => {
        if (n.type !== 'object') return false;
        const items = n.children.filter((c): c is Node => c !== null && c.type !== 'comment');
        return items.some((c, i) => i > 0 && c.type === 'object_elem' && items[i - 1]!.type === 'object_elem');
      }),
  },
  {
    id: 'object-item-continues-on-next-line',
    why:
      'In an HCL object constructor a newline outside brackets ends the item, so in `{a = {}\n-9 b = 1}` the `-9` ' +
      'starts a new key; tree-sitter treats that newline as whitespace and reads `{} - 9`.',
    applies: (_file, root) => some(root, (n) => n.type === 'object_elem' && continuesOverNewline(n, root)),
  },
  {
    id: 'hex-number-literal',
    why: 'HCL numbers are decimal: `0x1` is the number `0` followed by the name `x1`, an error; tree-sitter reads a hexadecimal number.',
    applies: (_file, root) => some(root, (n) => n.type === 'numeric_lit' && /^0[xX]/.test(n.text)),
  },
  {
    id: 'space-in-legacy-index',
    why:
      'Both accept `l. 2` (a legacy index with a space after the dot); tree-sitter\'s index node starts at the space, ' +
      'Bulwark\'s literal at the digit, as HCL\'s own range does.',
    applies: (_file, root) => some(root, (n) => n.type === 'legacy_index' && /^\.\s/.test(n.text)),
  },
];

/** Tree-sitter nodes inside which a newline does not end an attribute. */
const BRACKETED = new Set(['tuple', 'object', 'function_arguments', 'for_tuple_expr', 'for_object_expr', 'quoted_template', 'heredoc_template', 'template_interpolation', 'template_directive', 'new_index']);

let parser: Parser | undefined;

export async function loadDivergenceParser(): Promise<void> {
  await Parser.init();
  const require = createRequire(import.meta.url);
  const language = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'));
  parser = new Parser();
  parser.setLanguage(language);
}

/** The documented divergence behind a disagreement, if any. */
export function knownDivergence(file: HclFile): Divergence | undefined {
  if (!parser) throw new Error('call loadDivergenceParser first');
  const tree = parser.parse(file.text);
  if (!tree) return undefined;
  try {
    return TREE_SITTER_LENIENCIES.find((d) => d.applies(file, tree.rootNode));
  } finally {
    tree.delete();
  }
}

function some(root: Node, test: (n: Node) => boolean): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (test(n)) return true;
    for (const c of n.children) if (c) stack.push(c);
  }
  return false;
}

/** A `${` or `%{` that HCL's scanner would take as a template sequence (`$${` and `%%{` are escapes). */
function hasUnescapedOpener(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$' && c !== '%') continue;
    if (text[i + 1] === '{') return true;
    if (text[i + 1] === c && text[i + 2] === '{') i += 2;
  }
  return false;
}

/** Whether tree-sitter's attribute runs over a newline that is not inside brackets, a template or a comment. */
function continuesOverNewline(attribute: Node, root: Node): boolean {
  const text = attribute.text;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    const at = attribute.startIndex + i;
    let bare = true;
    for (let n: Node | null = root.descendantForIndex(at, at); n && n.id !== attribute.id; n = n.parent) {
      if (n.type === 'comment' || BRACKETED.has(n.type) || (n.type === 'expression' && n.firstChild?.type === '(' && n.firstChild.startIndex < at)) {
        bare = false;
        break;
      }
    }
    if (bare) return true;
  }
  return false;
}

function hasEscapeOfNoCharacter(text: string): boolean {
  for (const m of text.matchAll(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/g)) {
    const cp = parseInt(m[1] ?? m[2]!, 16);
    if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return true;
  }
  return false;
}

/** Whether the nearest template around a node is a quoted one (a heredoc may hold quotes freely). */
function insideQuoted(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'quoted_template') return true;
    if (p.type === 'heredoc_template') return false;
  }
  return false;
}

function hasUnescapedQuote(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return true;
  }
  return false;
}
