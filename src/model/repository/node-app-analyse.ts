// One Node.js application read: its sources indexed, every call and literal scanned, routes judged, and the
// facts put together as the report states them, with the notes on what could not be read.

import { judgeRoutes } from './node-app-auth.js';
import { scanCalls } from './node-app-calls.js';
import { newCollector, type Collector } from './node-app-collect.js';
import { indexModule, type ModuleIndex } from './node-app-module.js';
import { scanText } from './node-app-text.js';
import type { Evidence, NodeApp, NodeAppKind, NodeAppReport, NodeAppSummary, NodeFramework, Route } from './node-app-types.js';
import { Workspace } from './node-app-values.js';

const FRAMEWORKS: [string, NodeFramework][] = [
  ['@nestjs/core', 'nestjs'], ['next', 'next'], ['fastify', 'fastify'], ['@hapi/hapi', 'hapi'], ['hapi', 'hapi'], ['koa', 'koa'], ['express', 'express'],
];
const FRONTEND = ['react', 'vue', '@angular/core', 'svelte', 'preact', 'solid-js', 'react-dom'];

export interface Package {
  dir: string;
  name: string;
  deps: Set<string>;
  main?: string;
}

/** One application to read: its directory, its package.json (none at a bare repository root) and its sources. */
export interface AppJob {
  dir: string;
  pkg?: Package;
  sources: { rel: string; text: string }[];
}

export interface AppResult {
  app: NodeApp;
  notes: NodeAppReport['notes'];
}

export function analyseApp(job: AppJob): AppResult {
  const notes: NodeAppReport['notes'] = [];
  return { app: readApp(job.dir, job.pkg, job.sources, notes), notes };
}

function readApp(dir: string, pkg: Package | undefined, sources: { rel: string; text: string }[], notes: NodeAppReport['notes']): NodeApp {
  const modules = new Map<string, ModuleIndex>();
  for (const f of sources) {
    try {
      modules.set(f.rel, indexModule(f.rel, f.text));
    } catch (error) {
      notes.push({ file: f.rel, message: `not read: ${(error as Error).message}` });
    }
  }
  const c = newCollector(new Workspace(modules));
  for (const mod of modules.values()) {
    try {
      scanCalls(c, mod);
      scanText(c, mod, false);
    } catch (error) {
      notes.push({ file: mod.file, message: `partly read: ${(error as Error).message}` });
    }
  }
  let routes: Route[] = [];
  try {
    routes = judgeRoutes(c);
  } catch (error) {
    notes.push({ file: dir || '.', message: `routes not judged: ${(error as Error).message}` });
  }
  const framework = FRAMEWORKS.find(([dep]) => pkg?.deps.has(dep))?.[1] ?? FRAMEWORKS.map(([, f]) => f).find((f) => c.frameworks.has(f));
  const server = Boolean(framework) || c.serverFiles.size > 0 || c.ports.length > 0;
  const kind: NodeAppKind = server ? 'server' : FRONTEND.some((d) => pkg?.deps.has(d)) ? 'frontend' : c.clients.length || c.sql.length ? 'worker' : 'library';
  const entries = [...c.serverFiles].sort();
  if (!entries.length && pkg?.main) entries.push(joinRel(dir, pkg.main));
  const app: Omit<NodeApp, 'summary'> = {
    dir,
    name: pkg?.name ?? (dir.split('/').pop() || 'app'),
    kind,
    ...(framework ? { framework } : {}),
    entries,
    ports: dedupe(c.ports),
    routes: dedupe(routes),
    auth: dedupe(c.auth),
    cors: dedupe(c.cors),
    securityHeaders: dedupe(c.securityHeaders),
    rateLimits: dedupe(c.rateLimits),
    bodyLimits: dedupe(c.bodyLimits),
    validation: dedupe(c.validation),
    sql: dedupe(c.sql),
    clients: dedupe(c.clients),
    secrets: dedupe(c.secrets),
    logging: dedupe(c.logging),
    audit: dedupe(c.audit.map((evidence) => ({ evidence }))).map((a) => a.evidence),
    env: c.env,
  };
  return { ...app, summary: summarise(app, c) };
}

function joinRel(dir: string, path: string): string {
  const clean = path.replace(/^\.\//, '');
  return dir ? `${dir}/${clean}` : clean;
}

/** Facts once each: the same evidence (file, line, code) read twice (a chained call) is one fact. */
function dedupe<T extends { evidence: Evidence }>(items: T[]): T[] {
  // Grouped by file and line (cheap keys, no string built per fact); the rest of a fact is written out only
  // when another fact of the same line was seen before.
  const byFile = new Map<string, Map<number, { item: T; rest?: string }[]>>();
  const restOf = (item: T) => JSON.stringify({ ...item, evidence: undefined });
  return items.filter((item) => {
    const { file, line, says } = item.evidence;
    let byLine = byFile.get(file);
    if (!byLine) byFile.set(file, (byLine = new Map()));
    const earlier = byLine.get(line);
    if (!earlier) {
      byLine.set(line, [{ item }]);
      return true;
    }
    let rest: string | undefined;
    for (const e of earlier) {
      if (e.item.evidence.says !== says) continue;
      if ((e.rest ??= restOf(e.item)) === (rest ??= restOf(item))) return false;
    }
    earlier.push({ item, ...(rest !== undefined ? { rest } : {}) });
    return true;
  });
}

const CORS_ORDER: NodeAppSummary['cors'][] = ['any', 'reflect', 'unknown', 'custom', 'configured', 'restricted'];

function summarise(app: Omit<NodeApp, 'summary'>, c: Collector): NodeAppSummary {
  const cors = app.cors.length ? CORS_ORDER.find((o) => app.cors.some((p) => p.origin === o)) ?? 'unknown' : 'none';
  const parsers = app.bodyLimits;
  return {
    authentication: app.auth.length > 0 || (app.routes.length > 0 && app.routes.every((r) => r.authenticated)),
    unauthenticatedRoutes: app.routes.filter((r) => !r.authenticated).length,
    tls: app.ports.some((p) => p.tls),
    cors,
    helmet: app.securityHeaders.length > 0,
    rateLimit: app.rateLimits.length > 0,
    bodyLimit: !parsers.length ? 'none' : parsers.some((p) => !p.limit) ? 'default' : 'set',
    validation: app.validation.length > 0,
    sqlConcatenation: app.sql.some((q) => q.kind === 'concatenated'),
    hardcodedSecrets: app.secrets.length,
    logging: app.logging.length > 0,
    audit: app.audit.length > 0 || c.audit.length > 0,
  };
}
