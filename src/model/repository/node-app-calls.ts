// One pass over a module's tokens that finds every call (`name(...)`, `a.b.c(...)`, `new X(...)`), works out
// what the callee is (which package, which member, through aliases, destructuring and local definitions),
// and hands it to the readers of web controls and of outbound clients.

import { splitArgs, type Collector } from './node-app-collect.js';
import { readClientCall } from './node-app-io.js';
import type { ModuleIndex, Range } from './node-app-module.js';
import * as tokens from './node-app-tokens.js';
import type { Tokens } from './node-app-tokens.js';
import { bindingOf } from './node-app-values.js';
import { readWebCall, WEB_METHODS } from './node-app-web.js';

// Bound once: the scanners call these for every token, and a module namespace's live bindings cost a lookup each time.
const { closeOf, isPunct, isPunctCode, isWord, Tok, tokText } = tokens;

export interface Call {
  mod: ModuleIndex;
  /** The callee's first token. */
  tok: number;
  root: string;
  /** Members written after the root (`['json']` in `express.json(...)`). */
  path: string[];
  /** The package the callee comes from, when known (without `node:`). */
  module?: string;
  /** Members from the package to the callee, with `()` for calls (`['()', 'use']` for `app.use` when `app = express()`). */
  member: string[];
  isNew: boolean;
  open: number;
  close: number;
  args: Range[];
}

const DOT = 46;
const OPEN = 40;
const LESS = 60;
const NOT_CALLEES = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'typeof', 'await', 'super', 'this', 'import', 'require', 'constructor']);

export function scanCalls(c: Collector, mod: ModuleIndex): void {
  const { t } = mod;
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== Tok.Ident || isPunctCode(t, i - 1, DOT) || isPunct(t, i - 1, '?.')) continue;
    // Most identifiers are not calls: find the `(` first, and build the member path only for calls that can matter.
    let j = i + 1;
    while ((isPunctCode(t, j, DOT) || isPunct(t, j, '?.')) && t.kind[j + 1] === Tok.Ident) j += 2;
    const members = (j - i - 1) >> 1;
    if (isPunctCode(t, j, LESS)) j = afterTypeArguments(mod, j);
    if (!isPunctCode(t, j, OPEN)) continue;
    const root = tokText(t, i);
    if (NOT_CALLEES.has(root) && !(root === 'this' && members)) continue;
    const close = closeOf(t, j);
    const binding = root === 'this' ? undefined : bindingOf(c.ws, mod, root);
    // A call of nothing imported is read only for the methods any object may carry (`app.get`, `server.listen`)
    // and the global `fetch`: most calls (`res.json(...)`, `rows.map(...)`) need no more than this test.
    if (!binding && !mayMatter(t, root, members ? tokText(t, i + 2 * members) : '', members, close)) continue;
    const path: string[] = [];
    for (let m = 1; m <= members; m++) path.push(tokText(t, i + 2 * m));
    const call: Call = {
      mod, tok: i, root, path,
      ...(binding ? { module: binding.module.startsWith('node:') ? binding.module.slice(5) : binding.module } : {}),
      member: binding ? [...binding.member, ...path] : path,
      isNew: isWord(t, i - 1, 'new'),
      open: j, close, args: splitArgs(t, j, close),
    };
    readWebCall(c, call);
    readClientCall(c, call);
    // `router.route('/orders').get(...)`, `express.Router().use(...)`: the calls chained after this one.
    if (isPunct(t, close, '.') && t.kind[close + 1] === Tok.Ident && isPunct(t, close + 2, '(')) {
      const close2 = closeOf(t, close + 2);
      const chained: Call = { ...call, tok: close + 1, path: [...path, '()', tokText(t, close + 1)], member: [...call.member, '()', tokText(t, close + 1)], isNew: false, open: close + 2, close: close2, args: splitArgs(t, close + 2, close2) };
      readWebCall(c, chained, call);
    }
  }
}

/** Whether a call of no known package can still be read: a web method on it or on the call chained after it, or `fetch`. */
function mayMatter(t: Tokens, root: string, last: string, members: number, close: number): boolean {
  if (WEB_METHODS.has(last)) return true;
  if (root === 'fetch' && members === 0) return true;
  return isPunct(t, close, '.') && t.kind[close + 1] === Tok.Ident && isPunct(t, close + 2, '(') && WEB_METHODS.has(tokText(t, close + 1));
}

/** TypeScript's type arguments of a call (`app.get<{ Params: P }>(`): the token after the closing `>`, or `i` when there are none. */
function afterTypeArguments(mod: ModuleIndex, i: number): number {
  const { t } = mod;
  let depth = 0;
  for (let j = i; j < t.count && j < i + 60; j++) {
    if (isPunct(t, j, '<')) depth++;
    else if (isPunct(t, j, '>') && --depth === 0) return isPunct(t, j + 1, '(') ? j + 1 : i;
    else if (isPunct(t, j, ';') || isPunct(t, j, '=') || isPunct(t, j, '||') || isPunct(t, j, '&&') || isPunct(t, j, ')')) return i;
  }
  return i;
}
