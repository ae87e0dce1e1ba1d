// Whether each route runs behind authentication. A route is authenticated when authentication middleware is
// among its own arguments, or was registered on its app or router before it (`app.use(requireAuth)` earlier,
// `app.use('/api', requireAuth, router)` where the router is mounted). Middleware is recognised by what it
// does, followed into the function that defines it, in this file or in another module of the app (bounded
// depth): a call of an authentication library, a read of an API-key or Authorization header, or, for names
// that lead nowhere (parameters, unknown packages), a name that says so (`requireAuth`, `verifyToken`).

import { evidence, type Collector, type RouteSite } from './node-app-collect.js';
import type { Binding, ModuleIndex, Range } from './node-app-module.js';
import * as tokens from './node-app-tokens.js';
import type { Route } from './node-app-types.js';
import { bindingOf, definitionOf } from './node-app-values.js';
import { authOf, isAuthPackage } from './node-app-web.js';

// Bound once: the scanners call these for every token, and a module namespace's live bindings cost a lookup each time.
const { isPunct, isPunctCode, stringValue, Tok, tokText } = tokens;

const MAX_DEPTH = 4;
/** Tokens read of one middleware's definition: enough for any real one, and a bound on malformed code. */
const MAX_TOKENS = 5_000;
const AUTH_NAME = /^(require|ensure|check|verify|validate|is|has)?_?(auth(enticat\w*|oriz\w*|n|guard|middleware)?|jwt\w*|token\w*|api_?key\w*|logged_?in|bearer\w*|protect(ed)?|guard)$/i;
const AUTH_HEADER = /^(authorization|(x-)?api[-_]?key|x-auth-token)$/i;

interface Mount {
  parentKey: string;
  prefix: string;
  file: string;
  tok: number;
  auth: boolean;
}

export function judgeRoutes(c: Collector): Route[] {
  const memo: Memo = { verdicts: new Map(), names: new Map() };
  const isAuth = (mod: ModuleIndex, range: Range) => classify(c, mod, range, 0, memo);
  const keyOf = (mod: ModuleIndex, name: string) => {
    const def = definitionOf(c.ws, mod, name);
    return def ? `${def.mod.file}#${def.name}` : `${mod.file}#${name}`;
  };
  const globalAuth = new Map<string, { file: string; tok: number; prefix: string }[]>();
  const mounts = new Map<string, Mount>();
  for (const use of c.uses) {
    const key = keyOf(use.mod, use.receiver);
    const authArgs = use.args.filter((a) => isAuth(use.mod, a));
    const routers = use.args.filter((a) => a.end === a.start + 1 && use.mod.t.kind[a.start] === Tok.Ident && !authArgs.includes(a));
    if (authArgs.length && (!routers.length || use.prefix === undefined)) {
      const list = globalAuth.get(key) ?? [];
      list.push({ file: use.mod.file, tok: use.tok, prefix: use.prefix ?? '' });
      globalAuth.set(key, list);
    }
    for (const r of routers) {
      const child = keyOf(use.mod, tokText(use.mod.t, r.start));
      if (child !== key && !mounts.has(child)) mounts.set(child, { parentKey: key, prefix: use.prefix ?? '', file: use.mod.file, tok: use.tok, auth: authArgs.length > 0 });
    }
  }
  const authBefore = (key: string, file: string, tok: number, path: string, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    for (const g of globalAuth.get(key) ?? []) {
      if ((g.file !== file || g.tok < tok) && path.startsWith(g.prefix)) return true;
    }
    const mount = mounts.get(key);
    return Boolean(mount && (mount.auth || authBefore(mount.parentKey, mount.file, mount.tok, joinPath(mount.prefix, path), depth + 1)));
  };
  const fullPath = (key: string, path: string): string => {
    let p = path;
    for (let k = key, depth = 0; depth <= MAX_DEPTH; depth++) {
      const mount = mounts.get(k);
      if (!mount) break;
      p = joinPath(mount.prefix, p);
      k = mount.parentKey;
    }
    return p;
  };
  return c.routeSites.map((site: RouteSite): Route => {
    const key = keyOf(site.mod, site.receiver);
    const own = site.args.some((a) => isAuth(site.mod, a));
    return {
      method: site.method,
      path: fullPath(key, site.path),
      authenticated: own || authBefore(key, site.mod.file, site.tok, site.path, 0),
      evidence: evidence(site.mod, site.tok, site.tok + 1, `${site.receiver}.${site.method.toLowerCase()}('${site.path}')`),
    };
  });
}

function joinPath(prefix: string, path: string): string {
  if (!prefix || prefix === '/') return path;
  return `${prefix.replace(/\/$/, '')}${path === '/' ? '' : path}`;
}

/** What a name used in middleware leads to, worked out once per module and name. */
interface NameFacts {
  /** The package it comes from (not a relative module). */
  pkg?: Binding;
  /** Its definition, and that definition's key in the verdicts. */
  def?: { mod: ModuleIndex; range: Range; key: string };
  /** Not imported, and named like authentication (`requireAuth`). */
  authName: boolean;
}

interface Memo {
  /** Whether each definition (`file#name`) authenticates. */
  verdicts: Map<string, boolean>;
  names: Map<ModuleIndex, Map<string, NameFacts>>;
}

function nameFacts(c: Collector, mod: ModuleIndex, root: string, memo: Memo): NameFacts {
  let byName = memo.names.get(mod);
  if (!byName) memo.names.set(mod, (byName = new Map()));
  let facts = byName.get(root);
  if (facts) return facts;
  const binding = bindingOf(c.ws, mod, root);
  if (binding && !binding.module.startsWith('.')) facts = { pkg: binding, authName: false };
  else {
    const def = definitionOf(c.ws, mod, root);
    facts = def
      ? { def: { mod: def.mod, range: def.range, key: `${def.mod.file}#${def.name}` }, authName: false }
      : { authName: !mod.imports.has(root) && AUTH_NAME.test(root) };
  }
  byName.set(root, facts);
  return facts;
}

/** Whether the expression in `range` authenticates: calls an authentication library or reads a credential header, itself or in what it uses. */
function classify(c: Collector, mod: ModuleIndex, range: Range, depth: number, memo: Memo): boolean {
  if (depth > MAX_DEPTH) return false;
  const { t } = mod;
  for (let j = range.start; j < range.end && j < t.count && j < range.start + MAX_TOKENS; j++) {
    const k = t.kind[j];
    if (k === Tok.Str && (isPunctCode(t, j - 1, 91) || isPunctCode(t, j - 1, 40)) && AUTH_HEADER.test(stringValue(t, j))) return true;
    if (k !== Tok.Ident) continue;
    if (isPunctCode(t, j - 1, 46)) {
      if (t.end[j]! - t.start[j]! === 13 && /^authorization$/i.test(tokText(t, j)) && tokText(t, j - 2) === 'headers') return true;
      continue;
    }
    const root = tokText(t, j);
    // The members after the name (`passport.authenticate`), as a count: spelled out only for an authentication package.
    let members = 0;
    for (let p = j + 1; isPunctCode(t, p, 46) && t.kind[p + 1] === Tok.Ident; p += 2) members++;
    const facts = nameFacts(c, mod, root, memo);
    const binding = facts.pkg;
    if (binding) {
      if (!isAuthPackage(binding.module)) continue;
      const path: string[] = [];
      for (let m = 0; m < members; m++) path.push(tokText(t, j + 2 + 2 * m));
      if (authOf(binding.module.replace(/^node:/, ''), [...binding.member, ...path])) return true;
      if (path.length === 0 && authOf(binding.module, binding.member.filter((m) => m !== '()'))) return true;
      continue;
    }
    const def = facts.def;
    if (def) {
      let found = memo.verdicts.get(def.key);
      if (found === undefined) {
        memo.verdicts.set(def.key, false);
        found = classify(c, def.mod, def.range, depth + 1, memo);
        memo.verdicts.set(def.key, found);
      }
      if (found) return true;
    } else if (facts.authName && (isPunct(t, j + 1, ',') || isPunct(t, j + 1, '(') || j + 1 + members * 2 >= range.end)) return true;
  }
  return false;
}
