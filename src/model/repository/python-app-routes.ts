// The routes of a Flask or FastAPI application and whether authentication runs before each: route decorators
// (`@app.route('/x', methods=[...])`, `@bp.get`, `@router.post`) with the prefix of their Blueprint or
// APIRouter (`url_prefix=`, `prefix=`, `register_blueprint`, `include_router`), auth decorators
// (`@login_required`, `@jwt_required()`) and FastAPI dependencies on security schemes, on the route, its
// router or the app.

import type { AuthKind } from './node-app-types.js';
import { lastName, pyEvidence, type PyCollector } from './python-app-collect.js';
import { callArgs, callSpanning, callsIn, kwArg, qualify, type Call, type Def, type PyModule } from './python-module.js';
import { isName, isOp, tokText } from './python-tokens.js';
import { evaluate, items } from './python-values.js';

const APPS = new Set(['flask.Flask', 'quart.Quart', 'fastapi.FastAPI', 'starlette.applications.Starlette']);
const ROUTERS = new Set(['flask.Blueprint', 'fastapi.APIRouter', 'fastapi.routing.APIRouter']);
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'route', 'api_route', 'websocket']);
/** FastAPI security schemes: a dependency on one of these authenticates the caller. */
const SCHEMES: Record<string, AuthKind> = {
  OAuth2PasswordBearer: 'jwt', OAuth2AuthorizationCodeBearer: 'oidc', OpenIdConnect: 'oidc', HTTPBearer: 'jwt', HTTPBasic: 'basic', HTTPDigest: 'basic',
  APIKeyHeader: 'api-key', APIKeyQuery: 'api-key', APIKeyCookie: 'api-key',
};
/** Decorators that refuse callers who have not logged in, by the library that provides them. */
const AUTH_DECORATORS: Record<string, { kind: AuthKind; library: string }> = {
  'flask_login.login_required': { kind: 'session', library: 'flask-login' },
  'flask_jwt_extended.jwt_required': { kind: 'jwt', library: 'flask-jwt-extended' },
  'flask_jwt_extended.fresh_jwt_required': { kind: 'jwt', library: 'flask-jwt-extended' },
  'flask_security.auth_required': { kind: 'session', library: 'flask-security' },
  'flask_security.login_required': { kind: 'session', library: 'flask-security' },
  'django.contrib.auth.decorators.login_required': { kind: 'session', library: 'django.contrib.auth' },
  'django.contrib.auth.decorators.permission_required': { kind: 'session', library: 'django.contrib.auth' },
};
/** A decorator or dependency whose name says it checks the caller (`token_required`, `get_current_user`). */
const AUTH_NAME = /login_required|jwt_required|auth_required|token_required|requires?_auth|authenticated|current_user|current_active_user|verify_(?:token|api_key|jwt)|api_key|permission_required|roles?_required/i;

interface Mount {
  prefix: string;
  /** The router or app it is included in (`api_router.include_router(items.router)`). */
  parent?: string;
  /** Dependencies that authenticate, as evidence. */
  auth?: { kind: AuthKind; library?: string; at: ReturnType<typeof pyEvidence> };
}

export function scanRoutes(c: PyCollector, modules: readonly PyModule[]): void {
  const mounts = new Map<string, Mount>();
  const keyOf = (mod: PyModule, start: number, end: number): string | undefined => {
    const { t } = mod;
    if (end === start + 1 && isName(t, start)) {
      const d = c.ws.definition(mod, tokText(t, start));
      return d ? `${d.mod.file}#${d.name}` : undefined;
    }
    // `items.router`: a module's router.
    if (end === start + 3 && isName(t, start) && isOp(t, start + 1, '.') && isName(t, start + 2)) {
      const bound = mod.imports.get(tokText(t, start));
      const owner = bound ? c.ws.module(bound) : undefined;
      return owner ? `${owner.file}#${tokText(t, start + 2)}` : undefined;
    }
    return undefined;
  };
  // Routers and apps made, with their own prefix and dependencies; then where they are mounted.
  for (const mod of modules) {
    for (const a of mod.assigns) {
      for (const assign of a[1].slice(0, 1)) {
        const call = callSpanning(mod, assign.start, assign.end - 1);
        if (!call || !(ROUTERS.has(call.qualified) || APPS.has(call.qualified))) continue;
        const args = callArgs(mod.t, call.open, call.close);
        const prefix = kwArg(args, 'url_prefix') ?? kwArg(args, 'prefix');
        const value = prefix ? evaluate(c.ws, mod, prefix.start, prefix.end).strings[0] : undefined;
        const auth = dependencyAuth(c, mod, kwArg(args, 'dependencies'));
        mounts.set(`${mod.file}#${a[0]}`, { prefix: value ?? '', ...(auth ? { auth } : {}) });
      }
    }
  }
  for (const mod of modules) {
    for (const call of mod.calls) {
      const verb = lastName(call.written);
      if (verb !== 'register_blueprint' && verb !== 'include_router') continue;
      const args = callArgs(mod.t, call.open, call.close);
      const first = args.find((a) => !a.kw);
      const key = first ? keyOf(mod, first.start, first.end) : undefined;
      if (!key) continue;
      const mount = mounts.get(key) ?? { prefix: '' };
      const prefix = kwArg(args, 'url_prefix') ?? kwArg(args, 'prefix');
      const value = prefix ? evaluate(c.ws, mod, prefix.start, prefix.end).strings[0] : undefined;
      // Flask's url_prefix at registration replaces the Blueprint's; FastAPI's include prefix goes before the router's.
      if (value !== undefined) mount.prefix = verb === 'register_blueprint' ? value : value + mount.prefix;
      mount.auth ??= dependencyAuth(c, mod, kwArg(args, 'dependencies'));
      const owner = ownerKey(c, mod, call);
      if (owner && owner !== key) mount.parent = owner;
      mounts.set(key, mount);
    }
  }
  // A router's full prefix and dependencies: its own, after those of the routers and app it is included in.
  const full = new Map<string, Mount>();
  for (const [key, mount] of mounts) {
    let prefix = mount.prefix;
    let auth = mount.auth;
    const seen = new Set([key]);
    for (let p = mount.parent; p && !seen.has(p) && seen.size < 8; p = mounts.get(p)?.parent) {
      seen.add(p);
      const up = mounts.get(p);
      if (!up) break;
      prefix = up.prefix + prefix;
      auth ??= up.auth;
    }
    full.set(key, { prefix, ...(auth ? { auth } : {}) });
  }
  for (const mod of modules) for (const def of mod.defs) if (def.kind === 'def' && def.decorators.length) routeOf(c, mod, def, full);
}

/** The app or router a router is included in (`app.include_router(...)`), by its definition. */
function ownerKey(c: PyCollector, mod: PyModule, call: Call): string | undefined {
  const owner = call.written.slice(0, call.written.lastIndexOf('.'));
  if (!owner || owner.includes('.')) return undefined;
  const d = c.ws.definition(mod, owner);
  return d ? `${d.mod.file}#${d.name}` : undefined;
}

function routeOf(c: PyCollector, mod: PyModule, def: Def, mounts: Map<string, Mount>): void {
  const { t } = mod;
  let auth: { kind: AuthKind; library?: string; at: ReturnType<typeof pyEvidence> } | undefined;
  const routes: { method: string; path: string; at: ReturnType<typeof pyEvidence>; mount?: Mount }[] = [];
  for (const at of def.decorators) {
    let j = at + 1;
    while (isOp(t, j + 1, '.') && isName(t, j + 2)) j += 2;
    const written = t.text.slice(t.start[at + 1]!, t.end[j]!).replace(/\s+/g, '');
    const qualified = qualify(mod, written);
    const call = isOp(t, j + 1, '(') ? callSpanning(mod, at + 1, t.match[j + 1]!) : undefined;
    const verb = lastName(written);
    const owner = written.includes('.') ? written.slice(0, written.lastIndexOf('.')) : '';
    const ownerDef = owner && !owner.includes('.') ? c.ws.definition(mod, owner) : undefined;
    const made = owner && !owner.includes('.') ? c.ws.madeBy(mod, owner) : undefined;
    const isRouter = made && (APPS.has(made.call.qualified) || ROUTERS.has(made.call.qualified));
    if (call && VERBS.has(verb) && (isRouter || verb === 'route')) {
      const args = callArgs(t, call.open, call.close);
      const pathArg = args.find((a) => !a.kw) ?? kwArg(args, 'path') ?? kwArg(args, 'rule');
      const path = pathArg ? evaluate(c.ws, mod, pathArg.start, pathArg.end).strings[0] : undefined;
      if (path === undefined) continue;
      const methodsArg = kwArg(args, 'methods');
      const methods = verb === 'route' || verb === 'api_route' ? (methodsArg ? evaluate(c.ws, mod, methodsArg.start, methodsArg.end).strings.map((m) => m.toUpperCase()) : ['GET']) : [verb.toUpperCase()];
      const mount = ownerDef ? mounts.get(`${ownerDef.mod.file}#${ownerDef.name}`) : undefined;
      for (const method of methods.length ? methods : ['GET']) routes.push({ method, path: joinPath(mount?.prefix ?? '', path), at: pyEvidence(mod, at, call.close + 1), ...(mount ? { mount } : {}) });
      auth ??= dependencyAuth(c, mod, kwArg(args, 'dependencies'));
      if (made) c.frameworks.add(made.call.qualified.startsWith('fastapi') ? 'fastapi' : 'flask');
      continue;
    }
    const known = AUTH_DECORATORS[qualified];
    if (known || AUTH_NAME.test(verb)) auth ??= { kind: known?.kind ?? 'named-middleware', ...(known ? { library: known.library } : {}), at: pyEvidence(mod, at, call ? call.close + 1 : j + 1) };
  }
  if (!routes.length) return;
  // FastAPI: a parameter that depends on a security scheme, or on a function that does.
  auth ??= paramAuth(c, mod, def, 0);
  const dataParams = new Set<string>();
  if (def.open >= 0) {
    for (const p of items(mod, def.open + 1, def.close)) {
      if (!isName(t, p.start) || ['self', 'request', 'db', 'session', 'background_tasks', 'response'].includes(tokText(t, p.start))) continue;
      const text = t.text.slice(t.start[p.start]!, t.end[p.end - 1]!);
      if (!/\b(?:Depends|Security)\s*\(/.test(text)) dataParams.add(tokText(t, p.start));
    }
  }
  c.handlers.set(`${mod.file}#${def.tok}`, dataParams);
  for (const r of routes) {
    const guard = auth ?? r.mount?.auth;
    c.routes.push({ method: r.method, path: r.path, authenticated: Boolean(guard), evidence: r.at });
    if (guard) c.auth.push({ kind: guard.kind, ...(guard.library ? { library: guard.library } : {}), evidence: guard.at });
  }
}

function joinPath(prefix: string, path: string): string {
  const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return joined.length > 1 && path === '' ? joined.replace(/\/$/, '') : joined;
}

/** `dependencies=[Depends(verify_token)]`: the first dependency that authenticates. */
function dependencyAuth(c: PyCollector, mod: PyModule, arg: { start: number; end: number } | undefined): Mount['auth'] {
  if (!arg) return undefined;
  for (const call of callsIn(mod, arg.start, arg.end)) {
    const found = authOfDependency(c, mod, call, 0);
    if (found) return found;
  }
  return undefined;
}

/** A parameter `= Depends(x)` / `Security(x)` (or `Annotated[..., Depends(x)]`) whose x authenticates. */
function paramAuth(c: PyCollector, mod: PyModule, def: Def, depth: number): Mount['auth'] {
  if (def.open < 0 || depth > 3) return undefined;
  for (const call of callsIn(mod, def.open + 1, def.close)) {
    const found = authOfDependency(c, mod, call, depth);
    if (found) return found;
  }
  // `user: CurrentUser` where `CurrentUser = Annotated[User, Depends(get_current_user)]`.
  const { t } = mod;
  for (let j = def.open + 1; j < def.close; j++) {
    if (!isOp(t, j - 1, ':') || !isName(t, j) || isOp(t, j + 1, '.') || isOp(t, j + 1, '(')) continue;
    const d = c.ws.definition(mod, tokText(t, j));
    const alias = d?.mod.assigns.get(d.name)?.[0];
    if (!d || !alias || !isName(d.mod.t, alias.start, 'Annotated')) continue;
    for (const call of callsIn(d.mod, alias.start, alias.end)) {
      const found = authOfDependency(c, d.mod, call, depth + 1);
      if (found) return { ...found, at: pyEvidence(mod, j - 2, j + 1) };
    }
  }
  return undefined;
}

function authOfDependency(c: PyCollector, mod: PyModule, call: Call, depth: number): Mount['auth'] {
  const name = lastName(call.qualified);
  if (name !== 'Depends' && name !== 'Security') return undefined;
  const { t } = mod;
  const args = callArgs(t, call.open, call.close);
  const dep = args.find((a) => !a.kw) ?? kwArg(args, 'dependency');
  if (!dep) return undefined;
  const at = pyEvidence(mod, call.tok, call.close + 1);
  // `Depends(HTTPBearer())` inline, or a name bound to a scheme.
  const inline = callSpanning(mod, dep.start, dep.end - 1);
  const written = inline ? inline.written : t.text.slice(t.start[dep.start]!, t.end[dep.end - 1]!).replace(/\s+/g, '');
  const scheme = inline ? lastName(inline.qualified) : /^\w+$/.test(written) ? lastName(c.ws.madeBy(mod, written)?.call.qualified ?? '') : '';
  if (SCHEMES[scheme]) return { kind: SCHEMES[scheme]!, library: 'fastapi.security', at };
  if (/^\w+(?:\.\w+)?$/.test(written)) {
    // `Depends(get_current_user)` or `Depends(deps.get_current_user)`.
    const dot = written.indexOf('.');
    const home = dot > 0 ? c.ws.module(mod.imports.get(written.slice(0, dot)) ?? '') : mod;
    const d = home ? c.ws.definition(home, dot > 0 ? written.slice(dot + 1) : written) : undefined;
    const fn = d?.mod.defByName.get(d.name);
    if (d && fn?.kind === 'def') {
      const inner = paramAuth(c, d.mod, fn, depth + 1);
      if (inner) return { ...inner, at };
    }
  }
  return AUTH_NAME.test(lastName(written)) ? { kind: 'named-middleware', at } : undefined;
}
