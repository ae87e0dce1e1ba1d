// One Python module, indexed from its tokens: what its imports bind (`from flask import Flask as F` binds
// `F` to `flask.Flask`), its assignments, its functions and classes with their decorators, and its calls with
// the qualified name each callee resolves to. Workspace looks names up across the modules of one application.

import { LineIndex } from './lines.js';
import { isName, isOp, PyTok, tokenize, tokText, type PyTokens } from './python-tokens.js';

export interface Def {
  name: string;
  kind: 'def' | 'class';
  /** The token of the name. */
  tok: number;
  /** `(` and `)` of the parameters or bases, or -1. */
  open: number;
  close: number;
  /** The logical lines of its decorators (their `@` token). */
  decorators: number[];
  /** The tokens of its body: after the header up to the next line indented no deeper. */
  bodyEnd: number;
  indent: number;
}

export interface Assign {
  /** The value's tokens. */
  start: number;
  end: number;
  indent: number;
}

export interface Call {
  /** The callee's dotted name as written (`fc.CORS`, `app.route`). */
  written: string;
  /** What it resolves to through the imports (`flask_cors.CORS`), else as written. */
  qualified: string;
  /** The first token of the callee and its `(`, `)`. */
  tok: number;
  open: number;
  close: number;
}

export interface Arg {
  kw?: string;
  start: number;
  end: number;
}

export interface PyModule {
  file: string;
  /** Dotted module name inside its application (`app.extensions`; a package's `__init__.py` is the package). */
  dotted: string;
  t: PyTokens;
  line(offset: number): number;
  /** Local name → what it was imported as (`flask.Flask`, `flask_cors`, or `.extensions.cors` made absolute). */
  imports: Map<string, string>;
  /** Every imported module, with the token of its import. */
  importSites: { module: string; tok: number }[];
  /** Assignments by target name; module-level first. */
  assigns: Map<string, Assign[]>;
  defs: Def[];
  /** Functions and classes by name (the first of a name). */
  defByName: Map<string, Def>;
  /** Calls in token order, and by the first token of their callee. */
  calls: Call[];
  callAt: Map<number, Call>;
  /** The modules it imports from, by their top-level package (`flask`, `boto3`). */
  packages: Set<string>;
}

export function indexModule(file: string, text: string, appDir: string): PyModule {
  const t = tokenize(text);
  const lines = new LineIndex(text);
  const rel = appDir && file.startsWith(`${appDir}/`) ? file.slice(appDir.length + 1) : file;
  const parts = rel.replace(/\.py$/, '').split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const mod: PyModule = { file, dotted: parts.join('.'), t, line: (o) => lines.lineAt(o), imports: new Map(), importSites: [], assigns: new Map(), defs: [], defByName: new Map(), calls: [], callAt: new Map(), packages: new Set() };
  const pkg = file.endsWith('__init__.py') ? parts : parts.slice(0, -1);
  const pending: number[] = [];
  for (let li = 0; li < t.lines.length; li++) {
    const { first, end, indent } = t.lines[li]!;
    if (isName(t, first, 'import') || isName(t, first, 'from')) {
      readImport(mod, first, end, pkg);
      pending.length = 0;
      continue;
    }
    if (isOp(t, first, '@')) {
      pending.push(first);
      continue;
    }
    let k = isName(t, first, 'async') ? first + 1 : first;
    if ((isName(t, k, 'def') || isName(t, k, 'class')) && isName(t, k + 1)) {
      const open = isOp(t, k + 2, '(') ? k + 2 : -1;
      let bodyEnd = end;
      for (let lj = li + 1; lj < t.lines.length && t.lines[lj]!.indent > indent; lj++) bodyEnd = t.lines[lj]!.end;
      mod.defs.push({ name: tokText(t, k + 1), kind: tokText(t, k) as 'def' | 'class', tok: k + 1, open, close: open >= 0 ? t.match[open]! : -1, decorators: [...pending], bodyEnd, indent });
      pending.length = 0;
      continue;
    }
    pending.length = 0;
    // `NAME = value`, `A = B = value`, `NAME: type = value`.
    k = first;
    if (isName(t, k) && isOp(t, k + 1, ':')) {
      let j = k + 2;
      while (j < end && !isOp(t, j, '=')) j = t.match[j]! > j ? t.match[j]! + 1 : j + 1;
      if (j < end) addAssign(mod, tokText(t, k), j + 1, end, indent);
    } else {
      const targets: string[] = [];
      while (isName(t, k) && isOp(t, k + 1, '=')) {
        targets.push(tokText(t, k));
        k += 2;
      }
      for (const name of targets) addAssign(mod, name, k, end, indent);
    }
  }
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== PyTok.Name || isOp(t, i - 1, '.')) continue;
    let j = i;
    while (isOp(t, j + 1, '.') && isName(t, j + 2)) j += 2;
    if (isOp(t, j + 1, '(') && t.match[j + 1]! > j + 1) {
      const written = t.text.slice(t.start[i]!, t.end[j]!).replace(/\s+/g, '');
      const call = { written, qualified: qualify(mod, written), tok: i, open: j + 1, close: t.match[j + 1]! };
      mod.calls.push(call);
      mod.callAt.set(i, call);
    }
    i = j;
  }
  for (const d of mod.defs) if (!mod.defByName.has(d.name)) mod.defByName.set(d.name, d);
  for (const site of mod.importSites) mod.packages.add(site.module.split('.')[0]!);
  return mod;
}

function addAssign(mod: PyModule, name: string, start: number, end: number, indent: number): void {
  if (start >= end) return;
  const list = mod.assigns.get(name) ?? [];
  const item = { start, end, indent };
  if (indent === 0) list.unshift(item);
  else if (list.length < 50) list.push(item);
  mod.assigns.set(name, list);
}

function readImport(mod: PyModule, first: number, end: number, pkg: string[]): void {
  const { t } = mod;
  const dotted = (from: number): { name: string; next: number } => {
    let j = from;
    let name = '';
    while (j < end && (isOp(t, j, '.') || isOp(t, j, '...') || isName(t, j))) {
      if (isName(t, j, 'import') || isName(t, j, 'as')) break;
      name += tokText(t, j);
      j++;
    }
    return { name, next: j };
  };
  if (isName(t, first, 'import')) {
    for (let j = first + 1; j < end; ) {
      const { name, next } = dotted(j);
      if (!name) break;
      mod.importSites.push({ module: name, tok: j });
      if (isName(t, next, 'as') && isName(t, next + 1)) {
        mod.imports.set(tokText(t, next + 1), name);
        j = next + 2;
      } else {
        mod.imports.set(name.split('.')[0]!, name.split('.')[0]!);
        j = next;
      }
      if (isOp(t, j, ',')) j++;
      else break;
    }
    return;
  }
  const { name: from, next } = dotted(first + 1);
  if (!isName(t, next, 'import')) return;
  const base = absolute(from, pkg);
  mod.importSites.push({ module: base, tok: first + 1 });
  for (let j = next + 1; j < end; j++) {
    if (!isName(t, j)) continue;
    const name = tokText(t, j);
    mod.importSites.push({ module: `${base}.${name}`, tok: j });
    if (isName(t, j + 1, 'as') && isName(t, j + 2)) {
      mod.imports.set(tokText(t, j + 2), `${base}.${name}`);
      j += 2;
    } else mod.imports.set(name, `${base}.${name}`);
  }
}

/** `.extensions` from package `app` is `app.extensions`; `..config` goes one package up. */
function absolute(from: string, pkg: string[]): string {
  const dots = /^\.+/.exec(from)?.[0].length ?? 0;
  if (!dots) return from;
  const up = pkg.slice(0, Math.max(0, pkg.length - (dots - 1)));
  const rest = from.slice(dots);
  return [...up, ...(rest ? [rest] : [])].join('.');
}

/** `fc.CORS` → `flask_cors.CORS` when `fc` is `flask_cors`; names not imported stay as written. */
export function qualify(mod: PyModule, written: string): string {
  const dot = written.indexOf('.');
  const head = dot < 0 ? written : written.slice(0, dot);
  const bound = mod.imports.get(head);
  return bound ? bound + (dot < 0 ? '' : written.slice(dot)) : written;
}

/** The arguments of a call, each with its keyword when it has one; `*args` and `**kw` are kept as they are. */
export function callArgs(t: PyTokens, open: number, close: number): Arg[] {
  const out: Arg[] = [];
  let from = open + 1;
  const flush = (to: number): void => {
    if (to <= from) return;
    if (isName(t, from) && isOp(t, from + 1, '=')) out.push({ kw: tokText(t, from), start: from + 2, end: to });
    else out.push({ start: from, end: to });
  };
  for (let j = open + 1; j < close; j++) {
    if (t.match[j]! > j) {
      j = Math.min(t.match[j]!, close);
      continue;
    }
    if (isOp(t, j, ',')) {
      flush(j);
      from = j + 1;
    }
  }
  flush(close);
  return out;
}

export const kwArg = (args: Arg[], name: string): Arg | undefined => args.find((a) => a.kw === name);

/** The call whose callee starts at token `tok` and whose `)` is `close`, if there is one. */
export function callSpanning(mod: PyModule, tok: number, close: number): Call | undefined {
  const call = mod.callAt.get(tok);
  return call && call.close === close ? call : undefined;
}

/** The calls whose callee starts in [from, to), by binary search over the calls in token order. */
export function callsIn(mod: PyModule, from: number, to: number): Call[] {
  const { calls } = mod;
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (calls[mid]!.tok < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Call[] = [];
  for (let i = lo; i < calls.length && calls[i]!.tok < to; i++) out.push(calls[i]!);
  return out;
}

/** The modules of one application, to follow an import to the module that defines the name. */
export class PyWorkspace {
  readonly byDotted = new Map<string, PyModule>();
  private readonly found = new Map<string, PyModule | undefined>();

  constructor(readonly modules: PyModule[]) {
    for (const m of modules) if (!this.byDotted.has(m.dotted)) this.byDotted.set(m.dotted, m);
  }

  /** The module a dotted name names: exactly, or as the tail of a longer name (`src/app/x.py` for `app.x`). */
  module(dotted: string): PyModule | undefined {
    const exact = this.byDotted.get(dotted);
    if (exact) return exact;
    if (this.found.has(dotted)) return this.found.get(dotted);
    const tail = this.modules.find((m) => m.dotted.endsWith(`.${dotted}`));
    if (this.found.size < 10_000) this.found.set(dotted, tail);
    return tail;
  }

  /** Where a name used in `mod` is defined: the module and its name there (followed through up to 5 imports). */
  definition(mod: PyModule, name: string): { mod: PyModule; name: string } | undefined {
    let here = mod;
    let local = name;
    for (let hop = 0; hop < 5; hop++) {
      if (here.assigns.has(local) || here.defByName.has(local)) return { mod: here, name: local };
      const bound = here.imports.get(local);
      if (!bound) return undefined;
      const dot = bound.lastIndexOf('.');
      const owner = dot > 0 ? this.module(bound.slice(0, dot)) : undefined;
      if (!owner) return undefined;
      here = owner;
      local = bound.slice(dot + 1);
    }
    return undefined;
  }

  /** What a variable holds when it is made by a call: `limiter = Limiter(...)` gives `flask_limiter.Limiter`. */
  madeBy(mod: PyModule, name: string): { call: Call; mod: PyModule } | undefined {
    const found = this.definition(mod, name);
    if (!found) return undefined;
    for (const a of found.mod.assigns.get(found.name) ?? []) {
      const call = callSpanning(found.mod, a.start, a.end - 1);
      if (call) return { call, mod: found.mod };
    }
    return undefined;
  }
}
