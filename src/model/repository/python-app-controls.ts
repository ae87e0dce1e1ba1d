// The controls a Python web application registers: CORS (flask_cors, FastAPI's CORSMiddleware,
// django-cors-headers), rate limiters (flask-limiter, slowapi, django-ratelimit, DRF throttles), request-size
// limits (MAX_CONTENT_LENGTH, DATA_UPLOAD_MAX_MEMORY_SIZE), security headers (flask-talisman, Django's
// SecurityMiddleware and SECURE_* settings, secure.py), the server it starts (`app.run`, `uvicorn.run`) and
// debug mode (Django's DEBUG, `app.run(debug=True)`). Extensions made in one module and bound in another (`cors.init_app(app)`) count where bound.

import type { CorsPolicy } from './node-app-types.js';
import { lastName, pyEvidence, type PyCollector } from './python-app-collect.js';
import { callArgs, kwArg, type Arg, type Call, type PyModule } from './python-module.js';
import { isName, isOp, PyTok, strValue, tokText } from './python-tokens.js';
import { evaluate, type PyValue } from './python-values.js';

const LIMITERS: Record<string, string> = {
  'flask_limiter.Limiter': 'flask-limiter', 'slowapi.Limiter': 'slowapi', 'django_ratelimit.decorators.ratelimit': 'django-ratelimit',
  'ratelimit.decorators.ratelimit': 'django-ratelimit', 'fastapi_limiter.FastAPILimiter.init': 'fastapi-limiter', 'fastapi_limiter.depends.RateLimiter': 'fastapi-limiter',
};
const HEADERS: Record<string, string> = { 'flask_talisman.Talisman': 'flask-talisman', 'secure.Secure': 'secure', 'secure.SecureHeaders': 'secure' };
const SERVERS = new Set(['uvicorn.run', 'hypercorn.run', 'waitress.serve', 'gunicorn.run', 'aiohttp.web.run_app']);
const SECURE_SETTINGS = /^(?:SECURE_HSTS_SECONDS|SECURE_SSL_REDIRECT|SECURE_CONTENT_TYPE_NOSNIFF|SECURE_BROWSER_XSS_FILTER|SECURE_REFERRER_POLICY|SECURE_CROSS_ORIGIN_OPENER_POLICY|X_FRAME_OPTIONS|SESSION_COOKIE_SECURE|CSRF_COOKIE_SECURE|CSP_DEFAULT_SRC)$/;
const SECURITY_HEADER = /^(strict-transport-security|content-security-policy|x-frame-options|x-content-type-options|referrer-policy|permissions-policy)$/i;

export interface Setting {
  name: string;
  mod: PyModule;
  value: { start: number; end: number };
  /** The tokens of the whole statement, for evidence. */
  from: number;
  to: number;
}

/** Configuration assignments: `NAME = v` (module or class level), `app.config['NAME'] = v`, `app.config.update(NAME=v)`. */
export function settingsOf(mod: PyModule): Setting[] {
  const { t } = mod;
  const out: Setting[] = [];
  for (const line of t.lines) {
    const { first, end } = line;
    if (isName(t, first) && /^[A-Z][A-Z0-9_]+$/.test(tokText(t, first)) && isOp(t, first + 1, '=') && first + 2 < end) {
      out.push({ name: tokText(t, first), mod, value: { start: first + 2, end }, from: first, to: end });
    }
    // `app.config['MAX_CONTENT_LENGTH'] = …`
    for (let j = first; j < end - 3; j++) {
      if (isOp(t, j, '[') && t.kind[j + 1] === PyTok.Str && isOp(t, j + 2, ']') && isOp(t, j + 3, '=') && j + 4 < end) {
        out.push({ name: strValue(t, j + 1), mod, value: { start: j + 4, end }, from: first, to: end });
        break;
      }
    }
  }
  for (const call of mod.calls) {
    if (!/\.(?:update|from_mapping)$/.test(call.written) || !/config/i.test(call.written)) continue;
    for (const a of callArgs(t, call.open, call.close)) if (a.kw) out.push({ name: a.kw, mod, value: a, from: a.start - 2, to: a.end });
  }
  return out;
}

export function scanControls(c: PyCollector, modules: readonly PyModule[]): void {
  for (const mod of modules) {
    for (const call of mod.calls) controlCall(c, mod, call);
    for (const s of settingsOf(mod)) setting(c, s);
    // `response.headers['Content-Security-Policy'] = …` set by hand.
    const { t } = mod;
    for (let i = 1; i < t.count; i++) {
      if (t.kind[i] === PyTok.Str && isOp(t, i - 1, '[') && isOp(t, i + 1, ']') && SECURITY_HEADER.test(strValue(t, i)) && isName(t, i - 2, 'headers')) {
        c.securityHeaders.push({ library: `${strValue(t, i)} header`, evidence: pyEvidence(mod, i - 2, i + 2) });
      }
      if (t.kind[i] === PyTok.Str && strValue(t, i) === 'django.middleware.security.SecurityMiddleware') {
        c.securityHeaders.push({ library: 'django SecurityMiddleware', evidence: pyEvidence(mod, i, i + 1) });
      }
      // DRF throttling, for the whole API (`'DEFAULT_THROTTLE_CLASSES': [...]`) or one view (`throttle_classes = [...]`).
      if ((t.kind[i] === PyTok.Str && strValue(t, i) === 'DEFAULT_THROTTLE_CLASSES' && isOp(t, i + 1, ':')) || (isName(t, i, 'throttle_classes') && isOp(t, i + 1, '='))) {
        const close = t.match[i + 2]! > i + 2 ? t.match[i + 2]! + 1 : i + 3;
        if (close > i + 4) c.rateLimits.push({ library: 'djangorestframework throttling', evidence: pyEvidence(mod, i, close) });
      }
    }
  }
}

/** An extension's options: on its constructor, or on the `init_app` that binds it to the app. */
function made(c: PyCollector, mod: PyModule, call: Call): { qualified: string; args: Arg[]; mod: PyModule } | undefined {
  if (lastName(call.written) === 'init_app' && call.written.includes('.')) {
    const owner = call.written.slice(0, call.written.lastIndexOf('.'));
    const m = /^\w+$/.test(owner) ? c.ws.madeBy(mod, owner) : undefined;
    return m ? { qualified: m.call.qualified, args: callArgs(mod.t, call.open, call.close), mod } : undefined;
  }
  return { qualified: call.qualified, args: callArgs(mod.t, call.open, call.close), mod };
}

function controlCall(c: PyCollector, mod: PyModule, call: Call): void {
  const { t } = mod;
  const ext = made(c, mod, call);
  if (!ext) return;
  const at = pyEvidence(mod, call.tok, call.close + 1);
  const q = ext.qualified;
  const initApp = lastName(call.written) === 'init_app';
  if (q === 'flask_cors.CORS' || q === 'flask_cors.cross_origin') {
    // Options passed to the constructor belong to the module that made it; evaluate those there.
    const own = initApp ? callArgs(t, call.open, call.close) : ext.args;
    const ctor = initApp ? c.ws.madeBy(mod, call.written.slice(0, call.written.lastIndexOf('.'))) : undefined;
    const pick = (name: string): { v: PyValue } | undefined => {
      const here = kwArg(own, name);
      if (here) return { v: evaluate(c.ws, mod, here.start, here.end) };
      const there = ctor ? kwArg(callArgs(ctor.mod.t, ctor.call.open, ctor.call.close), name) : undefined;
      return there && ctor ? { v: evaluate(c.ws, ctor.mod, there.start, there.end) } : undefined;
    };
    // A CORS() with no app, bound later with init_app, is counted at the init_app.
    if (q === 'flask_cors.CORS' && !initApp && !callArgs(t, call.open, call.close).some((a) => !a.kw) && isAssigned(mod, call)) return;
    const origins = pick('origins') ?? resourceOrigins(c, mod, own);
    const credentials = pick('supports_credentials')?.v.bool;
    c.cors.push(policy(origins?.v, credentials, at));
    c.frameworks.add('flask');
    return;
  }
  if (lastName(q) === 'add_middleware' || lastName(q) === 'Middleware') {
    const first = ext.args.find((a) => !a.kw);
    if (!first || !/CORSMiddleware$/.test(t.text.slice(t.start[first.start]!, t.end[first.end - 1]!))) return;
    const origins = kwArg(ext.args, 'allow_origins');
    const regex = kwArg(ext.args, 'allow_origin_regex');
    const credentials = kwArg(ext.args, 'allow_credentials');
    const cred = credentials ? evaluate(c.ws, mod, credentials.start, credentials.end).bool : undefined;
    if (regex && !origins) c.cors.push({ origin: 'custom', ...(cred ? { credentials: cred } : {}), evidence: at });
    else c.cors.push(policy(origins ? evaluate(c.ws, mod, origins.start, origins.end) : { strings: [], env: [] }, cred, at, 'restricted'));
    return;
  }
  if (LIMITERS[q]) {
    c.rateLimits.push({ library: LIMITERS[q]!, evidence: at });
    return;
  }
  if (HEADERS[q]) {
    if (!(q === 'flask_talisman.Talisman' && !initApp && isAssigned(mod, call) && !ext.args.some((a) => !a.kw))) c.securityHeaders.push({ library: HEADERS[q]!, evidence: at });
    return;
  }
  const verb = lastName(call.written);
  if (SERVERS.has(q) || (verb === 'run' && call.written.includes('.') && isServer(c, mod, call.written.slice(0, call.written.lastIndexOf('.'))))) {
    const port = kwArg(ext.args, 'port') ?? (SERVERS.has(q) ? undefined : ext.args.filter((a) => !a.kw)[1]);
    const host = kwArg(ext.args, 'host') ?? (SERVERS.has(q) ? undefined : ext.args.filter((a) => !a.kw)[0]);
    const pv = port ? evaluate(c.ws, mod, port.start, port.end) : undefined;
    const hv = host ? evaluate(c.ws, mod, host.start, host.end).strings[0] : undefined;
    const tls = ['ssl_context', 'ssl_keyfile', 'ssl_certfile', 'certfile', 'keyfile'].some((k) => {
      const a = kwArg(ext.args, k);
      return a && !isName(t, a.start, 'None');
    });
    const debug = kwArg(ext.args, 'debug');
    if (debug && evaluate(c.ws, mod, debug.start, debug.end).bool === true) c.debug.push(at);
    c.ports.push({ ...(pv?.num !== undefined ? { port: pv.num } : {}), ...(pv?.env[0] ? { env: pv.env[0] } : {}), ...(hv ? { host: hv } : {}), tls, evidence: at });
    c.serverFiles.add(mod.file);
    return;
  }
  if (q === 'flask.Flask' || q === 'fastapi.FastAPI' || q === 'quart.Quart') {
    c.serverFiles.add(mod.file);
    c.frameworks.add(q.startsWith('fastapi') ? 'fastapi' : 'flask');
  }
}

function isAssigned(mod: PyModule, call: Call): boolean {
  return isOp(mod.t, call.tok - 1, '=');
}

/** Whether `name` holds a Flask or FastAPI app (or is called `app`), so `name.run(...)` starts a server. */
function isServer(c: PyCollector, mod: PyModule, owner: string): boolean {
  if (!/^\w+$/.test(owner)) return false;
  const m = c.ws.madeBy(mod, owner);
  if (m) return /^(?:flask\.Flask|fastapi\.FastAPI|quart\.Quart|flask_socketio\.SocketIO)$/.test(m.call.qualified) || lastName(m.call.qualified) === 'create_app';
  return owner === 'app' && (c.frameworks.has('flask') || mod.packages.has('flask'));
}

/** `resources={r"/api/*": {"origins": "*"}}`: the origins given per path. */
function resourceOrigins(c: PyCollector, mod: PyModule, args: Arg[]): { v: PyValue } | undefined {
  const res = kwArg(args, 'resources');
  if (!res) return undefined;
  const { t } = mod;
  for (let j = res.start; j < res.end - 2; j++) {
    if (t.kind[j] === PyTok.Str && strValue(t, j) === 'origins' && isOp(t, j + 1, ':')) {
      let k = j + 2;
      const stop = Math.min(res.end, t.match[k]! > k ? t.match[k]! + 1 : k + 1);
      for (k = stop; k < res.end && !isOp(t, k, ',') && !isOp(t, k, '}'); k++);
      return { v: evaluate(c.ws, mod, j + 2, k) };
    }
  }
  return undefined;
}

function policy(v: PyValue | undefined, credentials: boolean | undefined, at: CorsPolicy['evidence'], fallback: CorsPolicy['origin'] = 'any'): CorsPolicy {
  const cred = credentials ? { credentials: true } : {};
  // No origins given: flask_cors allows every origin; FastAPI's middleware allows none.
  if (!v) return { origin: fallback, ...(fallback === 'any' ? { origins: ['*'] } : {}), ...cred, evidence: at };
  if (v.strings.includes('*') || v.bool === true) return { origin: 'any', origins: ['*'], ...cred, evidence: at };
  if (v.strings.length) return { origin: 'restricted', origins: v.strings.slice(0, 10), ...cred, evidence: at };
  if (v.env.length) return { origin: 'configured', ...cred, evidence: at };
  return { origin: v.opaque ? 'unknown' : fallback, ...cred, evidence: at };
}

function setting(c: PyCollector, s: Setting): void {
  const at = pyEvidence(s.mod, s.from, s.to);
  const value = (): PyValue => evaluate(c.ws, s.mod, s.value.start, s.value.end);
  switch (s.name) {
    case 'CORS_ALLOW_ALL_ORIGINS':
    case 'CORS_ORIGIN_ALLOW_ALL': {
      const v = value();
      if (v.bool === true) c.cors.push({ origin: 'any', origins: ['*'], evidence: at });
      return;
    }
    case 'CORS_ALLOWED_ORIGINS':
    case 'CORS_ORIGIN_WHITELIST':
      c.cors.push(policy(value(), undefined, at, 'restricted'));
      return;
    case 'CORS_ALLOWED_ORIGIN_REGEXES':
      c.cors.push({ origin: 'custom', evidence: at });
      return;
    case 'MAX_CONTENT_LENGTH':
    case 'DATA_UPLOAD_MAX_MEMORY_SIZE': {
      const v = value();
      const parser = s.name === 'MAX_CONTENT_LENGTH' ? 'Flask MAX_CONTENT_LENGTH' : 'Django DATA_UPLOAD_MAX_MEMORY_SIZE';
      if (v.num !== undefined && v.num > 0) c.bodyLimits.push({ parser, limit: bytes(v.num), evidence: at });
      else if (v.env.length) c.bodyLimits.push({ parser, limit: `from ${v.env[0]}`, evidence: at });
      else if (isName(s.mod.t, s.value.start, 'None') && s.name === 'DATA_UPLOAD_MAX_MEMORY_SIZE') c.bodyLimits.push({ parser: `${parser} = None (no limit)`, evidence: at });
      return;
    }
    case 'DEBUG': {
      const v = value();
      if (v.bool === true && !v.env.length) c.debug.push(at);
      return;
    }
    default:
      if (SECURE_SETTINGS.test(s.name)) {
        const v = value();
        if (v.bool !== false && v.num !== 0) c.securityHeaders.push({ library: `Django ${s.name}`, evidence: at });
      }
  }
}

function bytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} kB`;
  return `${n} bytes`;
}
