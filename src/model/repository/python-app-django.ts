// Django's routes and who may call them: `path()` / `re_path()` in the urls modules, with the prefixes
// `include()` adds and DRF routers' `register()`, each judged by its view — `@login_required`,
// `LoginRequiredMixin`, DRF `permission_classes` (IsAuthenticated vs AllowAny), else the project's
// `DEFAULT_PERMISSION_CLASSES`.

import type { AuthKind, Evidence } from './node-app-types.js';
import { lastName, pyEvidence, type PyCollector } from './python-app-collect.js';
import { callArgs, callSpanning, qualify, type Call, type Def, type PyModule } from './python-module.js';
import { isName, isOp, logicalLineAt, PyTok, strValue, tokText } from './python-tokens.js';
import { evaluate } from './python-values.js';

const PATHS = new Set(['path', 're_path', 'url']);
const DRF_VIEWS = /APIView|ViewSet|GenericAPIView|ListAPIView|CreateAPIView|RetrieveAPIView|UpdateAPIView|DestroyAPIView|ListCreateAPIView|RetrieveUpdateDestroyAPIView|RetrieveUpdateAPIView|RetrieveDestroyAPIView/;
const LOGIN_MIXINS = /LoginRequiredMixin|PermissionRequiredMixin|UserPassesTestMixin|AccessMixin/;
const AUTHENTICATED = /IsAuthenticated|IsAdminUser|DjangoModelPermissions(?!OrAnonReadOnly)|IsAuthenticatedOrReadOnly|TokenHasScope|HasAPIKey/;

interface Guard {
  kind: AuthKind;
  library: string;
  at: Evidence;
}

export function scanDjangoRoutes(c: PyCollector, modules: readonly PyModule[]): void {
  const urls = modules.filter((m) => /(^|\.)urls$/.test(m.dotted) || m.calls.some((k) => k.qualified === 'django.urls.path' || k.qualified === 'django.urls.re_path'));
  if (!urls.length) return;
  const defaults = defaultPermission(modules);
  // Prefixes: the urls module (or router) an `include()` names gets the path it is included under.
  const prefixOf = new Map<string, string>();
  for (let pass = 0; pass < 3; pass++) {
    for (const mod of urls) {
      for (const call of pathCalls(mod)) {
        const args = callArgs(mod.t, call.open, call.close).filter((a) => !a.kw);
        if (args.length < 2) continue;
        const route = evaluate(c.ws, mod, args[0]!.start, args[0]!.end).strings[0];
        const inc = includeAt(mod, args[1]!.start);
        if (route === undefined || !inc) continue;
        const here = prefixOf.get(mod.file) ?? '';
        const target = callArgs(mod.t, inc.open, inc.close)[0];
        if (!target) continue;
        const first = mod.t.kind[target.start] === PyTok.Str ? c.ws.module(strValue(mod.t, target.start)) : undefined;
        if (first) prefixOf.set(first.file, here + cleanRoute(route));
        else if (isName(mod.t, target.start)) prefixOf.set(`${mod.file}#${tokText(mod.t, target.start)}`, here + cleanRoute(route));
      }
    }
  }
  for (const mod of urls) {
    const here = prefixOf.get(mod.file) ?? '';
    for (const call of pathCalls(mod)) {
      const args = callArgs(mod.t, call.open, call.close).filter((a) => !a.kw);
      if (args.length < 2) continue;
      const route = evaluate(c.ws, mod, args[0]!.start, args[0]!.end).strings[0];
      if (route === undefined || includeAt(mod, args[1]!.start)) continue;
      addRoute(c, mod, `/${here}${cleanRoute(route)}`, args[1]!, pyEvidence(mod, call.tok, call.close + 1), defaults);
    }
    // DRF routers: `router.register(r'orders', OrderViewSet)`.
    for (const call of mod.calls) {
      if (lastName(call.written) !== 'register' || !call.written.includes('.')) continue;
      const router = call.written.slice(0, call.written.lastIndexOf('.'));
      const made = c.ws.madeBy(mod, router);
      if (!made || !/Router$/.test(made.call.qualified)) continue;
      const args = callArgs(mod.t, call.open, call.close).filter((a) => !a.kw);
      const route = args[0] ? evaluate(c.ws, mod, args[0].start, args[0].end).strings[0] : undefined;
      if (route === undefined || !args[1]) continue;
      const prefix = prefixOf.get(`${mod.file}#${router.split('.')[0]}`) ?? here;
      addRoute(c, mod, `/${prefix}${cleanRoute(route)}`, args[1], pyEvidence(mod, call.tok, call.close + 1), defaults);
    }
  }
}

function pathCalls(mod: PyModule) {
  return mod.calls.filter((k) => PATHS.has(lastName(k.qualified)) && (k.qualified.startsWith('django.') || k.written === lastName(k.written)));
}

const cleanRoute = (route: string): string => route.replace(/^\^/, '').replace(/\$$/, '');

function addRoute(c: PyCollector, mod: PyModule, path: string, view: { start: number; end: number }, at: Evidence, defaults: Guard | 'open' | undefined): void {
  c.frameworks.add('django');
  const { t } = mod;
  // `login_required(views.orders)` in urls.py guards the view it wraps.
  const wrap = callSpanning(mod, view.start, view.end - 1);
  if (wrap && /login_required|permission_required/.test(wrap.written)) {
    record(c, path, at, { kind: 'session', library: 'django.contrib.auth', at: pyEvidence(mod, wrap.tok, wrap.close + 1) });
    return;
  }
  // Django's admin site asks every caller to log in as staff.
  if (/^admin\.site\.urls$/.test(t.text.slice(t.start[view.start]!, t.end[view.end - 1]!).replace(/\s+/g, ''))) {
    // Only staff reach it: the route is guarded, but it says nothing of how the application's own views are.
    c.routes.push({ method: 'ANY', path: path.replace(/\/{2,}/g, '/'), authenticated: true, evidence: at });
    return;
  }
  // `views.orders`, `OrderView.as_view()`, `OrderViewSet`: the def or class it names.
  let j = view.start;
  while (isOp(t, j + 1, '.') && isName(t, j + 2) && !isName(t, j + 2, 'as_view')) j += 2;
  const written = t.text.slice(t.start[view.start]!, t.end[j]!).replace(/\s+/g, '');
  const dot = written.lastIndexOf('.');
  const owner = dot > 0 ? c.ws.module(qualify(mod, written.slice(0, dot))) : mod;
  const found = owner ? c.ws.definition(owner, dot > 0 ? written.slice(dot + 1) : written) : undefined;
  const def = found?.mod.defByName.get(found.name);
  const guard = found && def ? cachedGuard(found.mod, def, defaults) : undefined;
  record(c, path, at, guard, found && def ? methodOf(found.mod, def) : 'ANY');
  if (found && def?.kind === 'def' && def.open >= 0) c.handlers.set(`${found.mod.file}#${def.tok}`, new Set());
}

function includeAt(mod: PyModule, tok: number): Call | undefined {
  const call = mod.callAt.get(tok);
  return call && lastName(call.qualified) === 'include' ? call : undefined;
}

/** A view's guard, judged once however many routes name it. */
const guards = new WeakMap<Def, Guard | undefined>();
function cachedGuard(mod: PyModule, def: Def, defaults: Guard | 'open' | undefined): Guard | undefined {
  if (!guards.has(def)) guards.set(def, viewGuard(mod, def, defaults));
  return guards.get(def);
}

/** A function view that reads a request body (`request.POST`, `request.FILES`, `request.method == 'POST'`) takes POSTs; otherwise any method. */
const methods = new WeakMap<Def, string>();
function methodOf(mod: PyModule, def: Def): string {
  let method = methods.get(def);
  if (method === undefined) {
    const body = def.kind === 'def' ? mod.t.text.slice(mod.t.start[def.tok]!, mod.t.end[Math.max(def.tok, def.bodyEnd - 1)]!) : '';
    method = /\brequest\.(?:POST|FILES|body|data)\b|\brequest\.method\s*==\s*['"](?:POST|PUT|PATCH)['"]/.test(body) ? 'POST' : 'ANY';
    methods.set(def, method);
  }
  return method;
}

function record(c: PyCollector, path: string, at: Evidence, guard: Guard | undefined, method = 'ANY'): void {
  c.routes.push({ method, path: path.replace(/\/{2,}/g, '/'), authenticated: Boolean(guard), evidence: at });
  if (guard) c.auth.push({ kind: guard.kind, library: guard.library, evidence: guard.at });
}

function viewGuard(mod: PyModule, def: Def, defaults: Guard | 'open' | undefined): Guard | undefined {
  const { t } = mod;
  for (const at of def.decorators) {
    const name = tokText(t, at + 1);
    const end = logicalLineAt(t, at)?.end ?? at + 2;
    const text = t.text.slice(t.start[at]!, t.end[end - 1]!);
    if (/login_required|permission_required|user_passes_test/.test(name)) return { kind: 'session', library: 'django.contrib.auth', at: pyEvidence(mod, at, end) };
    if (name === 'permission_classes') return AUTHENTICATED.test(text) ? { kind: 'session', library: 'djangorestframework', at: pyEvidence(mod, at, end) } : undefined;
  }
  if (def.kind === 'class') {
    const bases = def.open >= 0 ? t.text.slice(t.start[def.open]!, t.end[def.close]!) : '';
    const login = LOGIN_MIXINS.exec(bases);
    if (login) return { kind: 'session', library: 'django.contrib.auth', at: pyEvidence(mod, def.tok - 1, def.close + 1, `class ${def.name}(${login[0]})`) };
    for (let j = def.close + 1; j < def.bodyEnd; j++) {
      if (!isName(t, j, 'permission_classes') || !isOp(t, j + 1, '=')) continue;
      const line = logicalLineAt(t, j);
      const text = line ? t.text.slice(t.start[line.first]!, t.end[line.end - 1]!) : '';
      return AUTHENTICATED.test(text) ? { kind: 'session', library: 'djangorestframework', at: pyEvidence(mod, j, line?.end ?? j + 2) } : undefined;
    }
    if (DRF_VIEWS.test(bases) && defaults && defaults !== 'open') return defaults;
  } else if (defaults && defaults !== 'open' && def.decorators.some((at) => tokText(t, at + 1) === 'api_view')) return defaults;
  return undefined;
}

/** DRF's `DEFAULT_PERMISSION_CLASSES` in the settings: authenticated, open (AllowAny), or not set. */
function defaultPermission(modules: readonly PyModule[]): Guard | 'open' | undefined {
  for (const mod of modules) {
    const { t } = mod;
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] !== PyTok.Str || strValue(t, i) !== 'DEFAULT_PERMISSION_CLASSES' || !isOp(t, i + 1, ':')) continue;
      const open = i + 2;
      const close = t.match[open]! > open ? t.match[open]! : i + 3;
      const text = t.text.slice(t.start[open] ?? 0, t.end[close] ?? 0);
      if (AUTHENTICATED.test(text)) return { kind: 'session', library: 'djangorestframework', at: pyEvidence(mod, i, close + 1, `DEFAULT_PERMISSION_CLASSES: ${/\w*IsAuthenticated\w*|IsAdminUser|\w+Permissions/.exec(text)?.[0] ?? 'authenticated'}`) };
      // AllowAny: every DRF view is open unless it says otherwise.
      if (/AllowAny/.test(text)) return 'open';
    }
  }
  return undefined;
}
