// One source file read for what its names stand for: the modules it imports (ES imports, require and
// dynamic import, under any alias or destructured name), the names it defines (constants, functions,
// classes, with the tokens of their definitions) and what it exports. The readers resolve a name used in a
// call through this index, so `corsMiddleware(...)`, `parseJson(...)` and `rl.rateLimit(...)` are known for
// what they are.

import * as tokens from './node-app-tokens.js';
import type { Tokens } from './node-app-tokens.js';

// Bound once: the scanners call these for every token, and a module namespace's live bindings cost a lookup each time.
const { closeOf, isPunct, isPunctCode, isWord, lineIndex, stringValue, Tok, tokenize, tokText } = tokens;

/** What an imported name is: a module, and the path of members taken from it (`['json']` for `express.json`). */
export interface Binding {
  module: string;
  member: string[];
}

/** Tokens `[start, end)` of a definition. */
export interface Range {
  start: number;
  end: number;
}

export interface ModuleIndex {
  file: string;
  t: Tokens;
  line: (offset: number) => number;
  imports: Map<string, Binding>;
  /** Every module imported, with the token where it is named (for library evidence), in order. */
  importSites: { module: string; tok: number }[];
  defs: Map<string, Range>;
  /** Exported name (`default` included) → the local name or the definition's tokens. */
  exports: Map<string, { local?: string; range?: Range }>;
  /** `export * from './x'`. */
  reexports: string[];
}

/** Whether a newline separates tokens `a` and `b`. */
export function newlineBetween(t: Tokens, a: number, b: number): boolean {
  const from = t.end[a]!, to = t.start[b]!;
  for (let i = from; i < to; i++) if (t.text.charCodeAt(i) === 10) return true;
  return false;
}

const MAX_TOP_LEVEL_TOKENS = 2000;
/** Words that start a statement and never continue an expression. */
const STATEMENT_WORDS = new Set(['const', 'let', 'var', 'import', 'export', 'return', 'if', 'for', 'while', 'switch', 'throw', 'try', 'do']);

/** The token index where the expression starting at `i` ends: `;`, a top-level `,`, an unmatched closer, or a new statement. */
export function exprEnd(t: Tokens, i: number, limit = t.count): number {
  // No real expression has this many tokens outside brackets; malformed code must not read on to the end every time.
  limit = Math.min(limit, i + MAX_TOP_LEVEL_TOKENS);
  for (let j = i; j < limit; j++) {
    const k = t.kind[j];
    if (k === Tok.Punct && t.end[j]! - t.start[j]! === 1) {
      const c = t.text.charCodeAt(t.start[j]!);
      if (c === 40 || c === 91 || c === 123) {
        // Over the whole bracketed part at once; an unclosed one ends the expression at the limit.
        const m = t.match[j]!;
        if (m >= limit) return limit;
        j = m;
        continue;
      }
      if (c === 41 || c === 93 || c === 125) return j;
      if (c === 59 || c === 44) return j;
    }
    if (j > i && k === Tok.Ident && STATEMENT_WORDS.has(tokText(t, j)) && !isPunct(t, j - 1, '.')) return j;
    if (j > i && k !== Tok.Punct && newlineBetween(t, j - 1, j)) {
      const pk = t.kind[j - 1];
      const prevCloses = pk !== Tok.Punct || /^[)\]}]$/.test(tokText(t, j - 1)) || isPunct(t, j - 1, '++') || isPunct(t, j - 1, '--');
      if (prevCloses && !(pk === Tok.Ident && /^(return|await|new|typeof|void|yield|in|of|instanceof|as|extends)$/.test(tokText(t, j - 1)))) return j;
    }
  }
  return limit;
}

/** The string argument of `require('m')` or `import('m')` at token `i` (the word), or undefined. */
function requiredModule(t: Tokens, i: number): string | undefined {
  if ((isWord(t, i, 'require') || isWord(t, i, 'import')) && isPunct(t, i + 1, '(') && t.kind[i + 2] === Tok.Str && isPunct(t, i + 3, ')')) {
    return stringValue(t, i + 2);
  }
  return undefined;
}

function normalise(member: string[]): string[] {
  return member.filter((m) => m !== 'default');
}

/** The last token of the brackets opened at `i`, at most `MAX_CLAUSE` tokens on: an unclosed bracket is not read to the end of the file each time. */
function clauseEnd(t: Tokens, i: number): number {
  return Math.min(closeOf(t, i) - 1, i + MAX_CLAUSE);
}
const MAX_CLAUSE = 4000;

/** `{ a, b: c, d = 1, ...rest }` at `i`: local name → the property it takes. */
function objectPattern(t: Tokens, i: number): Map<string, string> {
  const out = new Map<string, string>();
  const end = clauseEnd(t, i);
  for (let j = i + 1; j < end; ) {
    if (t.kind[j] === Tok.Ident || t.kind[j] === Tok.Str) {
      const key = t.kind[j] === Tok.Str ? stringValue(t, j) : tokText(t, j);
      if (isPunct(t, j + 1, ':') && t.kind[j + 2] === Tok.Ident) out.set(tokText(t, j + 2), key), (j += 3);
      else if (isPunct(t, j + 1, ':')) j = exprEnd(t, j + 2, end);
      else out.set(key, key), j++;
      if (isPunct(t, j, '=')) j = exprEnd(t, j + 1, end);
    } else j++;
  }
  return out;
}

/** `{ a, b as c, default as d }` of an import or export clause at `i`: local/alias name → original name. */
function namedClause(t: Tokens, i: number): Map<string, string> {
  const out = new Map<string, string>();
  const end = clauseEnd(t, i);
  for (let j = i + 1; j < end; j++) {
    if (isWord(t, j, 'type') && t.kind[j + 1] === Tok.Ident && !isPunct(t, j + 1, ',')) continue;
    if (t.kind[j] !== Tok.Ident && t.kind[j] !== Tok.Str) continue;
    const name = t.kind[j] === Tok.Str ? stringValue(t, j) : tokText(t, j);
    if (isWord(t, j + 1, 'as') && (t.kind[j + 2] === Tok.Ident || t.kind[j + 2] === Tok.Str)) {
      out.set(t.kind[j + 2] === Tok.Str ? stringValue(t, j + 2) : tokText(t, j + 2), name);
      j += 2;
    } else out.set(name, name);
  }
  return out;
}

/** First letters of the words `indexModule` acts on: import, require, const, class, let, var, function, export(s), module. */
const INDEX_WORD_START = new Uint8Array(65536);
for (const w of ['import', 'require', 'const', 'let', 'var', 'function', 'class', 'export', 'exports', 'module']) INDEX_WORD_START[w.charCodeAt(0)] = 1;

export function indexModule(file: string, text: string): ModuleIndex {
  const t = tokenize(text);
  const m: ModuleIndex = { file, t, line: lineIndex(text), imports: new Map(), importSites: [], defs: new Map(), exports: new Map(), reexports: [] };
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== Tok.Ident || isPunctCode(t, i - 1, 46) || isPunct(t, i - 1, '?.')) continue;
    // Only the words below start what is indexed: other names are passed over without slicing their text.
    const length = t.end[i]! - t.start[i]!;
    if (length < 3 || length > 8 || !INDEX_WORD_START[t.text.charCodeAt(t.start[i]!)]) continue;
    const word = tokText(t, i);
    if (word === 'import' && !isPunct(t, i + 1, '(') && !isPunct(t, i + 1, '.')) readImport(m, i);
    else if (word === 'require' || word === 'import') {
      const mod = requiredModule(t, i);
      if (mod !== undefined) m.importSites.push({ module: mod, tok: i });
    } else if (word === 'const' || word === 'let' || word === 'var') readDeclaration(m, i, isWord(t, i - 1, 'export'));
    else if ((word === 'function' || word === 'class') && t.kind[i + 1] === Tok.Ident) readFunction(m, i, word === 'class');
    else if (word === 'function' && isPunct(t, i + 1, '*') && t.kind[i + 2] === Tok.Ident) readFunction(m, i + 1, false);
    else if (word === 'export') readExport(m, i);
    else if (word === 'module' && isPunct(t, i + 1, '.') && isWord(t, i + 2, 'exports')) readCommonJsExport(m, i + 3);
    else if (word === 'exports' && isPunct(t, i + 1, '.') && t.kind[i + 2] === Tok.Ident && isPunct(t, i + 3, '=')) {
      m.exports.set(tokText(t, i + 2), { range: { start: i + 4, end: exprEnd(t, i + 4) } });
    }
  }
  return m;
}

function readImport(m: ModuleIndex, i: number): void {
  const { t } = m;
  let j = i + 1;
  if (isWord(t, j, 'type') && !isPunct(t, j + 1, ',') && !isWord(t, j + 1, 'from')) return;
  if (t.kind[j] === Tok.Str) {
    m.importSites.push({ module: stringValue(t, j), tok: j });
    return;
  }
  // TypeScript's `import x = require('m')`.
  if (t.kind[j] === Tok.Ident && isPunct(t, j + 1, '=')) {
    const mod = requiredModule(t, j + 2);
    if (mod !== undefined) m.imports.set(tokText(t, j), { module: mod, member: [] }), m.importSites.push({ module: mod, tok: j + 4 });
    return;
  }
  const names: [string, string[]][] = [];
  for (let guard = 0; j < t.count && guard < 4; guard++) {
    if (t.kind[j] === Tok.Ident && !isWord(t, j, 'from')) names.push([tokText(t, j), []]), j++;
    else if (isPunct(t, j, '*') && isWord(t, j + 1, 'as') && t.kind[j + 2] === Tok.Ident) names.push([tokText(t, j + 2), []]), (j += 3);
    else if (isPunct(t, j, '{')) {
      for (const [local, orig] of namedClause(t, j)) names.push([local, [orig]]);
      j = closeOf(t, j);
    } else break;
    if (isPunct(t, j, ',')) j++;
  }
  if (!isWord(t, j, 'from') || t.kind[j + 1] !== Tok.Str) return;
  const mod = stringValue(t, j + 1);
  m.importSites.push({ module: mod, tok: j + 1 });
  for (const [local, member] of names) m.imports.set(local, { module: mod, member: normalise(member) });
}

/** After `=`: `[await] require('m')[.a.b]` or `import('m')`: the binding, or undefined. */
function requireBinding(t: Tokens, j: number): Binding | undefined {
  if (isWord(t, j, 'await')) j++;
  const mod = requiredModule(t, j);
  if (mod === undefined) return undefined;
  const member: string[] = [];
  for (let k = j + 4; isPunct(t, k, '.') && t.kind[k + 1] === Tok.Ident; k += 2) member.push(tokText(t, k + 1));
  return { module: mod, member: normalise(member) };
}

function readDeclaration(m: ModuleIndex, i: number, exported: boolean): void {
  const { t } = m;
  let j = i + 1;
  for (let guard = 0; guard < 64 && j < t.count; guard++) {
    if (t.kind[j] === Tok.Ident) {
      const name = tokText(t, j);
      let k = j + 1;
      if (isPunct(t, k, '!')) k++;
      if (isPunct(t, k, ':')) k = exprEndAtEquals(t, k + 1);
      if (!isPunct(t, k, '=')) return;
      const binding = requireBinding(t, k + 1);
      if (binding) m.imports.set(name, binding);
      const end = exprEnd(t, k + 1);
      m.defs.set(name, { start: k + 1, end });
      if (exported) m.exports.set(name, { local: name });
      j = end;
    } else if (isPunct(t, j, '{') || isPunct(t, j, '[')) {
      const close = closeOf(t, j);
      if (!isPunct(t, close, '=')) return;
      const binding = requireBinding(t, close + 1);
      if (binding && isPunct(t, j, '{')) {
        for (const [local, prop] of objectPattern(t, j)) m.imports.set(local, { module: binding.module, member: normalise([...binding.member, prop]) });
      }
      j = exprEnd(t, close + 1);
    } else return;
    if (!isPunct(t, j, ',')) return;
    j++;
  }
}

/** Skips a type annotation up to the `=` that follows it at depth 0 (or the expression's end). */
function exprEndAtEquals(t: Tokens, i: number): number {
  let depth = 0;
  for (let j = i; j < t.count && j < i + 200; j++) {
    if (isPunct(t, j, '<') || isPunct(t, j, '(') || isPunct(t, j, '[') || isPunct(t, j, '{')) depth++;
    else if (isPunct(t, j, '>') || isPunct(t, j, ')') || isPunct(t, j, ']') || isPunct(t, j, '}')) depth--;
    else if (depth <= 0 && (isPunct(t, j, '=') || isPunct(t, j, ';'))) return j;
  }
  return i;
}

function readFunction(m: ModuleIndex, i: number, isClass: boolean): void {
  const { t } = m;
  const name = tokText(t, i + 1);
  let j = i + 2;
  if (!isClass) {
    while (j < t.count && !isPunct(t, j, '(') && j < i + 40) j++;
    j = closeOf(t, j);
  }
  while (j < t.count && !isPunct(t, j, '{') && j < i + 200) j++;
  const end = closeOf(t, j);
  if (!m.defs.has(name)) m.defs.set(name, { start: i, end });
  if (isWord(t, i - 1, 'export') || (isWord(t, i - 1, 'async') && isWord(t, i - 2, 'export'))) m.exports.set(name, { local: name });
  if (isWord(t, i - 1, 'default') || (isWord(t, i - 1, 'async') && isWord(t, i - 2, 'default'))) m.exports.set('default', { local: name });
}

function readExport(m: ModuleIndex, i: number): void {
  const { t } = m;
  if (isWord(t, i + 1, 'default')) {
    const j = i + 2;
    if (isWord(t, j, 'function') || isWord(t, j, 'class') || isWord(t, j, 'async')) {
      const named = t.kind[j + 1] === Tok.Ident && !isPunct(t, j + 1, '(') && !isWord(t, j, 'async');
      if (!named) m.exports.set('default', { range: { start: j, end: exprEnd(t, j) } });
      return;
    }
    if (t.kind[j] === Tok.Ident && exprEnd(t, j) === j + 1) m.exports.set('default', { local: tokText(t, j) });
    else m.exports.set('default', { range: { start: j, end: exprEnd(t, j) } });
  } else if (isPunct(t, i + 1, '{')) {
    const close = closeOf(t, i + 1);
    const from = isWord(t, close, 'from') && t.kind[close + 1] === Tok.Str ? stringValue(t, close + 1) : undefined;
    for (const [alias, local] of namedClause(t, i + 1)) {
      if (from === undefined) m.exports.set(alias, { local });
      else {
        const reexported = `#reexport:${alias}`;
        m.imports.set(reexported, { module: from, member: normalise([local]) });
        m.exports.set(alias, { local: reexported });
      }
    }
    if (from !== undefined) m.importSites.push({ module: from, tok: close + 1 });
  } else if (isPunct(t, i + 1, '*') && isWord(t, i + 2, 'from') && t.kind[i + 3] === Tok.Str) {
    m.reexports.push(stringValue(t, i + 3));
    m.importSites.push({ module: stringValue(t, i + 3), tok: i + 3 });
  }
}

function readCommonJsExport(m: ModuleIndex, j: number): void {
  const { t } = m;
  if (isPunct(t, j, '.') && t.kind[j + 1] === Tok.Ident && isPunct(t, j + 2, '=')) {
    m.exports.set(tokText(t, j + 1), { range: { start: j + 3, end: exprEnd(t, j + 3) } });
    return;
  }
  if (!isPunct(t, j, '=')) return;
  const start = j + 1;
  const end = exprEnd(t, start);
  if (t.kind[start] === Tok.Ident && end === start + 1) {
    m.exports.set('default', { local: tokText(t, start) });
    return;
  }
  m.exports.set('default', { range: { start, end } });
  if (isPunct(t, start, '{')) {
    // `module.exports = { security, limiter: rateLimiter }`: each property is an export too.
    for (const [key, range] of objectProperties(t, start)) {
      const local = range.end === range.start + 1 && t.kind[range.start] === Tok.Ident ? tokText(t, range.start) : undefined;
      m.exports.set(key, local ? { local } : { range });
    }
  }
}

/** The properties of an object literal at `i` (`{`): key → the tokens of its value (a method's own tokens for `f() {}`). */
export function objectProperties(t: Tokens, i: number): Map<string, Range> {
  const out = new Map<string, Range>();
  const end = clauseEnd(t, i);
  for (let j = i + 1; j < end; ) {
    if (isPunct(t, j, '...')) {
      j = exprEnd(t, j + 1, end) + 1;
      continue;
    }
    let key: string | undefined;
    if (t.kind[j] === Tok.Ident || t.kind[j] === Tok.Num) key = tokText(t, j);
    else if (t.kind[j] === Tok.Str) key = stringValue(t, j);
    if (isWord(t, j, 'async') || isWord(t, j, 'get') || isWord(t, j, 'set')) {
      if (t.kind[j + 1] === Tok.Ident && isPunct(t, j + 2, '(')) (j++, (key = tokText(t, j)));
    }
    if (key === undefined) {
      j = exprEnd(t, j + 1, end) + 1;
      continue;
    }
    if (isPunct(t, j + 1, ':')) {
      const e = exprEnd(t, j + 2, end);
      out.set(key, { start: j + 2, end: e });
      j = e + 1;
    } else if (isPunct(t, j + 1, '(')) {
      const e = exprEnd(t, j, end);
      out.set(key, { start: j, end: e });
      j = e + 1;
    } else {
      out.set(key, { start: j, end: j + 1 });
      j = exprEnd(t, j + 1, end) + 1;
    }
  }
  return out;
}
