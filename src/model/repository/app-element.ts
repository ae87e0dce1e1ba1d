// The model element of an application read from its code, whatever its language: the compose service built
// from its folder (or named like it), the element it becomes, and the properties its code decides, each with
// the line that decides it. The language readers (Node.js, Python) report the same facts (node-app-types.ts).

import type { Element, Evidence } from '../schema/architecture.js';
import type { ComposeServiceFacts } from './compose-environment.js';
import { normalisedName } from './merge.js';
import type { NodeApp, NodeFramework } from './node-app-types.js';

/** How one language names itself and its tools in what the model says. */
export interface AppLanguage {
  /** `Node.js`, `Python`. */
  name: string;
  /** The technology of a browser frontend. */
  frontend: string;
  /** Validation libraries named when none is used. */
  validators: string;
}

export const NODE_LANGUAGE: AppLanguage = { name: 'Node.js', frontend: 'JavaScript frontend', validators: 'zod, joi, express-validator, ajv …' };
export const PYTHON_LANGUAGE: AppLanguage = { name: 'Python', frontend: 'Python frontend', validators: 'pydantic, marshmallow, WTForms, DRF serializers …' };

export const FRAMEWORK_NAMES: Record<NodeFramework, string> = {
  express: 'Express', fastify: 'Fastify', koa: 'Koa', hapi: 'hapi', nestjs: 'NestJS', next: 'Next.js',
  flask: 'Flask', fastapi: 'FastAPI', django: 'Django',
};

/** The compose service built from the application's folder, else the one named like the folder or the package. */
export function serviceOf(app: NodeApp, services: readonly ComposeServiceFacts[]): ComposeServiceFacts | undefined {
  const built = services.find((s) => s.buildDir !== undefined && s.buildDir === app.dir);
  if (built) return built;
  const names = new Set([normalisedName(app.dir.split('/').pop() ?? ''), normalisedName(app.name.replace(/^@[^/]+\//, ''))].filter(Boolean));
  return services.find((s) => names.has(normalisedName(s.name)));
}

export function appElement(app: NodeApp, service: ComposeServiceFacts | undefined, language: AppLanguage = NODE_LANGUAGE): Element {
  const id = service?.name ?? (normalisedName(app.dir.split('/').pop() || app.name) || 'app');
  const where = app.dir || '.';
  const element: Element = {
    id,
    name: service?.name ?? app.name,
    kind: app.kind === 'frontend' ? 'web-app' : 'process',
    technology: app.framework ? `${language.name} (${FRAMEWORK_NAMES[app.framework]})` : app.kind === 'frontend' ? language.frontend : language.name,
    props: { customDeveloped: true },
    data: [],
    inferredFrom: `${language.name} ${app.kind} ${app.name} in ${where}${service ? `, run as compose service ${service.name}` : ''}`,
    evidence: [],
  };
  const entry = app.entries[0];
  if (entry) element.location = { file: entry, line: app.ports.find((p) => p.evidence.file === entry)?.evidence.line ?? 1 };
  statePropsFromCode(app, element, language);
  return element;
}

export function state(element: Element, prop: keyof Element['props'], value: boolean, at: Evidence, says: string): void {
  element.props[prop] = value;
  element.evidence!.push({ file: at.file, line: at.line, says, prop, value });
}

export function note(element: Element, at: Evidence, says: string): void {
  element.evidence!.push({ file: at.file, line: at.line, says });
}

/** The line where the server is created or started: its `listen`, else the top of its entry file. */
export function entryLine(app: NodeApp): Evidence | undefined {
  const listen = app.ports[0]?.evidence;
  if (listen) return listen;
  const entry = app.entries[0];
  return entry ? { file: entry, line: 1, says: '' } : app.routes[0]?.evidence;
}

export function statePropsFromCode(app: NodeApp, element: Element, language: AppLanguage = NODE_LANGUAGE): void {
  if (app.kind === 'server') {
    const open = app.routes.filter((r) => !r.authenticated);
    if (app.auth.length) {
      const a = app.auth[0]!;
      state(element, 'authenticatesCallers', true, a.evidence, `${a.kind}${a.library ? ` (${a.library})` : ''} authentication: ${a.evidence.says}`);
      for (const r of open) note(element, r.evidence, `${r.method} ${r.path} is public: it runs before authentication`);
    } else if (open.length) {
      const r = open[0]!;
      state(element, 'authenticatesCallers', false, r.evidence, `${r.method} ${r.path} runs with no authentication: no auth middleware is registered (${open.length} route${open.length === 1 ? '' : 's'} open)`);
      for (const more of open.slice(1)) note(element, more.evidence, `${more.method} ${more.path} runs with no authentication`);
    }
    const start = entryLine(app);
    if (app.rateLimits.length) {
      const r = app.rateLimits[0]!;
      state(element, 'rateLimited', true, r.evidence, `rate limiter ${r.library}: ${r.evidence.says}`);
    } else if (start) {
      state(element, 'rateLimited', false, start, `no rate limiter is registered${start.says ? ` (server: ${start.says})` : ''}`);
    }
  }
  const anyOrigin = app.cors.find((c) => c.origin === 'any' || c.origin === 'reflect');
  const allowList = app.cors.find((c) => c.origin === 'restricted');
  if (anyOrigin) {
    state(element, 'corsRestricted', false, anyOrigin.evidence, `${anyOrigin.evidence.says}: ${anyOrigin.origin === 'any' ? 'any origin may call it' : 'the caller’s origin is reflected, so any origin may call it'}${anyOrigin.credentials ? ', with credentials' : ''}`);
  } else if (allowList) {
    state(element, 'corsRestricted', true, allowList.evidence, `${allowList.evidence.says}: origins limited to ${(allowList.origins ?? []).join(', ') || 'an allow-list'}`);
  } else for (const c of app.cors) note(element, c.evidence, `${c.evidence.says}: CORS origin ${c.origin}`);
  for (const h of app.securityHeaders) note(element, h.evidence, `security headers: ${h.library} (${h.evidence.says})`);
  const limited = app.bodyLimits.find((b) => b.limit);
  if (limited) state(element, 'sizeLimits', true, limited.evidence, `${limited.parser} limits request bodies to ${limited.limit}`);
  else if (app.kind === 'server' && app.bodyLimits.length) {
    // Only the parser's default stands between a caller and the service: no limit chosen for this API.
    const [first, ...rest] = app.bodyLimits;
    state(element, 'sizeLimits', false, first!.evidence, `${first!.parser} sets no request-size limit: it falls back to the library's default`);
    for (const b of rest) note(element, b.evidence, `${b.parser} with the library's default body limit`);
  } else for (const b of app.bodyLimits) note(element, b.evidence, `${b.parser} with the library's default body limit`);

  const injected = app.sql.find((q) => q.kind === 'concatenated' && q.requestData);
  // A route that takes a body, where no validation library is used, takes its input as it comes.
  const bodyRoute = app.kind === 'server' ? app.routes.find((r) => /^(?:post|put|patch)$/i.test(r.method)) : undefined;
  if (injected) {
    state(element, 'validatesInput', false, injected.evidence, `SQL built by concatenating request data: ${injected.evidence.says}`);
  } else if (app.validation.length) {
    const v = app.validation[0]!;
    state(element, 'validatesInput', true, v.evidence, `input validated with ${v.library}`);
  } else if (bodyRoute) {
    state(element, 'validatesInput', false, bodyRoute.evidence, `${bodyRoute.method} ${bodyRoute.path} takes a request body and no validation library (${language.validators}) is used`);
  }
  for (const q of app.sql) {
    if (q === injected) continue;
    note(element, q.evidence, q.kind === 'concatenated' ? `SQL built by concatenation${q.requestData ? ' with request data' : ''}: ${q.evidence.says}` : q.kind === 'parameterised' ? `parameterised SQL: ${q.evidence.says}` : q.evidence.says);
  }
  for (const s of app.secrets) state(element, 'storesCredentials', true, s.evidence, `hard-coded credential in code: ${s.kind} (masked: ${s.masked})`);
  if (app.audit.length) state(element, 'auditLogging', true, app.audit[0]!, `audit log call: ${app.audit[0]!.says}`);
  else if (app.kind === 'server' && bodyRoute) {
    const start = entryLine(app);
    if (start) state(element, 'auditLogging', false, start, `no audit log is written for the changes its routes make${app.logging.length ? ` (it logs with ${app.logging[0]!.library}, which is not an audit trail)` : ''}`);
  }
  for (const l of app.logging.slice(0, 1)) note(element, l.evidence, `logging with ${l.library}`);
}
