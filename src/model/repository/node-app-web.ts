// The web controls a call states: servers and their ports, TLS, CORS and its origins, security headers,
// rate limiters, body-size limits, authentication libraries, routes and middleware registration. Each
// reader looks at what the callee is (its package and member), never at the name it was given, so aliases
// (`import corsMiddleware from 'cors'`) read the same as the usual names.

import type { Call } from './node-app-calls.js';
import { evidence, type Collector } from './node-app-collect.js';
import * as tokens from './node-app-tokens.js';
import type { AuthKind, CorsPolicy } from './node-app-types.js';
import { envNames, evaluate, prop, strings, type Value } from './node-app-values.js';

// Bound once: the scanners call these for every token, and a module namespace's live bindings cost a lookup each time.
const { isPunct, stringValue, Tok, tokText } = tokens;

const CORS = new Set(['cors', '@fastify/cors', 'fastify-cors', '@koa/cors', 'kcors', 'hapi-cors']);
const HEADERS = new Set(['helmet', '@fastify/helmet', 'fastify-helmet', 'koa-helmet', 'lusca', 'hpp']);
const RATE_LIMIT = new Set(['express-rate-limit', 'rate-limiter-flexible', '@fastify/rate-limit', 'fastify-rate-limit', 'express-slow-down', 'koa-ratelimit', 'express-brute', 'hapi-rate-limit', '@nestjs/throttler']);
const BODY = new Set(['body-parser', 'koa-bodyparser', '@koa/bodyparser', 'koa-body', 'multer', 'co-body']);
const PARSERS = new Set(['json', 'urlencoded', 'raw', 'text']);
export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all']);
/** Modules whose `get('/path')` is a request made, not a route declared. */
export const HTTP_CLIENTS = new Set(['axios', 'got', 'superagent', 'request', 'ky', 'node-fetch', 'needle', 'undici', 'supertest', 'http', 'https', '@angular/common/http']);

/** Authentication packages and the members that authenticate (undefined: any call of the package does). */
const AUTH: Record<string, { kind: AuthKind; members?: string[] }> = {
  passport: { kind: 'passport', members: ['authenticate'] },
  'koa-passport': { kind: 'passport', members: ['authenticate'] },
  '@nestjs/passport': { kind: 'passport' },
  'express-jwt': { kind: 'jwt' },
  'koa-jwt': { kind: 'jwt' },
  '@fastify/jwt': { kind: 'jwt' },
  'fastify-jwt': { kind: 'jwt' },
  jsonwebtoken: { kind: 'jwt', members: ['verify'] },
  jose: { kind: 'jwt', members: ['jwtVerify', 'createRemoteJWKSet', 'jwtDecrypt'] },
  'express-oauth2-jwt-bearer': { kind: 'oidc' },
  'express-openid-connect': { kind: 'oidc' },
  'openid-client': { kind: 'oidc' },
  'keycloak-connect': { kind: 'oidc' },
  '@okta/oidc-middleware': { kind: 'oidc' },
  'express-session': { kind: 'session' },
  'cookie-session': { kind: 'session' },
  'koa-session': { kind: 'session' },
  '@fastify/session': { kind: 'session' },
  '@fastify/secure-session': { kind: 'session' },
  'express-basic-auth': { kind: 'basic' },
  '@fastify/basic-auth': { kind: 'basic' },
  '@fastify/auth': { kind: 'named-middleware' },
  '@hapi/basic': { kind: 'basic' },
  'hapi-auth-jwt2': { kind: 'jwt' },
};

/** Whether a package (or `node:` module) may authenticate at all: the cheap test before its members are read. */
export function isAuthPackage(module: string): boolean {
  const name = module.startsWith('node:') ? module.slice(5) : module;
  return Object.hasOwn(AUTH, name) || Object.hasOwn(AUTH, module) || name.startsWith('passport-') || module.startsWith('passport-');
}

/** The authentication a callee provides, or undefined. */
export function authOf(module: string | undefined, member: readonly string[]): AuthKind | undefined {
  if (!module) return undefined;
  const entry = AUTH[module] ?? (module.startsWith('passport-') ? { kind: 'passport' as const, members: undefined } : undefined);
  if (!entry || member.includes('()')) return undefined;
  if (entry.members && !entry.members.some((m) => member[member.length - 1] === m)) return undefined;
  return entry.kind;
}

/** A package itself, or one member of it, called directly (not a method of something it returned). */
function creates(call: Call): boolean {
  return !call.member.includes('()');
}

/** Methods that declare routes, register middleware or start servers on any object. */
export const WEB_METHODS = new Set([...ROUTE_METHODS, 'listen', 'use', 'register', 'route', 'enableCors', 'disable']);

export function readWebCall(c: Collector, call: Call, parent?: Call): void {
  const { module, member, mod } = call;
  const last = member[member.length - 1] ?? '';
  if (!module && !WEB_METHODS.has(last)) return;
  const ev = () => evidence(mod, call.tok, call.close);
  const arg = (n: number): Value | undefined => (call.args[n] ? evaluate(c.ws, mod, call.args[n]!) : undefined);

  if (module && creates(call)) {
    if (CORS.has(module) && (member.length === 0 || last === 'default')) c.cors.push(corsPolicy(c, arg(0), ev()));
    else if (HEADERS.has(module)) c.securityHeaders.push({ library: module, evidence: ev() });
    else if (RATE_LIMIT.has(module) && !(module === '@nestjs/throttler' && !/Throttler/.test(last))) c.rateLimits.push({ library: module, evidence: ev() });
    else if ((module === 'express' && member.length === 1 && PARSERS.has(last)) || (BODY.has(module) && (member.length === 0 || PARSERS.has(last)))) {
      const options = arg(0);
      const limit = strings(prop(c.ws, options ?? { t: 'unknown' }, 'limit') ?? prop(c.ws, options ?? { t: 'unknown' }, 'jsonLimit') ?? prop(c.ws, options ?? { t: 'unknown' }, 'limits'))[0]
        ?? numberOf(prop(c.ws, options ?? { t: 'unknown' }, 'limit')) ?? (module === 'multer' && prop(c.ws, options ?? { t: 'unknown' }, 'limits') ? 'set' : undefined);
      c.bodyLimits.push({ parser: member.length ? `${module}.${last}` : module, ...(limit ? { limit } : {}), evidence: ev() });
    }
    // A Passport strategy is configured once with `new Strategy(...)`; its helpers (`ExtractJwt.fromHeader()`) are not more of it.
    const auth = module.startsWith('passport-') && !call.isNew ? undefined : authOf(module, member);
    if (auth) c.auth.push({ kind: auth, library: module, evidence: ev() });
    readServer(c, call, arg, ev);
  }
  if (last === 'listen' && (member.includes('()') || /app|server|fastify|instance/i.test(call.root))) readListen(c, call, arg, ev);
  if (module && HTTP_CLIENTS.has(module) && !member.includes('Router')) return;
  if (ROUTE_METHODS.has(last) && call.args.length >= 2) {
    const first = call.args[0]!;
    const path = first.end === first.start + 1 && (mod.t.kind[first.start] === Tok.Str || mod.t.kind[first.start] === Tok.Template) ? stringValue(mod.t, first.start) : undefined;
    if (path !== undefined && /^[/*]/.test(path)) c.routeSites.push({ mod, tok: call.tok, receiver: call.root, method: last.toUpperCase(), path, args: call.args.slice(1) });
  } else if (ROUTE_METHODS.has(last) && parent && parent.member[parent.member.length - 1] === 'route' && parent.args[0]) {
    const p = strings(evaluate(c.ws, mod, parent.args[0]))[0];
    if (p !== undefined) c.routeSites.push({ mod, tok: call.tok, receiver: call.root, method: last.toUpperCase(), path: p, args: call.args });
  } else if (last === 'route' && call.args.length === 1 && mod.t.kind[call.args[0]!.start] === Tok.Punct) {
    const options = arg(0);
    const url = strings(prop(c.ws, options ?? { t: 'unknown' }, 'url') ?? prop(c.ws, options ?? { t: 'unknown' }, 'path'))[0];
    const method = strings(prop(c.ws, options ?? { t: 'unknown' }, 'method'))[0];
    if (url !== undefined && method) c.routeSites.push({ mod, tok: call.tok, receiver: call.root, method: method.toUpperCase(), path: url, args: call.args });
  } else if (last === 'use' || last === 'register') readUse(c, call, arg, ev);
  else if (last === 'enableCors' && member.includes('()')) c.cors.push(corsPolicy(c, arg(0), ev()));
  else if (last === 'disable' && strings(arg(0))[0] === 'x-powered-by') c.securityHeaders.push({ library: 'x-powered-by disabled', evidence: ev() });
}

function numberOf(value: Value | undefined): string | undefined {
  return value?.t === 'num' ? String(value.v) : undefined;
}

function readServer(c: Collector, call: Call, arg: (n: number) => Value | undefined, ev: () => ReturnType<typeof evidence>): void {
  const { module, member, mod } = call;
  const last = member[member.length - 1] ?? '';
  if (module === 'express' && member.length === 0) c.frameworks.add('express'), c.serverFiles.add(mod.file);
  else if (module === 'koa' && call.isNew) c.frameworks.add('koa'), c.serverFiles.add(mod.file);
  else if (module === 'next' && member.length === 0) c.frameworks.add('next');
  else if (module === '@nestjs/core' && last === 'create') c.frameworks.add('nestjs'), c.serverFiles.add(mod.file);
  else if (module === 'fastify' && (member.length === 0 || last === 'fastify' || last === 'default')) {
    c.frameworks.add('fastify');
    c.serverFiles.add(mod.file);
    const options = arg(0) ?? { t: 'unknown' };
    const limit = numberOf(prop(c.ws, options, 'bodyLimit'));
    c.bodyLimits.push({ parser: 'fastify', ...(limit ? { limit } : {}), evidence: ev() });
    if (prop(c.ws, options, 'https') || prop(c.ws, options, 'http2')) c.ports.push({ tls: true, evidence: ev() });
    const logger = prop(c.ws, options, 'logger');
    if (logger && !(logger.t === 'bool' && !logger.v)) c.logging.push({ library: 'fastify (pino)', evidence: ev() });
  } else if ((module === '@hapi/hapi' || module === 'hapi') && /^(server|Server)$/.test(last)) {
    c.frameworks.add('hapi');
    c.serverFiles.add(mod.file);
    const options = arg(0) ?? { t: 'unknown' };
    c.ports.push({ ...portOf(prop(c.ws, options, 'port')), ...hostOf(prop(c.ws, options, 'host')), tls: Boolean(prop(c.ws, options, 'tls')), evidence: ev() });
  } else if ((module === 'https' && last === 'createServer') || (module === 'http2' && last === 'createSecureServer') || (module === 'tls' && last === 'createServer') || (module === 'spdy' && last === 'createServer')) {
    c.serverFiles.add(mod.file);
    c.ports.push({ tls: true, evidence: ev() });
  } else if ((module === 'http' && last === 'createServer') || (module === 'http2' && last === 'createServer')) {
    c.serverFiles.add(mod.file);
  }
}

function portOf(value: Value | undefined): { port?: number; env?: string } {
  if (!value) return {};
  const env = envNames(value)[0];
  const n = value.t === 'num' ? value.v : value.t === 'env' && value.fallback?.t === 'num' ? value.fallback.v : value.t === 'str' && /^\d+$/.test(value.v) ? Number(value.v) : value.t === 'env' && value.fallback?.t === 'str' && /^\d+$/.test(value.fallback.v) ? Number(value.fallback.v) : undefined;
  return { ...(n !== undefined && Number.isFinite(n) ? { port: n } : {}), ...(env ? { env } : {}) };
}

function hostOf(value: Value | undefined): { host?: string } {
  const host = strings(value)[0];
  return host ? { host } : {};
}

function readListen(c: Collector, call: Call, arg: (n: number) => Value | undefined, ev: () => ReturnType<typeof evidence>): void {
  const first = arg(0);
  if (!first) return;
  const tls = call.module === 'https' || call.module === 'http2' || call.module === 'tls' || call.module === 'spdy';
  let port = portOf(first);
  let host = hostOf(arg(1));
  if (first.t === 'object') (port = portOf(prop(c.ws, first, 'port'))), (host = hostOf(prop(c.ws, first, 'host')));
  if (port.port === undefined && port.env === undefined && first.t !== 'object') return;
  c.serverFiles.add(call.mod.file);
  c.ports.push({ ...port, ...host, tls, evidence: ev() });
}

function readUse(c: Collector, call: Call, arg: (n: number) => Value | undefined, ev: () => ReturnType<typeof evidence>): void {
  const { mod } = call;
  const { t } = mod;
  let args = call.args;
  let prefix: string | undefined;
  const first = args[0];
  if (first && first.end === first.start + 1 && t.kind[first.start] === Tok.Str) (prefix = stringValue(t, first.start)), (args = args.slice(1));
  c.uses.push({ mod, tok: call.tok, receiver: call.root, ...(prefix !== undefined ? { prefix } : {}), args });
  // Fastify: `fastify.register(cors, { origin })`, `register(import('@fastify/helmet'))`.
  if (call.member[call.member.length - 1] !== 'register' || !args[0]) return;
  const plugin = pluginModule(c, call, args[0].start);
  if (!plugin) return;
  if (CORS.has(plugin)) c.cors.push(corsPolicy(c, arg(1), ev()));
  else if (HEADERS.has(plugin)) c.securityHeaders.push({ library: plugin, evidence: ev() });
  else if (RATE_LIMIT.has(plugin)) c.rateLimits.push({ library: plugin, evidence: ev() });
  const auth = authOf(plugin, []);
  if (auth) c.auth.push({ kind: auth, library: plugin, evidence: ev() });
}

function pluginModule(c: Collector, call: Call, tok: number): string | undefined {
  const { t } = call.mod;
  if (tokText(t, tok) === 'import' && isPunct(t, tok + 1, '(') && t.kind[tok + 2] === Tok.Str) return stringValue(t, tok + 2);
  if (tokText(t, tok) === 'require' && isPunct(t, tok + 1, '(') && t.kind[tok + 2] === Tok.Str) return stringValue(t, tok + 2);
  if (t.kind[tok] !== Tok.Ident) return undefined;
  return call.mod.imports.get(tokText(t, tok))?.module;
}

/** The policy of `cors(options)`: no options or `origin: '*'` allow any origin, `true` reflects the caller's, a list restricts. */
export function corsPolicy(c: Collector, options: Value | undefined, ev: ReturnType<typeof evidence>): CorsPolicy {
  if (!options || options.t === 'unknown') return { origin: options ? 'unknown' : 'any', evidence: ev };
  if (options.t === 'fn') return { origin: 'custom', evidence: ev };
  if (options.t !== 'object') return { origin: 'unknown', evidence: ev };
  const credentials = prop(c.ws, options, 'credentials');
  const withCredentials = credentials?.t === 'bool' ? { credentials: credentials.v } : {};
  const origin = prop(c.ws, options, 'origin');
  if (!origin) return { origin: 'any', ...withCredentials, evidence: ev };
  return { ...originPolicy(origin), ...withCredentials, evidence: ev };
}

function originPolicy(origin: Value): Pick<CorsPolicy, 'origin' | 'origins'> {
  if (origin.t === 'bool') return origin.v ? { origin: 'reflect' } : { origin: 'restricted', origins: [] };
  if (origin.t === 'fn') return { origin: 'custom' };
  if (origin.t === 'env') return origin.fallback ? { ...originPolicy(origin.fallback), origin: origin.fallback.t === 'str' && origin.fallback.v === '*' ? 'any' : 'configured' } : { origin: 'configured' };
  const list = strings(origin);
  if (list.includes('*')) return { origin: 'any', origins: list };
  if (origin.t === 'str' || origin.t === 'regex' || origin.t === 'array') return { origin: 'restricted', origins: list };
  return { origin: 'unknown' };
}
