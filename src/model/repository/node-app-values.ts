// What an expression of application code stands for, worked out from the text alone: literals, arrays,
// object literals, environment variables with their fallbacks, and names followed to their definitions in
// the same file or, through relative imports, in another module of the application (bounded depth). Also
// what a call's callee is: `app.use` is `express()`'s `use` when `app = express()`.

import { exprEnd, objectProperties, type Binding, type ModuleIndex, type Range } from './node-app-module.js';
import * as tokens from './node-app-tokens.js';

// Bound once: the scanners call these for every token, and a module namespace's live bindings cost a lookup each time.
const { closeOf, isPunct, isWord, stringValue, Tok, tokText } = tokens;

export type Value =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'regex'; v: string }
  | { t: 'array'; items: Value[] }
  | { t: 'object'; mod: ModuleIndex; props: Map<string, Range> }
  | { t: 'env'; name: string; fallback?: Value }
  /** A template with interpolations: its raw text, with any leading `${NAME}` resolved apart. */
  | { t: 'template'; raw: string; head?: Value }
  | { t: 'fn' }
  | { t: 'unknown' };

const UNKNOWN: Value = { t: 'unknown' };
const MAX_DEPTH = 6;
const EXTENSIONS = ['', '.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '.mts', '.cts', '/index.js', '/index.ts', '/index.mjs', '/index.cjs'];

/** The modules of one application, by repository-relative path. */
export class Workspace {
  /** Resolved specifiers by importing file, then specifier: every name used is looked up through its import. */
  private readonly resolved = new Map<string, Map<string, ModuleIndex | null>>();
  /**
   * Per module: what each name leads to (its definition, the package chain it stands for). Kept with the
   * application rather than in module-level weak maps, which V8's young-generation collector handles slowly.
   */
  readonly definitions = new Map<ModuleIndex, Map<string, Definition | null>>();
  readonly bindings = new Map<ModuleIndex, Map<string, Binding | null>>();

  constructor(readonly modules: Map<string, ModuleIndex>) {}

  /** The module a relative specifier names from `from` (`./x.js` also finds `x.ts`), or undefined for packages and misses. */
  resolve(from: string, spec: string): ModuleIndex | undefined {
    if (!spec.startsWith('.')) return undefined;
    let byFile = this.resolved.get(from);
    if (!byFile) this.resolved.set(from, (byFile = new Map()));
    let found = byFile.get(spec);
    if (found === undefined) byFile.set(spec, (found = this.lookUp(from, spec) ?? null));
    return found ?? undefined;
  }

  private lookUp(from: string, spec: string): ModuleIndex | undefined {
    const parts = from.split('/').slice(0, -1);
    for (const seg of spec.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.' && seg !== '') parts.push(seg);
    }
    const base = parts.join('/');
    const stem = base.replace(/\.(m|c)?js$/, '');
    for (const candidate of [base, stem]) {
      for (const ext of EXTENSIONS) {
        const found = this.modules.get(candidate + ext);
        if (found) return found;
      }
    }
    return undefined;
  }
}

/** Where a name is defined: the module and the tokens of its definition, following relative imports and re-exports. */
export function definitionOf(ws: Workspace, mod: ModuleIndex, name: string, depth = 0): Definition | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // From the start (depth 0) a name always leads to the same definition: look it up once per module.
  if (depth === 0) {
    let cache = ws.definitions.get(mod);
    if (!cache) ws.definitions.set(mod, (cache = new Map()));
    let found = cache.get(name);
    if (found === undefined) cache.set(name, (found = findDefinition(ws, mod, name, 0) ?? null));
    return found ?? undefined;
  }
  return findDefinition(ws, mod, name, depth);
}

type Definition = { mod: ModuleIndex; name: string; range: Range };

function findDefinition(ws: Workspace, mod: ModuleIndex, name: string, depth: number): Definition | undefined {
  const range = mod.defs.get(name);
  if (range && !mod.imports.has(name)) return { mod, name, range };
  const binding = mod.imports.get(name);
  if (!binding) return undefined;
  const target = ws.resolve(mod.file, binding.module);
  if (!target) return undefined;
  return exportOf(ws, target, binding.member[0] ?? 'default', depth + 1);
}

/** The definition a module exports under `name`. */
export function exportOf(ws: Workspace, mod: ModuleIndex, name: string, depth: number): Definition | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const exported = mod.exports.get(name);
  if (exported?.range) return { mod, name, range: exported.range };
  if (exported?.local) return definitionOf(ws, mod, exported.local, depth + 1);
  for (const spec of mod.reexports) {
    const target = ws.resolve(mod.file, spec);
    const found = target && exportOf(ws, target, name, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Token index after wrappers that do not change what a value is: `await`, `new`, `(`. */
function skipWrappers(mod: ModuleIndex, r: Range): Range {
  const { t } = mod;
  let { start, end } = r;
  while (start < end && (isWord(t, start, 'await') || isWord(t, start, 'void'))) start++;
  while (isPunct(t, start, '(') && closeOf(t, start, end) === end) (start++, end--);
  return { start, end };
}

/** The value of the expression in `range` of `mod`. */
export function evaluate(ws: Workspace, mod: ModuleIndex, range: Range, depth = 0): Value {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const { t } = mod;
  const { start, end } = skipWrappers(mod, range);
  if (start >= end) return UNKNOWN;
  // `a || b`, `a ?? b`: the first known side (for an environment variable, the other is its fallback).
  for (let j = start; j < end; j++) {
    if (t.match[j]! >= 0) j = Math.min(t.match[j]!, end);
    else if (isPunct(t, j, '||') || isPunct(t, j, '??')) {
      const left = evaluate(ws, mod, { start, end: j }, depth + 1);
      const right = evaluate(ws, mod, { start: j + 1, end }, depth + 1);
      if (left.t === 'env' && !left.fallback) return { ...left, fallback: right };
      return left.t === 'unknown' ? right : left;
    } else if (isPunct(t, j, '=>') || isWord(t, j, 'function')) return { t: 'fn' };
  }
  const k = t.kind[start];
  if (end === start + 1) {
    if (k === Tok.Str) return { t: 'str', v: stringValue(t, start) };
    if (k === Tok.Num) return { t: 'num', v: Number(tokText(t, start).replace(/_/g, '')) };
    if (k === Tok.Regex) return { t: 'regex', v: tokText(t, start) };
    if (k === Tok.Template) return template(ws, mod, tokText(t, start), depth);
    if (isWord(t, start, 'true') || isWord(t, start, 'false')) return { t: 'bool', v: isWord(t, start, 'true') };
    if (k === Tok.Ident) return valueOfName(ws, mod, tokText(t, start), depth + 1);
    return UNKNOWN;
  }
  if (isWord(t, start, 'function') || isWord(t, start, 'async') || isWord(t, start, 'class')) return { t: 'fn' };
  const env = envAt(mod, start);
  if (env && env.end === end) return { t: 'env', name: env.name };
  // `Number(x)`, `parseInt(x, 10)`, `String(x)`: the value of x.
  if (t.kind[start] === Tok.Ident && /^(Number|parseInt|parseFloat|String|Boolean)$/.test(tokText(t, start)) && isPunct(t, start + 1, '(') && closeOf(t, start + 1, end) === end) {
    return evaluate(ws, mod, { start: start + 2, end: exprEnd(t, start + 2, end - 1) }, depth + 1);
  }
  if (isPunct(t, start, '[') && closeOf(t, start, end) === end) {
    const items: Value[] = [];
    for (let j = start + 1; j < end - 1; ) {
      const e = exprEnd(t, j, end - 1);
      if (e > j) items.push(evaluate(ws, mod, { start: j, end: e }, depth + 1));
      j = e + 1;
    }
    return { t: 'array', items };
  }
  if (isPunct(t, start, '{') && closeOf(t, start, end) === end) return { t: 'object', mod, props: objectProperties(t, start) };
  // `process.env.ORIGINS.split(',')`: still the variable.
  if (env && isPunct(t, env.end, '.')) return { t: 'env', name: env.name };
  return UNKNOWN;
}

function template(ws: Workspace, mod: ModuleIndex, raw: string, depth: number): Value {
  if (!raw.includes('${')) return { t: 'str', v: raw.slice(1, raw.endsWith('`') && raw.length > 1 ? -1 : undefined) };
  const lead = /^`\$\{\s*([\w$.]+)\s*\}/.exec(raw);
  if (!lead) return { t: 'template', raw };
  const name = lead[1]!;
  const envName = /^process\.env\.(\w+)$/.exec(name)?.[1];
  const head: Value = envName ? { t: 'env', name: envName } : /^[\w$]+$/.test(name) ? valueOfName(ws, mod, name, depth + 1) : UNKNOWN;
  return { t: 'template', raw, head };
}

function valueOfName(ws: Workspace, mod: ModuleIndex, name: string, depth: number): Value {
  const def = definitionOf(ws, mod, name);
  return def ? evaluate(ws, def.mod, def.range, depth + 1) : UNKNOWN;
}

/** `process.env.NAME` or `process.env['NAME']` (also `import.meta.env.NAME`) at `i`: the name and the token after it. */
export function envAt(mod: ModuleIndex, i: number): { name: string; end: number } | undefined {
  const { t } = mod;
  const root = isWord(t, i, 'process') && isPunct(t, i + 1, '.') && isWord(t, i + 2, 'env') ? i + 3
    : isWord(t, i, 'import') && isPunct(t, i + 1, '.') && isWord(t, i + 2, 'meta') && isPunct(t, i + 3, '.') && isWord(t, i + 4, 'env') ? i + 5 : -1;
  if (root < 0) return undefined;
  if ((isPunct(t, root, '.') || isPunct(t, root, '?.')) && t.kind[root + 1] === Tok.Ident) return { name: tokText(t, root + 1), end: root + 2 };
  if (isPunct(t, root, '[') && t.kind[root + 1] === Tok.Str && isPunct(t, root + 2, ']')) return { name: stringValue(t, root + 1), end: root + 3 };
  return undefined;
}

/** A property of an object value, evaluated; undefined when absent. */
export function prop(ws: Workspace, value: Value, key: string): Value | undefined {
  if (value.t !== 'object') return undefined;
  const range = value.props.get(key);
  return range ? evaluate(ws, value.mod, range) : undefined;
}

/** The strings a value holds (a string, each string of an array, a regular expression's source). */
export function strings(value: Value | undefined): string[] {
  if (!value) return [];
  if (value.t === 'str' || value.t === 'regex') return [value.v];
  if (value.t === 'array') return value.items.flatMap(strings);
  if (value.t === 'env' && value.fallback) return strings(value.fallback);
  return [];
}

/** Environment variables a value is read from. */
export function envNames(value: Value | undefined): string[] {
  if (!value) return [];
  if (value.t === 'env') return [value.name, ...envNames(value.fallback)];
  if (value.t === 'template') return envNames(value.head);
  if (value.t === 'array') return value.items.flatMap(envNames);
  return [];
}

/**
 * What the chain `root.a.b` (followed by calls `()` where written) stands for, as an imported module and a path of
 * members, with `()` for each call: `app` defined as `express()` is `express` `['()']`, so `app.use` is `['()', 'use']`.
 */
export function bindingOf(ws: Workspace, mod: ModuleIndex, root: string, depth = 0): Binding | undefined {
  let cache = ws.bindings.get(mod);
  if (!cache) ws.bindings.set(mod, (cache = new Map()));
  if (cache.has(root)) return cache.get(root) ?? undefined;
  cache.set(root, null);
  let found: Binding | undefined;
  const imported = mod.imports.get(root);
  if (imported && !imported.module.startsWith('.')) found = imported;
  else if (depth <= MAX_DEPTH) {
    const def = definitionOf(ws, mod, root);
    if (def) found = chainBinding(ws, def.mod, def.range, depth + 1);
  }
  cache.set(root, found ?? null);
  return found;
}

/** The binding of an expression written as a chain of names, members and calls (`new AWS.SQS({...})`, `express.Router()`). */
export function chainBinding(ws: Workspace, mod: ModuleIndex, range: Range, depth = 0): Binding | undefined {
  const { t } = mod;
  let { start } = skipWrappers(mod, range);
  const { end } = range;
  if (isWord(t, start, 'new')) start++;
  if (t.kind[start] !== Tok.Ident) return undefined;
  const root = bindingOf(ws, mod, tokText(t, start), depth);
  if (!root) return undefined;
  const member = [...root.member];
  for (let j = start + 1; j < end; ) {
    if ((isPunct(t, j, '.') || isPunct(t, j, '?.')) && t.kind[j + 1] === Tok.Ident) member.push(tokText(t, j + 1)), (j += 2);
    else if (isPunct(t, j, '(')) member.push('()'), (j = closeOf(t, j, end));
    else break;
  }
  if (isWord(t, range.start, 'new') || isWord(t, skipWrappers(mod, range).start, 'new')) {
    if (member[member.length - 1] !== '()') member.push('()');
  }
  return { module: root.module, member };
}
